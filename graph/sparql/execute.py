"""Run one job against a store and serialise the result, capping rows (the worker's body).

These functions are plain: they take a Store and a Job and return an Outcome or raise a
library error. The worker process calls them; tests may call them directly.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import NotAcceptable, NotFound, QueryError
from graph.media import RDF_BY_MEDIA, RESULTS_BY_MEDIA
from graph.sparql import writers
from graph.sparql.jobs import Job, Outcome
from graph.sparql.lexer import has_keyword
from graph.sparql.replica import Replica
from graph.sparql.subset import candidate, streaming
from graph.store import QueryResult, Store, graph_name

GRAPH_TRIPLES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
CLASS_COUNT = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }"
PROPERTY_COUNT = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"


def _nodes(iris: tuple[str, ...]) -> list[ox.NamedNode]:
    return [ox.NamedNode(iri) for iri in iris]


def evaluate(store: Store, job: Job) -> QueryResult:
    """Run a query with the protocol's dataset, or else the union default graph.

    A query with its own FROM or FROM NAMED keeps it (the union would override it).
    """
    if job.dataset:
        return store.query(
            job.text,
            default_graph=_nodes(job.dataset.default_graphs),
            named_graphs=_nodes(job.dataset.named_graphs),
            base_iri=job.base_iri,
        )
    union = not has_keyword(job.text, "FROM")
    return store.query(job.text, union=union, base_iri=job.base_iri)


def _format(media: str | None, table: dict[str, str], kind: str) -> tuple[str, str]:
    if media is None:
        offered = ", ".join(dict.fromkeys(table))
        raise NotAcceptable(f"no acceptable format for {kind}; this endpoint offers {offered}")
    return media, table[media]


def serialise(result: QueryResult, job: Job, engine: str = "oxigraph") -> Outcome:
    """A query result in the job's media type, cut at job.max_rows (and saying so)."""
    try:
        if isinstance(result, ox.QueryBoolean):
            media, fmt = _format(job.solutions_media, RESULTS_BY_MEDIA, "an ASK answer")
            return Outcome(media, writers.boolean(bool(result), fmt), rows=1, engine=engine)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = [list(s) for s in islice(result, job.max_rows + 1)]  # in variable order
            return solutions_outcome(names, rows, job, engine)
        media, fmt = _format(job.graph_media, RDF_BY_MEDIA, "an RDF graph")
        triples = list(islice(result, job.max_rows + 1))
        return replace(triples_outcome(triples, media, fmt, job.max_rows), engine=engine)
    except (OSError, SyntaxError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def solutions_outcome(
    names: list[str], rows: list[list[Any]], job: Job, engine: str = ""
) -> Outcome:
    """SELECT results (up to job.max_rows + 1 rows) as an Outcome, cut at job.max_rows."""
    media, fmt = _format(job.solutions_media, RESULTS_BY_MEDIA, "SELECT results")
    cut = len(rows) > job.max_rows
    rows = rows[: job.max_rows]
    body = writers.SOLUTION_WRITERS[fmt](names, rows, cut)
    return Outcome(media, body, cut, len(rows), engine=engine)


def triples_outcome(triples: list[ox.Triple], media: str, fmt: str, cap: int) -> Outcome:
    """Triples as an Outcome, cut at cap."""
    cut = len(triples) > cap
    triples = triples[:cap]
    return Outcome(media, writers.rdf(triples, fmt), cut, len(triples))


def run_query(
    store: Store, job: Job, replica: Replica | None = None, threshold: float = 0
) -> Outcome:
    """Evaluate and serialise a SPARQL query: from the replica when it is given and the
    query is a SELECT inside its subset whose estimated cost to Oxigraph reaches
    `threshold` (graph.sparql.estimate); from Oxigraph otherwise."""
    if replica is not None and for_replica(job):
        table = replica.answer(job.text, job.max_rows, threshold)
        if table is not None:
            return solutions_outcome(*table, job, engine="columnar")
    return serialise(evaluate(store, job), job)


def run_streaming(store: Store, job: Job, budget: int) -> Outcome | None:
    """The answer to a query that streams (graph.sparql.subset.streams) when it has at most
    `budget` rows (or job.max_rows, if fewer), else None: reading that many rows is all the
    work it costs, so a server may answer it in its own process, with no time limit to keep.
    """
    if job.dataset or not streaming(job.text):
        return None
    small = replace(job, max_rows=min(budget, job.max_rows))
    outcome = run_query(store, small)
    return None if outcome.truncated and small.max_rows < job.max_rows else outcome


def for_replica(job: Job) -> bool:
    """Whether the replica may try the query: no protocol dataset, and a text that passes the
    screen of graph.sparql.subset.candidate."""
    return not job.dataset and candidate(job.text)


def read_graph(store: Store, job: Job) -> Outcome:
    """A graph's triples (the Graph Store Protocol's GET): a named graph, or the store's own
    default graph when job.graph is ""; NotFound when a named graph is absent."""
    graph = graph_name(job.graph)
    if not store.has_graph(graph):
        raise NotFound(f"no graph <{job.graph}> in this dataset")
    media, fmt = _format(job.graph_media, RDF_BY_MEDIA, "an RDF graph")
    quads = store.inner.quads_for_pattern(None, None, None, graph)
    triples = [q.triple for q in islice(quads, job.max_rows + 1)]
    return triples_outcome(triples, media, fmt, job.max_rows)


def run_update(path: Path, job: Job) -> Outcome:
    """Apply a SPARQL update to the store at path, opened read-write only for this update."""
    store = Store.open(path, read_only=False)
    store.update(job.text, base_iri=job.base_iri)
    store.flush()
    return Outcome()


def _count(store: Store, sparql: str) -> int:
    rows = store.select(sparql)
    value = rows[0].get("n") if rows else None
    return int(value.value) if isinstance(value, ox.Literal) else 0


def dataset_counts(store: Store) -> dict[str, int]:
    """VoID figures: `triples`, `classes`, `properties`, and `graph <IRI>` per named graph."""
    counts = {
        "triples": len(store),
        "classes": _count(store, CLASS_COUNT),
        "properties": _count(store, PROPERTY_COUNT),
    }
    for row in store.select(GRAPH_TRIPLES):
        graph, n = row["g"], row["n"]
        if isinstance(graph, ox.NamedNode) and isinstance(n, ox.Literal):
            counts[f"graph {graph.value}"] = int(n.value)
    return counts
