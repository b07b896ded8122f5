"""Designations and findings over SPARQL: filtered, paged, with their sources.

Filter values always go in as bindings; the query text is put together only from the fixed
clauses below, one per filter in use. Lists come in the store's own order, which is the same
for the same data on every request and every build: sorting a large result in SPARQL costs
seconds (Oxigraph fetches each IRI's text to compare), while the store's order streams, so a
page stops reading as soon as it is full. A region filter is applied to the designees after
the query, from the set of places inside the region (Oxigraph applies bound values after a
property path, which would otherwise walk every designation's ancestors).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from itertools import islice

import pyoxigraph as ox
from rdflib.namespace import PROV

from graph.errors import NotFound
from graph.namespaces import CND
from graph.read.cache import remembered
from graph.read.lookup import Properties, first, local_id, properties, ref, refs, slug
from graph.read.views import Designation, Evidence, Finding, Source
from graph.store import Store
from graph.terms import OxTerm

Row = dict[str, OxTerm]

CLAUSES: dict[str, str] = {
    "program": "?d cnd:underProgram ?program .",
    "issuer": "?d cnd:designatedBy ?issuer .",
    "level": "?d cnd:level ?level .",
    "status": "?d cnd:verificationStatus ?status .",
    "date_from": "FILTER(BOUND(?date) && ?date >= SUBSTR(?date_from, 1, STRLEN(?date)))",
    "date_to": "FILTER(BOUND(?date) && ?date <= SUBSTR(?date_to, 1, STRLEN(?date)))",
}
PLACES_QUERY = "SELECT ?place ?region WHERE { ?place schema:containedInPlace* ?region }"
DATE_CLAUSE = """
OPTIONAL { ?d cnd:announcedOn ?a } OPTIONAL { ?d cnd:decisionDate ?dd }
OPTIONAL { ?d cnd:validFrom ?vf } BIND(STR(COALESCE(?a, ?dd, ?vf)) AS ?date)
"""
# Without DISTINCT and ORDER BY (done in Python, see _in_order): on disk they cost more than
# the query itself.
SOURCE_QUERY = """
SELECT ?subject ?claim ?doc ?status ?quote ?start ?end WHERE {
  ?subject cnd:supportedBy ?claim .
  ?claim schema:appearance ?doc .
  OPTIONAL { ?claim cnd:verificationStatus ?status }
  OPTIONAL {
    ?a oa:hasBody ?claim ; oa:hasTarget ?t . ?t oa:hasSelector ?q . ?q oa:exact ?quote .
    OPTIONAL { ?t oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end }
  }
}
"""
# Each kind of finding: the class computed by a rule, the class a source reports (a query for
# one never meets the other).
FINDING_TYPES = {
    "only-in-region": (CND.OnlyInRegionFinding, CND.ReportedOnlyInRegionFinding),
    "first-in-region": (CND.FirstInRegionFinding, CND.ReportedFirstInRegionFinding),
    "claim-verdict": (CND.ClaimVerdict,),
}
KIND_OF_FINDING = {str(t): k for k, types in FINDING_TYPES.items() for t in types}
FINDING_CLAUSES: dict[str, str] = {
    "designation": "?f cnd:aboutDesignation|(cnd:aboutClaim/cnd:aboutDesignation) ?designation .",
    "region": "?f cnd:withinRegion ?region .",
}
BASIS_CLAUSES = {
    "reported": "FILTER EXISTS { ?f cnd:supportedBy ?claim }",
    "computed": "FILTER NOT EXISTS { ?f cnd:supportedBy ?claim }",
}


def types_clause(kinds: list[str]) -> str:
    """A VALUES clause binding ?type to the classes of some kinds of finding (fixed IRIs)."""
    return "VALUES ?type { " + " ".join(f"<{t}>" for k in kinds for t in FINDING_TYPES[k]) + " }"


FINDINGS_ALL = types_clause(list(FINDING_TYPES))


@dataclass(frozen=True)
class DesignationFilter:
    """Which designations to list; IRIs for entities, slugs for concepts, ISO dates."""

    program: ox.NamedNode | None = None
    issuer: ox.NamedNode | None = None
    designee: ox.NamedNode | None = None
    region: ox.NamedNode | None = None
    level: ox.NamedNode | None = None
    status: ox.NamedNode | None = None
    date_from: ox.Literal | None = None
    date_to: ox.Literal | None = None

    def bindings(self) -> dict[str, ox.NamedNode | ox.Literal]:
        """The filters the query binds (all but the region), by variable name."""
        return {k: v for k, v in asdict(self).items() if v is not None and k != "region"}


def designations_query(names: list[str]) -> str:
    """The SELECT for a set of filters: only fixed clauses, projected so bindings apply."""
    body = [CLAUSES[n] for n in names if n in CLAUSES and not n.startswith("date")]
    if any(n.startswith("date") for n in names):
        body += [DATE_CLAUSE, *(CLAUSES[n] for n in names if n.startswith("date"))]
    projection = " ".join(f"?{n}" for n in names if n != "designee")
    where = "\n  ".join(body)
    head = f"SELECT DISTINCT ?d ?designee {projection} WHERE {{"
    return f"{head}\n  ?d cnd:designee ?designee .\n  {where}\n}}"


def places_within(store: Store, region: ox.NamedNode) -> frozenset[str]:
    """The region and every place inside it, at any depth."""
    return remembered(store, "places", region.value, lambda: _places_within(store, region))


def _places_within(store: Store, region: ox.NamedNode) -> frozenset[str]:
    return frozenset(row["place"].value for row in store.select(PLACES_QUERY, region=region))


def designations(
    store: Store, flt: DesignationFilter, offset: int, limit: int
) -> list[Designation]:
    """A page of designations matching every filter, in the store's order."""
    page = remembered(
        store, "designation-pages", (flt, offset, limit), lambda: _page(store, flt, offset, limit)
    )
    return [designation(store, iri) for iri in page]


def _page(store: Store, flt: DesignationFilter, offset: int, limit: int) -> list[str]:
    bindings = flt.bindings()
    rows = store.query(designations_query(list(bindings)), bindings)
    assert isinstance(rows, ox.QuerySolutions)
    places = places_within(store, flt.region) if flt.region is not None else None
    matching = (row["d"].value for row in rows if places is None or row["designee"].value in places)
    return list(islice(matching, offset, offset + limit))


def sources(store: Store, subject: str, claims: list[OxTerm]) -> list[Source]:
    """The subject's claims, each with its document, status and evidence quotes, in the order
    given (one query for them all); a claim that names no document is left out."""
    if not claims:
        return []
    rows_of: defaultdict[str, list[Row]] = defaultdict(list)
    for row in _in_order(store.select(SOURCE_QUERY, subject=ox.NamedNode(subject))):
        rows_of[row["claim"].value].append(row)
    return [_source(store, c.value, rows_of[c.value]) for c in claims if rows_of.get(c.value)]


def _in_order(rows: list[Row]) -> list[Row]:
    """Distinct rows by document, then start offset, then quote (unbound first, as SPARQL's
    ORDER BY ?doc ?start ?quote would have them)."""
    distinct = {tuple(sorted(row.items())): row for row in rows}
    return sorted(distinct.values(), key=_evidence_key)


def _evidence_key(row: Row) -> tuple[str, bool, int, bool, str]:
    start, quote = row.get("start"), row.get("quote")
    return (
        row["doc"].value,
        start is not None,
        int(start.value) if start is not None else 0,
        quote is not None,
        quote.value if quote is not None else "",
    )


def _source(store: Store, claim: str, rows: list[Row]) -> Source:
    document = ref(store, rows[0]["doc"])
    assert document is not None
    evidence = [
        Evidence(
            quote=r["quote"].value,
            start=int(r["start"].value) if "start" in r else None,
            end=int(r["end"].value) if "end" in r else None,
        )
        for r in rows
        if "quote" in r
    ]
    status = slug(rows[0].get("status"))
    return Source(claim=claim, document=document, status=status, evidence=evidence)


def designation(store: Store, iri: str) -> Designation:
    """One designation with its parties, dates and sources; NotFound when there is none."""
    return remembered(store, "designation", iri, lambda: _designation(store, iri))


def _designation(store: Store, iri: str) -> Designation:
    props = properties(store, iri)
    designee, program = (
        ref(store, first(props, str(CND.designee))),
        ref(store, first(props, str(CND.underProgram))),
    )
    if designee is None or program is None:
        raise NotFound(f"no designation {local_id(iri)}")
    return Designation(
        iri=iri,
        id=local_id(iri),
        designee=designee,
        program=program,
        designated_by=refs(store, props.get(str(CND.designatedBy))),
        type=slug(first(props, str(CND.designationType))),
        level=slug(first(props, str(CND.level))),
        status=slug(first(props, str(CND.verificationStatus))),
        batch=ref(store, first(props, str(CND.batch))),
        announced=_value(props, CND.announcedOn),
        decided=_value(props, CND.decisionDate),
        valid_from=_value(props, CND.validFrom),
        valid_until=_value(props, CND.validUntil),
        sources=sources(store, iri, props.get(str(CND.supportedBy), [])),
    )


def _value(props: Properties, predicate: str) -> str | None:
    term = first(props, str(predicate))
    return term.value if term is not None else None


def findings(
    store: Store,
    offset: int,
    limit: int,
    kind: str | None = None,
    basis: str | None = None,
    **filters: ox.NamedNode | None,
) -> list[Finding]:
    """A page of findings in the store's order, by kind, basis, designation and region."""
    key = (offset, limit, kind, basis, tuple(sorted(filters.items(), key=lambda kv: kv[0])))
    page = remembered(
        store, "finding-pages", key, lambda: _findings(store, offset, limit, kind, basis, filters)
    )
    return [finding(store, iri, KIND_OF_FINDING[t]) for iri, t in page]


def _findings(
    store: Store,
    offset: int,
    limit: int,
    kind: str | None,
    basis: str | None,
    filters: dict[str, ox.NamedNode | None],
) -> list[tuple[str, str]]:
    bindings: dict[str, ox.NamedNode] = {k: v for k, v in filters.items() if v is not None}
    body = [FINDING_CLAUSES[n] for n in bindings]
    head = FINDINGS_ALL if kind is None else types_clause([kind])
    if basis is not None:
        body.append(BASIS_CLAUSES[basis])
    projection = " ".join(f"?{n}" for n in bindings if n != "type")
    where = " ".join(body)
    query = f"SELECT DISTINCT ?f ?type {projection} WHERE {{ {head} ?f a ?type . {where} }}"
    rows = store.query(query, bindings)
    assert isinstance(rows, ox.QuerySolutions)
    return [(r["f"].value, r["type"].value) for r in islice(rows, offset, offset + limit)]


def finding(store: Store, iri: str, kind: str) -> Finding:
    """One finding with what it is about and the claims that support it."""
    return remembered(store, "finding", (iri, kind), lambda: _finding(store, iri, kind))


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
        valid_as_of=_value(props, CND.validAsOf),
        coverage=slug(first(props, str(CND.coverage))),
        verdict=slug(first(props, str(CND.verdict))),
        judges=ref(store, judged),
        compared_with=ref(store, first(props, str(CND.computedFinding))),
        generated_by=_value(props, PROV.wasGeneratedBy),
        sources=sources(store, iri, claims),
    )


def about_designation(store: Store, props: Properties, judged: OxTerm | None) -> OxTerm | None:
    """The designation a finding is about; for a verdict, that of the finding it judges."""
    about = first(props, str(CND.aboutDesignation))
    if about is None and judged is not None:
        about = first(properties(store, judged.value), str(CND.aboutDesignation))
    return about


__all__ = ["DesignationFilter", "designation", "designations", "finding", "findings"]
