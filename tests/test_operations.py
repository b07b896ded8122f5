"""Operating the service: /healthz (alive) apart from /readyz (store open, workers up),
Prometheus metrics at /metrics, and one JSON log line per SPARQL operation that never carries
the query text or the token."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from api.sparql.observe import text_hash
from graph import Store
from tests.server import running_server

TOKEN = "operations-secret-token"
QUERY = "SELECT ?z WHERE { ?z a cnd:Zone } LIMIT 3"
EX = "http://example.org/"
UPDATE = f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}p> 1 }} }}"


@pytest.fixture(scope="module")
def served(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server over a copy of the built store with an update token, and its log file."""
    root = tmp_path_factory.mktemp("operations")
    shutil.copytree(built_dir, root / "store")
    log = root / "server.log"
    with running_server(root / "store", "--update-token", TOKEN, log=log) as base:
        yield base, log


def samples(base: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics, keyed by name and sorted labels."""
    response = httpx.get(base + "/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def test_ready_and_alive_are_apart(served: tuple[str, Path]) -> None:
    base, _ = served
    ready = httpx.get(base + "/readyz").json()
    assert (ready["status"], ready["workers"], ready["replica"] in ("ready", "writing")) == (
        "ready",
        4,
        True,
    )
    assert httpx.get(base + "/healthz").json()["status"] == "ok"


def test_metrics_count_requests_queries_and_the_store(served: tuple[str, Path]) -> None:
    base, log = served
    before = samples(base)
    httpx.get(base + "/api/zones/baotou-rare-earth-htz")
    httpx.get(base + "/sparql", params={"query": QUERY})
    httpx.get(base + "/sparql", params={"query": "SELEC nothing"})
    after = samples(base)

    def grew(name: str, **labels: str) -> float:
        key = (f"designations_{name}", tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    zone, query = {"route": "/api/zones/{slug}", "method": "GET"}, {"kind": "query"}
    assert (
        grew("http_requests_total", **zone, status="200"),
        grew("http_requests_total", route="/sparql", method="GET", status="400"),
        grew("sparql_queries_total", **query, engine="oxigraph", outcome="ok"),
        grew("sparql_queries_total", **query, engine="oxigraph", outcome="QueryError"),
        grew("http_request_seconds_count", route="/sparql", method="GET"),
    ) == (1, 1, 1, 1, 2)
    assert after[("designations_store_quads", ())] == len(Store.open(log.parent / "store"))
    assert after[("designations_store_bytes", ())] > 1_000_000
    assert ("designations_replica_ready", ()) in after


def test_one_log_line_per_operation_without_text_or_token(served: tuple[str, Path]) -> None:
    base, log = served
    httpx.get(base + "/sparql", params={"query": QUERY})
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(base + "/sparql", content=UPDATE.encode(), headers=headers).status_code == 204
    wrong = dict(headers, Authorization="Bearer not-the-token")
    assert httpx.post(base + "/sparql", content=UPDATE.encode(), headers=wrong).status_code == 403
    text = log.read_text()
    lines = [
        json.loads(line) for line in text.splitlines() if line.startswith('{"event": "sparql"')
    ]
    mine = [
        {k: v for k, v in line.items() if k != "ms"}
        for line in lines
        if line["hash"] in (text_hash(QUERY), text_hash(UPDATE))
    ]
    assert mine[-3:] == [
        {"event": "sparql", "kind": "query", "hash": text_hash(QUERY), "engine": "oxigraph",
         "outcome": "ok", "status": 200, "rows": 3},
        {"event": "sparql", "kind": "update", "hash": text_hash(UPDATE), "engine": "store",
         "outcome": "ok", "status": 200, "rows": 0},
        {"event": "sparql", "kind": "update", "hash": text_hash(UPDATE), "engine": "store",
         "outcome": "Forbidden", "status": 403, "rows": 0},
    ]  # fmt: skip
    assert (TOKEN in text, "not-the-token" in text, "cnd:Zone" in text) == (False, False, False)
