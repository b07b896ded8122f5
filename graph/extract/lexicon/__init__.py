"""The extractor's lexicons: per-language data files (en.yaml, zh.yaml) of designation nouns,
cue phrases, issuers' names and abbreviations, date words and the words that end names.

Entries are regular-expression fragments; `cue` joins one list of both languages into one
pattern, English entries matching whole words. `graph.extract.patterns` compiles the patterns
the pipeline uses from here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).parent
LANGUAGES = ("en", "zh")


@lru_cache(maxsize=2)
def data(lang: str) -> dict[str, Any]:
    """The lexicon of one language, as written in its data file."""
    loaded: dict[str, Any] = yaml.safe_load((FOLDER / f"{lang}.yaml").read_text("utf-8"))
    return loaded


def entries(lang: str, name: str) -> list[str]:
    """One list of a language: a YAML list, or a string of space-separated words."""
    value = data(lang).get(name) or []
    if isinstance(value, str):
        return value.split()
    wrong = [v for v in value if not isinstance(v, str | int)]
    if wrong:
        raise ValueError(f"{lang}.yaml: {name}: entries must be strings, not {wrong[0]!r}")
    return [str(v) for v in value]


def fragment(lang: str, name: str) -> str:
    """A single-pattern entry of a language (a string), or "" when it has none; a pattern
    written over several lines (a YAML block) is joined without the line breaks."""
    value = str(data(lang).get(name) or "")
    return "".join(line.strip() for line in value.splitlines())


def alternation(lang: str, name: str) -> str:
    """One list of a language as a regular-expression alternation, matching whole English words."""
    items = entries(lang, name)
    if not items:
        return ""
    body = "|".join(items)
    return rf"\b(?:{body})\b" if lang == "en" else f"(?:{body})"


def cue(name: str, flags: int = 0) -> re.Pattern[str]:
    """The list `name` of both languages as one compiled pattern."""
    parts = [p for p in (alternation(lang, name) for lang in LANGUAGES) if p]
    return re.compile("|".join(parts) or r"(?!x)x", flags)


_META = re.compile(r"[\\\[\](){}?*+|^$.]")


def anchors(name: str) -> tuple[str, ...] | None:
    """Words at least one of which any match of the list `name` contains: each entry's
    literal start (up to its first regular-expression sign, less a character it makes
    optional). None when an entry has no literal start, so that no match can be ruled out by
    looking for words."""
    out = []
    for lang in LANGUAGES:
        for entry in entries(lang, name):
            sign = _META.search(entry)
            head = entry if sign is None else entry[: sign.start()]
            if sign is not None and sign.group() in "?*{":
                head = head[:-1]
            if len(head.strip()) < (2 if head.isascii() else 1):
                return None
            out.append(head)
    return tuple(dict.fromkeys(out))


def table(lang: str, name: str) -> dict[str, Any]:
    """A mapping of a language (months, ordinals, suffixes by kind)."""
    value: dict[str, Any] = data(lang).get(name) or {}
    return value


def pairs(lang: str, name: str) -> list[tuple[str, str]]:
    """A list of [pattern, value] pairs of a language (designation type words)."""
    return [(str(a), str(b)) for a, b in data(lang).get(name) or []]
