"""The administrative closure: every division, at each level, that a designee lies in.

Not materialised in the derived graph: `schema:containedInPlace` already links each zone to its
city or county and each division to its parent, so SPARQL users follow the property path
`schema:containedInPlace+`. The rules call this function instead, once per designee.
"""

from __future__ import annotations

import networkx as nx

REGION_LEVELS = ("province", "prefecture")


def regions_of(places: nx.DiGraph[int], node: int) -> dict[str, tuple[int, ...]]:
    """The divisions at each level containing a node (itself included when it is a division).

    >>> tree = nx.DiGraph([(3, 2), (2, 1)])
    >>> nx.set_node_attributes(tree, {1: "province", 2: "prefecture", 3: "county"}, "level")
    >>> regions_of(tree, 3)
    {'county': (3,), 'prefecture': (2,), 'province': (1,)}
    """
    if node not in places:
        return {}
    found: dict[str, list[int]] = {}
    for place in sorted({node} | nx.descendants(places, node)):
        level = places.nodes[place].get("level")
        if level is not None:
            found.setdefault(level, []).append(place)
    return {level: tuple(found[level]) for level in sorted(found)}


def closure(places: nx.DiGraph[int], designees: list[int]) -> dict[int, dict[str, tuple[int, ...]]]:
    """The regions of each distinct designee, keyed by designee id: the same answer as
    regions_of, computed for the whole tree in one pass, parents before their members.

    >>> tree = nx.DiGraph([(4, 2), (3, 2), (2, 1)])
    >>> nx.set_node_attributes(tree, {1: "province", 2: "prefecture"}, "level")
    >>> closure(tree, [4, 3, 9])
    {3: {'prefecture': (2,), 'province': (1,)}, 4: {'prefecture': (2,), 'province': (1,)}, 9: {}}
    """
    try:
        order = list(nx.topological_sort(places))
    except nx.NetworkXUnfeasible:  # a containment cycle: fall back to a walk per designee
        return {d: regions_of(places, d) for d in sorted(set(designees))}
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
    return {d: _frozen(within.get(d, {})) for d in sorted(set(designees))}


def _frozen(found: dict[str, set[int]]) -> dict[str, tuple[int, ...]]:
    return {level: tuple(sorted(found[level])) for level in sorted(found)}
