"""Views: which part of the graph an export draws."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.errors import ExportError, NotFound
from graph.export.network import (
    Network,
    co_designation_network,
    designation_network,
    whole_network,
)
from graph.store import Store

VIEWS = ("whole", "designations", "co-designation", "ego", "subgraph")


@dataclass(frozen=True)
class Selection:
    """A view and its parameters: the entity and hops of an ego network; the region, program
    and time range (YYYY-MM-DD, inclusive) of a subgraph."""

    view: str = "whole"
    entity: str | None = None
    hops: int = 1
    region: str | None = None
    program: str | None = None
    since: str | None = None
    until: str | None = None


def select(store: Store, s: Selection) -> Network:
    """The networkx graph of a view."""
    if s.view not in VIEWS:
        raise ExportError(f"unknown view {s.view!r}; use one of {', '.join(VIEWS)}")
    if s.view == "whole":
        return whole_network(store)
    if s.view == "co-designation":
        return co_designation_network(store)
    g = designation_network(store)
    if s.view == "ego":
        return ego(g, s.entity, s.hops)
    if s.view == "subgraph":
        return subgraph(g, s)
    return g


def ego(g: Network, entity: str | None, hops: int) -> Network:
    """Everything within k hops of one entity, edges taken in either direction."""
    if not entity:
        raise ExportError("the ego view needs an entity IRI")
    if entity not in g:
        raise NotFound(f"no entity {entity} in the designation network")
    if hops < 0:
        raise ExportError("hops must be 0 or more")
    kept = nx.ego_graph(g, entity, radius=hops, undirected=True)
    return g.subgraph(kept.nodes).copy()


def _kept_designations(g: Network, s: Selection) -> set[str]:
    kept = set()
    for program, designee, key, data in g.edges(keys=True, data=True):
        if data.get("kind") != "designates":
            continue
        since = str(data.get("since", ""))
        if s.program and program != s.program:
            continue
        if s.since and (not since or since < s.since):
            continue
        if s.until and (not since or since > s.until):
            continue
        if s.region and s.region not in nx.descendants(g, designee) | {designee}:
            continue
        kept.add(key)
    return kept


def subgraph(g: Network, s: Selection) -> Network:
    """The designations under a program, in a region, and/or starting within a time range,
    with their issuers, programs, designees and the places above the designees."""
    if not (s.region or s.program or s.since or s.until):
        raise ExportError("the subgraph view needs a region, a program or a time range")
    kept = _kept_designations(g, s)
    out: Network = Network()
    for program, designee, key, data in g.edges(keys=True, data=True):
        if key in kept:
            out.add_edge(program, designee, key=key, **data)
    for issuer, program, key, data in g.edges(keys=True, data=True):
        if data.get("kind") == "issues" and data.get("iri") in kept:
            out.add_edge(issuer, program, key=key, **data)
    for designee in [n for n in out.nodes if out.in_degree(n)]:
        for child, parent, key in nx.edge_bfs(g, designee):
            if key == "located-in":
                out.add_edge(child, parent, key=key, **g.edges[child, parent, key])
    return out
