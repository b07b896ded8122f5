"""Reading the store for the projection: single-pattern SELECTs serialised by Oxigraph as TSV
in one call (no per-term Python objects), split by Python, and digested for the snapshot.

Oxigraph releases the GIL while it evaluates and serialises, so the queries the projection will
ask are run ahead, two at a time, in threads, while Python splits the results already in; at
most a few results wait unread, so memory stays bounded.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

import pyoxigraph as ox

from graph.namespaces import DERIVED_GRAPH
from graph.store import Store

ROWS = "SELECT ?s ?o WHERE {{ ?s {p} ?o }}"
LITERAL_END = re.compile(r'"(?:\^\^<[^>]*>|@[-A-Za-z0-9]+)?$', re.MULTILINE)


def rows_of(predicate: str) -> str:
    """The single-pattern SELECT that reads every (subject, object) pair of one predicate."""
    return ROWS.format(p=predicate)


class Reader:
    """Runs the projection's queries as TSV, feeding every row read into the snapshot digest.

    The queries given as the plan are started ahead in threads (THREADS at a time, at most
    AHEAD results waiting); a query not in the plan runs when it is asked. Use as a context
    manager so the threads end with the reading.
    """

    THREADS, AHEAD = 2, 3

    def __init__(self, store: Store, plan: Iterable[str] = ()) -> None:
        self.store = store
        self.digest = hashlib.sha256()
        derived = str(DERIVED_GRAPH)
        self.graphs = [ox.NamedNode(g) for g in store.named_graphs() if g != derived]
        self.plan = deque(dict.fromkeys(plan))
        self.started: dict[str, Future[tuple[str, str]]] = {}
        self.pool = ThreadPoolExecutor(self.THREADS, thread_name_prefix="projection")
        self._start_more()

    def __enter__(self) -> Reader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.plan.clear()
        for future in self.started.values():
            future.cancel()
        self.pool.shutdown(wait=True)

    def _start_more(self) -> None:
        while self.plan and len(self.started) < self.AHEAD:
            sparql = self.plan.popleft()
            self.started[sparql] = self.pool.submit(self._run, sparql)

    def rows(self, sparql: str) -> list[list[str]]:
        """The result rows of a SELECT over every graph but the derived one, as N-Triples."""
        body = self.body(sparql)
        return [line.split("\t") for line in body.split("\n")] if body else []

    def body(self, sparql: str) -> str:
        """The TSV result lines of a SELECT (header excluded), sorted and joined, digested."""
        header, rest = self._tsv(sparql)
        body = "\n".join(sorted(rest.split("\n"))) if rest else ""
        self.digest.update(f"{header}\n{body}\n".encode() if body else f"{header}\n".encode())
        return body

    def pairs(self, predicate: str) -> tuple[list[str], list[str]]:
        """Subjects and objects of every triple with one predicate, as two aligned lists."""
        return _split_pairs(self.body(rows_of(predicate)))

    def unsorted_pairs(self, predicate: str, literal: bool = False) -> tuple[list[str], list[str]]:
        """Like pairs, in the store's order and not digested (for the designation columns,
        which Projection.fingerprint digests); with `literal`, objects are literals given by
        their lexical form (no quotes, escapes kept)."""
        body = self.unsorted(rows_of(predicate))
        return _split_pairs(LITERAL_END.sub("", body).replace('\t"', "\t") if literal else body)

    def unsorted(self, sparql: str) -> str:
        """The TSV result lines of a SELECT (header excluded) as the store gives them."""
        return self._tsv(sparql)[1]

    def _tsv(self, sparql: str) -> tuple[str, str]:
        """The header line and the result lines (no final newline) of a SELECT as TSV, from
        the read-ahead when the query was planned."""
        future = self.started.pop(sparql, None)
        if future is None:
            if sparql in self.plan:
                self.plan.remove(sparql)
            return self._run(sparql)
        try:
            return future.result()
        finally:
            self._start_more()

    def _run(self, sparql: str) -> tuple[str, str]:
        result = self.store.query(sparql, default_graph=self.graphs)
        assert isinstance(result, ox.QuerySolutions)
        tsv = result.serialize(format=ox.QueryResultsFormat.TSV) or b""
        end = tsv.find(b"\n")
        view = memoryview(tsv)
        return str(view[:end], "utf-8"), str(view[end + 1 : max(len(tsv) - 1, end + 1)], "utf-8")


def _split_pairs(body: str) -> tuple[list[str], list[str]]:
    flat = body.replace("\n", "\t").split("\t") if body else []
    return flat[0::2], flat[1::2]
