"""Limits that hold: a query past its time limit is killed and its CPU freed while other
requests are answered; row and body caps say when they cut."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.processes import alive, cpu_seconds, descendants, server_pid
from tests.server import running_server

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ASK_TRUE = {"head": {}, "boolean": True}
LIMITS = {
    "DESIGNATIONS_REPLICA": "false",  # no replica builder climbing beside the workers
    "DESIGNATIONS_QUERY_TIMEOUT": "4",
    "DESIGNATIONS_WORKERS": "2",
    "DESIGNATIONS_MAX_ROWS": "5",
    "DESIGNATIONS_MAX_BODY_BYTES": "2048",
}


@pytest.fixture(scope="module")
def limited(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A server with tight limits over a copy of the built store, and its process id."""
    store = tmp_path_factory.mktemp("limited") / "store"
    shutil.copytree(built_dir, store)
    with running_server(store, env=LIMITS) as base:
        yield base, server_pid(str(store))


def busy_worker(server: int) -> int:
    """The worker process whose CPU time is climbing."""
    before = {pid: cpu_seconds(pid) for pid in descendants(server)}
    for _ in range(100):
        time.sleep(0.1)
        for pid, seconds in before.items():
            if cpu_seconds(pid) - seconds > 0.3:
                return pid
    raise AssertionError("no worker is busy")


def error(response: httpx.Response) -> tuple[int, dict[str, object]]:
    """Status and JSON body of an error response."""
    return response.status_code, response.json()


def test_a_slow_query_is_stopped_and_its_cpu_freed_while_asks_answer(
    limited: tuple[str, int],
) -> None:
    base, server = limited
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(httpx.get, base + "/sparql", params={"query": SLOW}, timeout=60)
        worker = busy_worker(server)
        answers = [httpx.get(base + "/sparql", params={"query": "ASK {}"}) for _ in range(5)]
        still_running = not slow.done()
        response = slow.result()
    assert [a.json() for a in answers] == [ASK_TRUE] * 5
    assert still_running
    assert error(response) == (
        503,
        {
            "status": 503,
            "error": "QueryTimeout",
            "message": "the query ran past its time limit of 4 s and was stopped",
        },
    )
    assert not alive(worker)
    spent = sum(cpu_seconds(pid) for pid in descendants(server))
    time.sleep(1)
    assert sum(cpu_seconds(pid) for pid in descendants(server)) - spent < 0.2
    assert httpx.get(base + "/sparql", params={"query": "ASK {}"}).json() == ASK_TRUE


def test_a_request_lowers_its_time_limit(limited: tuple[str, int]) -> None:
    base, _ = limited
    response = httpx.get(base + "/sparql", params={"query": SLOW, "timeout": "0.5"}, timeout=60)
    assert error(response)[1]["message"] == (
        "the query ran past its time limit of 0.5 s and was stopped"
    )


def test_a_request_cannot_raise_its_time_limit(limited: tuple[str, int]) -> None:
    base, _ = limited
    response = httpx.get(base + "/sparql", params={"query": SLOW, "timeout": "100"}, timeout=60)
    assert error(response)[1]["message"] == (
        "the query ran past its time limit of 4 s and was stopped"
    )


ROWS = "SELECT ?s WHERE { ?s a cnd:AdminDivision } ORDER BY ?s"


def test_json_results_cut_at_the_row_cap_say_so(limited: tuple[str, int]) -> None:
    base, _ = limited
    response = httpx.get(base + "/sparql", params={"query": ROWS})
    body = response.json()
    assert (response.headers["x-designations-truncated"], body["truncated"]) == ("true", True)
    assert response.headers["x-designations-row-limit"] == "5"
    assert len(body["results"]["bindings"]) == 5


def test_csv_and_construct_cut_at_the_row_cap_say_so(limited: tuple[str, int]) -> None:
    base, _ = limited
    csv = httpx.get(base + "/sparql", params={"query": ROWS}, headers={"Accept": "text/csv"})
    construct = httpx.get(
        base + "/sparql",
        params={"query": "CONSTRUCT WHERE { ?s a cnd:AdminDivision }"},
        headers={"Accept": "application/n-triples"},
    )
    assert csv.headers["x-designations-truncated"] == "true"
    assert len(csv.text.splitlines()) == 1 + 5
    assert construct.headers["x-designations-truncated"] == "true"
    assert len(construct.text.splitlines()) == 5


def test_a_result_at_the_cap_is_not_marked(limited: tuple[str, int]) -> None:
    base, _ = limited
    response = httpx.get(base + "/sparql", params={"query": ROWS + " LIMIT 5"})
    assert "x-designations-truncated" not in response.headers
    assert "truncated" not in response.json()
    assert len(response.json()["results"]["bindings"]) == 5


def test_a_body_over_the_cap_is_refused(limited: tuple[str, int]) -> None:
    base, _ = limited
    query = "ASK {} #" + "x" * 3000
    response = httpx.post(
        base + "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
    )
    assert error(response) == (
        413,
        {
            "status": 413,
            "error": "TooLarge",
            "message": f"the request body of {len(query)} bytes is over the limit of 2048 bytes",
        },
    )


def test_a_chunked_body_over_the_cap_is_refused(limited: tuple[str, int]) -> None:
    base, _ = limited

    def chunks() -> Iterator[bytes]:
        yield b"ASK {} #"
        for _ in range(10):
            yield b"x" * 500

    response = httpx.post(
        base + "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}
    )
    assert error(response)[1] == {
        "status": 413,
        "error": "TooLarge",
        "message": "the request body is over the limit of 2048 bytes",
    }


def test_the_service_description_is_not_cut(limited: tuple[str, int]) -> None:
    base, _ = limited
    response = httpx.get(base + "/sparql", headers={"Accept": "application/ld+json"})
    assert "x-designations-truncated" not in response.headers
    assert isinstance(json.loads(response.content), list)
