"""The administrative closure: every division, at each level, that a designee is in, by the
one region rule (graph.region): itself, what it lies in, and what its location lies in.

Not materialised in the derived graph: `schema:containedInPlace` already links each zone to its
city or county and each division to its parent, and organisations are placed with
`schema:location`, so SPARQL users follow `schema:location?/schema:containedInPlace*`. The
rules call these functions instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx

from graph.region import reached, starts

REGION_LEVELS = ("province", "prefecture")


def regions_of(
    places: nx.DiGraph[int], node: int, located: Mapping[int, Sequence[int]] | None = None
) -> dict[str, tuple[int, ...]]:
    """The divisions at each level a node is in (itself included when it is a division), over
    the place tree and the table of schema:location links.

    >>> tree = nx.DiGraph([(3, 2), (2, 1), (5, 4)])
    >>> nx.set_node_attributes(tree, {1: "province", 2: "prefecture", 3: "county"}, "level")
    >>> regions_of(tree, 3)
    {'county': (3,), 'prefecture': (2,), 'province': (1,)}
    >>> regions_of(tree, 9, located={9: [3]})
    {'county': (3,), 'prefecture': (2,), 'province': (1,)}
    """
    found: dict[str, list[int]] = {}
    for place in sorted(reached(places, located or {}, node)):
        if place not in places:
            continue
        level = places.nodes[place].get("level")
        if level is not None:
            found.setdefault(level, []).append(place)
    return {level: tuple(found[level]) for level in sorted(found)}


def closure(
    places: nx.DiGraph[int],
    designees: list[int],
    located: Mapping[int, Sequence[int]] | None = None,
) -> dict[int, dict[str, tuple[int, ...]]]:
    """The regions of each distinct designee, keyed by designee id: the same answer as
    regions_of, computed for the whole tree in one pass, parents before their members.

    >>> tree = nx.DiGraph([(4, 2), (3, 2), (2, 1)])
    >>> nx.set_node_attributes(tree, {1: "province", 2: "prefecture"}, "level")
    >>> closure(tree, [4, 3, 9, 7], located={7: [3]})
    ... # doctest: +NORMALIZE_WHITESPACE
    {3: {'prefecture': (2,), 'province': (1,)}, 4: {'prefecture': (2,), 'province': (1,)},
     7: {'prefecture': (2,), 'province': (1,)}, 9: {}}
    """
    located = located or {}
    try:
        order = list(nx.topological_sort(places))
    except nx.NetworkXUnfeasible:  # a containment cycle: fall back to a walk per designee
        return {d: regions_of(places, d, located) for d in sorted(set(designees))}
    within: dict[int, dict[str, set[int]]] = {}
    for node in reversed(order):
        found: dict[str, set[int]] = {}
        level = places.nodes[node].get("level")
        if level is not None:
            found[level] = {node}
        for parent in places.successors(node):
            for lv, regions in within[parent].items():
                found.setdefault(lv, set()).update(regions)
        within[node] = found
    return {d: _frozen(_merged(within, starts(located, d))) for d in sorted(set(designees))}


def _merged(within: dict[int, dict[str, set[int]]], nodes: list[int]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for node in nodes:
        for level, regions in within.get(node, {}).items():
            found.setdefault(level, set()).update(regions)
    return found


def _frozen(found: dict[str, set[int]]) -> dict[str, tuple[int, ...]]:
    return {level: tuple(sorted(found[level])) for level in sorted(found)}
