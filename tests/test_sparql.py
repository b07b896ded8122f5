"""The SPARQL endpoint over the wire, read-only: clients, formats, datasets, graphs, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from graph import Store
from graph.namespaces import DERIVED_GRAPH, ONTOLOGY_GRAPH, source_graph

BAOTOU = "https://w3id.org/china-designations/id/zone/baotou-rare-earth-htz"
# The zone with NBS code 150271 (the Baotou zone): one answer whatever else the corpus holds.
CODED_ZONE = '?zone a cnd:Zone ; skos:notation "150271"^^cnd:nbsStatCode'
ZONES = "SELECT ?zone WHERE { " + CODED_ZONE + " }"
ZONE_TRIPLES = "CONSTRUCT { ?zone a cnd:Zone } WHERE { " + CODED_ZONE + " }"
CND_ZONE = "https://w3id.org/china-designations/def#Zone"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def error_body(response: httpx.Response) -> tuple[int, str]:
    """Status and error code, after checking the one JSON error shape."""
    body = response.json()
    assert set(body) == {"status", "error", "message"}
    assert body["status"] == response.status_code
    return response.status_code, body["error"]


def test_sparqlwrapper_select_json(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    prefixes = (
        "PREFIX cnd: <https://w3id.org/china-designations/def#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    )
    client.setQuery(prefixes + ZONES)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert result == {
        "head": {"vars": ["zone"]},
        "results": {"bindings": [{"zone": {"type": "uri", "value": BAOTOU}}]},
    }


def test_sparqlwrapper_construct_turtle_by_post(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setMethod("POST")
    client.setQuery(ZONE_TRIPLES)
    client.setReturnFormat(TURTLE)
    data = client.query().convert()
    expected = Graph()
    expected.add((URIRef(BAOTOU), URIRef(RDF_TYPE), URIRef(CND_ZONE)))
    assert isomorphic(Graph().parse(data=data, format="turtle"), expected)


SELECT_FORMATS = [
    ("application/sparql-results+json", "application/sparql-results+json", "json"),
    ("application/json", "application/json", "json"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
    ("text/xml;q=0.5, text/csv;q=0.9", "text/csv; charset=utf-8", "csv"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "tsv"),
    ("*/*", "application/sparql-results+json", "json"),
    ("text/html, */*;q=0.1", "application/sparql-results+json", "json"),
    ("text/turtle, text/csv;q=0.2", "text/csv; charset=utf-8", "csv"),
]
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "tsv": ox.QueryResultsFormat.TSV,
}


def zones_in(response: httpx.Response, fmt: str) -> list[str]:
    """The ?zone values of a SELECT result in any of the four formats."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.text, newline="")))
        assert rows[0] == ["zone"]
        return [row[0] for row in rows[1:]]
    solutions = ox.parse_query_results(response.content, format=RESULT_FORMATS[fmt])
    return [row["zone"].value for row in solutions]


@pytest.mark.parametrize(("accept", "content_type", "fmt"), SELECT_FORMATS)
def test_select_formats_by_accept(server: str, accept: str, content_type: str, fmt: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": ZONES}, headers={"Accept": accept})
    assert (response.status_code, response.headers["content-type"]) == (200, content_type)
    assert zones_in(response, fmt) == [BAOTOU]


TTL, RDFXML = ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML
GRAPH_FORMATS = [
    ("text/turtle", "text/turtle; charset=utf-8", TTL),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/n-quads", "application/n-quads", ox.RdfFormat.N_QUADS),
    ("application/trig", "application/trig", ox.RdfFormat.TRIG),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", "application/rdf+xml", RDFXML),
    ("*/*", "text/turtle; charset=utf-8", TTL),
    ("application/sparql-results+json, application/rdf+xml;q=0.5", "application/rdf+xml", RDFXML),
]


@pytest.mark.parametrize(("accept", "content_type", "fmt"), GRAPH_FORMATS)
def test_construct_formats_by_accept(
    server: str, accept: str, content_type: str, fmt: ox.RdfFormat
) -> None:
    response = httpx.get(
        server + "/sparql", params={"query": ZONE_TRIPLES}, headers={"Accept": accept}
    )
    assert (response.status_code, response.headers["content-type"]) == (200, content_type)
    quads = list(ox.parse(response.content, format=fmt))
    assert quads == [ox.Quad(ox.NamedNode(BAOTOU), ox.NamedNode(RDF_TYPE), ox.NamedNode(CND_ZONE))]


def test_ask_as_csv_and_xml(server: str) -> None:
    query = {"query": "ASK { ?z a cnd:Zone }"}
    as_csv = httpx.get(server + "/sparql", params=query, headers={"Accept": "text/csv"})
    as_xml = httpx.get(
        server + "/sparql", params=query, headers={"Accept": "application/sparql-results+xml"}
    )
    assert as_csv.text == "true\n"
    assert bool(ox.parse_query_results(as_xml.content, format=ox.QueryResultsFormat.XML))


def test_nothing_acceptable_is_406(server: str) -> None:
    for query in (ZONES, ZONE_TRIPLES):
        response = httpx.get(
            server + "/sparql", params={"query": query}, headers={"Accept": "image/png"}
        )
        assert error_body(response) == (406, "NotAcceptable")


def test_a_select_asked_for_turtle_only_is_406(server: str) -> None:
    response = httpx.get(
        server + "/sparql", params={"query": ZONES}, headers={"Accept": "text/turtle"}
    )
    assert error_body(response) == (406, "NotAcceptable")
    assert response.json()["message"].startswith("no acceptable format for SELECT results")


def graph_count(store: Store, graph: str) -> int:
    """Triples in one named graph of a store."""
    return sum(1 for _ in store.inner.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def count_query(server: str, params: dict[str, str | list[str]]) -> int:
    """The ?n of a COUNT query run with extra protocol parameters."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    response = httpx.get(server + "/sparql", params={"query": query, **params})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_default_graph_uri_picks_the_default_graph(server: str, built: Store) -> None:
    ontology, derived = str(ONTOLOGY_GRAPH), str(DERIVED_GRAPH)
    assert count_query(server, {"default-graph-uri": ontology}) == graph_count(built, ontology)
    both = count_query(server, {"default-graph-uri": [ontology, derived]})
    assert both == graph_count(built, ontology) + graph_count(built, derived)
    assert count_query(server, {}) == len(built)


def test_named_graph_uri_alone_leaves_the_default_graph_empty(server: str) -> None:
    assert count_query(server, {"named-graph-uri": str(ONTOLOGY_GRAPH)}) == 0


def test_a_query_keeps_its_own_from(server: str, built: Store) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM <{DERIVED_GRAPH}> WHERE {{ ?s ?p ?o }}"
    response = httpx.get(server + "/sparql", params={"query": query})
    n = int(response.json()["results"]["bindings"][0]["n"]["value"])
    assert n == graph_count(built, str(DERIVED_GRAPH))


def test_graph_store_get_returns_the_named_graph(curated_server: str, curated_dir: Path) -> None:
    # the curated corpus: the whole corpus's derived graph is past the row limit (max_rows)
    built = Store.open(curated_dir)
    response = httpx.get(
        curated_server + "/sparql",
        params={"graph": str(DERIVED_GRAPH)},
        headers={"Accept": "application/n-triples"},
    )
    expected = {
        str(ox.Triple(q.subject, q.predicate, q.object))
        for q in built.inner.quads_for_pattern(None, None, None, ox.NamedNode(str(DERIVED_GRAPH)))
    }
    assert response.headers["content-type"] == "application/n-triples"
    assert {line.removesuffix(" .") for line in response.text.splitlines()} == expected


def test_graph_store_get_of_an_unknown_graph_is_404(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"graph": str(source_graph("nope"))})
    assert error_body(response) == (404, "NotFound")


BAD_REQUESTS = [
    ("GET", {"query": "ASK {"}, {}, None, 400),
    ("GET", {"query": ["ASK {}", "ASK {}"]}, {}, None, 400),
    ("GET", {"query": ""}, {}, None, 400),
    ("GET", {"query": "ASK {}", "timeout": "soon"}, {}, None, 400),
    ("GET", {"query": "ASK {}", "timeout": "-1"}, {}, None, 400),
    ("GET", {"query": "ASK {}", "default-graph-uri": "not an iri"}, {}, None, 400),
    ("GET", {"graph": "relative"}, {}, None, 400),
    ("GET", {"update": "CLEAR ALL"}, {}, None, 400),
    ("POST", {}, {"Content-Type": "application/sparql-query"}, b"\xff\xfe\x00garbage", 400),
    ("POST", {}, {"Content-Type": "application/sparql-query; charset=UTF-16"},
     "ASK {}".encode("utf-16"), 400),
    ("POST", {}, {"Content-Type": "application/x-www-form-urlencoded"}, b"query=%FF%FE", 400),
    ("POST", {}, {"Content-Type": "application/x-www-form-urlencoded"}, b"\xc3\x28=1", 400),
    ("POST", {}, {"Content-Type": "application/x-www-form-urlencoded"}, b"nothing=here", 400),
    ("POST", {}, {"Content-Type": "text/plain"}, b"ASK {}", 400),
    ("POST", {}, {}, b"ASK {}", 400),
    ("POST", {"query": "ASK {}"}, {"Content-Type": "application/sparql-query"}, b"ASK {}", 400),
    ("POST", {}, {"Content-Type": "application/x-www-form-urlencoded"},
     b"query=ASK+%7B%7D&update=CLEAR+ALL", 400),
    ("POST", {}, {"Content-Type": "application/sparql-update"}, b"CLEAR ALL", 403),
    ("GET", {"query": "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, {},
     None, 403),
    ("PUT", {"graph": "http://example.org/g"}, {"Content-Type": "text/turtle"}, b"", 403),
    ("DELETE", {"default": ""}, {}, None, 403),
    ("POST", {}, {"Content-Type": "text/turtle"}, b"<a> <b> <c> .", 403),
    ("PATCH", {}, {}, None, 405),
]  # fmt: skip


@pytest.mark.parametrize(("method", "params", "headers", "body", "status"), BAD_REQUESTS)
def test_bad_requests_get_a_clear_4xx(
    server: str,
    method: str,
    params: dict[str, str],
    headers: dict[str, str],
    body: bytes | None,
    status: int,
) -> None:
    response = httpx.request(
        method, server + "/sparql", params=params, headers=headers, content=body
    )
    assert error_body(response)[0] == status
    assert response.json()["message"]


def test_405_names_the_allowed_methods(server: str) -> None:
    response = httpx.patch(server + "/sparql")
    assert response.headers["allow"] == "GET, HEAD, POST, PUT, DELETE"


def test_csv_quotes_values(server: str) -> None:
    query = 'SELECT ?a ?b WHERE { BIND("x,\\"y\\"" AS ?a) BIND("line\\nbreak" AS ?b) }'
    accept = {"Accept": "text/csv"}
    response = httpx.get(server + "/sparql", params={"query": query}, headers=accept)
    assert list(csv.reader(io.StringIO(response.text, newline=""))) == [
        ["a", "b"],
        ['x,"y"', "line\nbreak"],
    ]


def test_json_results_are_utf8_chinese(server: str) -> None:
    chinese = "FILTER(langMatches(LANG(?l), 'zh-Hans'))"
    query = f"SELECT ?l WHERE {{ <{BAOTOU}> skos:prefLabel ?l {chinese} }}"
    response = httpx.get(server + "/sparql", params={"query": query})
    assert json.loads(response.content)["results"]["bindings"] == [
        {"l": {"type": "literal", "value": "包头稀土高新技术产业开发区", "xml:lang": "zh-hans"}}
    ]
