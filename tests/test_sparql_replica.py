"""Over the wire: aggregates come from the columnar replica once it is written, never stale."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.server import running_server

TOKEN = "replica-token"
EX = "http://example.org/"
COUNT = f"SELECT ?zone (COUNT(?d) AS ?n) WHERE {{ ?d <{EX}designee> ?zone }} GROUP BY ?zone"
SAME_BY_OXIGRAPH = COUNT.replace("}", "FILTER(true) }")  # a FILTER leaves the replica's subset
ENGINE = "X-Designations-Engine"


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a new store, with writes enabled, whose replica takes every aggregate of
    its subset however small."""
    store = tmp_path_factory.mktemp("replica") / "store"
    env = {
        "DESIGNATIONS_UPDATE_TOKEN": TOKEN,
        "DESIGNATIONS_WORKERS": "2",
        "DESIGNATIONS_REPLICA_THRESHOLD": "0",
    }
    with running_server(store, env=env) as base:
        yield base


def insert(base: str, designations: range, zone: str) -> None:
    triples = " ".join(f"<{EX}d{i}> <{EX}designee> <{EX}{zone}> ." for i in designations)
    response = httpx.post(
        base + "/sparql",
        content=f"INSERT DATA {{ GRAPH <{EX}g> {{ {triples} }} }}".encode(),
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 204


def ask(base: str, query: str) -> tuple[str, list[tuple[str, str]]]:
    """The engine that answered and the (zone, count) rows, sorted."""
    response = httpx.get(
        base + "/sparql", params={"query": query}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    rows = [(b["zone"]["value"], b["n"]["value"]) for b in response.json()["results"]["bindings"]]
    return response.headers[ENGINE], sorted(rows)


def columnar(base: str, seconds: float = 60) -> list[tuple[str, str]]:
    """The rows once the replica answers (it is written in the background)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        engine, rows = ask(base, COUNT)
        if engine == "columnar":
            return rows
        time.sleep(0.2)
    raise AssertionError("the replica never answered")


def expected(counts: dict[str, int]) -> list[tuple[str, Any]]:
    return sorted((EX + zone, str(n)) for zone, n in counts.items())


def test_the_replica_answers_as_oxigraph_does_and_follows_every_write(writable: str) -> None:
    insert(writable, range(3), "z1")
    insert(writable, range(3, 4), "z2")
    assert columnar(writable) == expected({"z1": 3, "z2": 1})
    assert ask(writable, SAME_BY_OXIGRAPH) == ("oxigraph", expected({"z1": 3, "z2": 1}))
    insert(writable, range(4, 6), "z2")
    after = [ask(writable, COUNT)[1] for _ in range(4)]  # at once: the old replica is not used
    assert after == [expected({"z1": 3, "z2": 3})] * 4
    assert columnar(writable) == expected({"z1": 3, "z2": 3})


def test_a_non_aggregate_query_is_oxigraphs(writable: str) -> None:
    response = httpx.get(writable + "/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 1"})
    assert response.headers[ENGINE] == "oxigraph"
