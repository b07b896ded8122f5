"""After a write (SPARQL Update or Graph Store), nothing serves what was there before: the
label index, the per-store label cache of the REST pages, and every query worker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from rdflib.namespace import RDF, SKOS

from graph import iris
from graph.namespaces import CND, SCHEMA, source_graph
from tests.server import running_server

TOKEN = "freshness-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ZONE = iris.entity("zone/freshness-test-zone")
REGION = iris.division("159900")
GRAPH = str(source_graph("freshness-test"))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with an update token over a new store, with three query workers."""
    store = tmp_path_factory.mktemp("freshness") / "store"
    with running_server(
        store, "--allow-empty", "--update-token", TOKEN, env={"DESIGNATIONS_WORKERS": "3"}
    ) as url:
        yield url


def zone_turtle(zone_label: str, region_label: str) -> str:
    """A zone in a region, each with an English label."""
    return (
        f'<{ZONE}> <{RDF.type}> <{CND.Zone}> ; <{SKOS.prefLabel}> "{zone_label}"@en ;\n'
        f"  <{SCHEMA.containedInPlace}> <{REGION}> .\n"
        f'<{REGION}> <{RDF.type}> <{CND.AdminDivision}> ; <{SKOS.prefLabel}> "{region_label}"@en .'
    )


def found(base: str, text: str) -> list[tuple[str, str, str]]:
    """(id, label, match) of each search hit."""
    items = httpx.get(base + "/api/search", params={"q": text}).json()["items"]
    return [(hit["id"], hit["label"], hit["match"]) for hit in items]


def zone_page(base: str) -> tuple[int, Any]:
    """The zone's REST page: status and (labels, region labels), or the error code."""
    response = httpx.get(base + "/api/zones/freshness-test-zone")
    body = response.json()
    if response.status_code != 200:
        return response.status_code, body["error"]
    return 200, (body["labels"]["en"], [ref["label"] for ref in body["located_in"]])


def sparql_update(base: str, text: str) -> None:
    """Run an update with the token."""
    headers = {**AUTH, "Content-Type": "application/sparql-update"}
    response = httpx.post(base + "/sparql", content=text.encode(), headers=headers)
    assert response.status_code == 204, response.text


def put(base: str, turtle: str) -> None:
    """Replace the test graph with the token."""
    headers = {**AUTH, "Content-Type": "text/turtle"}
    response = httpx.put(base + "/sparql", params={"graph": GRAPH}, content=turtle, headers=headers)
    assert response.status_code in (201, 204), response.text


def test_search_and_pages_follow_every_write(base: str) -> None:
    assert (found(base, "Quokka Hi-Tech Zone"), zone_page(base)) == ([], (404, "NotFound"))
    sparql_update(
        base, f"INSERT DATA {{ GRAPH <{GRAPH}> {{ {zone_turtle('Quokka Hi-Tech Zone', 'Ru')} }} }}"
    )
    quokka = ("zone/freshness-test-zone", "Quokka Hi-Tech Zone", "exact")
    assert found(base, "Quokka Hi-Tech Zone") == [quokka]
    assert zone_page(base) == (200, ("Quokka Hi-Tech Zone", ["Ru"]))
    put(base, zone_turtle("Wombat Park", "Va"))
    assert (found(base, "Quokka Hi-Tech Zone"), found(base, "Wombat Park")) == (
        [],
        [("zone/freshness-test-zone", "Wombat Park", "exact")],
    )
    assert zone_page(base) == (200, ("Wombat Park", ["Va"]))
    response = httpx.delete(base + "/sparql", params={"graph": GRAPH}, headers=AUTH)
    assert response.status_code == 204
    assert (found(base, "Wombat Park"), zone_page(base)) == ([], (404, "NotFound"))


def test_every_worker_sees_a_graph_store_write(base: str) -> None:
    query = f"SELECT ?label WHERE {{ <{ZONE}> <{SKOS.prefLabel}> ?label }}"

    def labels() -> list[str]:
        answer = httpx.get(base + "/sparql", params={"query": query}).json()
        return [b["label"]["value"] for b in answer["results"]["bindings"]]

    assert [labels() for _ in range(9)] == [[]] * 9
    put(base, zone_turtle("Numbat Cluster Park", "Ru"))
    assert [labels() for _ in range(9)] == [["Numbat Cluster Park"]] * 9
    put(base, zone_turtle("Bilby Park", "Ru"))
    assert [labels() for _ in range(9)] == [["Bilby Park"]] * 9
