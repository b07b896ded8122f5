"""Bulleted and numbered lists: an item ("- Wuxi, Jiangsu: internet of things", "1. 合肥市")
takes its announcement from the sentence that leads the list."""

from __future__ import annotations

import re

from graph.extract.patterns import APPROVE, NEGATIVE, NOUN

_ITEM = re.compile(r"\s*(?:[-*•·▪–—]|\(?\d{1,2}[.)、]|[（(]?[一二三四五六七八九十]{1,2}[、)）])\s*")
Span = tuple[int, int]


def is_item(raw: str, span: Span) -> bool:
    """Whether a sentence is an item of a bulleted or numbered list."""
    return _ITEM.match(raw, span[0], span[1]) is not None


def lead(raw: str, norm: str, sents: list[Span], index: int) -> int | None:
    """The sentence that leads the list an item belongs to, when it announces designations."""
    if not is_item(raw, sents[index]):
        return None
    j = index - 1
    while j >= 0 and is_item(raw, sents[j]):
        j -= 1
    if j < 0 or NEGATIVE.search(norm, *sents[j]):
        return None
    return j if APPROVE.search(norm, *sents[j]) and NOUN.search(norm, *sents[j]) else None
