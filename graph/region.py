"""The one meaning of "in a region", used by every route, page, example, rule and export.

A designee is in region R when it is R, lies in R (`schema:containedInPlace*`: zones, clusters
and divisions), or is located in something that lies in R (`schema:location`, then
`schema:containedInPlace*`: organisations). As one SPARQL property path:

    ?designee schema:location?/schema:containedInPlace* ?region

With division history (`include_history`), a place also lies in whatever succeeded it
(`SUCCESSOR`, the division it was merged into or renamed to), so a query for today's division
finds what was placed in its predecessors:

    ?designee schema:location?/(schema:containedInPlace|dcterms:isReplacedBy)* ?region

`within(store, region)` is the set of everything in a region by this rule; `reached(...)`
is the same rule over a networkx place tree, for the derivation.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

import networkx as nx
import pyoxigraph as ox

from graph.read.cache import remembered
from graph.store import Store

N = TypeVar("N", bound=Hashable)

LOCATED = "schema:location"
CONTAINED = "schema:containedInPlace"
SUCCESSOR = "dcterms:isReplacedBy"
"""The division history link (a division to the one that replaced it), followed on request."""


def steps(include_history: bool = False) -> str:
    """The path that climbs from a place to everything it lies in."""
    return f"({CONTAINED}|{SUCCESSOR})*" if include_history else f"{CONTAINED}*"


def path(include_history: bool = False) -> str:
    """The rule as one SPARQL property path, from a designee to each region it is in.

    >>> path()
    'schema:location?/schema:containedInPlace*'
    """
    return f"{LOCATED}?/{steps(include_history)}"


def pattern(designee: str = "?designee", region: str = "?region", history: bool = False) -> str:
    """The rule as a triple pattern between two SPARQL terms.

    >>> pattern("?d", "adm:150000")
    '?d schema:location?/schema:containedInPlace* adm:150000 .'
    """
    return f"{designee} {path(history)} {region} ."


def within_query(include_history: bool = False) -> str:
    """Everything in the region bound to ?region: the rule written as a UNION of its two
    branches (no location, one location), which Oxigraph answers from the region down, where
    the single path walks every place in the store (80 times slower on the seeds)."""
    climb = steps(include_history)
    return (
        "SELECT DISTINCT ?place ?region WHERE {\n"
        f"  {{ ?place {climb} ?region }}\n"
        f"  UNION {{ ?place {LOCATED}/{climb} ?region }}\n"
        "}"
    )


def within(store: Store, region: ox.NamedNode, include_history: bool = False) -> frozenset[str]:
    """The IRIs of everything in the region by the rule: the region itself, every place inside
    it at any depth, and everything located in one of those."""
    key = (region.value, include_history)
    return remembered(store, "within", key, lambda: _within(store, region, include_history))


def _within(store: Store, region: ox.NamedNode, include_history: bool) -> frozenset[str]:
    rows = store.select(within_query(include_history), region=region)
    return frozenset(row["place"].value for row in rows)


def starts(located: Mapping[N, Iterable[N]], node: N) -> list[N]:
    """The rule's first step: the node itself and whatever it is located in.

    >>> starts({"org": ["zone"]}, "org"), starts({}, "zone")
    (['org', 'zone'], ['zone'])
    """
    return [node, *located.get(node, ())]


def reached(contained: nx.DiGraph[N], located: Mapping[N, Iterable[N]], node: N) -> set[N]:
    """Every place the node is in by the rule, itself included, over a tree whose edges run
    from a place to the place it lies in (containedInPlace, and successors when the tree has
    them) and a table of schema:location links, which count for the first step only.

    >>> tree = nx.DiGraph([("zone", "city"), ("city", "province"), ("org2", "org")])
    >>> sorted(reached(tree, {"org": ["zone"], "org2": ["elsewhere"]}, "org"))
    ['city', 'org', 'province', 'zone']
    """
    found: set[N] = set()
    for start in starts(located, node):
        found.add(start)
        if start in contained:
            found |= nx.descendants(contained, start)
    return found


__all__ = ["path", "pattern", "reached", "starts", "within", "within_query"]
