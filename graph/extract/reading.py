"""Reading an article file: plain UTF-8 text, not empty, not binary, at most 5 MB."""

from __future__ import annotations

from pathlib import Path

from graph.errors import DesignationsError

MAX_BYTES = 5 * 1024 * 1024


class ExtractError(DesignationsError):
    """Raised when an article cannot be read or a draft record cannot be written."""


def read_article(path: Path) -> str:
    """The text of an article file, or an ExtractError naming the file and the reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ExtractError(f"{path}: file is {size} bytes; at most {MAX_BYTES} are accepted")
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read file: {exc.strerror}") from exc
    if b"\x00" in data:
        raise ExtractError(f"{path}: binary file (contains NUL bytes), not plain text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from exc
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls * 20 > min(len(text), 65536):
        raise ExtractError(f"{path}: binary file (mostly control characters), not plain text")
    if not text.strip("\ufeff \t\r\n"):
        raise ExtractError(f"{path}: file is empty")
    return text
