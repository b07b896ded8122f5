"""Sentences, the title line and short evidence clips of article text."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.build.records import MAX_QUOTE_WORDS
from graph.build.records import quote_words as _quote_words
from graph.extract.lexicon import entries

_END = re.compile(r"[。！？!?\n]+|\.(?=\s+[A-Z\"'“(]|\s*$)")
_ABBREV = frozenset(entries("en", "abbreviations"))
_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+")


@lru_cache(maxsize=4096)
def quote_words(text: str) -> int:
    """Words of a quote as the record models count them (cached: list sentences repeat)."""
    return _quote_words(text)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\r\n\ufeff\u3000":
        a += 1
    while b > a and text[b - 1] in " \t\r\n\u3000":
        b -= 1
    return a, b


def title_span(text: str) -> tuple[int, int] | None:
    """The first line, when it reads as a headline: short, unpunctuated, with text after it."""
    first = text.lstrip("\ufeff \t\r\n")
    a = len(text) - len(first)
    nl = text.find("\n", a)
    if nl == -1:
        return None
    a, b = _trim(text, a, nl)
    line = text[a:b]
    if not line or len(line) > 160 or line[-1] in "。.!?！？" or not text[nl:].strip():
        return None
    return a, b


def sentences(text: str, lo: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of text from lo, trimmed of surrounding space."""
    spans, start = [], lo
    for m in _END.finditer(text, lo):
        if m.group().startswith("."):
            word = re.search(r"[\w.]+$", text[max(start, m.start() - 6) : m.start()])
            if word and word.group().lower() in _ABBREV:
                continue
        spans.append(_trim(text, start, m.end()))
        start = m.end()
    spans.append(_trim(text, start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _weights(text: str, toks: list[tuple[int, int]]) -> list[float]:
    out = []
    for a, b in toks:
        tok = text[a:b]
        out.append(
            0.5
            if b - a == 1 and "\u3400" <= tok <= "\u9fff"
            else float(any(c.isalnum() for c in tok))
        )
    return out


_CLAUSE_END = re.compile(r"[,;:，；：]")


def clip(text: str, lo: int, hi: int, focus: tuple[int, int]) -> tuple[int, int]:
    """A span of text[lo:hi] around focus with at most the quotable number of words: whole
    clauses where they fit, else words around the focus."""
    if hi - lo < 3 * MAX_QUOTE_WORDS and quote_words(text[lo:hi]) <= MAX_QUOTE_WORDS:
        return lo, hi
    cuts = [lo] + [m.end() for m in _CLAUSE_END.finditer(text, lo, hi)] + [hi]
    a = max(c for c in cuts if c <= focus[0])
    b = min((c for c in cuts if c >= focus[1]), default=hi)
    if quote_words(text[a:b]) <= MAX_QUOTE_WORDS:
        return _trim(text, a, b)
    return _words(text, a, b, focus)


def _words(text: str, lo: int, hi: int, focus: tuple[int, int]) -> tuple[int, int]:
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]
    weight = _weights(text, toks)
    if sum(weight) <= MAX_QUOTE_WORDS - 1:
        return lo, hi
    inside = [i for i, (a, b) in enumerate(toks) if a < focus[1] and focus[0] < b] or [0]
    left, right = inside[0], inside[-1]
    total = sum(weight[left : right + 1])
    while True:
        grew = False
        for side in (-1, 1):
            i = left - 1 if side < 0 else right + 1
            if 0 <= i < len(toks) and total + weight[i] <= MAX_QUOTE_WORDS - 1:
                total += weight[i]
                left, right = (i, right) if side < 0 else (left, i)
                grew = True
        if not grew:
            break
    a, b = toks[left][0], toks[right][1]
    while b > a and quote_words(text[a:b]) > MAX_QUOTE_WORDS:
        b -= 1
    return _trim(text, a, b)
