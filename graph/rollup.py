"""The verification rollup: a designation's status computed from the claims that support it."""

from __future__ import annotations

from collections import defaultdict

from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from rdflib.term import Literal, Node

from graph import iris
from graph.namespaces import CND, concept
from graph.store import Store

RULE = iris.rule("verification-rollup", 1)
STATUS_QUERY = """
SELECT ?d ?status ?doc ?origin ?retracted WHERE {
  ?d cnd:supportedBy ?claim .
  FILTER EXISTS { ?d a cnd:Designation }  # as a filter: a join would scan every designation
  ?claim cnd:verificationStatus ?status ; schema:appearance ?doc .
  OPTIONAL {
    ?doc prov:wasQuotedFrom+ ?origin .
    FILTER NOT EXISTS { ?origin prov:wasQuotedFrom ?up }
  }
  OPTIONAL { ?d cnd:retracted ?retracted }
}
"""
PRECEDENCE = ("retracted", "confirmed-primary", "disputed", "corroborated")


def rollup_status(statuses: set[str], origins: set[str], retracted: bool) -> str:
    """One designation's status: the strongest claim status, or corroborated by two origins.

    >>> rollup_status({"unverified"}, {"doc/a", "doc/b"}, False)
    'corroborated'
    """
    if retracted:
        return "retracted"
    for status in PRECEDENCE:
        if status in statuses:
            return status
    return "corroborated" if len(origins) >= 2 else "unverified"


def rollup(store: Store) -> list[tuple[Node, Node, Node]]:
    """The rule, and the status triple of every designation it computes."""
    statuses: dict[str, set[str]] = defaultdict(set)
    origins: dict[str, set[str]] = defaultdict(set)
    retracted: dict[str, bool] = defaultdict(bool)
    for row in store.select(STATUS_QUERY):
        d = row["d"].value
        statuses[d].add(row["status"].value.rsplit("/", 1)[-1])
        origins[d].add((row.get("origin") or row["doc"]).value)
        retracted[d] |= "retracted" in row and row["retracted"].value == "true"
    out: list[tuple[Node, Node, Node]] = [
        (RULE, RDF.type, PROV.Plan),
        (RULE, RDFS.label, Literal("verification rollup, version 1", lang="en")),
        (RULE, DCTERMS.description, Literal(ROLLUP_DESCRIPTION, lang="en")),
    ]
    for d in sorted(statuses):
        status = rollup_status(statuses[d], origins[d], retracted[d])
        out.append((URIRef(d), CND.verificationStatus, concept("verification-status", status)))
    return out


ROLLUP_DESCRIPTION = (
    "A designation takes the strongest status among its claims (retracted, confirmed from the "
    "primary source, disputed, corroborated); otherwise it is corroborated when claims come "
    "from two or more independent origins, following reposts to the outlet first reporting, "
    "and unverified when they do not."
)
