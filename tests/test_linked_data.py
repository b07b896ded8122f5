"""Linked Data over the wire: HTML for people, RDF by Accept or suffix, /def, and errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graph import Store
from graph.paths import CONTEXT_FILE, ONTOLOGY_DIR
from graph.read.describe import describe, serialise
from tests.errors import error_of

ZONE = "https://w3id.org/china-designations/id/zone/baotou-rare-earth-htz"
DESIGNATION = "https://w3id.org/china-designations/id/designation/b8dbb2318c06"


RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def parsed(text: str, rdf_format: str) -> Graph:
    """A response body parsed by Oxigraph (rdflib's JSON-LD parser warns), as an rdflib graph."""
    triples = ox.parse(text.encode("utf-8"), format=RDF_FORMATS[rdf_format])
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=nt.decode("utf-8"), format="nt")


def expected_graph(built_dir: Path, iri: str) -> Graph:
    return Graph().parse(
        data=serialise(describe(Store.open(built_dir), iri), "ntriples"), format="nt"
    )


@pytest.mark.parametrize(
    ("suffix", "accept", "media", "rdf_format"),
    [
        ("", "text/turtle", "text/turtle", "turtle"),
        ("", "application/n-triples", "application/n-triples", "nt"),
        ("", "application/ld+json", "application/ld+json", "json-ld"),
        ("", "text/turtle;q=0.4, application/ld+json;q=0.9", "application/ld+json", "json-ld"),
        (".ttl", "text/html", "text/turtle", "turtle"),
        (".nt", None, "application/n-triples", "nt"),
        (".jsonld", None, "application/ld+json", "json-ld"),
    ],
)
def test_rdf_by_accept_or_suffix(
    server: str, built_dir: Path, suffix: str, accept: str | None, media: str, rdf_format: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(server + "/id/zone/baotou-rare-earth-htz" + suffix, headers=headers)
    assert (response.status_code, response.headers["content-type"].split(";")[0]) == (200, media)
    got = parsed(response.text, rdf_format)
    assert isomorphic(got, expected_graph(built_dir, ZONE))


def test_jsonld_uses_the_project_context(server: str) -> None:
    body = httpx.get(server + "/id/zone/baotou-rare-earth-htz.jsonld").json()
    context = json.loads((ONTOLOGY_DIR / CONTEXT_FILE).read_text("utf-8"))["@context"]
    assert (body["@context"]["cnd"], body["iri"], body["type"]) == (
        context["cnd"],
        "id:zone/baotou-rare-earth-htz",
        "cnd:Zone",
    )
    assert body["prefLabel"]["en"] == "Baotou Rare Earth High-Tech Industrial Development Zone"


def test_designation_turtle_includes_its_statements(server: str, built_dir: Path) -> None:
    response = httpx.get(server + "/id/designation/b8dbb2318c06", headers={"Accept": "text/turtle"})
    assert isomorphic(parsed(response.text, "turtle"), expected_graph(built_dir, DESIGNATION))
    assert len(expected_graph(built_dir, DESIGNATION)) == 12


def test_html_page_for_people_has_labels_designations_evidence_and_no_external_assets(
    server: str,
) -> None:
    response = httpx.get(server + "/id/zone/baotou-rare-earth-htz", headers={"Accept": "text/html"})
    html = response.text
    assert (response.status_code, response.headers["content-type"]) == (
        200,
        "text/html; charset=utf-8",
    )
    for text in (
        "<h1>Baotou Rare Earth High-Tech Industrial Development Zone</h1>",
        "包头稀土高新技术产业开发区",
        '<a href="/id/designation/b8dbb2318c06">',
        '<a href="/id/org/miit">Ministry of Industry and Information Technology</a>',
        "“published January 30 by Baotou Daily”",
        '<a href="/id/adm/150200">Baotou</a>',
        '<a href="/id/zone/baotou-rare-earth-htz.ttl">Turtle</a>',
    ):
        assert text in html
    assets = re.findall(r"<(?:script|link|img)\b[^>]*(?:src|href)=\"([^\"]+)\"", html)
    assert assets == ["/static/favicon.svg", "/static/site.css", "/static/entity.js"]


def test_browser_accept_gets_html(server: str) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = httpx.get(server + "/id/adm/150000", headers={"Accept": accept})
    assert "<h1>Inner Mongolia</h1>" in response.text


@pytest.mark.parametrize(
    ("path", "accept", "expected"),
    [
        ("/id/zone/no-such-zone", "text/html", (404, 404, "NotFound")),
        ("/id/zone/no-such-zone.ttl", None, (404, 404, "NotFound")),
        ("/id/zone/baotou-rare-earth-htz", "image/png", (406, 406, "NotAcceptable")),
        ("/def", "image/png", (406, 406, "NotAcceptable")),
    ],
)
def test_linked_data_errors(
    server: str, path: str, accept: str | None, expected: tuple[int, int, str]
) -> None:
    headers = {"Accept": accept} if accept else {}
    assert error_of(httpx.get(server + path, headers=headers)) == expected


def test_ontology_as_turtle_and_html(server: str) -> None:
    turtle = httpx.get(server + "/def", headers={"Accept": "text/turtle"})
    source = (ONTOLOGY_DIR / "cnd.ttl").read_text("utf-8")
    assert (turtle.headers["content-type"], turtle.text) == ("text/turtle; charset=utf-8", source)
    html = httpx.get(server + "/def").text
    assert '<dt id="Designation"><code>cnd:Designation</code>' in html
    assert "认定" in html
