"""The endpoint's engine for one app: the worker pool, the settings, and cached VoID counts.

Every method but `answer_async` blocks (it waits on a worker), so routes call them in a
thread. Every write (a SPARQL update or a Graph Store write) goes through `write`, which calls
back `on_write` so that the app reopens its own view of the store.

A query whose answer Oxigraph streams at a bounded cost per row (one triple pattern: a lookup;
graph.sparql.subset.streams) and has at most INLINE_ROWS rows is answered from the service's
own read-only snapshot, in the event loop: reading those rows costs about what handing the
job to a worker costs, and no time limit can be passed. A longer answer, a request with its
own `timeout`, and every other query go to a worker.
"""

from __future__ import annotations

import hmac
import math
import threading
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool

from api.negotiation import negotiate
from api.settings import Settings
from api.sparql.graphs import GraphWrite
from api.sparql.protocol import Operation
from graph.errors import Forbidden, NotAcceptable
from graph.media import RDF_BY_MEDIA, RESULTS_BY_MEDIA
from graph.sparql import (
    Features,
    Job,
    Outcome,
    WorkerPool,
    description,
    refuse_remote,
    service_description,
    with_using,
    writers,
)
from graph.sparql.execute import run_streaming
from graph.sparql.graphstore import triples_of
from graph.store import Store

INLINE_ROWS = 1000
"""Rows a streaming query may have to be answered without a worker (well under 10 ms)."""
SOLUTION_TYPES = list(RESULTS_BY_MEDIA)
GRAPH_TYPES = list(RDF_BY_MEDIA)


class SparqlService:
    """Answers SPARQL protocol operations through a pool of worker processes."""

    def __init__(self, settings: Settings, on_write: Callable[[], None] = lambda: None) -> None:
        self.settings = settings
        self.pool = WorkerPool(
            settings.store,
            settings.workers,
            settings.in_memory,
            settings.replica,
            settings.replica_threshold,
        )
        self.features = Features(settings.update_token is not None, settings.allow_remote)
        self.on_write = on_write
        self._counts: tuple[int, dict[str, int]] | None = None
        self._writing = threading.Lock()
        self.snapshot: Store | None = None

    def start(self) -> None:
        """Start the workers and open the service's own snapshot."""
        self.pool.start()
        self.snapshot = Store.open(self.settings.store)

    def close(self) -> None:
        """Stop the workers."""
        self.pool.close()

    def seconds(self, op: Operation) -> float:
        """The time limit of an operation: the setting, lowered by the request's timeout."""
        return min(op.timeout or math.inf, self.settings.query_timeout)

    def _check(self, text: str) -> None:
        if not self.settings.allow_remote:
            refuse_remote(text)

    def answer(self, op: Operation, accept: str | None, endpoint: str) -> Outcome:
        """Run a query or read a graph, serialised in the format the client accepts."""
        if op.kind == "description":
            return self.description(negotiate(accept, GRAPH_TYPES), endpoint)
        return self.pool.run(self.job(op, accept, endpoint), self.seconds(op))

    async def answer_async(self, op: Operation, accept: str | None, endpoint: str) -> Outcome:
        """answer() from the event loop: a query waits on its worker in the loop, with no
        thread of its own (the service description still takes a thread)."""
        if op.kind == "description":
            return await run_in_threadpool(self.answer, op, accept, endpoint)
        job = self.job(op, accept, endpoint)
        if op.kind == "query" and op.timeout is None and self.snapshot is not None:
            outcome = run_streaming(self.snapshot, job, INLINE_ROWS)
            if outcome is not None:
                return outcome
        return await self.pool.answer(job, self.seconds(op))

    def job(self, op: Operation, accept: str | None, endpoint: str) -> Job:
        """The worker's job for a query or graph read, in the format the client accepts."""
        solutions, graphs = negotiate(accept, SOLUTION_TYPES), negotiate(accept, GRAPH_TYPES)
        if op.kind == "graph":
            solutions = None
        if solutions is None and graphs is None:
            raise NotAcceptable(f"no acceptable format; this endpoint offers {self.offered()}")
        self._check(op.text)
        return Job(
            "graph" if op.kind == "graph" else "query",
            op.text,
            graph=op.graph,
            dataset=op.dataset,
            base_iri=endpoint,
            solutions_media=solutions,
            graph_media=graphs,
            max_rows=self.row_limit(op),
        )

    def row_limit(self, op: Operation) -> int:
        """Where an answer is cut: a query at MAX_ROWS, a Graph Store read at
        MAX_GRAPH_TRIPLES."""
        return self.settings.max_graph_triples if op.kind == "graph" else self.settings.max_rows

    def update(self, op: Operation, authorization: str | None, endpoint: str) -> None:
        """Apply an update for a client bearing the update token."""
        self.authorise(authorization)
        self._check(op.text)
        job = Job("update", with_using(op.text, op.dataset), base_iri=endpoint)
        self.write(job, self.seconds(op))

    def write_graph(self, write: GraphWrite, endpoint: str) -> bool:
        """Do a Graph Store write (the caller has authorised it); True when it created the
        graph. Relative IRIs in the body resolve against the graph's IRI."""
        base = write.graph or endpoint
        data = b"".join(triples_of(part, media, base) for media, part in write.parts)
        job = Job(write.kind, graph=write.graph, data=data)
        return self.write(job, self.settings.query_timeout).created

    def write(self, job: Job, seconds: float) -> Outcome:
        """Run a write job, then tell on_write (which reopens what reads the store), one
        write at a time so that what is reopened is never older than the last write."""
        with self._writing:
            try:
                return self.pool.update(job, seconds)
            finally:
                self.snapshot = Store.open(self.settings.store)
                self.on_write()

    def authorise(self, authorization: str | None) -> None:
        """Forbidden unless updates are on and the header carries the token."""
        token = self.settings.update_token
        if token is None:
            raise Forbidden("updates are disabled on this endpoint (no update token is set)")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), token):
            raise Forbidden("updates need the header Authorization: Bearer <update token>")

    def description(self, media: str | None, endpoint: str) -> Outcome:
        """The service description with VoID counts, in an RDF format."""
        if media is None:
            raise NotAcceptable(f"the service description is RDF: {', '.join(GRAPH_TYPES)}")
        triples = service_description(endpoint, self.features, self.counts())
        body = writers.rdf(triples, RDF_BY_MEDIA[media], description.PREFIXES)
        return Outcome(media, body)

    def counts(self) -> dict[str, int]:
        """VoID figures of the dataset, computed once per store generation."""
        generation = self.pool.generation
        if self._counts is None or self._counts[0] != generation:
            outcome = self.pool.run(Job("stats"), self.settings.query_timeout)
            self._counts = (generation, outcome.counts)
        return self._counts[1]

    @staticmethod
    def offered() -> str:
        """Every media type offered, for error messages."""
        return ", ".join(dict.fromkeys([*SOLUTION_TYPES, *GRAPH_TYPES]))
