"""The sources of a designation or finding: each supporting claim with its document, its
verification status and its evidence quotes, read with one query."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from graph.read.lookup import ref, slug
from graph.read.views import Evidence, Source
from graph.store import Store
from graph.terms import OxTerm

Row = dict[str, OxTerm]

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


__all__ = ["sources"]
