"""Designations over SPARQL: filtered, counted, paged, with their sources.

Filter values always go in as bindings; the query text is put together only from the fixed
clauses below, one per filter in use. Lists come in the store's own order of designations
(the order of `TABLE_QUERY`), the same for the same data on every request and every build:
sorting in SPARQL costs seconds on disk (Oxigraph fetches each IRI's text to compare). The
designations matching a filter are found once and remembered as positions in that order, so
every page of them, their total and their facets are read from the same list. A region
filter is the one rule of graph.region, applied to the designees after the query from the
set of everything inside the region; a name filter matches the designee's labels.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass

import pyoxigraph as ox

from graph.errors import InvalidParameters, NotFound
from graph.namespaces import CND
from graph.read.cache import remembered
from graph.read.findings import findings_about
from graph.read.lookup import first, local_id, properties, ref, refs, slug, value
from graph.read.search import normalise, toneless_pinyin
from graph.read.sources import sources
from graph.read.views import Designation
from graph.region import within
from graph.store import Store

TABLE_QUERY = "SELECT ?d ?designee WHERE { ?d cnd:designee ?designee }"
CLAUSES: dict[str, str] = {
    "program": "?d cnd:underProgram ?program .",
    "issuer": "?d cnd:designatedBy ?issuer .",
    "level": "?d cnd:level ?level .",
    "status": "?d cnd:verificationStatus ?status .",
    "date_from": "FILTER(BOUND(?date) && ?date >= SUBSTR(?date_from, 1, STRLEN(?date)))",
    "date_to": "FILTER(BOUND(?date) && ?date <= SUBSTR(?date_to, 1, STRLEN(?date)))",
}
DATE_CLAUSE = """
OPTIONAL { ?d cnd:announcedOn ?a } OPTIONAL { ?d cnd:decisionDate ?dd }
OPTIONAL { ?d cnd:validFrom ?vf } BIND(STR(COALESCE(?a, ?dd, ?vf)) AS ?date)
"""
NAMES_QUERY = """
SELECT DISTINCT ?designee ?label WHERE {
  ?d cnd:designee ?designee . ?designee skos:prefLabel|skos:altLabel ?label
}"""
SQL_FREE = ("region", "name", "include_history")
"""Filters applied in Python after the query."""


@dataclass(frozen=True)
class DesignationFilter:
    """Which designations to list: IRIs for entities, slugs for concepts, ISO dates, a name
    (part of the designee's label in any language), and a region by the rule of graph.region
    (with division history when include_history)."""

    program: ox.NamedNode | None = None
    issuer: ox.NamedNode | None = None
    designee: ox.NamedNode | None = None
    region: ox.NamedNode | None = None
    level: ox.NamedNode | None = None
    status: ox.NamedNode | None = None
    date_from: ox.Literal | None = None
    date_to: ox.Literal | None = None
    name: str | None = None
    include_history: bool = False

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from.value > self.date_to.value:
            raise InvalidParameters(
                f"from ({self.date_from.value}) is after to ({self.date_to.value})"
            )

    def bindings(self) -> dict[str, ox.NamedNode | ox.Literal]:
        """The filters the query binds (all but those applied after it), by variable name."""
        return {k: v for k, v in asdict(self).items() if v is not None and k not in SQL_FREE}


def designations_query(names: list[str]) -> str:
    """The SELECT for a set of filters: only fixed clauses, projected so bindings apply."""
    body = [CLAUSES[n] for n in names if n in CLAUSES and not n.startswith("date")]
    if any(n.startswith("date") for n in names):
        body += [DATE_CLAUSE, *(CLAUSES[n] for n in names if n.startswith("date"))]
    projection = " ".join(f"?{n}" for n in names if n != "designee")
    where = "\n  ".join(body)
    head = f"SELECT DISTINCT ?d ?designee {projection} WHERE {{"
    return f"{head}\n  ?d cnd:designee ?designee .\n  {where}\n}}"


@dataclass(frozen=True)
class Table:
    """Every designation in the store's order with its designee, and each one's position."""

    iris: tuple[str, ...]
    designees: tuple[str, ...]
    position: Mapping[str, int]


def table(store: Store) -> Table:
    """The store's designations in its order (remembered)."""
    return remembered(store, "designation-table", None, lambda: _table(store))


def _table(store: Store) -> Table:
    rows = store.select(TABLE_QUERY)
    iris = tuple(dict.fromkeys(row["d"].value for row in rows))
    position = {iri: i for i, iri in enumerate(iris)}
    designees = [""] * len(iris)
    for row in rows:
        designees[position[row["d"].value]] = row["designee"].value
    return Table(iris=iris, designees=tuple(designees), position=position)


def matches(store: Store, flt: DesignationFilter) -> array[int]:
    """The positions (in `table(store)`) of every designation matching the filter, in order."""
    return remembered(store, "designation-matches", flt, lambda: _matches(store, flt))


def _matches(store: Store, flt: DesignationFilter) -> array[int]:
    t = table(store)
    bindings = flt.bindings()
    found: list[int] | range = range(len(t.iris))
    if bindings:
        rows = store.query(designations_query(list(bindings)), bindings)
        assert isinstance(rows, ox.QuerySolutions)
        found = sorted({t.position[r["d"].value] for r in rows if r["d"].value in t.position})
    if flt.region is not None:
        inside = within(store, flt.region, flt.include_history)
        found = [i for i in found if t.designees[i] in inside]
    if flt.name is not None:
        needle, names = normalise(flt.name), designee_names(store)
        found = [i for i in found if any(needle in k for k in names.get(t.designees[i], ()))]
    return array("q", found)


def designee_names(store: Store) -> dict[str, frozenset[str]]:
    """Each designee's labels as search keys (normalised, and toneless pinyin of Chinese)."""
    return remembered(store, "designee-names", None, lambda: _designee_names(store))


def _designee_names(store: Store) -> dict[str, frozenset[str]]:
    keys: defaultdict[str, set[str]] = defaultdict(set)
    for row in store.select(NAMES_QUERY):
        label = row["label"].value
        keys[row["designee"].value] |= {normalise(label), toneless_pinyin(label)} - {""}
    return {designee: frozenset(k) for designee, k in keys.items()}


def designations(
    store: Store, flt: DesignationFilter, offset: int, limit: int
) -> list[Designation]:
    """A page of designations matching every filter, in the store's order."""
    iris = table(store).iris
    return [designation(store, iris[i]) for i in matches(store, flt)[offset : offset + limit]]


def designation_total(store: Store, flt: DesignationFilter) -> int:
    """How many designations match every filter."""
    return len(matches(store, flt))


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
        announced=value(props, CND.announcedOn),
        decided=value(props, CND.decisionDate),
        valid_from=value(props, CND.validFrom),
        valid_until=value(props, CND.validUntil),
        sources=sources(store, iri, props.get(str(CND.supportedBy), [])),
        findings=findings_about(store, iri),
    )


__all__ = [
    "DesignationFilter",
    "designation",
    "designation_total",
    "designations",
    "matches",
    "table",
]
