"""Updates: only with the server's token; every worker and /healthz see them afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph, URIRef

from graph.namespaces import SD
from tests.server import running_server

TOKEN = "env-token"
UPDATE = {"Content-Type": "application/sparql-update"}
EX = "http://example.org/"
INSERT = f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}p> <relative> }} }}"


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a new, empty store, with its token from the environment."""
    store = tmp_path_factory.mktemp("writable") / "new" / "store"
    env = {"DESIGNATIONS_UPDATE_TOKEN": TOKEN, "DESIGNATIONS_WORKERS": "3"}
    with running_server(store, env=env) as base:
        yield base


def update(base: str, text: str, authorization: str | None) -> httpx.Response:
    """POST an update directly, with an Authorization header when given."""
    headers = dict(UPDATE)
    if authorization is not None:
        headers["Authorization"] = authorization
    return httpx.post(base + "/sparql", content=text.encode(), headers=headers)


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "updates need the header Authorization: Bearer <update token>"),
        ("Bearer wrong", "updates need the header Authorization: Bearer <update token>"),
        (f"Basic {TOKEN}", "updates need the header Authorization: Bearer <update token>"),
    ],
)
def test_updates_without_the_token_are_forbidden(
    writable: str, authorization: str | None, message: str
) -> None:
    response = update(writable, INSERT, authorization)
    assert (response.status_code, response.json()) == (
        403,
        {"status": 403, "error": "Forbidden", "message": message},
    )


OBJECTS = f"SELECT ?o WHERE {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}p> ?o }} }}"
LOOKUP = f"SELECT ?o WHERE {{ <{EX}s> <{EX}p> ?o }}"  # answered without a worker


def objects(base: str, query: str = OBJECTS) -> list[str]:
    """Objects of the test triple, as a query sees them."""
    response = httpx.get(base + "/sparql", params={"query": query})
    return [b["o"]["value"] for b in response.json()["results"]["bindings"]]


def test_an_update_with_the_token_is_seen_by_every_worker_and_lookup(writable: str) -> None:
    assert httpx.get(writable + "/healthz").json() == {"status": "ok", "quads": 0}
    assert objects(writable, LOOKUP) == []
    response = update(writable, INSERT, f"Bearer {TOKEN}")
    assert (response.status_code, response.content) == (204, b"")
    assert [objects(writable) for _ in range(9)] == [[writable + "/relative"]] * 9
    assert objects(writable, LOOKUP) == [writable + "/relative"]
    assert httpx.get(writable + "/healthz").json() == {"status": "ok", "quads": 1}
    cleared = update(writable, f"CLEAR GRAPH <{EX}g>", f"Bearer {TOKEN}")
    assert cleared.status_code == 204
    assert [objects(writable) for _ in range(9)] == [[]] * 9
    assert objects(writable, LOOKUP) == []


def test_form_update_with_the_token(writable: str) -> None:
    response = httpx.post(
        writable + "/sparql",
        data={"update": f"INSERT DATA {{ GRAPH <{EX}f> {{ <{EX}a> <{EX}b> 1 }} }}"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 204
    graph = httpx.get(
        writable + "/sparql", params={"graph": f"{EX}f"}, headers={"Accept": "text/turtle"}
    )
    assert graph.text.splitlines() == [
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        f"<{EX}a> <{EX}b> 1 .",
    ]


def test_load_is_refused_even_with_the_token(writable: str) -> None:
    response = update(writable, f"LOAD <{EX}data.ttl>", f"Bearer {TOKEN}")
    assert response.json() == {
        "status": 403,
        "error": "Forbidden",
        "message": "LOAD is disabled on this endpoint: it does not fetch remote data "
        "(the allow_remote setting is off)",
    }


def test_an_update_syntax_error_is_400(writable: str) -> None:
    response = update(writable, "INSERT DATA {", f"Bearer {TOKEN}")
    assert (response.status_code, response.json()["error"]) == (400, "QueryError")


def test_the_description_offers_updates(writable: str) -> None:
    response = httpx.get(writable + "/sparql")
    graph = Graph().parse(data=response.content, format="turtle")
    assert set(graph.objects(None, SD.supportedLanguage)) == {
        SD.SPARQL11Query,
        SD.SPARQL11Update,
    }
    assert set(graph.objects(None, SD.endpoint)) == {URIRef(writable + "/sparql")}
