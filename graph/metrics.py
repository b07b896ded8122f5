"""The service's metrics, in Prometheus' text format: one registry per served app.

Whatever serves the store (api/) creates one `Metrics` and hands it to the parts that count:
the HTTP middleware, the SPARQL service, and whatever runs queries (the worker pool may count
its own kills through `worker_kills`). Gauges that describe state (store size, replica) are read
when scraped, from functions given with `watch`.

>>> m = Metrics()
>>> m.queries.labels(kind="query", engine="oxigraph", outcome="ok").inc()
>>> m.watch(m.store_quads, lambda: 45338)
>>> text = m.render().decode()
>>> 'designations_sparql_queries_total{engine="oxigraph",kind="query",outcome="ok"} 1.0' in text
True
>>> "designations_store_quads 45338.0" in text
True
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

MEDIA_TYPE = CONTENT_TYPE_LATEST
SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)


class Metrics:
    """Counters, histograms and gauges of one service, on a registry of their own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "designations_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "designations_http_request_seconds",
            "Time to answer an HTTP request, by route template and method.",
            ["route", "method"],
            buckets=SECONDS,
            registry=r,
        )
        self.queries = Counter(
            "designations_sparql_queries",
            "SPARQL operations (query, update, graph read or write) by engine and outcome "
            "(ok, truncated, or the error: QueryTimeout, ServiceBusy, QueryError, …).",
            ["kind", "engine", "outcome"],
            registry=r,
        )
        self.query_seconds = Histogram(
            "designations_sparql_query_seconds",
            "Time a SPARQL operation took, by kind and engine.",
            ["kind", "engine"],
            buckets=SECONDS,
            registry=r,
        )
        self.timeouts = Counter(
            "designations_sparql_timeouts",
            "SPARQL operations stopped at their time limit.",
            registry=r,
        )
        self.worker_kills = Counter(
            "designations_worker_kills",
            "Query workers killed (past a time limit) or lost (died under a job), by reason.",
            ["reason"],
            registry=r,
        )
        self.replica_ready = Gauge(
            "designations_replica_ready",
            "1 when the columnar replica of the current store is ready, 0 while it is being "
            "written (or when it is off).",
            registry=r,
        )
        self.store_generation = Gauge(
            "designations_store_generation",
            "Writes applied through the service since it started.",
            registry=r,
        )
        self.store_bytes = Gauge(
            "designations_store_bytes", "Bytes of the store's files on disk.", registry=r
        )
        self.store_quads = Gauge("designations_store_quads", "Quads in the store.", registry=r)

    def watch(self, gauge: Gauge, read: Callable[[], float]) -> None:
        """Read a gauge's value from a function each time the metrics are scraped."""
        gauge.set_function(read)

    def render(self) -> bytes:
        """Every metric in Prometheus' text exposition format."""
        return generate_latest(self.registry)
