"""Text normalisation that keeps every character at its offset: traditional to simplified
Chinese, full-width to half-width forms, one kind of apostrophe and dash, lower case."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

_HAN = re.compile(r"[\u3400-\u9fff]")
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": " ",
        "\u2014": " ",
        "-": " ",
        "\u3000": " ",
        "\u00a0": " ",
        "\uff08": "(",
        "\uff09": ")",
    }
)


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese, character for character so offsets hold."""
    if not _HAN.search(text):
        return text
    converted = str(_converter().convert(text))
    if len(converted) == len(text):
        return converted
    convert = _converter().convert
    return "".join(c if len(s := str(convert(c))) != 1 else s for c in text)


_HALF = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in "，；：！？"}
)


def _half_width(text: str) -> str:
    return text.translate(_HALF)


def normalise(text: str) -> str:
    """A same-length rendering of text for matching: simplified, folded, lower case."""
    out = _half_width(to_simplified(text)).translate(_FOLD)
    lowered = out.lower()
    return (
        lowered
        if len(lowered) == len(out)
        else "".join(c.lower() if len(c.lower()) == 1 else c for c in out)
    )


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The comparison key of a name: normalised, with spaces, hyphens and dots removed."""
    return re.sub(r"[\s\-.'’,()]+", "", normalise(name))


def language(text: str) -> str:
    """ "zh" when Chinese characters make up a fair share of the letters, else "en"."""
    han = len(_HAN.findall(text[:4000]))
    latin = len(re.findall(r"[A-Za-z]", text[:4000]))
    return "zh" if han * 3 >= latin else "en"
