"""Designees named in a span: by the words ending their names, by the reference data and as
places an approval acts on; screened for well-formed names, and set aside when they only build,
are enlarged, renamed, compared with or describe; what a backward reference ("the zone",
"该试验区") names; and the program a span names outside its designees' names."""

from __future__ import annotations

import re
from collections.abc import Callable

from graph.extract import wellformed
from graph.extract.candidate import Candidate
from graph.extract.dates import DATELINE
from graph.extract.designees import (
    city_candidates,
    gazetteer_candidates,
    merge,
    pattern_candidates,
)
from graph.extract.doc import Doc
from graph.extract.patterns import (
    BACKREF,
    COMPARED,
    COMPARED_BEFORE,
    DATELINE_PLACE,
    EXPANSION,
    EXTENT,
    REFERENT,
    RENAMED,
    TALLY,
)
from graph.extract.places import BUILD, place_candidates
from graph.extract.programs import ProgramHit, find_program, program_spans
from graph.extract.subjects import coordinated, subject_candidates

Span = tuple[int, int]


def program_of(doc: Doc, span: Span, cands: list[Candidate] | None = None) -> ProgramHit | None:
    """The program a span names, outside the names of its designees ("Wuxi National
    High-tech Industrial Development Zone" names no program)."""
    inside = tuple((c.start, c.end) for c in cands or ())
    memo = (span, inside)
    if memo not in doc.program_cache:
        mentions = [m for m in doc.within(span) if not any(a <= m.start < b for a, b in inside)]
        hit = find_program(doc.norm, doc.raw, span, mentions, doc.gaz, doc.lang)
        if hit is not None and any(a <= hit.start < b for a, b in inside):
            hit = None
        doc.program_cache[memo] = hit
    return doc.program_cache[memo]


def _blocked(doc: Doc, span: Span) -> list[Span]:
    """Where no designee can be: issuers, program names, datelines, book titles, addressees."""
    out = [(i.start, i.end) for i in doc.issuers_in(span)]
    out += [(m.start, m.end) for m in doc.within(span) if m.entry.kind == "program"]
    out += [(m.start(), m.end()) for m in DATELINE.finditer(doc.norm, *span)]
    out += [(m.start(), m.end()) for m in DATELINE_PLACE.finditer(doc.raw, *span)]
    return out + doc.titles_in(span) + doc.layout.addressees


def _programs(doc: Doc, span: Span) -> list[tuple[Span, str]]:
    """Program names in a span, from the reference data and by pattern."""
    spans = [(m.start, m.end) for m in doc.within(span) if m.entry.kind == "program"]
    spans += program_spans(doc.norm, span, doc.lang)
    return [((a, b), doc.raw[a:b]) for a, b in spans]


def candidates(doc: Doc, span: Span) -> list[Candidate]:
    """Designees named in a span: by the words ending their names, by the reference data and
    as places an approval acts on; screened for well-formed names, longest first."""
    if span in doc.cand_cache:
        return list(doc.cand_cache[span])
    mentions = doc.within(span)
    named = pattern_candidates(doc.norm, doc.raw, span[0], span[1], doc.gaz, doc.lang)
    named += [
        c
        for c in subject_candidates(doc.norm, doc.raw, *span, doc.gaz, doc.lang)
        if not _place(doc, c)
    ]
    if named:
        named, notes = wellformed.screen(doc.raw, named, _programs(doc, span), doc.gaz)
        doc.notes += notes
    named += coordinated(doc.raw, named, span[1], doc.gaz)
    groups = [named, gazetteer_candidates(doc.norm, mentions)]
    groups.append(city_candidates(doc.norm, span[0], span[1], mentions))
    places = place_candidates(doc.norm, doc.raw, span, mentions, doc.gaz)
    found = merge(groups, _blocked(doc, span), places)
    for cue, test in _SCREENS:
        if found and doc.cue(cue, *span):
            found = [c for c in found if not test(doc, c, found)]
    doc.cand_cache[span] = found
    return list(found)


def _place(doc: Doc, c: Candidate) -> bool:
    """Whether a name is exactly a place (places are found as places)."""
    found = doc.within((c.start, c.end))
    return len(found) == 1 and (found[0].start, found[0].end) == (c.start, c.end)


def _builder(doc: Doc, c: Candidate, found: list[Candidate]) -> bool:
    """Whether a place only builds the designee named after it ("支持南京、苏州…等8个高新区
    建设苏南国家自主创新示范区")."""
    if c.kind != "city" and c.label is None:
        return False
    later = [n for n in found if n.kind != "city" and n.label is None and n.start > c.end]
    return any(BUILD.search(doc.norm, c.end, n.start) for n in later)


def _renamed(doc: Doc, c: Candidate, found: list[Candidate]) -> bool:
    """Whether a designee is named again under its new name ("同意江西瑞金经济开发区升级为…，
    定名为瑞金经济技术开发区")."""
    later = [n for n in found if n.start > c.end and n.kind == c.kind]
    return any(RENAMED.search(doc.norm, c.end, n.start) for n in later)


def _compared(doc: Doc, c: Candidate, _found: list[Candidate]) -> bool:
    """Whether a name is only compared with ("the second … after the Xiangjiang New Area")."""
    return COMPARED_BEFORE.search(doc.norm, max(0, c.start - 14), c.start) is not None


def described(doc: Doc, c: Candidate, clauses: list[Span]) -> bool:
    """Whether a name only describes: the area a zone covers ("covering … Urumqi"), or where
    designations are counted ("the number of … zones in Hubei province")."""
    clause = next(((a, b) for a, b in clauses if a <= c.start < b), None)
    if clause is None:
        return False
    if doc.cue(EXTENT, *clause):
        return True
    tally = doc.cue(TALLY, clause[0], c.start)
    return tally is not None and c.kind == "city"


def _enlarged(doc: Doc, c: Candidate, _found: list[Candidate]) -> bool:
    """Whether an existing zone is only enlarged ("浙江自由贸易试验区扩展区域方案", "expand the
    existing zone in Zhejiang")."""
    if EXPANSION.match(doc.norm, c.end, c.end + 8) is not None:
        return True
    return EXPANSION.search(doc.norm, max(0, c.start - 40), c.start) is not None


Screen = Callable[[Doc, Candidate, list[Candidate]], bool]
# Each test runs only on sentences holding its cue.
_SCREENS: tuple[tuple[re.Pattern[str], Screen], ...] = (
    (BUILD, _builder),
    (EXPANSION, _enlarged),
    (RENAMED, _renamed),
    (COMPARED, _compared),
)


def referent(doc: Doc, index: int) -> list[Candidate]:
    """What "the zone", "该试验区" refers to: the last zone, cluster or organisation named in
    the two sentences before."""
    for j in (index - 1, index - 2):
        if j < 0 or (doc.title is not None and j == 0):
            break
        found = [c for c in candidates(doc, doc.sents[j]) if c.kind != "city"]
        if found:
            return found[-1:]
    return []


def refers_back(doc: Doc, span: Span) -> bool:
    return bool(BACKREF.match(doc.norm, span[0]) or REFERENT.search(doc.norm, *span))
