"""The W3C SPARQL 1.1 Graph Store Protocol tests (indirect and direct graph identification),
replayed against a live server with updates enabled over a scratch store.

The manifests' `/gsp` becomes `/sparql` (so `/gsp/person/1.ttl` names the graph
http://127.0.0.1:PORT/sparql/person/1.ttl), every request carries the update token, and each
entry starts from an empty store (its requests assume none of the others ran). A Location
header is kept as $LOCATION$ for the entry's later requests.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.conftest import CONFORMANCE, needs_conformance
from tests.protocol_manifest import Exchange, ProtocolTest, read_manifest
from tests.server import running_server

MANIFESTS = CONFORMANCE / "sparql11-graph-store"
pytestmark = needs_conformance
TESTS = (
    [
        *read_manifest(MANIFESTS / "manifest-indirect.ttl"),
        *read_manifest(MANIFESTS / "manifest-direct.ttl"),
    ]
    if MANIFESTS.is_dir()
    else []
)
TOKEN = "graph-store-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCATION = "$LOCATION$"


@pytest.fixture(scope="module")
def gsp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with updates enabled over a scratch store that starts empty."""
    store = tmp_path_factory.mktemp("graph-store") / "store"
    with running_server(store, "--update-token", TOKEN) as base:
        yield base


def empty_store(base: str) -> None:
    """Drop every graph, through the protocol itself."""
    response = httpx.post(
        base + "/sparql",
        content=b"DROP ALL",
        headers={**AUTH, "Content-Type": "application/sparql-update"},
    )
    assert response.status_code == 204, response.text


def check_content(response: httpx.Response, exchange: Exchange) -> None:
    """The response's media type is the expected one and its graph is isomorphic to the
    expected graph."""
    assert response.headers["content-type"] == exchange.content_type
    assert exchange.content is not None and exchange.content_type is not None
    media = exchange.content_type.split(";")[0]
    expected = Graph().parse(data=exchange.content, format=media)
    assert isomorphic(Graph().parse(data=response.content, format=media), expected)


def replay(base: str, exchange: Exchange, location: str) -> str:
    """Send one request as the manifest describes it, check its response, and return the
    Location it gave (or the one from before)."""
    path = exchange.path.replace(LOCATION, location).replace("/gsp", "/sparql", 1)
    body = exchange.body.replace(LOCATION.encode(), location.encode()) if exchange.body else None
    response = httpx.request(
        exchange.method, base + path, headers={**AUTH, **exchange.headers}, content=body
    )
    assert exchange.accepts(response.status_code), response.text
    if exchange.method == "HEAD":
        assert response.content == b""
    elif response.status_code >= 400:
        assert response.json() == {
            "status": response.status_code,
            "error": "NotFound",
            "message": response.json()["message"],
        }
    if exchange.content_type is not None:
        assert response.headers["content-type"] == exchange.content_type
    if exchange.content is not None and exchange.method != "HEAD":
        check_content(response, exchange)
    if exchange.location is not None:
        return response.headers["location"]
    return location


def test_manifests_have_13_tests() -> None:
    assert [t.name for t in TESTS] == [
        "put_get_repeat_indirect",
        "put_get_default",
        "put_delete_get_delete_indirect",
        "post_get_post_get_indirect",
        "post_get_new_graph",
        "head_existing_indirect",
        "head_non_existing_indirect",
        "put_get_uri_pct_encoded_indirect",
        "put_get_uri_pct_encoded_twice",
        "put_get_repeat_direct",
        "put_delete_get_delete_direct",
        "post_get_post_get_direct",
        "head_existing_direct",
    ]


@pytest.mark.parametrize("case", TESTS, ids=[t.name for t in TESTS])
def test_graph_store(gsp_server: str, case: ProtocolTest) -> None:
    empty_store(gsp_server)
    location = ""
    for exchange in case.exchanges:
        location = replay(gsp_server, exchange, location)
