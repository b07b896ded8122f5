"""Watching each SPARQL operation: metrics by engine and outcome, and one structured log line
(JSON) per operation with a hash of its text, never the text itself, nor any header (the
update token travels in one)."""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from api.errors import STATUS
from graph.errors import QueryTimeout
from graph.metrics import Metrics
from graph.sparql import Outcome

log = logging.getLogger("designations.query")


@dataclass
class Seen:
    """What one operation did, filled in as it goes."""

    kind: str
    text: str
    engine: str = ""
    rows: int = 0
    truncated: bool = False

    def done(self, outcome: Outcome) -> Outcome:
        """Note what the outcome says (engine, rows, cut), and pass it on."""
        self.engine, self.rows, self.truncated = outcome.engine, outcome.rows, outcome.truncated
        return outcome


def text_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of an operation's text, to group log lines."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _status(exc: BaseException | None) -> tuple[str, int]:
    if exc is None:
        return "ok", 200
    for cls, status in STATUS.items():
        if isinstance(exc, cls):
            return cls.__name__, status
    return ("InternalError", 500) if isinstance(exc, Exception) else ("Cancelled", 499)


@contextmanager
def observed(metrics: Metrics, kind: str, text: str) -> Iterator[Seen]:
    """Time the operation in the block; count it and log one line when it ends."""
    seen, started, error = Seen(kind, text), time.perf_counter(), None
    try:
        yield seen
    except BaseException as exc:
        error = exc
        raise
    finally:
        _record(metrics, seen, time.perf_counter() - started, error)


def _record(metrics: Metrics, seen: Seen, seconds: float, error: BaseException | None) -> None:
    outcome, status = _status(error)
    if outcome == "ok" and seen.truncated:
        outcome = "truncated"
    engine = seen.engine or ("oxigraph" if seen.kind == "query" else "store")
    metrics.queries.labels(seen.kind, engine, outcome).inc()
    metrics.query_seconds.labels(seen.kind, engine).observe(seconds)
    if isinstance(error, QueryTimeout):
        metrics.timeouts.inc()
        metrics.worker_kills.labels("timeout").inc()
    line = {
        "event": "sparql",
        "kind": seen.kind,
        "hash": text_hash(seen.text),
        "engine": engine,
        "outcome": outcome,
        "status": status,
        "rows": seen.rows,
        "ms": round(seconds * 1000, 1),
    }
    log.log(logging.WARNING if outcome == "InternalError" else logging.INFO, json.dumps(line))


def log_queries(on: bool) -> None:
    """Write the query log to stderr, one JSON object a line (or not at all)."""
    log.propagate = False
    log.setLevel(logging.INFO if on else logging.CRITICAL + 1)
    if on and not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
