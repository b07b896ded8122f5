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
import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from graph.derive import codesignation, first, only, tallies, verdicts
from graph.derive.closure import regions_of
from graph.derive.projection import Projection, project
from graph.derive.rollup import ROLLUP_DESCRIPTION
from graph.derive.run import Out, Rule, context, run_triples
from graph.derive.status import statuses
from graph.namespaces import DERIVED_GRAPH
from graph.store import Store, checkpoint, swap_in

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


def derive_into(store: Store, as_of: str | None = None, chunk: int = 262_144) -> int:
    """Compute the derived graph straight into the store's derived graph, each chunk of
    lines loaded in the background while the rules go on; the triples written. Not atomic: for
    a store being built, not yet swapped in (as build and rederive do)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with store.loader(DERIVED) as load:
            out = Out(load, chunk)
            _derive(store, as_of, out)
        return out.written
    finally:
        if enabled:
            gc.enable()


def _derive(store: Store, as_of: str | None, out: Out | None = None) -> bytes:
    projection = project(store, verdicts.REPORTED)
    ctx = context(projection, as_of)
    out = out or Out()
    run_triples(ctx, RULES, out)
    for s, p, o in statuses(projection):
        out.add(s, p, o)
    groups = only.only_in_region(ctx, out)
    firsts = first.first_in_region(ctx, out)
    tallies.tallies(ctx, out)
    tallies.top_designees(ctx, out)
    codesignation.co_designation(ctx, out)
    verdicts.verdicts(ctx, groups, firsts, out)
    return out.data()


def rederive(store_dir: Path, as_of: str | None = None) -> int:
    """Recompute the derived graph of the store in a directory; the triples written.

    The store is copied into a new directory beside it (a RocksDB checkpoint), its derived
    graph dropped and derived again there (derive_into), and the copy swapped in, as the build
    swaps in a new store: on any error the old store stays as it was, and whoever opens the
    store sees the old derived graph or the new one, never a mix. Writes made to the old store
    meanwhile are not carried over.
    """
    source = Store.open(store_dir)
    staging = store_dir.with_name(f".{store_dir.name}.derive-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        store = checkpoint(source, staging)
        del source
        store.drop_graph(DERIVED)
        count = derive_into(store, as_of)
        store.flush()
        del store
        gc.collect()  # let go of the RocksDB handle before the directory moves
    except BaseException:
        gc.collect()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, store_dir)
    return count


__all__ = ["RULES", "Projection", "derive", "derive_into", "project", "rederive", "regions_of"]
