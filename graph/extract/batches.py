"""Batches: "第三批", "首批", "the fifth batch", "2024年度…名单", "the 2025 … List" become the
draft's batch, with the batch of the reference data when the program has one that matches."""

from __future__ import annotations

import re

from graph import iris
from graph.extract.designation import Batch
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import fragment, table
from graph.extract.programs import ProgramHit

Span = tuple[int, int]
ORDINALS: dict[str, int] = {str(k): int(v) for k, v in table("en", "ordinals").items()}
NUMERALS: dict[str, int] = {str(k): int(v) for k, v in table("zh", "numerals").items()}
_ZH = re.compile(rf"第\s*([{''.join(NUMERALS)}\d]+)\s*批|({fragment('zh', 'first_batch')})")
_EN = re.compile(
    rf"\b({'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))\s+(?:{fragment('en', 'batch_words')})\b"
)
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*(?:年度|年)?[^，。,;；\d]{0,30}?(?:名单|\blist\b)")


def zh_number(text: str) -> int | None:
    """A number written in digits or Chinese numerals up to 99 ("十", "二十一", "12").

    >>> [zh_number(t) for t in ("三", "十", "十二", "二十一", "12")]
    [3, 10, 12, 21, 12]
    """
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return NUMERALS.get(text)
    tens, _, ones = text.partition("十")
    return NUMERALS.get(tens, 1) * 10 + NUMERALS.get(ones, 0)


def _ordinal(norm: str, span: Span) -> tuple[int, Span] | None:
    zh = _ZH.search(norm, *span)
    if zh is not None:
        value = 1 if zh.group(2) else zh_number(zh.group(1))
        return (value, zh.span()) if value else None
    en = _EN.search(norm, *span)
    if en is None:
        return None
    word = en.group(1)
    value = ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    return (value, en.span()) if value else None


def _reference(
    gaz: Gazetteer, program: ProgramHit | None, ordinal: int | None, year: int | None
) -> str | None:
    """The IRI of the program's batch whose slug ends with the number or the year."""
    if program is None or program.entry is None:
        return None
    if program.entry.batch:
        return str(iris.batch(program.entry.batch))
    for entry in gaz.batches.get(program.entry.ref, ()):
        tail = (entry.batch or "").rsplit("-", 1)[-1]
        if tail in {str(ordinal), str(year)} - {"None"}:
            return str(iris.batch(entry.batch or ""))
    return None


_HINTS = ("批", "batch", "group", "round", "名单", "list")


def batch_of(
    raw: str, norm: str, spans: list[Span], program: ProgramHit | None, gaz: Gazetteer
) -> Batch | None:
    """The batch the sentences stating a designation name: its number, else its year."""
    if program is None and not any(h in norm[s[0] : s[1]] for s in spans for h in _HINTS):
        return None
    for span in spans:
        found = _ordinal(norm, span)
        if found is not None:
            (value, (a, b)) = found
            return Batch(value, None, raw[a:b], _reference(gaz, program, value, None))
    for span in spans:
        year = _YEAR.search(norm, *span)
        if year is not None:
            value = int(year.group(1))
            a, b = year.start(1), year.end(1)
            return Batch(None, value, raw[a:b], _reference(gaz, program, None, value))
    if program is not None and program.entry is not None and program.entry.batch:
        return Batch(None, None, program.label, _reference(gaz, program, None, None))
    return None
