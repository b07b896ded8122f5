"""The sources of a designation or finding: each supporting claim with its document, its
verification status and its evidence quotes, read with one query."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
from rdflib import URIRef

from graph.namespaces import OA
from graph.read.lookup import ref, slug
from graph.read.views import Evidence, Source
from graph.store import Store
from graph.terms import OxTerm

Row = dict[str, OxTerm]

# The claims in one query, the evidence of each by index lookups: Oxigraph plans a query
# before it sees the bound claim, so a query for the evidence (or an OPTIONAL holding it)
# walks every annotation of the store, tens of milliseconds per designation once the
# catalogue's 2,606 listings are in. Without DISTINCT and ORDER BY (done in Python, see
# _in_order): on disk they cost more than the query itself.
CLAIM_QUERY = """
SELECT ?subject ?claim ?doc ?status WHERE {
  ?subject cnd:supportedBy ?claim .
  ?claim schema:appearance ?doc .
  OPTIONAL { ?claim cnd:verificationStatus ?status }
}
"""


def sources(store: Store, subject: str, claims: list[OxTerm]) -> list[Source]:
    """The subject's claims, each with its document, status and evidence quotes, in the order
    given; a claim that names no document is left out."""
    if not claims:
        return []
    rows_of: defaultdict[str, list[Row]] = defaultdict(list)
    for row in store.select(CLAIM_QUERY, subject=ox.NamedNode(subject)):
        for quoted in _evidence(store, row["claim"]) or [{}]:
            rows_of[row["claim"].value].append(row | quoted)
    for claim, rows in rows_of.items():
        rows_of[claim] = _in_order(rows)
    return [_source(store, c.value, rows_of[c.value]) for c in claims if rows_of.get(c.value)]


def _objects(store: Store, subject: object, predicate: URIRef) -> list[OxTerm]:
    """The objects of a subject's predicate, by one index lookup (triple terms left out)."""
    if not isinstance(subject, ox.NamedNode | ox.BlankNode):
        return []
    pattern = store.inner.quads_for_pattern(subject, ox.NamedNode(str(predicate)), None)
    return [q.object for q in pattern if not isinstance(q.object, ox.Triple)]


def _evidence(store: Store, claim: OxTerm) -> list[Row]:
    """The quotes annotating a claim (oa:hasBody), each with its offsets when a position
    selector of the same target gives them."""
    rows: list[Row] = []
    body = ox.NamedNode(str(OA.hasBody))
    for annotation in {q.subject for q in store.inner.quads_for_pattern(None, body, claim)}:
        for target in _objects(store, annotation, OA.hasTarget):
            selectors = _objects(store, target, OA.hasSelector)
            span: Row = {}
            for selector in selectors:
                start, end = _objects(store, selector, OA.start), _objects(store, selector, OA.end)
                if start and end:
                    span = {"start": start[0], "end": end[0]}
            for selector in selectors:
                rows += [{"quote": quote, **span} for quote in _objects(store, selector, OA.exact)]
    return rows


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


__all__ = ["sources"]
