"""The extraction pipeline: read the article (sentences, layout, names, issuers, dates), find
the units that announce designations (sentences, list items, table rows), find their
designees and screen their names, set background aside, keep the best-supported statement of
each designee, and build one `DraftDesignation` per designee."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from graph.extract import output
from graph.extract.attributes import claims_for, date_for, type_and_level
from graph.extract.batches import batch_of
from graph.extract.candidate import Candidate
from graph.extract.designation import Article, DraftDesignation, Extraction, Named
from graph.extract.doc import Doc, read_doc
from graph.extract.gazetteer import Gazetteer
from graph.extract.normalise import key
from graph.extract.places import initials_province
from graph.extract.units import Unit, news, sentence


def _key(doc: Doc, c: Candidate, known: Mapping[str, object]) -> str:
    """The identity of a designee: its reference, else its name; a short name that another
    name extends by a place ("赣江新区" of "江西赣江新区") is that name's designee, whether the
    longer name is in the reference data or not (two references stay two designees)."""
    if c.entry is not None and c.entry.ref in known:
        return c.entry.ref
    names = _names(doc, c.entry.ref) if c.entry else [key(c.label or doc.raw[c.start : c.end])]
    for other in known:
        if c.entry is not None and other in doc.gaz.by_ref:
            continue
        if any(_extends(doc, a, b) for a in names for b in _names(doc, other)):
            return other
    return c.entry.ref if c.entry else names[0]


def _names(doc: Doc, ident: str) -> list[str]:
    """The name keys of a designee's identity: a reference's names, or the name itself."""
    entry = doc.gaz.by_ref.get(ident)
    return [ident] if entry is None else [key(n) for n in (entry.zh, entry.en) if n]


def _extends(doc: Doc, name: str, other: str) -> bool:
    """Whether two names are one, or one is the other with a place before it."""
    longer, shorter = (other, name) if len(other) > len(name) else (name, other)
    extra = longer[: -len(shorter)]
    return longer == shorter or (
        len(shorter) >= 4 and longer.endswith(shorter) and extra in doc.gaz.by_key
    )


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


def units(doc: Doc) -> list[Unit]:
    order = [*range(1 if doc.title else 0, len(doc.sents))]
    units = [u for u in (sentence(doc, i) for i in order) if u is not None]
    if doc.title and not any(u.cands and u.issuers for u in units):
        title = sentence(doc, 0)
        units += [title] if title is not None else []
    return units


def extract_text(text: str, gaz: Gazetteer, published: dt.date | None = None) -> Extraction:
    """Every designation an article states, one per designee, in order of first mention."""
    doc = read_doc(text, gaz, published)
    best = _best(doc, news(doc, units(doc)))
    drafts = sorted(
        (_draft(doc, u, c) for _, u, c in best.values()), key=lambda d: d.evidence[0].start
    )
    title = None if doc.title is None else text[doc.title[0] : doc.title[1]]
    document = Article(doc.lang, None if published is None else published.isoformat(), title)
    return Extraction(document, drafts, list(dict.fromkeys(doc.notes)))


__all__ = ["Extraction", "extract_text"]
