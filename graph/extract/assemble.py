"""The extraction pipeline: read the article (sentences, layout, names, issuers, dates), find
the units that announce designations (sentences, list items, table rows), find their
designees and screen their names, set background aside, keep the best-supported statement of
each designee, and build one `DraftDesignation` per designee."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from graph.extract import announce, bullets, output, wellformed
from graph.extract.attributes import claims_for, date_for, issuers_for, type_and_level
from graph.extract.batches import batch_of
from graph.extract.candidate import Candidate
from graph.extract.dates import DATELINE, DateMention
from graph.extract.designation import Article, DraftDesignation, Extraction, Named
from graph.extract.designees import (
    city_candidates,
    coordinated,
    gazetteer_candidates,
    item_candidates,
    merge,
    pattern_candidates,
)
from graph.extract.doc import Doc, read_doc
from graph.extract.gazetteer import Gazetteer, iri_of
from graph.extract.issuers import Issuer
from graph.extract.normalise import key
from graph.extract.patterns import (
    APPROVE,
    BACKREF,
    COMPARED_BEFORE,
    DATELINE_PLACE,
    EXPANSION,
    EXTENT,
    LIST_INTRO,
    NOUN,
    REFERENT,
    RENAMED,
    TALLY,
)
from graph.extract.places import BUILD, PLACE_KINDS, initials_province, place_candidates
from graph.extract.programs import ProgramHit, find_program, program_spans

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


def _program(doc: Doc, span: Span, cands: list[Candidate] | None = None) -> ProgramHit | None:
    """The program a span names, outside the names of its designees ("Wuxi National
    High-tech Industrial Development Zone" names no program)."""
    inside = [(c.start, c.end) for c in cands or ()]
    mentions = [m for m in doc.within(span) if not any(a <= m.start < b for a, b in inside)]
    hit = find_program(doc.norm, doc.raw, span, mentions, doc.gaz, doc.lang)
    if hit is not None and any(a <= hit.start < b for a, b in inside):
        return None
    return hit


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


def _candidates(doc: Doc, span: Span) -> list[Candidate]:
    """Designees named in a span: by the words ending their names, by the reference data and
    as places an approval acts on; screened for well-formed names, longest first."""
    if span in doc.cand_cache:
        return list(doc.cand_cache[span])
    mentions = doc.within(span)
    named = pattern_candidates(doc.norm, doc.raw, span[0], span[1], doc.gaz, doc.lang)
    named, notes = wellformed.screen(doc.raw, named, _programs(doc, span), doc.gaz)
    doc.notes += notes
    named += coordinated(doc.raw, named, span[1], doc.gaz)
    groups = [named, gazetteer_candidates(doc.norm, mentions)]
    groups.append(city_candidates(doc.norm, span[0], span[1], mentions))
    places = place_candidates(doc.norm, doc.raw, span, mentions, doc.gaz)
    found = merge(groups, _blocked(doc, span), places)
    found = [c for c in found if not _builder(doc, c, found) and not _enlarged(doc, c)]
    found = [c for c in found if not _renamed(doc, c, found) and not _compared(doc, c)]
    doc.cand_cache[span] = found
    return list(found)


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


def _compared(doc: Doc, c: Candidate) -> bool:
    """Whether a name is only compared with ("the second … after the Xiangjiang New Area")."""
    return COMPARED_BEFORE.search(doc.norm, max(0, c.start - 14), c.start) is not None


def _described(doc: Doc, c: Candidate, clauses: list[Span]) -> bool:
    """Whether a name only describes: the area a zone covers ("covering … Urumqi"), or where
    designations are counted ("the number of … zones in Hubei province")."""
    clause = next(((a, b) for a, b in clauses if a <= c.start < b), None)
    if clause is None:
        return False
    if EXTENT.search(doc.norm, *clause):
        return True
    tally = TALLY.search(doc.norm, clause[0], c.start)
    return tally is not None and c.kind == "city"


def _enlarged(doc: Doc, c: Candidate) -> bool:
    """Whether an existing zone is only enlarged ("浙江自由贸易试验区扩展区域方案", "expand the
    existing zone in Zhejiang")."""
    if EXPANSION.match(doc.norm, c.end, c.end + 8) is not None:
        return True
    return EXPANSION.search(doc.norm, max(0, c.start - 40), c.start) is not None


def _referent(doc: Doc, index: int) -> list[Candidate]:
    """What "the zone", "该试验区" refers to: the last zone, cluster or organisation named in
    the two sentences before."""
    for j in (index - 1, index - 2):
        if j < 0 or (doc.title is not None and j == 0):
            break
        found = [c for c in _candidates(doc, doc.sents[j]) if c.kind != "city"]
        if found:
            return found[-1:]
    return []


def _refers_back(doc: Doc, span: Span) -> bool:
    return bool(BACKREF.match(doc.norm, span[0]) or REFERENT.search(doc.norm, *span))


def _elaborates(doc: Doc, index: int) -> bool:
    """Whether a sentence that approves nothing names the designees that the sentence before
    announced without naming them ("… unveiled six new pilot free trade zones. The China
    (Shandong), … Zones …")."""
    if index == 0 or (doc.title is not None and index == 1):
        return False
    span, prev = doc.sents[index], doc.sents[index - 1]
    if not NOUN.search(doc.norm, *span) or not NOUN.search(doc.norm, *prev):
        return False
    if not announce.approves(doc, prev) or announce.plan_or_aim(doc, prev):
        return False
    if announce.plan_or_aim(doc, span) or _refers_back(doc, prev):
        return False
    return not _candidates(doc, prev)


def _sentence(doc: Doc, index: int) -> Unit | None:
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
        if index == 0 or not LIST_INTRO.search(doc.norm, *span):
            return None
        if not announce.approves(doc, doc.sents[index - 1]):
            return None
    clauses = announce.open_clauses(doc, span)
    if not elaborates and not announce.announces(doc, index, clauses):
        return None
    cands = [c for c in _candidates(doc, span) if any(a <= c.start < b for a, b in clauses)]
    cands = [c for c in cands if not _described(doc, c, announce.clauses_of(doc, span))]
    if not cands and _refers_back(doc, span):
        cands = _referent(doc, index)
    program = _program(doc, span, cands)
    if program is None and index > 0:
        prev = doc.sents[index - 1]
        program = _program(doc, prev, doc.cand_cache.get(prev))
    issuers = issuers_for(doc, span, program)
    first = min((c.start for c in cands if span[0] <= c.start < span[1]), default=None)
    return Unit(index, cands, program, issuers, background=announce.background(doc, index, first))


def _item(doc: Doc, index: int, head: int) -> Unit:
    """A list item under a sentence that announces designations: the designee it names first
    (the whole line, for a list of lines)."""
    lead, span = doc.sents[head], doc.sents[index]
    program = _program(doc, lead, _candidates(doc, lead))
    found = _candidates(doc, span)
    cands = item_candidates(doc.within(span), found)
    if cands and bullets.is_line(doc.raw, span) and not bullets.is_item(doc.raw, span):
        cands = [_whole(cands[0], span, doc.raw)]
    return Unit(index, cands, program, issuers_for(doc, lead, program), head)


def _whole(cand: Candidate, span: Span, raw: str) -> Candidate:
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
    found = [c for cell in cells for c in _in_cell(doc, cell)]
    if not found:
        return None
    cell = next(c for c in cells if c[0] <= found[0].start < c[1])
    cand = _whole(found[0], cell, doc.raw)
    dates = [d for c in cells for d in _cell_dates(doc, c)]
    program = _program(doc, doc.sents[lead], _candidates(doc, doc.sents[lead]))
    issuers = issuers_for(doc, doc.sents[lead], program)
    return Unit(index, [cand], program, issuers, lead, dates[0] if dates else None)


def _in_cell(doc: Doc, cell: Span) -> list[Candidate]:
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
        if APPROVE.search(doc.norm, *span) and NOUN.search(doc.norm, *span):
            return i
    return None


def _own_year(doc: Doc, unit: Unit) -> int | None:
    dates = doc.dates_in(doc.sents[unit.index])
    return int(dates[0].value[:4]) if dates and dates[0].value else None


def _ordinal(doc: Doc, unit: Unit) -> int | None:
    found = batch_of(doc.raw, doc.norm, [doc.sents[unit.index]], None, doc.gaz)
    return None if found is None else found.ordinal


def _news(doc: Doc, units: list[Unit]) -> list[Unit]:
    """The units that state news: not background by their words, nor by a year before the
    year of the news, nor by an earlier batch than the news states (when some unit states
    news)."""
    news = [u for u in units if not u.background]
    batches = {id(u): _ordinal(doc, u) for u in news if u.head is None}
    last = max((b for b in batches.values() if b is not None), default=None)
    earlier = [u for u in news if last is not None and (batches.get(id(u)) or last) < last]
    news = [u for u in news if u not in earlier] or news
    years = [y for u in news if u.head is None and (y := _own_year(doc, u)) is not None]
    latest = max(years, default=None)
    if latest is None:
        return news
    recent = [u for u in news if u.head is not None or (_own_year(doc, u) or latest) >= latest]
    return recent or news


def _key(doc: Doc, c: Candidate, known: Mapping[str, object]) -> str:
    """The identity of a designee: its reference, else its name; a short name that another
    name extends by a place ("赣江新区" of "江西赣江新区") is that name's designee."""
    if c.entry is not None:
        return c.entry.ref
    name = key(c.label or doc.raw[c.start : c.end])
    for other in known:
        longer, shorter = (other, name) if len(other) > len(name) else (name, other)
        extra = longer[: -len(shorter)]
        if len(shorter) >= 4 and longer.endswith(shorter) and extra in doc.gaz.by_key:
            return other
    return name


def _best(doc: Doc, units: list[Unit]) -> dict[str, tuple[float, Unit, Candidate]]:
    """The best-supported statement of each designee."""
    best: dict[str, tuple[float, Unit, Candidate]] = {}
    for u in units:
        if not u.cands or not u.issuers:
            continue
        date = u.date or date_for(doc, u.index, u.head)
        for c in u.cands:
            score = output.confidence(c, u.program, u.issuers, date, doc.sents[u.index])
            ident = _key(doc, c, best)
            if ident not in best or score > best[ident][0]:
                best[ident] = (score, u, c)
    return best


def _draft(doc: Doc, unit: Unit, cand: Candidate) -> DraftDesignation:
    span = doc.sents[unit.index]
    context = span if unit.head is None else doc.sents[unit.head]
    date = unit.date or date_for(doc, unit.index, unit.head)
    near = doc.within(span) if len(unit.cands) == 1 else []
    code = output.region_code(cand, doc.norm, doc.raw, doc.gaz, near, None)
    if code is None and cand.kind == "cluster":
        code = initials_province(cand.label or doc.raw[cand.start : cand.end], doc.gaz)
    kind, level = type_and_level(doc, context, unit.cands, cand, unit.program, unit.issuers)
    extra = output.extra_spans(unit.issuers, unit.program, date)
    return DraftDesignation(
        designee=output.designee_value(cand, doc.raw),
        designated_by=tuple(Named(i.label, i.iri) for i in unit.issuers),
        program=output.program_value(unit.program),
        designation_type=kind,
        level=level,
        region=output.region_value(code or doc.main_province(), doc.gaz, doc.lang),
        date=None if date is None else date.value,
        date_basis=None if date is None else date.basis,
        batch=batch_of(doc.raw, doc.norm, [span, context], unit.program, doc.gaz),
        claims=tuple(claims_for(doc, unit.index, unit.cands, cand)),
        evidence=tuple(output.evidence(doc.raw, span, cand, extra)),
        confidence=output.confidence(cand, unit.program, unit.issuers, date, span),
        text=doc.raw,
    )


def _units(doc: Doc) -> list[Unit]:
    order = [*range(1 if doc.title else 0, len(doc.sents))]
    units = [u for u in (_sentence(doc, i) for i in order) if u is not None]
    if doc.title and not any(u.cands and u.issuers for u in units):
        title = _sentence(doc, 0)
        units += [title] if title is not None else []
    return units


def extract_text(text: str, gaz: Gazetteer, published: dt.date | None = None) -> Extraction:
    """Every designation an article states, one per designee, in order of first mention."""
    doc = read_doc(text, gaz, published)
    best = _best(doc, _news(doc, _units(doc)))
    drafts = sorted(
        (_draft(doc, u, c) for _, u, c in best.values()), key=lambda d: d.evidence[0].start
    )
    title = None if doc.title is None else text[doc.title[0] : doc.title[1]]
    document = Article(doc.lang, None if published is None else published.isoformat(), title)
    return Extraction(document, drafts, list(dict.fromkeys(doc.notes)))


__all__ = ["Extraction", "extract_text", "iri_of"]
