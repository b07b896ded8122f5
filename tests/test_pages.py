"""Pages for people over the wire: the landing page, the editor branch of /sparql (protocol
clients unchanged), language choice, labels and points for the editor, and escaping."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from graph import Store
from graph.namespaces import ID, SCHEMA
from graph.read.geo import point
from graph.read.stats import overview
from tests.server import running_server

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ZONE = str(ID["zone/baotou-rare-earth-htz"])


def test_landing_page_counts(server: str, built: Store) -> None:
    page = httpx.get(server + "/", headers={"Accept": BROWSER})
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    counts = re.findall(r'data-count="([a-z-]+)"><span class="n">(\d+)</span>', page.text)
    assert {k: int(n) for k, n in counts} == overview(built)


@pytest.mark.parametrize(
    ("params", "accept", "media"),
    [
        ({}, BROWSER, "text/html; charset=utf-8"),
        ({"lang": "zh"}, "text/html", "text/html; charset=utf-8"),
        ({}, None, "text/turtle; charset=utf-8"),
        ({}, "*/*", "text/turtle; charset=utf-8"),
        ({}, "text/turtle", "text/turtle; charset=utf-8"),
        ({}, "text/html;q=0.5, text/turtle", "text/turtle; charset=utf-8"),
        ({"query": "ASK {}"}, BROWSER, "application/xml"),
        ({"query": "ASK {}"}, None, "application/sparql-results+json"),
    ],
)
def test_editor_only_for_browsers_without_a_query(
    server: str, params: dict[str, str], accept: str | None, media: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(server + "/sparql", params=params, headers=headers)
    assert (response.status_code, response.headers["content-type"]) == (200, media)
    assert ('id="editor"' in response.text) == media.startswith("text/html")


def test_language_choice_persists_in_a_cookie(server: str) -> None:
    with httpx.Client(base_url=server) as client:
        first = client.get("/", params={"lang": "zh"})
        again = client.get("/id/zone/baotou-rare-earth-htz", headers={"Accept": "text/html"})
    assert first.cookies["lang"] == "zh"
    assert '<html lang="zh-Hans">' in again.text
    assert "<h1>包头稀土高新技术产业开发区</h1>" in again.text


def test_labels_and_points_for_the_editor(server: str, built: Store) -> None:
    asked = {"iris": [ZONE, "https://example.org/unknown"], "lang": "zh"}
    response = httpx.post(server + "/api/labels", json=asked)
    lon, lat = point(built, ZONE) or (None, None)
    assert response.json() == {
        "items": {
            ZONE: {"label": "包头稀土高新技术产业开发区", "lon": lon, "lat": lat},
            "https://example.org/unknown": {"label": None, "lon": None, "lat": None},
        }
    }


def test_labels_refuses_what_is_not_an_iri(server: str) -> None:
    response = httpx.post(server + "/api/labels", json={"iris": ["not an iri"]})
    assert response.status_code == 422


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A store with a zone whose label is markup."""
    store_dir = tmp_path / "store"
    store = Store.open(store_dir, read_only=False)
    zone = ox.NamedNode(str(ID["zone/hostile"]))
    graph = ox.NamedNode(str(ID["graph/reference"]))
    store.extend(
        [
            ox.Quad(zone, ox.NamedNode(str(SCHEMA.name)), ox.Literal("x"), graph),
            ox.Quad(
                zone,
                ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                ox.Literal("<script>alert(1)</script>", language="en"),
                graph,
            ),
        ]
    )
    store.flush()
    del store
    return store_dir


def test_pages_escape_data(hostile: Path) -> None:
    with running_server(hostile) as base:
        page = httpx.get(base + "/id/zone/hostile", headers={"Accept": "text/html"}).text
    assert "<script>alert(1)</script>" not in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
