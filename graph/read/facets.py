"""Facet counts over the designations a filter matches, as datasette shows beside a table.

Each designation's facet values are read once per store (one single-pattern query per
property, and the region rule for provinces) and kept by position in the store's order of
designations (graph.read.designations.table), so counting a filter's matches is a pass over
its positions. A designation with two issuers, or a designee in two provinces (a cluster that
spans them), counts once under each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pyoxigraph as ox

from graph.namespaces import concept
from graph.read.cache import remembered
from graph.read.designations import DesignationFilter, Table, matches, table
from graph.read.lookup import label, local_id, slug
from graph.read.views import Facet
from graph.region import within
from graph.store import Store

FACETS = ("province", "program", "issuer", "level", "status", "year")
PROPERTIES = {
    "program": "cnd:underProgram",
    "issuer": "cnd:designatedBy",
    "level": "cnd:level",
    "status": "cnd:verificationStatus",
}
DATES = ("cnd:announcedOn", "cnd:decisionDate", "cnd:validFrom")
"""The date a designation's year comes from: the first of these it has (as the date filter)."""
SLUGGED = ("level", "status")
PROVINCES = "SELECT ?p ?level WHERE { ?p cnd:adminLevel ?level }"
Values = tuple[tuple[str, ...], ...]


def facets(store: Store, flt: DesignationFilter, names: Iterable[str]) -> dict[str, list[Facet]]:
    """The counts of each named facet over every designation the filter matches, most
    frequent first (ties by value)."""
    found = matches(store, flt)
    return {name: _counted(store, name, facet_values(store, name), found) for name in names}


def _counted(store: Store, name: str, values: Values, found: Iterable[int]) -> list[Facet]:
    counts = Counter(v for i in found for v in values[i])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [_facet(store, name, v, n) for v, n in ranked]


def _facet(store: Store, name: str, value: str, count: int) -> Facet:
    if name == "year":
        return Facet(value=value, count=count)
    text = slug(ox.NamedNode(value)) if name in SLUGGED else local_id(value)
    return Facet(value=text or value, label=label(store, value), count=count)


def facet_values(store: Store, name: str) -> Values:
    """Each designation's values of one facet (IRIs, or years), by position (remembered)."""
    return remembered(store, "facet-values", name, lambda: _values(store, name))


def _values(store: Store, name: str) -> Values:
    t = table(store)
    if name == "province":
        return _provinces(store, t)
    if name == "year":
        return _years(store, t)
    return _by_position(t, _pairs(store, PROPERTIES[name]))


def _pairs(store: Store, predicate: str) -> list[tuple[str, str]]:
    rows = store.select(f"SELECT ?s ?o WHERE {{ ?s {predicate} ?o }}")
    return [(row["s"].value, row["o"].value) for row in rows]


def _by_position(t: Table, pairs: Iterable[tuple[str, str]]) -> Values:
    values: list[list[str]] = [[] for _ in t.iris]
    for subject, value in pairs:
        at = t.position.get(subject)
        if at is not None and value not in values[at]:
            values[at].append(value)
    return tuple(tuple(v) for v in values)


def _years(store: Store, t: Table) -> Values:
    dates = [dict(_pairs(store, predicate)) for predicate in DATES]
    years = []
    for iri in t.iris:
        date = next((d[iri] for d in dates if iri in d), None)
        years.append((date[:4],) if date else ())
    return tuple(years)


def _provinces(store: Store, t: Table) -> Values:
    level = ox.NamedNode(concept("admin-level", "province"))
    provinces = [row["p"] for row in store.select(PROVINCES, level=level)]
    pairs = []
    for province in provinces:
        assert isinstance(province, ox.NamedNode)
        inside = within(store, province)
        placed = zip(t.iris, t.designees, strict=True)
        pairs += [(d, province.value) for d, who in placed if who in inside]
    return _by_position(t, pairs)


__all__ = ["FACETS", "facet_values", "facets"]
