"""Build the store atomically: read seeds, map, derive, validate, then swap the new store in."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from graph.build.lint import lint, load_ontology, used_terms
from graph.build.quads import Quad
from graph.build.record_quads import map_record
from graph.build.reference_quads import map_reference
from graph.build.seeds import Seeds, document_text, mapped, read_seeds
from graph.build.shapes import load_shapes, violations
from graph.derive import derive_into
from graph.errors import ShapeViolation
from graph.namespaces import ONTOLOGY_GRAPH
from graph.paths import ONTOLOGY_DIR, SEEDS_DIR
from graph.staging import staged
from graph.store import Store, save
from graph.terms import from_ox, to_ox_quads

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote, and how long it took (for the log, never for the graph)."""

    quads: int
    graphs: int
    records: int
    seconds: float


def seed_quads(seeds: Seeds, ontology_dir: Path = ONTOLOGY_DIR) -> Iterator[Quad]:
    """The ontology, reference and source quads the seeds yield, each triple stored once."""
    return first_statements(_all_quads(seeds, ontology_dir))


def _all_quads(seeds: Seeds, ontology_dir: Path) -> Iterator[Quad]:
    for s, p, o in load_ontology(ontology_dir):
        yield (s, p, o, ONTOLOGY_GRAPH)
    yield from map_reference(seeds.reference, seeds.divisions)
    for path, (record, draft) in mapped(seeds).items():
        yield from map_record(record, document_text(path, record), draft)


def first_statements(quads: Iterable[Quad]) -> Iterator[Quad]:
    """Keep each triple only in the first graph that states it.

    Oxigraph's union default graph repeats a triple once per graph holding it, so a
    designation reported by three documents would count three times. Each document's graph
    keeps its own claims and evidence (those are unique to it); a triple several documents
    share, such as a designation's designee, lives in the graph of the first (by file name).

    >>> from rdflib import URIRef
    >>> g1, g2 = URIRef("urn:g1"), URIRef("urn:g2")
    >>> s, p, o = URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o")
    >>> [q[3] for q in first_statements([(s, p, o, g1), (s, p, o, g2)])]
    [rdflib.term.URIRef('urn:g1')]
    """
    seen: set[tuple[Node, Node, Node]] = set()
    for quad in quads:
        triple = quad[:3]
        if triple not in seen:
            seen.add(triple)
            yield quad


def as_graph(store: Store) -> Graph:
    """The union of the store's graphs as one rdflib graph."""
    g = Graph()
    for q in store.inner:
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


def check(store: Store, ontology_dir: Path = ONTOLOGY_DIR) -> list[str]:
    """Lint and SHACL problems of a built store; empty when it conforms. Both read the store
    itself: the lint asks it for the terms it uses, the SHACL engine validates it natively."""
    used = [(term,) for term in used_terms(store)]
    return lint(used, ontology_dir) + violations(store.inner, load_shapes(ontology_dir))


def build(
    store_dir: Path,
    seeds_dir: Path = SEEDS_DIR,
    ontology_dir: Path = ONTOLOGY_DIR,
    progress: Progress = lambda step: None,
) -> BuildReport:
    """Build a new store from the seeds and swap it in; on any error the old store stays."""
    started = time.perf_counter()
    progress("reading seeds")
    seeds = read_seeds(seeds_dir)
    with staged(store_dir, "build") as staging:
        report = _fill(staging, seeds, ontology_dir, progress)
        progress("swapping in the new store")
    records = len(mapped(seeds))
    return BuildReport(*report, records=records, seconds=time.perf_counter() - started)


def _fill(staging: Path, seeds: Seeds, ontology_dir: Path, progress: Progress) -> tuple[int, int]:
    """Map, derive and validate in memory (several times faster than on disk), then write the
    store to the staging directory in one bulk load."""
    store = Store.memory()
    progress("mapping and loading")
    store.extend(to_ox_quads(seed_quads(seeds, ontology_dir)))
    progress("deriving")
    derive_into(store)
    progress("validating")
    problems = check(store, ontology_dir)
    if problems:
        raise ShapeViolation(problems)
    save(store, staging)
    counts = (len(store), len(store.named_graphs()))
    del store
    gc.collect()
    return counts
