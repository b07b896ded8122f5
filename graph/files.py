"""Writing a new file whole or not at all: a reader (a build, another ingest) never sees a
half-written file, even if the writer is killed."""

from __future__ import annotations

import os
from pathlib import Path

from graph.staging import stale


def write_new(path: Path, text: str) -> None:
    """Write text (UTF-8) to path, which must not exist: FileExistsError if it does.

    The text goes to a hidden file beside path (`.{name}.partial-{pid}`) that is then linked
    to path, which fails rather than overwrite, and unlinked. A killed writer leaves only the
    hidden file, which no reader globs for and the next write to the same path removes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for left in stale(path):
        left.unlink(missing_ok=True)
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    with partial.open("w", encoding="utf-8", newline="") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    try:
        os.link(partial, path)
    finally:
        partial.unlink()
