"""The HTTP app over the wire: health and a read-only SPARQL GET."""

from __future__ import annotations

from pathlib import Path

import httpx

from graph import Store


def test_healthz_counts_quads(server: str, built_dir: Path) -> None:
    quads = len(Store.open(built_dir))
    response = httpx.get(server + "/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "quads": quads})


def test_sparql_get_answers_json(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": "ASK { ?d a cnd:Designation }"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert response.json() == {"head": {}, "boolean": True}


def test_sparql_update_is_refused_in_the_error_shape(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": "DELETE WHERE { ?s ?p ?o }"})
    body = response.json()
    assert (response.status_code, body["status"], body["error"]) == (400, 400, "QueryError")
    assert body["message"].startswith("SPARQL syntax error:")
