"""Putting it together: sentences that announce a designation become one draft designation per
designee, with issuer, program, level, region, date, claims and evidence."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from graph.extract import bullets, output
from graph.extract.claims import Claim
from graph.extract.dates import DATELINE, DateMention, find_dates
from graph.extract.designees import (
    Candidate,
    city_candidates,
    gazetteer_candidates,
    item_candidates,
    merge,
    pattern_candidates,
)
from graph.extract.doc import Doc
from graph.extract.gazetteer import Gazetteer, iri_of
from graph.extract.issuers import Issuer, find_issuers
from graph.extract.normalise import key, language, normalise
from graph.extract.patterns import (
    APPROVE,
    ATTRIBUTION,
    BACKREF,
    LIST_INTRO,
    LIST_NAMED,
    MUNICIPAL,
    NEGATIVE,
    NOUN,
    PROVINCIAL,
)
from graph.extract.programs import ProgramHit, designation_type, find_program
from graph.extract.text import sentences, title_span

_CLAUSE = re.compile(r"[^,;:，；：]+")
Span = tuple[int, int]


@dataclass(frozen=True)
class Extraction:
    """The result of extracting one article: the JSON-ready document and designations."""

    document: dict[str, Any]
    designations: list[dict[str, Any]]
    claims: list[list[Claim]]

    def as_json(self) -> dict[str, Any]:
        """The output shape other tools consume."""
        return {"document": self.document, "designations": self.designations}


def _open_clauses(doc: Doc, span: Span) -> list[Span]:
    """Clauses of a sentence that do not state a plan or an aim."""
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(doc.norm, *span)]
    return [c for c in clauses if not NEGATIVE.search(doc.norm, *c)]


def _announces(doc: Doc, index: int, open_clauses: list[Span]) -> bool:
    span = doc.sents[index]
    if not NOUN.search(doc.norm, *span) and not LIST_INTRO.search(doc.norm, *span):
        return False
    if any(APPROVE.search(doc.norm, *c) for c in open_clauses):
        return True
    if index == 0 or not LIST_INTRO.search(doc.norm, *span) or not open_clauses:
        return False
    if not LIST_NAMED.search(doc.norm, *span):
        return False
    before = doc.sents[index - 1]
    return bool(APPROVE.search(doc.norm, *before)) and not NEGATIVE.search(doc.norm, *before)


def _elaborates(doc: Doc, index: int) -> bool:
    """Whether a sentence that approves nothing names the designees that the sentence before
    announced without naming them ("… unveiled six new pilot free trade zones. The China
    (Shandong), … Zones …")."""
    if index == 0 or (doc.title is not None and index == 1):
        return False
    span, prev = doc.sents[index], doc.sents[index - 1]
    if not NOUN.search(doc.norm, *span):
        return False
    if not APPROVE.search(doc.norm, *prev) or not NOUN.search(doc.norm, *prev):
        return False
    if NEGATIVE.search(doc.norm, *prev) or NEGATIVE.search(doc.norm, *span):
        return False
    return not _candidates(doc, prev, None)


def _candidates(doc: Doc, span: Span, program: ProgramHit | None) -> list[Candidate]:
    if span in doc.cand_cache:
        return list(doc.cand_cache[span])
    mentions = doc.within(span)
    blocked = [(i.start, i.end) for i in doc.issuers_in(span)]
    blocked += [(m.start, m.end) for m in mentions if m.entry.kind == "program"]
    blocked += [(m.start(), m.end()) for m in DATELINE.finditer(doc.norm, *span)]
    groups = [
        pattern_candidates(doc.norm, doc.raw, span[0], span[1], doc.gaz, doc.lang),
        gazetteer_candidates(doc.norm, mentions),
        city_candidates(doc.norm, span[0], span[1], mentions),
    ]
    doc.cand_cache[span] = merge(groups, blocked)
    return list(doc.cand_cache[span])


def _issuers_for(doc: Doc, span: Span, program: ProgramHit | None) -> list[Issuer]:
    inside = doc.issuers_in(span)
    if inside:
        seen: set[str] = set()
        unique = []
        for i in inside:
            if (i.iri or i.label) not in seen:
                seen.add(i.iri or i.label)
                unique.append(i)
        return unique
    before = bisect.bisect_left(doc.issuer_starts, span[0])
    if before:
        return [doc.issuers[before - 1]]
    if program is not None and program.entry is not None and program.entry.issuers:
        out = []
        for ref in program.entry.issuers:
            e = doc.gaz.by_ref.get(ref)
            label = ref if e is None else (e.zh if doc.lang == "zh" else e.en)
            out.append(Issuer(-1, -1, label, iri_of(ref), "national"))
        return out
    after = bisect.bisect_left(doc.issuer_starts, span[1])
    return doc.issuers[after : after + 1]


def _date_for(doc: Doc, index: int) -> DateMention | None:
    head = bullets.lead(doc.raw, doc.norm, doc.sents, index)
    order = [index, index + 1, index - 1] if head is None else [index, head]
    for i in order:
        if 0 <= i < len(doc.sents):
            a, b = doc.sents[i]
            lo = bisect.bisect_left(doc.date_starts, a)
            hi = bisect.bisect_left(doc.date_starts, b)
            here = [d for d in doc.dates[lo:hi] if d.value]
            if here:
                good = [d for d in here if d.rank <= 1]
                return good[0] if good else min(here, key=lambda d: d.rank)
    return None


def _level(doc: Doc, span: Span, program: ProgramHit | None, issuers: list[Issuer]) -> str:
    texts = [ATTRIBUTION.sub("", doc.norm[span[0] : span[1]])]
    if program is not None:
        texts.insert(0, program.label.lower())
    if any(PROVINCIAL.search(t) for t in texts):
        return "provincial"
    if any(MUNICIPAL.search(t) for t in texts):
        return "municipal"
    levels = {i.level for i in issuers}
    return "national" if not levels or "national" in levels else sorted(levels)[0]


def _claims_for(doc: Doc, index: int, cands: list[Candidate], cand: Candidate) -> list[Claim]:
    found, named = doc.claims_in(index), _following_claims(doc, index, cands, cand)
    out = []
    for c in found:
        single = c.kind == "count" or len(cands) == 1
        if single or c.start <= cand.start < c.end or _nearest(cands, c) is cand:
            out.append(c)
    return out + named


def _following_claims(doc: Doc, index: int, cands: list[Candidate], cand: Candidate) -> list[Claim]:
    """Claims of the next sentence: all of them when one designee was named, else those
    whose clause names this designee ("其中，X是…唯一…", "X is the only one in …")."""
    if index + 1 >= len(doc.sents):
        return []
    na, nb = doc.sents[index + 1]
    if not (BACKREF.match(doc.norm, na) or not APPROVE.search(doc.norm, na, nb)):
        return []
    later = [c for c in doc.claims_in(index + 1) if c.kind != "count"]
    if len(cands) == 1:
        return later
    name = doc.norm[cand.start : cand.end]
    return [c for c in later if name in doc.norm[c.start : c.end]]


def _nearest(cands: list[Candidate], claim: Claim) -> Candidate | None:
    before = [c for c in cands if c.start < claim.end]
    return before[-1] if before else None


def _type_and_level(
    doc: Doc,
    span: Span,
    cands: list[Candidate],
    cand: Candidate,
    program: ProgramHit | None,
    issuers: list[Issuer],
) -> tuple[str | None, str]:
    """The designation type (from the program or the sentence without its designees) and level,
    computed once per sentence and kind of designee."""
    memo = (span, cand.kind)
    if memo not in doc.type_cache:
        chars = list(doc.norm[span[0] : span[1]])
        for c in cands:
            chars[c.start - span[0] : c.end - span[0]] = " " * (c.end - c.start)
        level = _level(doc, span, program, issuers)
        doc.type_cache[memo] = (designation_type(program, "".join(chars), cand.kind), level)
    kind, level = doc.type_cache[memo]
    if kind and kind.startswith("national-") and level != "national":
        kind = None
    return kind, level


def _designation(
    doc: Doc,
    index: int,
    cand: Candidate,
    cands: list[Candidate],
    program: ProgramHit | None,
    issuers: list[Issuer],
) -> tuple[dict[str, Any], list[Claim]]:
    span = doc.sents[index]
    date = _date_for(doc, index)
    near = doc.within(span) if len(cands) == 1 else []
    code = output.region_code(cand, doc.norm, doc.raw, doc.gaz, near, doc.main_province())
    claims = _claims_for(doc, index, cands, cand)
    kind, level = _type_and_level(doc, span, cands, cand, program, issuers)
    value = {
        "designee": output.designee_value(cand, doc.raw),
        "designated_by": [{"label": i.label, "iri": i.iri} for i in issuers],
        "program": output.program_value(program),
        "designation_type": kind,
        "level": level,
        "region": output.region_value(code, doc.gaz, doc.lang),
        "date": None if date is None else date.value,
        "date_basis": None if date is None else date.basis,
        "claims": output.claim_values(doc.raw, claims),
        "evidence": output.evidence(
            doc.raw, span, cand, output.extra_spans(issuers, program, date)
        ),
        "confidence": output.confidence(cand, program, issuers, date, span),
    }
    return value, claims


Choice = tuple[int, Candidate, list[Candidate], ProgramHit | None, list[Issuer]]
Best = dict[str, tuple[float, Choice]]


def _sentence(doc: Doc, index: int, best: Best) -> None:
    span = doc.sents[index]
    head = bullets.lead(doc.raw, doc.norm, doc.sents, index)
    if head is not None:
        _item(doc, index, head, best)
        return
    approves = APPROVE.search(doc.norm, *span) is not None
    elaborates = not approves and _elaborates(doc, index)
    if not approves and not elaborates:
        if index == 0 or not LIST_INTRO.search(doc.norm, *span):
            return
        if not APPROVE.search(doc.norm, *doc.sents[index - 1]):
            return
    open_clauses = _open_clauses(doc, span)
    if not elaborates and not _announces(doc, index, open_clauses):
        return
    program = find_program(doc.norm, doc.raw, span, doc.within(span), doc.gaz, doc.lang)
    if program is None and index > 0:
        prev = doc.sents[index - 1]
        program = find_program(doc.norm, doc.raw, prev, doc.within(prev), doc.gaz, doc.lang)
    cands = [
        c for c in _candidates(doc, span, program) if any(a <= c.start < b for a, b in open_clauses)
    ]
    if not cands and BACKREF.match(doc.norm, span[0]):
        cands = _referent(doc, index)
    _keep(doc, index, cands, program, _issuers_for(doc, span, program), best)


def _item(doc: Doc, index: int, head: int, best: Best) -> None:
    """A list item under a sentence that announces designations: the designee it names first."""
    lead, span = doc.sents[head], doc.sents[index]
    program = find_program(doc.norm, doc.raw, lead, doc.within(lead), doc.gaz, doc.lang)
    cands = item_candidates(doc.within(span), _candidates(doc, span, program))
    _keep(doc, index, cands, program, _issuers_for(doc, lead, program), best)


def _keep(
    doc: Doc,
    index: int,
    cands: list[Candidate],
    program: ProgramHit | None,
    issuers: list[Issuer],
    best: Best,
) -> None:
    """Record each candidate as a designation, keeping the best-supported one per designee."""
    span = doc.sents[index]
    if not cands or not issuers:
        return
    date = _date_for(doc, index)
    for c in cands:
        ident = c.entry.ref if c.entry is not None else key(c.label or doc.raw[c.start : c.end])
        score = output.confidence(c, program, issuers, date, span)
        if ident not in best or score > best[ident][0]:
            best[ident] = (score, (index, c, cands, program, issuers))


def _referent(doc: Doc, index: int) -> list[Candidate]:
    """What "the zone", "the cluster", "该集群" at the start of a sentence refers to: the last
    zone, cluster or organisation named in the two sentences before."""
    for j in (index - 1, index - 2):
        if j < 0 or (doc.title is not None and j == 0):
            break
        found = [c for c in _candidates(doc, doc.sents[j], None) if c.kind != "city"]
        if found:
            return found[-1:]
    return []


def extract_text(text: str, gaz: Gazetteer, published: dt.date | None = None) -> Extraction:
    """Every designation an article states, one per designee, in order of first mention."""
    norm = normalise(text)
    title = title_span(text)
    body = sentences(text, title[1] if title else 0)
    sents = ([title] if title else []) + body
    doc = Doc(text, norm, language(text), gaz, published, title, sents)
    doc.mentions = gaz.scan(norm, text)
    doc.starts = [m.start for m in doc.mentions]
    doc.issuers = find_issuers(norm, text, doc.mentions, gaz)
    doc.issuer_starts = [i.start for i in doc.issuers]
    doc.dates = find_dates(norm, published)
    doc.date_starts = [d.start for d in doc.dates]
    best: Best = {}
    for index in [*range(1 if title else 0, len(sents)), *([0] if title else [])]:
        if index == 0 and title and best:
            break
        _sentence(doc, index, best)
    built = [_designation(doc, *choice) for _, choice in best.values()]
    values = [v for v, _ in built]
    claims = [c for _, c in built]
    ranked = sorted(range(len(values)), key=lambda i: values[i]["evidence"][0]["start"])
    document = {
        "language": doc.lang,
        "published": None if published is None else published.isoformat(),
        "title": None if title is None else text[title[0] : title[1]],
    }
    return Extraction(document, [values[i] for i in ranked], [claims[i] for i in ranked])
