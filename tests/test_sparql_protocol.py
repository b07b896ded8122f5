"""The W3C SPARQL 1.1 Protocol tests, replayed against a live server with updates enabled.

Each manifest entry becomes concrete HTTP exchanges (tests/protocol_manifest.py). Graph data
an entry needs is loaded first with an update; every request carries the update token, so the
query tests and the update tests run against one scratch store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
from rdflib import Graph

from tests.conftest import CONFORMANCE, needs_conformance
from tests.protocol_manifest import Exchange, ProtocolTest, read_manifest
from tests.server import running_server

MANIFEST = CONFORMANCE / "sparql11-protocol" / "manifest.ttl"
TESTS = read_manifest(MANIFEST) if MANIFEST.is_file() else []
pytestmark = needs_conformance
TOKEN = "protocol-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def update_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with updates enabled over a scratch store that starts empty."""
    store = tmp_path_factory.mktemp("protocol") / "store"
    with running_server(store, "--update-token", TOKEN) as base:
        yield base


def load_graphs(base: str, graphs: dict[str, Path]) -> None:
    """Replace the dataset with the entry's graphs, through the protocol itself."""
    blocks = "".join(f"GRAPH <{name}> {{ {path.read_text()} }}" for name, path in graphs.items())
    response = httpx.post(
        base + "/sparql",
        content=f"DROP ALL ; INSERT DATA {{ {blocks} }}".encode(),
        headers={**AUTH, "Content-Type": "application/sparql-update"},
    )
    assert response.status_code == 204, response.text


def boolean_of(response: httpx.Response) -> bool:
    """The answer of an ASK result in JSON or XML."""
    media = response.headers["content-type"].split(";")[0]
    if media == "application/sparql-results+json":
        value = json.loads(response.content)["boolean"]
        assert isinstance(value, bool)
        return value
    element = ElementTree.fromstring(response.content).find(f"{RESULTS_NS}boolean")
    assert element is not None
    return element.text == "true"


def check_format(response: httpx.Response, expected: str) -> None:
    """The response is in a format of the expected kind, and parses as one."""
    media = response.headers["content-type"].split(";")[0]
    if expected == "boolean":
        assert media in BOOLEAN_TYPES
    elif expected == "tabular":
        assert media in TABULAR_TYPES
    else:
        assert media in RDF_TYPES
        Graph().parse(data=response.content, format=RDF_TYPES[media])


def replay(base: str, exchange: Exchange) -> None:
    """Send one request as the manifest describes it and check its response."""
    url = base + exchange.path.replace("/sparql/", "/sparql", 1)
    response = httpx.request(
        exchange.method, url, headers={**AUTH, **exchange.headers}, content=exchange.body
    )
    assert exchange.accepts(response.status_code), response.text
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"status", "error", "message"}
        assert body["status"] == response.status_code
    if exchange.format is not None:
        check_format(response, exchange.format)
    if exchange.boolean is not None:
        assert boolean_of(response) is exchange.boolean


def test_manifest_has_34_tests() -> None:
    assert len(TESTS) == 34
    assert len({t.name for t in TESTS}) == 34


@pytest.mark.parametrize("case", TESTS, ids=[t.name for t in TESTS])
def test_protocol(update_server: str, case: ProtocolTest) -> None:
    if case.graphs:
        load_graphs(update_server, case.graphs)
    for exchange in case.exchanges:
        replay(update_server, exchange)
