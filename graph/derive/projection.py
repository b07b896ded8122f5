"""Project the store into compact columns and a networkx place tree, with one SPARQL SELECT
per shape of fact. Entities are integer ids into one IRI table; designations are rows."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from graph.store import Store

DESIGNATIONS = """
SELECT ?d ?designee ?program ?level ?batch ?announced ?decided ?from ?until ?retracted WHERE {
  ?d a cnd:Designation ; cnd:designee ?designee ; cnd:underProgram ?program ; cnd:level ?level .
  OPTIONAL { ?d cnd:batch ?batch }
  OPTIONAL { ?d cnd:announcedOn ?announced }
  OPTIONAL { ?d cnd:decisionDate ?decided }
  OPTIONAL { ?d cnd:validFrom ?from }
  OPTIONAL { ?d cnd:validUntil ?until }
  OPTIONAL { ?d cnd:retracted ?retracted }
}"""
ISSUERS = "SELECT ?d ?issuer WHERE { ?d a cnd:Designation ; cnd:designatedBy ?issuer }"
PLACES = """
SELECT ?x ?parent WHERE { { ?x schema:containedInPlace ?parent }
  UNION { ?x a org:Organization ; schema:location ?parent } }"""
LEVELS = "SELECT ?x ?level WHERE { ?x a cnd:AdminDivision ; cnd:adminLevel ?level }"
BATCHES = """SELECT ?b ?program ?coverage WHERE {
  ?b a cnd:Batch ; dcterms:isPartOf ?program ; cnd:coverage ?coverage }"""
COMPLETE = "complete-official-list"


def start_day(value: str) -> str:
    """The first day a partial date can mean: "2026" -> "2026-01-01".

    >>> start_day("2026-03")
    '2026-03-01'
    """
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def end_day(value: str) -> str:
    """The last day a partial date can mean, as a sortable string: "2026" -> "2026-12-31"."""
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


@dataclass
class Projection:
    """The designations as columns of integer ids, and the place tree as a networkx DiGraph."""

    iris: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    designation: list[int] = field(default_factory=list)
    designee: list[int] = field(default_factory=list)
    program: list[int] = field(default_factory=list)
    level: list[int] = field(default_factory=list)
    batch: list[int] = field(default_factory=list)
    start: list[str] = field(default_factory=list)
    until: list[str] = field(default_factory=list)
    retracted: list[bool] = field(default_factory=list)
    issuers: list[tuple[int, int]] = field(default_factory=list)
    places: nx.DiGraph[int] = field(default_factory=nx.DiGraph)
    batch_complete: dict[int, bool] = field(default_factory=dict)
    program_batches: dict[int, list[int]] = field(default_factory=dict)

    def id(self, iri: str) -> int:
        """The integer id of an IRI, minted on first sight."""
        found = self.index.get(iri)
        if found is None:
            found = self.index[iri] = len(self.iris)
            self.iris.append(iri)
        return found

    def __len__(self) -> int:
        return len(self.designation)


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    return "" if term is None else str(term.value)


def _designations(store: Store, p: Projection) -> None:
    result = store.query(DESIGNATIONS)
    assert isinstance(result, ox.QuerySolutions)
    ident = p.id
    for row in result:
        p.designation.append(ident(row[0].value))
        p.designee.append(ident(row[1].value))
        p.program.append(ident(row[2].value))
        p.level.append(ident(row[3].value))
        p.batch.append(-1 if row[4] is None else ident(row[4].value))
        began = _value(row[7]) or _value(row[5]) or _value(row[6])
        p.start.append(start_day(began) if began else "")
        until = _value(row[8])
        p.until.append(end_day(until) if until else "")
        p.retracted.append(_value(row[9]) in ("true", "1"))


def _places(store: Store, p: Projection) -> None:
    ident = p.id
    for row in _rows(store, PLACES):
        p.places.add_edge(ident(row[0].value), ident(row[1].value))
    for row in _rows(store, LEVELS):
        p.places.add_node(ident(row[0].value), level=row[1].value.rsplit("/", 1)[-1])


def _batches(store: Store, p: Projection) -> None:
    for row in _rows(store, BATCHES):
        b, program = p.id(row[0].value), p.id(row[1].value)
        p.batch_complete[b] = row[2].value.endswith("/" + COMPLETE)
        p.program_batches.setdefault(program, []).append(b)


def _rows(store: Store, sparql: str) -> ox.QuerySolutions:
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return result


def project(store: Store) -> Projection:
    """The store's designations, issuers, places and batches, ready for the rules."""
    p = Projection()
    _designations(store, p)
    index = {d: row for row, d in enumerate(p.designation)}
    for row in _rows(store, ISSUERS):
        d = index.get(p.index.get(row[0].value, -1))
        if d is not None:
            p.issuers.append((d, p.id(row[1].value)))
    _places(store, p)
    _batches(store, p)
    return p
