"""Linked Data descriptions: what the graph says about one IRI, as RDF or as a page model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.errors import NotFound
from graph.jsonld import dumps as compacted_jsonld
from graph.media import RDF
from graph.namespaces import PREFIXES
from graph.read.designations import DesignationFilter, designation, matches, table
from graph.read.lookup import kind_of, label, local_id
from graph.read.views import Designation
from graph.store import Store

DESCRIBE_QUERY = """
CONSTRUCT { ?s ?p ?o . ?part ?pp ?po } WHERE {
  { ?s ?p ?o }
  UNION { ?s ?p1 ?part . FILTER(isIRI(?part) && STRSTARTS(STR(?part), CONCAT(STR(?s), "/")))
          ?part ?pp ?po }
  UNION { ?s ?p1 ?x . ?x ?p2 ?part .
          FILTER(isIRI(?part) && STRSTARTS(STR(?part), CONCAT(STR(?s), "/"))) ?part ?pp ?po }
}
"""
INCOMING_QUERY = """
SELECT DISTINCT ?o ?p ?s WHERE { ?s ?p ?o . FILTER(!STRSTARTS(STR(?s), CONCAT(STR(?o), "/"))) }
ORDER BY ?p ?s
"""


def describe(store: Store, iri: str) -> list[ox.Triple]:
    """The IRI's own triples and those of its parts (IRIs below it, such as evidence targets),
    sorted; NotFound when the graph says nothing about it."""
    result = store.query(DESCRIBE_QUERY, {"s": ox.NamedNode(iri)})
    assert isinstance(result, ox.QueryTriples)
    triples = sorted(set(result), key=str)
    if not triples:
        raise NotFound(f"nothing is known about {local_id(iri)}")
    return triples


def serialise(triples: list[ox.Triple], fmt: str) -> bytes:
    """Triples as Turtle (with the project's prefixes), N-Triples or JSON-LD (compacted with
    the project's context)."""
    if fmt == "jsonld":
        return jsonld(triples)
    prefixes = {p: base for p, base in PREFIXES.items() if p != "id"}
    return ox.serialize(triples, format=RDF[fmt].ox, prefixes=prefixes) or b""


def jsonld(triples: list[ox.Triple]) -> bytes:
    """Triples as JSON-LD compacted with ontology/context.jsonld (no remote contexts)."""
    return compacted_jsonld(triples)


@dataclass
class Link:
    """A value on a page: an IRI with its label and local path, or a literal."""

    text: str
    href: str | None = None
    note: str | None = None


@dataclass
class Page:
    """What a person's page about an IRI shows: title, its statements and what points to it."""

    iri: str
    title: str
    statements: list[tuple[str, Link]] = field(default_factory=list)
    incoming: list[tuple[str, Link]] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
    designation_total: int = 0


def curie(iri: str) -> str:
    """A predicate IRI in prefixed form when a project prefix covers it."""
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and prefix != "id":
            return f"{prefix}:{iri[len(base) :]}"
    return iri


def link(store: Store, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Link:
    """A term as a page value: IRIs under id/ link to their own page, with labels."""
    if isinstance(term, ox.Literal):
        note = term.language or curie(term.datatype.value)
        return Link(text=term.value, note=note)
    text = label(store, term.value) or curie(local_id(term.value))
    return Link(text=text, href=term.value)


def page(store: Store, iri: str) -> Page:
    """The page model of an IRI: its labelled statements and incoming links."""
    triples = describe(store, iri)
    title = label(store, iri) or local_id(iri)
    out = Page(iri=iri, title=title)
    for t in triples:
        if isinstance(t.subject, ox.Triple) or isinstance(t.object, ox.Triple):
            continue
        subject = "" if t.subject.value == iri else local_id(t.subject.value) + " "
        out.statements.append((subject + curie(t.predicate.value), link(store, t.object)))
    for row in store.select(INCOMING_QUERY, o=ox.NamedNode(iri))[:500]:
        out.incoming.append((curie(row["p"].value), link(store, row["s"])))
    out.designations, out.designation_total = related(store, iri)
    if local_id(iri).startswith("designation/") and out.designations:
        d = out.designations[0]
        out.title = f"{d.designee.label or d.designee.id} — {d.program.label or d.program.id}"
    return out


RELATED: dict[str, Callable[[ox.NamedNode], list[DesignationFilter]]] = {
    "zone": lambda n: [DesignationFilter(region=n)],
    "cluster": lambda n: [DesignationFilter(region=n)],
    "region": lambda n: [DesignationFilter(region=n)],
    "organisation": lambda n: [DesignationFilter(designee=n), DesignationFilter(issuer=n)],
    "program": lambda n: [DesignationFilter(program=n)],
}
"""The designations an entity's page shows: in a place by the one region rule (graph.region),
of an organisation as designee or issuer, under a program."""


def related(store: Store, iri: str, limit: int = 50) -> tuple[list[Designation], int]:
    """The designation itself, or the first designations an entity's page shows (RELATED),
    in the store's order, and how many there are in all."""
    if local_id(iri).startswith("designation/"):
        return [designation(store, iri)], 1
    kind = kind_of(store, iri)
    if kind is None:
        return [], 0
    filters = RELATED[kind](ox.NamedNode(iri))
    found = sorted({i for f in filters for i in matches(store, f)})
    iris = table(store).iris
    return [designation(store, iris[i]) for i in found[:limit]], len(found)
