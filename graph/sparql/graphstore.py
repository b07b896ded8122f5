"""The SPARQL 1.1 Graph Store HTTP Protocol's graph operations, apart from HTTP.

A graph is named by its IRI, or by "" for the store's own default graph (which the build
leaves empty; queries see it as part of their union default graph). A request body is read
once, at the edge, into N-Triples (`triples_of`); the worker then writes it with `apply`.
Blank nodes of a body are renamed to fresh ones, so a merge never joins them with blank
nodes already in the store.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pyoxigraph as ox

from graph.errors import LoadError, NotFound, UnsupportedMediaType
from graph.media import RDF
from graph.namespaces import graph_iri
from graph.sparql.jobs import Job, Outcome
from graph.store import Store, graph_name

BODY_FORMATS: dict[str, ox.RdfFormat] = {
    media: f.ox
    for f in RDF.values()
    if not f.dataset
    for media in (f.media_type, *f.aliases)
    if media != "application/json"
}
"""Media types a graph may be sent in (JSON-LD only by its own media type)."""

DATASET_TYPES = frozenset(f.media_type for f in RDF.values() if f.dataset)


def new_graph() -> str:
    """A fresh graph IRI for a graph created by POST to the graph store itself."""
    return str(graph_iri(f"upload/{uuid.uuid4().hex}"))


def body_format(media: str) -> ox.RdfFormat:
    """The RDF format of a body's media type; UnsupportedMediaType for any other."""
    fmt = BODY_FORMATS.get(media)
    if fmt is not None:
        return fmt
    if media in DATASET_TYPES:
        raise UnsupportedMediaType(
            f"{media} carries a dataset; a graph is sent as one of {', '.join(BODY_FORMATS)}"
        )
    raise UnsupportedMediaType(
        f"cannot read a graph from {media or 'a body without Content-Type'}; "
        f"send one of {', '.join(BODY_FORMATS)}"
    )


def triples_of(data: bytes, media: str, base_iri: str | None) -> bytes:
    """A graph body as N-Triples with fresh blank nodes; LoadError when it does not parse."""
    fmt = body_format(media)
    try:
        quads = ox.parse(
            input=data,
            format=fmt,
            base_iri=base_iri,
            without_named_graphs=True,
            rename_blank_nodes=True,
        )
        return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
    except SyntaxError as exc:
        raise LoadError(f"the body is not valid {fmt.name}: {exc}") from None


def _triples(data: bytes) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(input=data, format=ox.RdfFormat.N_TRIPLES)]


def _write(store: Store, job: Job) -> bool:
    graph = graph_name(job.graph)
    if job.kind == "put":
        return store.put_graph(graph, _triples(job.data))
    if job.kind == "post":
        return store.add_to_graph(graph, _triples(job.data))
    if not store.drop_graph(graph):
        raise NotFound(f"no graph <{job.graph}> in this dataset")
    return False


def apply(path: Path, job: Job) -> Outcome:
    """Do a Graph Store write (put, post or delete) on the store at path, opened read-write
    for this write only; the outcome tells whether the write created the graph."""
    store = Store.open(path, read_only=False)
    created = _write(store, job)
    store.flush()
    return Outcome(created=created)
