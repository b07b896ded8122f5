"""Counting HTTP requests for /metrics: one middleware times every request and counts it by
route template (`/api/zones/{slug}`, never the path asked for, so labels stay few), method and
status."""

from __future__ import annotations

import time
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.metrics import Metrics

UNMATCHED = "(unmatched)"


class RequestMetrics:
    """ASGI middleware feeding Metrics.requests and Metrics.latency."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; count it when it is answered (or fails)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), [500]

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            route = getattr(scope.get("route"), "path", UNMATCHED)
            method = str(scope.get("method", ""))
            self.metrics.requests.labels(route, method, str(status[0])).inc()
            self.metrics.latency.labels(route, method).observe(time.perf_counter() - started)


def directory_bytes(directory: Path) -> int:
    """Bytes of the files in a directory tree (0 when it is gone)."""
    total = 0
    for path in directory.rglob("*"):
        try:
            total += path.stat().st_size if path.is_file() else 0
        except FileNotFoundError:
            continue  # removed while counting (a compaction)
    return total
