"""Findings over SPARQL: only-in-region, first-in-region and claim verdicts, filtered by kind,
basis, designation and region, in the store's order, with the claims behind them, each said
in one sentence in English and Chinese (graph.read.sentences); a reported finding carries the
graph's verdict on it (`judged_by`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib.namespace import PROV

from graph.namespaces import CND
from graph.read.cache import remembered
from graph.read.finding_facts import finding_facts
from graph.read.lookup import Properties, first, local_id, properties, ref, slug, value
from graph.read.sentences import sentence
from graph.read.sources import sources
from graph.read.views import Finding, Sentence
from graph.region import within
from graph.store import Store
from graph.terms import OxTerm

# Each kind of finding: the class computed by a rule and the class a source reports (disjoint,
# so a query for one never meets the other).
FINDING_TYPES = {
    "only-in-region": (CND.OnlyInRegionFinding, CND.ReportedOnlyInRegionFinding),
    "first-in-region": (CND.FirstInRegionFinding, CND.ReportedFirstInRegionFinding),
    "claim-verdict": (CND.ClaimVerdict,),
}
KIND_OF_FINDING = {str(t): k for k, types in FINDING_TYPES.items() for t in types}
VERDICT = str(CND.ClaimVerdict)
ABOUT = (CND.aboutDesignation, CND.aboutClaim)
BASIS_CLAUSES = {
    "reported": "FILTER EXISTS { ?f cnd:supportedBy ?claim }",
    "computed": "FILTER NOT EXISTS { ?f cnd:supportedBy ?claim }",
}


def types_clause(kinds: list[str]) -> str:
    """A VALUES clause binding ?type to the classes of some kinds of finding (fixed IRIs)."""
    return "VALUES ?type { " + " ".join(f"<{t}>" for k in kinds for t in FINDING_TYPES[k]) + " }"


FINDINGS_ALL = types_clause(list(FINDING_TYPES))


@dataclass(frozen=True)
class FindingFilter:
    """Which findings to list: a kind, a basis (reported or computed), the designation they are
    about and a region their own region lies in (graph.region)."""

    kind: str | None = None
    basis: str | None = None
    designation: ox.NamedNode | None = None
    region: ox.NamedNode | None = None


def findings(store: Store, flt: FindingFilter, offset: int, limit: int) -> list[Finding]:
    """A page of findings matching the filter, in the store's order."""
    page = finding_matches(store, flt)[offset : offset + limit]
    return [finding(store, iri, KIND_OF_FINDING[t]) for iri, t in page]


def finding_total(store: Store, flt: FindingFilter) -> int:
    """How many findings match the filter."""
    return len(finding_matches(store, flt))


def finding_matches(store: Store, flt: FindingFilter) -> list[tuple[str, str]]:
    """Every finding matching the filter, with its type, in the store's order (remembered)."""
    return remembered(store, "finding-matches", flt, lambda: _matches(store, flt))


def _matches(store: Store, flt: FindingFilter) -> list[tuple[str, str]]:
    if flt.designation is not None:
        # by index lookups from the designation, in the order of the filter without it
        about = _about(store, flt.designation)
        return [m for m in finding_matches(store, replace(flt, designation=None)) if m[0] in about]
    body = ["OPTIONAL { ?f cnd:withinRegion ?within }"]
    if flt.basis is not None:
        body.append(BASIS_CLAUSES[flt.basis])
    head = FINDINGS_ALL if flt.kind is None else types_clause([flt.kind])
    where = " ".join(body)
    query = f"SELECT DISTINCT ?f ?type ?within WHERE {{ {head} ?f a ?type . {where} }}"
    rows = store.query(query)
    assert isinstance(rows, ox.QuerySolutions)
    inside = within(store, flt.region) if flt.region is not None else None
    found = (
        (r["f"].value, r["type"].value)
        for r in rows
        if inside is None or (r["within"] is not None and r["within"].value in inside)
    )
    return list(dict.fromkeys(found))


def _about(store: Store, designation: ox.NamedNode) -> set[str]:
    """What is about a designation, directly or through a claim about it: the index lookups of
    the path `cnd:aboutDesignation|(cnd:aboutClaim/cnd:aboutDesignation)` read backwards."""
    about_designation, about_claim = (ox.NamedNode(str(p)) for p in ABOUT)
    quads = store.inner.quads_for_pattern
    direct = {q.subject for q in quads(None, about_designation, designation)}
    through = {q.subject for claim in direct for q in quads(None, about_claim, claim)}
    return {n.value for n in direct | through if not isinstance(n, ox.Triple)}


JUDGED_BY = "SELECT ?verdict ?f WHERE { ?verdict cnd:aboutClaim ?f ; a cnd:ClaimVerdict }"


def finding(store: Store, iri: str, kind: str) -> Finding:
    """One finding with what it is about, the claims that support it, its sentence and, for a
    reported one, the graph's verdict on it."""
    return remembered(store, "finding", (iri, kind), lambda: _said(store, iri, kind))


def _said(store: Store, iri: str, kind: str) -> Finding:
    base = _finding(store, iri, kind)
    facts = finding_facts(store, base)
    said = Sentence(en=sentence(facts, "en"), zh=sentence(facts, "zh"))
    verdicts = sorted(r["verdict"].value for r in store.select(JUDGED_BY, f=ox.NamedNode(iri)))
    judged_by = finding(store, verdicts[0], "claim-verdict") if verdicts else None
    return base.model_copy(update={"sentence": said, "judged_by": judged_by})


def findings_about(store: Store, designation: str) -> list[Finding]:
    """The reported and computed findings about a designation, in the store's order; the
    verdicts sit in `judged_by` of the findings they judge."""
    flt = FindingFilter(designation=ox.NamedNode(designation))
    matched = finding_matches(store, flt)
    return [finding(store, iri, KIND_OF_FINDING[t]) for iri, t in matched if t != VERDICT]


def _finding(store: Store, iri: str, kind: str) -> Finding:
    props = properties(store, iri)
    claims = props.get(str(CND.supportedBy), [])
    count = first(props, str(CND.candidateCount))
    judged = first(props, str(CND.aboutClaim))
    return Finding(
        iri=iri,
        id=local_id(iri),
        kind=kind,
        basis="reported" if claims else "computed",
        designation=ref(store, about_designation(store, props, judged)),
        region=ref(store, first(props, str(CND.withinRegion))),
        region_level=slug(first(props, str(CND.regionLevel))),
        candidate_count=int(count.value) if count is not None else None,
        valid_as_of=value(props, CND.validAsOf),
        coverage=slug(first(props, str(CND.coverage))),
        verdict=slug(first(props, str(CND.verdict))),
        judges=ref(store, judged),
        compared_with=ref(store, first(props, str(CND.computedFinding))),
        generated_by=value(props, PROV.wasGeneratedBy),
        sources=sources(store, iri, claims),
    )


def about_designation(store: Store, props: Properties, judged: OxTerm | None) -> OxTerm | None:
    """The designation a finding is about; for a verdict, that of the finding it judges."""
    about = first(props, str(CND.aboutDesignation))
    if about is None and judged is not None:
        about = first(properties(store, judged.value), str(CND.aboutDesignation))
    return about


__all__ = ["FindingFilter", "finding", "finding_total", "findings", "findings_about"]
