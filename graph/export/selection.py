"""Views: which part of the graph an export draws."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from graph.errors import ExportError, InvalidParameters, NotFound
from graph.export.network import (
    Network,
    Record,
    co_designation_network,
    designation_network,
    records,
    whole_network,
)
from graph.region import within
from graph.store import Store

VIEWS = ("whole", "designations", "co-designation", "ego", "subgraph")
PARAMETERS = {
    "entity": "ego",
    "region": "subgraph",
    "program": "subgraph",
    "since": "subgraph",
    "until": "subgraph",
}
"""The parameters that belong to one view only."""


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

    def __post_init__(self) -> None:
        for name, view in PARAMETERS.items():
            if getattr(self, name) is not None and self.view in VIEWS and self.view != view:
                raise InvalidParameters(f"{name} is for the {view} view, not {self.view}")
        if self.since and self.until and self.since > self.until:
            raise InvalidParameters(f"since ({self.since}) is after until ({self.until})")


def select(store: Store, s: Selection) -> Network:
    """The networkx graph of a view."""
    if s.view not in VIEWS:
        raise ExportError(f"unknown view {s.view!r}; use one of {', '.join(VIEWS)}")
    if s.view == "whole":
        return whole_network(store)
    if s.view == "co-designation":
        return co_designation_network(store)
    if s.view == "subgraph":
        return subgraph(store, s)
    g = designation_network(store)
    if s.view == "ego":
        return ego(g, s.entity, s.hops)
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


def chosen(store: Store, s: Selection) -> list[Record]:
    """The designations of a subgraph: under the program, starting within the time range, and
    whose designee is in the region by the one rule (graph.region)."""
    inside = within(store, ox.NamedNode(s.region)) if s.region else None
    return [
        r
        for r in records(store)
        if (not s.program or r.program == s.program)
        and (not s.since or (r.since and r.since >= s.since))
        and (not s.until or (r.since and r.since <= s.until))
        and (inside is None or r.designee in inside)
    ]


def subgraph(store: Store, s: Selection) -> Network:
    """Exactly the designations under a program, in a region and/or starting within a time
    range, with their issuers, programs, designees and the designees' places (in a region,
    only the places inside it)."""
    if not (s.region or s.program or s.since or s.until):
        raise ExportError("the subgraph view needs a region, a program or a time range")
    inside = within(store, ox.NamedNode(s.region)) if s.region else None
    return designation_network(store, chosen(store, s), inside)
