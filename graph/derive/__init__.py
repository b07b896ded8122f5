"""Derivation: project the store into networkx and compact columns, apply the rules, and
return the derived graph as N-Triples, each result with its provenance. Recomputed from
scratch; same data and as-of date, same derived graph.

One module per rule: only (only-in-region), first (first-in-region), tallies (counts,
timelines, top designees), codesignation (weighted network), verdicts (reported versus
computed); closure holds the administrative closure the rules share; projection reads the
store; run holds the provenance and the writer.
"""

from __future__ import annotations

import gc

import pyoxigraph as ox

from graph.derive import codesignation, first, only, tallies, verdicts
from graph.derive.closure import regions_of
from graph.derive.projection import Projection, project
from graph.derive.run import Out, Rule, context, run_triples
from graph.derive.status import statuses
from graph.namespaces import DERIVED_GRAPH
from graph.rollup import ROLLUP_DESCRIPTION
from graph.store import Store

ROLLUP = Rule("verification-rollup", 1, ROLLUP_DESCRIPTION)
RULES = [
    ROLLUP,
    only.RULE,
    first.RULE,
    tallies.RULE,
    tallies.TOP_RULE,
    codesignation.RULE,
    verdicts.RULE,
]
DERIVED = ox.NamedNode(str(DERIVED_GRAPH))


def derive(store: Store, as_of: str | None = None) -> bytes:
    """The derived graph's triples (N-Triples) for the store's current data, as of a date
    (YYYY-MM-DD; default: the latest start date in the data)."""
    # The rules allocate millions of small lists and tuples but no reference cycles; the
    # cyclic collector would rescan them all again and again, so it is paused meanwhile.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _derive(store, as_of)
    finally:
        if enabled:
            gc.enable()


def _derive(store: Store, as_of: str | None) -> bytes:
    projection = project(store, verdicts.REPORTED)
    ctx = context(projection, as_of)
    out = Out()
    run_triples(ctx, RULES, out)
    for s, p, o in statuses(projection):
        out.add(s, p, o)
    groups = only.only_in_region(ctx, out)
    firsts = first.first_in_region(ctx, out)
    tallies.tallies(ctx, out)
    tallies.top_designees(ctx, out)
    codesignation.co_designation(ctx, out)
    verdicts.verdicts(store, ctx, groups, firsts, out)
    return out.data()


def rederive(store: Store, as_of: str | None = None) -> int:
    """Recompute the derived graph in place (one atomic replacement); the triples written."""
    count = store.replace_graph(DERIVED, derive(store, as_of))
    store.flush()
    return count


__all__ = ["RULES", "Projection", "derive", "project", "rederive", "regions_of"]
