"""The facts a sentence about a finding needs, read from a store (see graph.sentences)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV

from graph.namespaces import CND, concept
from graph.read.cache import remembered
from graph.read.lookup import first, labels, properties
from graph.read.sentences import FindingFacts, Lang, Name, Report, sentence
from graph.read.views import Finding, Source
from graph.store import Store
from graph.terms import OxTerm

TITLE = str(DCTERMS.title)


def name(store: Store, iri: str) -> Name:
    """An entity's or concept's English and Chinese labels (a document's title in English)."""
    return remembered(store, "name", iri, lambda: _name(store, iri))


def _name(store: Store, iri: str) -> Name:
    props = properties(store, iri)
    found = labels(props)
    title = first(props, TITLE)
    return Name(en=found.en or (title.value if title else None), zh=found.zh)


def _maybe(store: Store, term: OxTerm | None) -> Name | None:
    return name(store, term.value) if isinstance(term, ox.NamedNode) else None


def _report(store: Store, source: Source) -> Report:
    doc = properties(store, source.document.iri)
    outlet = _maybe(store, first(doc, str(DCTERMS.publisher))) or name(store, source.document.iri)
    quoted = first(doc, str(PROV.wasQuotedFrom))
    cites = None
    if isinstance(quoted, ox.NamedNode):
        cited = properties(store, quoted.value)
        cites = _maybe(store, first(cited, str(DCTERMS.publisher))) or name(store, quoted.value)
    status = None
    if source.status:
        status = name(store, concept("verification-status", source.status))
    quote = source.evidence[0].quote if source.evidence else None
    return Report(outlet=outlet, cites=cites, status=status, quote=quote)


def _type(store: Store, props: dict[str, list[OxTerm]], f: Finding) -> Name | None:
    kind = first(props, str(CND.designationType))
    if kind is None and f.designation is not None:
        kind = first(properties(store, f.designation.iri), str(CND.designationType))
    return _maybe(store, kind)


def finding_facts(store: Store, f: Finding) -> FindingFacts:
    """What graph.sentences.sentence needs to say a finding in words."""
    props = properties(store, f.iri)
    judged = props if f.judges is None else properties(store, f.judges.iri)
    return FindingFacts(
        kind=f.kind,
        basis=f.basis,
        type=_type(store, judged if f.kind == "claim-verdict" else props, f),
        region=name(store, f.region.iri) if f.region else None,
        scope=_maybe(store, first(props, str(CND.countScope))),
        candidate_count=f.candidate_count,
        coverage=f.coverage,
        verdict=f.verdict,
        reports=[_report(store, s) for s in f.sources],
    )


def finding_sentence(store: Store, f: Finding, lang: Lang = "en") -> str:
    """A finding as one sentence in English or Chinese."""
    return sentence(finding_facts(store, f), lang)
