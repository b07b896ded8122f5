"""Derivation: project the store into networkx and compact columns, apply the rules, and
return the derived graph's quads, each result with its provenance. Recomputed from scratch;
same data and as-of date, same derived graph.

One module per rule: only (only-in-region), first (first-in-region), tallies (counts,
timelines, top designees), codesignation (weighted network), verdicts (reported versus
computed); closure holds the administrative closure the rules share.
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.derive import codesignation, first, only, tallies, verdicts
from graph.derive.closure import regions_of
from graph.derive.projection import Projection, project
from graph.derive.run import Out, Rule, context, run_quads, snapshot_digest
from graph.mapping.terms import in_graph
from graph.namespaces import DERIVED_GRAPH
from graph.rollup import ROLLUP_DESCRIPTION, rollup
from graph.store import Store
from graph.terms import to_ox_quads

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


def derive(store: Store, as_of: str | None = None) -> list[ox.Quad]:
    """Every derived quad for the store's current data, as of a date (default: the latest
    start date in the data)."""
    digest = snapshot_digest(store)
    ctx = context(project(store), as_of, digest)
    out = Out()
    run_quads(ctx, digest, RULES, out)
    out.quads += to_ox_quads(in_graph(rollup(store), DERIVED_GRAPH))
    groups = only.only_in_region(ctx, out)
    firsts = first.first_in_region(ctx, out)
    tallies.tallies(ctx, out)
    tallies.top_designees(ctx, out)
    codesignation.co_designation(ctx, out)
    verdicts.verdicts(store, ctx, groups, firsts, out)
    return out.quads


def rederive(store: Store, as_of: str | None = None) -> int:
    """Recompute the derived graph in place (one atomic replacement); the quads written."""
    count = store.replace_graph(ox.NamedNode(str(DERIVED_GRAPH)), derive(store, as_of))
    store.flush()
    return count


__all__ = ["RULES", "Projection", "derive", "project", "rederive", "regions_of"]
