"""The values of a designation besides its designee: who designated (issuers), when (the date
of the decision rather than of the report), at what level, of what type, and the claims made
about it."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from graph.extract.candidate import Candidate
from graph.extract.claims import Claim
from graph.extract.dates import DateMention
from graph.extract.doc import Doc
from graph.extract.gazetteer import iri_of
from graph.extract.issuers import Issuer
from graph.extract.normalise import normalise
from graph.extract.patterns import (
    ACT,
    APPROVE,
    ATTRIBUTION,
    BACKREF,
    LEVEL_NOT_DESIGNATION,
    MUNICIPAL,
    PROVINCIAL,
    REPORT,
    UPGRADE_TO,
)
from graph.extract.programs import ProgramHit, designation_type

Span = tuple[int, int]
LEVEL_OF = {"国家": "national", "国家级": "national", "national": "national", "state": "national"}


def _unique(issuers: list[Issuer]) -> list[Issuer]:
    seen: set[str] = set()
    out = []
    for i in issuers:
        if (i.iri or i.label) not in seen:
            seen.add(i.iri or i.label)
            out.append(i)
    return out


def issuers_for(doc: Doc, span: Span, program: ProgramHit | None) -> list[Issuer]:
    """Who designated: authorities named in the sentence, else those an official document's
    title names ("国务院关于…的批复"), else the last one named before, else the program's."""
    inside = doc.issuers_in(span)
    if inside:
        return _unique(inside)
    if doc.layout.title_issuer_span is not None:
        titled = doc.issuers_in(doc.layout.title_issuer_span)
        if titled:
            return _unique(titled)
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


def _near(doc: Doc, d: DateMention, pattern: re.Pattern[str], width: int) -> bool:
    """Whether a word of pattern comes shortly before a date, in the same clause."""
    lo = max(0, d.start - width)
    text = doc.norm[lo : d.start]
    cut = max(text.rfind(";"), text.rfind("；"), text.rfind("。"))
    return bool(pattern.search(text[cut + 1 :]))


def _best(doc: Doc, here: list[DateMention]) -> DateMention:
    """The date of the decision among a sentence's dates: precise ones first, the date of a
    report ("said on Friday") only when there is no other."""
    decided = [d for d in here if not _near(doc, d, REPORT, 30)] or here
    good = [d for d in decided if d.rank <= 1]
    return good[0] if good else min(decided, key=lambda d: d.rank)


def date_for(doc: Doc, index: int, head: int | None = None) -> DateMention | None:
    """The date of a designation: from its sentence (a report's date yields to the date of the
    decision's document in the next sentence), else the sentence after or before, else the
    date an official document is signed."""
    order = [index, index + 1, index - 1] if head is None else [index, head]
    for i in order:
        if not 0 <= i < len(doc.sents):
            continue
        here = doc.dates_in(doc.sents[i])
        if not here:
            continue
        best = _best(doc, here)
        if i == index and _near(doc, best, REPORT, 30) and index + 1 < len(doc.sents):
            later = doc.dates_in(doc.sents[index + 1])
            acts = [d for d in later if d.rank <= 1 and _near(doc, d, ACT, 40)]
            return acts[0] if acts else best
        dated = _dateline(doc)
        if (
            best.rank >= 4
            and dated is not None
            and (dated.value or "")[:4] == (best.value or "")[:4]
        ):
            return dated
        return best
    return _dateline(doc) or _signed(doc) or _titled(doc, index)


def _titled(doc: Doc, index: int) -> DateMention | None:
    """A date the title states ("2016年10月获批的…"), for a designation with no other."""
    if doc.title is None or index == 0:
        return None
    here = doc.dates_in(doc.title)
    return _best(doc, here) if here else None


def _dateline(doc: Doc) -> DateMention | None:
    """The day the dateline names ("BEIJING, Sept. 21 --"), as a date mention."""
    if doc.layout.dateline is None or doc.layout.anchor is None:
        return None
    a, b = doc.layout.dateline
    return DateMention(a, b, doc.layout.anchor.isoformat(), "inferred-year", 2)


def _signed(doc: Doc) -> DateMention | None:
    """The date an official document is signed, as a date mention."""
    if doc.layout.signed is None:
        return None
    (a, b), value = doc.layout.signed
    return DateMention(a, b, value, "stated", 0)


def _said(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a level word of text qualifies a designation, not the designees ("provincial-
    level regions") or the authorities ("provincial departments")."""
    return any(not LEVEL_NOT_DESIGNATION.match(text, m.end()) for m in pattern.finditer(text))


@lru_cache(maxsize=4096)
def _normal(label: str) -> str:
    return normalise(label)


def level_of(doc: Doc, span: Span, program: ProgramHit | None, issuers: list[Issuer]) -> str:
    """The level: the one an upgrade reaches, else the program's or the sentence's level
    words, else the issuers' level."""
    text = ATTRIBUTION.sub("", doc.norm[span[0] : span[1]])
    upgrade = UPGRADE_TO.search(text)
    if upgrade is not None:
        word = next(g for g in upgrade.groups() if g)
        return LEVEL_OF.get(word, "provincial")
    texts = [text] if program is None else [_normal(program.label), text]
    if any(_said(PROVINCIAL, t) for t in texts):
        return "provincial"
    if any(_said(MUNICIPAL, t) for t in texts):
        return "municipal"
    levels = {i.level for i in issuers}
    return "national" if not levels or "national" in levels else sorted(levels)[0]


def type_and_level(
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
            if span[0] <= c.start and c.end <= span[1]:
                chars[c.start - span[0] : c.end - span[0]] = " " * (c.end - c.start)
        level = level_of(doc, span, program, issuers)
        doc.type_cache[memo] = (designation_type(program, "".join(chars), cand.kind), level)
    kind, level = doc.type_cache[memo]
    if kind and kind.startswith("national-") and level != "national":
        kind = None
    return kind, level


def claims_for(doc: Doc, index: int, cands: list[Candidate], cand: Candidate) -> list[Claim]:
    """Claims about one designee: those of its sentence that are about it, and those of the
    next sentence that name it or refer back to it."""
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
