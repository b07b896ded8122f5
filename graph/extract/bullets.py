"""Bulleted and numbered lists: an item ("- Wuxi, Jiangsu: internet of things", "1. 合肥市")
takes its announcement from the sentence that leads the list."""

from __future__ import annotations

import re

from graph.extract.patterns import APPROVE, LIST_INTRO, NEGATIVE, NOUN

_ITEM = re.compile(r"\s*(?:[-*•·▪–—]|\(?\d{1,2}[.)、]|[（(]?[一二三四五六七八九十]{1,2}[、)）])\s*")
_CLAUSE = re.compile(r"[^,;:，；：]+")
_PUNCTUATION = re.compile(r"[，,。；;：:！？!?]")
Span = tuple[int, int]


def is_item(raw: str, span: Span) -> bool:
    """Whether a sentence is an item of a bulleted or numbered list."""
    return _ITEM.match(raw, span[0], span[1]) is not None


def is_line(raw: str, span: Span) -> bool:
    """Whether a sentence is a whole short line without punctuation inside (a name in a list
    of lines under "名单如下：")."""
    a, b = span
    whole = (a == 0 or raw[a - 1] == "\n") and (b == len(raw) or raw[b] in "\r\n")
    return whole and b - a <= 40 and _PUNCTUATION.search(raw, a, b) is None


def lead(raw: str, norm: str, sents: list[Span], index: int) -> int | None:
    """The sentence that leads the list an item belongs to, when it announces designations:
    before bulleted or numbered items, or ending with a colon before a list of lines."""
    if is_item(raw, sents[index]):
        listed = is_item
    elif is_line(raw, sents[index]):
        listed = is_line
    else:
        return None
    j = index - 1
    while j >= 0 and listed(raw, sents[j]):
        j -= 1
    if j < 0 or (listed is is_line and raw[sents[j][1] - 1] not in ":："):
        return None
    if _announcing(norm, sents[j]):
        return j
    short = sents[j][1] - sents[j][0] <= 24 and LIST_INTRO.search(norm, *sents[j])
    return j - 1 if short and j > 0 and _announcing(norm, sents[j - 1]) else None


def _announcing(norm: str, span: Span) -> bool:
    """Whether a lead sentence approves in a clause that states no plan, about a designation
    noun."""
    if not NOUN.search(norm, *span):
        return False
    clauses = [m.span() for m in _CLAUSE.finditer(norm, *span)]
    return any(APPROVE.search(norm, *c) and not NEGATIVE.search(norm, *c) for c in clauses)
