"""The vocabulary as a list of terms for people, read from the ontology graph over SPARQL."""

from __future__ import annotations

import pyoxigraph as ox
from pydantic import BaseModel

from graph.namespaces import CND, ONTOLOGY_GRAPH
from graph.paths import ONTOLOGY_DIR
from graph.store import Store

TERMS_QUERY = """
SELECT ?term ?kind ?en ?zh ?definition ?g WHERE {
  GRAPH ?g {
    ?term a ?kind ; rdfs:label ?en ; skos:definition ?definition .
    OPTIONAL { ?term rdfs:label ?zh FILTER(LANGMATCHES(LANG(?zh), "zh")) }
    FILTER(LANGMATCHES(LANG(?en), "en") && STRSTARTS(STR(?term), STR(cnd:)))
    FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, rdfs:Datatype))
  }
} ORDER BY ?kind ?term
"""


class Term(BaseModel):
    """One cnd: term: its local name, kind, English and Chinese labels and definition."""

    name: str
    kind: str
    en: str
    zh: str | None
    definition: str


def terms(store: Store) -> list[Term]:
    """Every term of the cnd: vocabulary that the ontology graph defines."""
    rows = store.select(TERMS_QUERY, g=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    return [
        Term(
            name=r["term"].value[len(str(CND._NS)) :],
            kind=r["kind"].value.rsplit("#", 1)[-1],
            en=r["en"].value,
            zh=r["zh"].value if "zh" in r else None,
            definition=r["definition"].value,
        )
        for r in rows
    ]


def turtle() -> bytes:
    """The ontology's Turtle source, as written."""
    return (ONTOLOGY_DIR / "cnd.ttl").read_bytes()
