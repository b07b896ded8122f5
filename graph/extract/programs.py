"""Programs: the catalogue by name, a child pilot of a named parent program, and unknown
programs by pattern (national … pilot, 国家级…, 第N批…试点, …示范区, …集群)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.gazetteer import Entry, Gazetteer, Mention
from graph.extract.patterns import (
    APPROVE,
    EN_LISTED_PROGRAM,
    EN_PROGRAM,
    PILOT,
    TYPE_WORDS,
    ZH_LISTED_PROGRAM,
    ZH_PROGRAM,
)


@dataclass(frozen=True)
class ProgramHit:
    """A program named at [start, end), with its catalogue entry when known."""

    start: int
    end: int
    label: str
    entry: Entry | None


def _child(entry: Entry, gaz: Gazetteer, sentence: str) -> Entry:
    if not PILOT.search(sentence):
        return entry
    slug = entry.ref.removeprefix("program/")
    for other in gaz.programs:
        if other.parent == slug and PILOT.search(other.en.lower()):
            return other
    return entry


def find_program(
    norm: str, raw: str, span: tuple[int, int], mentions: list[Mention], gaz: Gazetteer, lang: str
) -> ProgramHit | None:
    """The program a sentence names: from the catalogue first, else by pattern."""
    lo, hi = span
    known = [m for m in mentions if m.entry.kind == "program" and lo <= m.start < hi]
    if known:
        m = max(known, key=lambda m: m.end - m.start)
        entry = _child(m.entry, gaz, norm[lo:hi])
        label = entry.zh if lang == "zh" else entry.en
        return ProgramHit(m.start, m.end, label, entry)
    hit = _pattern_span(norm, lo, hi, lang)
    if hit is None:
        return None
    label = raw[hit[0] : hit[1]]
    found = gaz.fuzzy(label, ("program",), cutoff=0.8)
    if found is not None:
        label = found.zh if lang == "zh" else found.en
    return ProgramHit(hit[0], hit[1], label, found)


# "national pilot cities for the integration of industrial internet and manufacturing": the
# purpose that completes a program's name, up to the end of the clause.
_EN_PURPOSE = re.compile(
    r" for (?:the )?(?:(?!(?:the|a|an|three|two|five|years?|months?)\b)[a-z-]+ ){0,8}?"
    r"(?!(?:years?|months?)\b)[a-z-]{4,}(?=[,.;:]|$)"
)


def _pattern_span(norm: str, lo: int, hi: int, lang: str) -> tuple[int, int] | None:
    pattern = ZH_PROGRAM if lang == "zh" else EN_PROGRAM
    hit = next((h for h in pattern.finditer(norm, lo, hi) if not APPROVE.search(h.group())), None)
    if hit is not None:
        tail = _EN_PURPOSE.match(norm, hit.end(), hi) if lang == "en" else None
        return hit.start(), hit.end() if tail is None else tail.end()
    listed = (ZH_LISTED_PROGRAM if lang == "zh" else EN_LISTED_PROGRAM).search(norm, lo, hi)
    return None if listed is None else (listed.start(1), listed.end(1))


def program_spans(norm: str, span: tuple[int, int], lang: str) -> list[tuple[int, int]]:
    """Every span of the sentence that reads as a program's name ("国家…试验区")."""
    pattern = ZH_PROGRAM if lang == "zh" else EN_PROGRAM
    return [m.span() for m in pattern.finditer(norm, *span) if not APPROVE.search(m.group())]


def designation_type(program: ProgramHit | None, context: str, kind: str) -> str | None:
    """The designation type: the catalogue's, else from words of the program or the sentence."""
    if program is not None and program.entry is not None and program.entry.detail:
        value = program.entry.detail
        if value == "regional-pilot" and kind in ("city", "organization"):
            return "pilot-city" if kind == "city" else "pilot-unit"
        return value
    texts = [program.label.lower()] if program is not None else []
    for text in [*texts, context]:
        for pattern, value in TYPE_WORDS:
            if pattern.search(text):
                return value
        if PILOT.search(text):
            return {"city": "pilot-city", "organization": "pilot-unit"}.get(kind, "regional-pilot")
    return None
