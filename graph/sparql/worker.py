"""The worker process: answers jobs from its pipe over the store opened read-only.

A worker keeps one read-only snapshot of the store and reopens it when a job carries a newer
generation (the pool bumps the generation after every write). A job may also name the
columnar replica of its generation; the worker opens it once and answers aggregate queries
from it. A write job (a SPARQL update or
a Graph Store put, post or delete) opens the store read-write for the length of the write only,
after every worker has let go of its snapshot.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from graph.errors import DesignationsError
from graph.sparql.execute import dataset_counts, read_graph, run_query, run_update
from graph.sparql.graphstore import apply
from graph.sparql.jobs import WRITES, Failure, Job, Outcome
from graph.sparql.replica import Replica
from graph.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """What every worker of a pool starts with: the store, whether to copy its snapshot into
    memory, and the estimated cost from which the replica answers (graph.sparql.estimate)."""

    path: Path
    in_memory: bool = False
    replica_threshold: float = 0.0


class Session:
    """A worker's state: the store directory and the snapshot it holds, if any."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.path = options.path
        self.store: Store | None = None
        self.generation = -1
        self.replica: Replica | None = None

    def columnar(self, path: str) -> Replica | None:
        """The replica at path (opened once), or None when the job names none."""
        if self.replica is not None and str(self.replica.path) != path:
            self.replica.close()
            self.replica = None
        if path and self.replica is None:
            self.replica = Replica(Path(path))
        return self.replica

    def snapshot(self, generation: int) -> Store:
        """The read-only store as of the given generation, reopened when it is newer."""
        if self.store is None or generation != self.generation:
            self.store = None
            self.store = self._open()
            self.generation = generation
        return self.store

    def _open(self) -> Store:
        store = Store.open(self.path)
        if not self.options.in_memory:
            return store
        copy = ox.Store()
        data = store.inner.dump(format=ox.RdfFormat.N_QUADS)
        copy.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        return Store(copy, self.path)

    def release(self) -> Outcome:
        """Let go of the snapshot so that an update may write."""
        self.store = None
        return Outcome()

    def run(self, job: Job) -> Outcome:
        """Do one job and return its outcome; library errors propagate."""
        if job.kind == "release":
            return self.release()
        if job.kind in WRITES:
            self.release()
            return run_update(self.path, job) if job.kind == "update" else apply(self.path, job)
        store = self.snapshot(job.generation)
        if job.kind == "graph":
            return read_graph(store, job)
        if job.kind == "stats":
            return Outcome(counts=dataset_counts(store))
        replica = self.columnar(job.replica)
        return run_query(store, job, replica, self.options.replica_threshold)

    def handle(self, job: Job) -> Outcome | Failure:
        """Do one job; a library error becomes a Failure, anything else a logged Failure."""
        try:
            return self.run(job)
        except DesignationsError as exc:
            return Failure(type(exc).__name__, str(exc))
        except Exception as exc:
            log.exception("worker failed on a %s job", job.kind)
            return Failure("InternalError", f"{type(exc).__name__} in the query worker")


def serve(conn: Connection, options: Options) -> None:
    """The worker's main loop: receive a job, send its outcome, until the pipe closes."""
    session = Session(options)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(session.handle(job))
