"""The units of an article that state designations: sentences that announce them, list items
and lines under a lead that announces, and table rows; and which of them state news rather
than background."""

from __future__ import annotations

from dataclasses import dataclass

from graph.extract import announce, bullets
from graph.extract.attributes import issuers_for
from graph.extract.batches import batch_of
from graph.extract.candidate import Candidate
from graph.extract.dates import DateMention
from graph.extract.designees import gazetteer_candidates, item_candidates, pattern_candidates
from graph.extract.doc import Doc
from graph.extract.issuers import Issuer
from graph.extract.named import candidates, described, program_of, referent, refers_back
from graph.extract.patterns import APPROVE, EXTENT, LIST_INTRO, NOUN, TALLY
from graph.extract.places import PLACE_KINDS
from graph.extract.programs import ProgramHit

Span = tuple[int, int]


@dataclass(frozen=True)
class Unit:
    """A sentence, list item or table row that states designations, with what it states them
    with; head is the sentence leading an item or row, date a row's own date."""

    index: int
    cands: list[Candidate]
    program: ProgramHit | None
    issuers: list[Issuer]
    head: int | None = None
    date: DateMention | None = None
    background: bool = False


def _elaborates(doc: Doc, index: int) -> bool:
    """Whether a sentence that approves nothing names the designees that the sentence before
    announced without naming them ("… unveiled six new pilot free trade zones. The China
    (Shandong), … Zones …")."""
    if index == 0 or (doc.title is not None and index == 1):
        return False
    span, prev = doc.sents[index], doc.sents[index - 1]
    if not doc.cue(NOUN, *span) or not doc.cue(NOUN, *prev):
        return False
    if not announce.approves(doc, prev) or announce.plan_or_aim(doc, prev):
        return False
    if announce.plan_or_aim(doc, span) or refers_back(doc, prev):
        return False
    return not candidates(doc, prev)


def sentence(doc: Doc, index: int) -> Unit | None:
    """A sentence that announces designations, with its designees."""
    span = doc.sents[index]
    head = bullets.lead(doc.raw, doc.norm, doc.sents, index)
    if index in doc.rows:
        return _row(doc, index)
    if head is not None:
        return _item(doc, index, head)
    approving = announce.approves(doc, span)
    elaborates = not approving and _elaborates(doc, index)
    if not approving and not elaborates:
        if index == 0 or not doc.cue(LIST_INTRO, *span):
            return None
        if not announce.approves(doc, doc.sents[index - 1]):
            return None
    clauses = announce.open_clauses(doc, span)
    if not elaborates and not announce.announces(doc, index, clauses):
        return None
    cands = [c for c in candidates(doc, span) if any(a <= c.start < b for a, b in clauses)]
    if doc.cue(EXTENT, *span) or doc.cue(TALLY, *span):
        parts = announce.clauses_of(doc, span)
        cands = [c for c in cands if not described(doc, c, parts)]
    if not cands and refers_back(doc, span):
        cands = referent(doc, index)
    program = program_of(doc, span, cands)
    if program is None and index > 0:
        prev = doc.sents[index - 1]
        program = program_of(doc, prev, doc.cand_cache.get(prev))
    issuers = issuers_for(doc, span, program)
    first = min((c.start for c in cands if span[0] <= c.start < span[1]), default=None)
    return Unit(index, cands, program, issuers, background=announce.background(doc, index, first))


def _item(doc: Doc, index: int, head: int) -> Unit:
    """A list item under a sentence that announces designations: the designee it names first
    (the whole line, for a list of lines)."""
    lead, span = doc.sents[head], doc.sents[index]
    program = program_of(doc, lead, candidates(doc, lead))
    found = candidates(doc, span)
    cands = item_candidates(doc.within(span), found)
    if cands and bullets.is_line(doc.raw, span) and not bullets.is_item(doc.raw, span):
        cands = [whole(cands[0], span, doc.raw)]
    return Unit(index, cands, program, issuers_for(doc, lead, program), head)


def whole(cand: Candidate, span: Span, raw: str) -> Candidate:
    """A candidate widened to a whole line of a list or cell of a table ("常州市溧阳市"); its
    entry only when its name was the whole line."""
    text = raw[span[0] : span[1]].strip()
    start = span[0] + raw[span[0] : span[1]].find(text)
    same = (cand.start, cand.end) == (start, start + len(text))
    return Candidate(start, start + len(text), cand.kind, cand.entry if same else None)


def _row(doc: Doc, index: int) -> Unit | None:
    """A table row under a sentence that announces designations: its first cell naming a
    designee, and a date from its cells."""
    lead = _table_lead(doc, index)
    if lead is None:
        return None
    cells = doc.rows[index]
    found = [c for cell in cells for c in in_cell(doc, cell)]
    if not found:
        return None
    cell = next(c for c in cells if c[0] <= found[0].start < c[1])
    cand = whole(found[0], cell, doc.raw)
    dates = [d for c in cells for d in _cell_dates(doc, c)]
    program = program_of(doc, doc.sents[lead], candidates(doc, doc.sents[lead]))
    issuers = issuers_for(doc, doc.sents[lead], program)
    return Unit(index, [cand], program, issuers, lead, dates[0] if dates else None)


def in_cell(doc: Doc, cell: Span) -> list[Candidate]:
    """The designee a table cell names: a name, else a place."""
    mentions = doc.within(cell)
    named = pattern_candidates(doc.norm, doc.raw, cell[0], cell[1], doc.gaz, doc.lang)
    named += gazetteer_candidates(doc.norm, mentions)
    places = [m for m in mentions if m.entry.kind in PLACE_KINDS]
    found = named or [Candidate(p.start, p.end, "city", p.entry) for p in places]
    return found[:1]


def _cell_dates(doc: Doc, cell: Span) -> list[DateMention]:
    """The date a table cell gives: a year alone ("2019"), or a date in it."""
    text = doc.raw[cell[0] : cell[1]].strip()
    if len(text) == 4 and text.isdigit():
        return [DateMention(cell[0], cell[1], text, "stated", 4)]
    return doc.dates_in(cell)


def _table_lead(doc: Doc, index: int) -> int | None:
    """The sentence before a table (within three sentences) that announces designations."""
    j = index - 1
    while j >= 0 and j in doc.rows:
        j -= 1
    for i in range(j, max(j - 3, -1), -1):
        span = doc.sents[i]
        if doc.cue(APPROVE, *span) and doc.cue(NOUN, *span):
            return i
    return None


def _own_year(doc: Doc, unit: Unit) -> int | None:
    dates = doc.dates_in(doc.sents[unit.index])
    return int(dates[0].value[:4]) if dates and dates[0].value else None


def _ordinal(doc: Doc, unit: Unit) -> int | None:
    found = batch_of(doc.raw, doc.norm, [doc.sents[unit.index]], None, doc.gaz)
    return None if found is None else found.ordinal


def news(doc: Doc, units: list[Unit]) -> list[Unit]:
    """The units that state news: not background by their words, nor by a year before the
    year of the news, nor by an earlier batch than the news states (when some unit states
    news)."""
    news = [u for u in units if not u.background]
    batches = {id(u): _ordinal(doc, u) for u in news if u.head is None and len(news) > 1}
    last = max((b for b in batches.values() if b is not None), default=None)
    earlier = [u for u in news if last is not None and (batches.get(id(u)) or last) < last]
    news = [u for u in news if u not in earlier] or news
    years = [y for u in news if u.head is None and (y := _own_year(doc, u)) is not None]
    latest = max(years, default=None)
    if latest is None:
        return news
    recent = [u for u in news if u.head is not None or (_own_year(doc, u) or latest) >= latest]
    return recent or news
