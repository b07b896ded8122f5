"""The endpoint's short ways: lookups answered in the server's own process, queries answered
before FastAPI's routing, and the form decoder. Each must answer exactly as the long way."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import api.routes.sparql
from api.settings import Settings
from api.sparql.protocol import Operation, form
from api.sparql.service import SparqlService
from graph.errors import ServiceBusy
from graph.iris import entity
from graph.namespaces import sparql_prologue
from graph.sparql import Dataset, Job
from graph.sparql.execute import run_query, run_streaming
from graph.store import Store

PROLOGUE = sparql_prologue()
JSON = "application/sparql-results+json"
LOOKUP = f"SELECT ?p ?o WHERE {{ <{entity('zone/baotou-rare-earth-htz')}> ?p ?o }}"
LEVELS = "SELECT ?s ?o { ?s cnd:adminLevel ?o }"  # thousands of rows
JOIN = "SELECT ?d ?z { ?d cnd:designee ?z . ?z a cnd:Zone }"


def job(text: str, max_rows: int = 10_000, dataset: Dataset | None = None) -> Job:
    return Job("query", PROLOGUE + text, dataset=dataset or Dataset(), solutions_media=JSON,
               max_rows=max_rows)  # fmt: skip


def test_a_lookup_is_answered_as_a_worker_answers_it(built: Store) -> None:
    outcome = run_streaming(built, job(LOOKUP), budget=1000)
    assert outcome == run_query(built, job(LOOKUP))
    assert outcome is not None and outcome.rows > 5


def test_a_lookup_longer_than_the_budget_is_left_to_a_worker(built: Store) -> None:
    assert run_query(built, job(LEVELS)).rows > 1000
    assert run_streaming(built, job(LEVELS), budget=1000) is None


def test_a_lookup_cut_at_the_row_cap_says_so(built: Store) -> None:
    outcome = run_streaming(built, job(LEVELS, max_rows=5), budget=1000)
    assert outcome == run_query(built, job(LEVELS, max_rows=5))
    assert outcome is not None and (outcome.truncated, outcome.rows) == (True, 5)


@pytest.mark.parametrize(
    "text",
    [
        JOIN,
        "SELECT ?s { ?s ?p ?s }",
        "SELECT DISTINCT ?p { ?s ?p ?o }",
        "SELECT ?s ?o { ?s cnd:adminLevel ?o } ORDER BY ?s LIMIT 1",
        "SELECT ?s ?o { ?s cnd:adminLevel ?o } OFFSET 3000",
        "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p",
        "SELECT ?s { ?s ?p ?o FILTER(?o = 1) }",
    ],
)
def test_queries_that_do_not_stream_are_left_to_a_worker(built: Store, text: str) -> None:
    assert run_streaming(built, job(text), budget=1000) is None


def test_a_protocol_dataset_is_left_to_a_worker(built: Store) -> None:
    dataset = Dataset(("https://w3id.org/china-designations/id/graph/reference",))
    assert run_streaming(built, job(LOOKUP, dataset=dataset), budget=1000) is None


def test_a_lookup_needs_no_worker_and_everything_else_does(built_dir: Path) -> None:
    service = SparqlService(Settings(store=built_dir, workers=1, replica=False))
    service.start()
    service.pool.close()  # no worker is left to answer

    def answer(text: str, timeout: float | None = None) -> Any:
        op = Operation("query", PROLOGUE + text, timeout=timeout)
        return asyncio.run(service.answer_async(op, JSON, "http://example.org/sparql"))

    try:
        expected = run_query(Store.open(built_dir), job(LOOKUP))
        assert answer(LOOKUP).body == expected.body
        for text, timeout in [(JOIN, 0.2), (LOOKUP, 0.2)]:  # a request's own limit: a worker
            with pytest.raises(ServiceBusy):
                answer(text, timeout)
    finally:
        service.close()


@pytest.fixture
def routed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries that reached the route (the rest were answered before routing)."""
    seen: list[str] = []
    respond = api.routes.sparql.respond

    async def recording(request: Any, op: Operation) -> Any:
        seen.append(op.text)
        return await respond(request, op)

    monkeypatch.setattr(api.routes.sparql, "respond", recording)
    return seen


@pytest.mark.anyio
async def test_a_query_is_answered_before_routing_unless_a_browser_sends_it(
    asgi: httpx.AsyncClient, routed: list[str]
) -> None:
    data = {"query": PROLOGUE + LOOKUP}
    direct = await asgi.post("/sparql", data=data, headers={"Accept": JSON})
    assert routed == []
    browser = await asgi.post(
        "/sparql", data=data, headers={"Accept": JSON, "Origin": "https://example.org"}
    )
    assert routed == [PROLOGUE + LOOKUP]
    assert (direct.status_code, direct.content) == (browser.status_code, browser.content)
    assert browser.headers["access-control-allow-origin"] == "*"
    assert direct.headers["x-designations-engine"] == "oxigraph"


@pytest.mark.anyio
async def test_a_form_update_goes_on_to_the_route_with_its_body(asgi: httpx.AsyncClient) -> None:
    response = await asgi.post("/sparql", data={"update": "CLEAR ALL"})
    assert (response.status_code, response.json()) == (
        403,
        {"status": 403, "error": "Forbidden", "message": "updates are disabled on this "
         "endpoint (no update token is set)"},
    )  # fmt: skip


@pytest.mark.anyio
async def test_head_answers_like_get_without_a_body(asgi: httpx.AsyncClient) -> None:
    params = {"query": PROLOGUE + LOOKUP}
    get = await asgi.get("/sparql", params=params, headers={"Accept": JSON})
    head = await asgi.head("/sparql", params=params, headers={"Accept": JSON})
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-type"] == get.headers["content-type"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("request_", "status", "error"),
    [
        ({"method": "GET", "url": "/sparql", "params": {"query": "SELECT"}}, 400, "QueryError"),
        ({"method": "POST", "url": "/sparql", "content": b"x"}, 400, "ProtocolError"),
        ({"method": "GET", "url": "/sparql", "params": {"query": "ASK {}", "timeout": "0"}},
         400, "ProtocolError"),
    ],
)  # fmt: skip
async def test_errors_before_routing_take_the_one_shape(
    asgi: httpx.AsyncClient, request_: dict[str, Any], status: int, error: str
) -> None:
    response = await asgi.request(**request_)
    body = response.json()
    assert (response.status_code, body["status"], body["error"]) == (status, status, error)
    assert set(body) == {"status", "error", "message"}


@given(st.lists(st.tuples(st.text(), st.text()), max_size=4), st.booleans())
def test_forms_decode_as_parse_qsl_decodes_them(pairs: list[tuple[str, str]], plus: bool) -> None:
    if plus:
        data = urlencode(pairs)
    else:
        data = "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)
    assert form(data.encode(), "the form") == parse_qsl(data, keep_blank_values=True)


@pytest.mark.parametrize("data", ["a", "a=", "=b", "&&a=1&", "a=%zz%", "a=%0a%0A%250A", "q=x+y%2B"])
def test_odd_forms_decode_as_parse_qsl_decodes_them(data: str) -> None:
    assert form(data.encode(), "the form") == parse_qsl(data, keep_blank_values=True)
