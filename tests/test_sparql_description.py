"""The service description: the three checks of the W3C manifest, proxies, and VoID figures.

The manifest (../shared/conformance/sparql11-service-description) names three checks:
GET on the endpoint returns RDF; it has an sd:endpoint triple matching the endpoint; and it
conforms to the Service Description schema (checked here with SHACL shapes written from the
vocabulary's domains and ranges).
"""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from pyshacl_turbo import validate
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.term import Node

from graph import Store
from graph.namespaces import SD, VOID
from tests.conftest import CONFORMANCE, needs_conformance

MANIFEST = CONFORMANCE / "sparql11-service-description" / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
}
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <urn:shapes:> .

:Service a sh:NodeShape ; sh:targetClass sd:Service ;
  sh:property [ sh:path sd:endpoint ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:supportedLanguage ; sh:minCount 1 ;
                sh:in ( sd:SPARQL10Query sd:SPARQL11Query sd:SPARQL11Update ) ] ;
  sh:property [ sh:path sd:resultFormat ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:feature ; sh:class sd:Feature ] ;
  sh:property [ sh:path sd:defaultEntailmentRegime ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:defaultDataset ; sh:maxCount 1 ; sh:class sd:Dataset ] .
:Dataset a sh:NodeShape ; sh:targetClass sd:Dataset ;
  sh:property [ sh:path sd:defaultGraph ; sh:maxCount 1 ; sh:class sd:Graph ] ;
  sh:property [ sh:path sd:namedGraph ; sh:class sd:NamedGraph ] .
:NamedGraph a sh:NodeShape ; sh:targetClass sd:NamedGraph ;
  sh:property [ sh:path sd:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:graph ; sh:maxCount 1 ; sh:class sd:Graph ] .
:Graph a sh:NodeShape ; sh:targetClass sd:Graph ;
  sh:property [ sh:path void:triples ; sh:maxCount 1 ; sh:datatype xsd:integer ] .
"""
# The SD vocabulary's own typing of its instances, which the shapes rely on.
VOCABULARY = """
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
sd:UnionDefaultGraph a sd:Feature . sd:BasicFederatedQuery a sd:Feature .
sd:RequiresDataset a sd:Feature . sd:DereferencesURIs a sd:Feature .
sd:EmptyGraphs a sd:Feature .
"""
SHACL_GRAPH = Graph().parse(data=SHAPES, format="turtle")


def description(base: str, accept: str = "text/turtle", **headers: str) -> Graph:
    """The service description fetched with a GET and parsed."""
    response = httpx.get(base + "/sparql", headers={"Accept": accept, **headers})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    graph = Graph()
    for quad in ox.parse(response.content, format=FORMATS[accept]):
        graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return graph


def term(node: object) -> Node:
    """An rdflib term for a pyoxigraph term."""
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    assert isinstance(node, ox.Literal)
    if node.language:
        return Literal(node.value, lang=node.language)
    return Literal(node.value, datatype=URIRef(node.datatype.value))


@needs_conformance
def test_the_manifest_names_three_checks() -> None:
    graph = Graph().parse(MANIFEST, format="turtle")
    manifest = next(graph.subjects(MF.entries, None))
    entries = Collection(graph, next(graph.objects(manifest, MF.entries)))
    assert [str(e).rsplit("#", 1)[1] for e in entries] == [
        "has-endpoint-triple",
        "returns-rdf",
        "conforms-to-schema",
    ]


@pytest.mark.parametrize("accept", list(FORMATS))
def test_returns_rdf_in_every_format(server: str, accept: str) -> None:
    assert isomorphic(description(server, accept), description(server))


def test_has_endpoint_triple(server: str) -> None:
    graph = description(server)
    services = list(graph.subjects(SD.endpoint, URIRef(server + "/sparql")))
    assert len(services) == 1
    assert (services[0], RDF.type, SD.Service) in graph


def test_conforms_to_schema(server: str) -> None:
    data = description(server) + Graph().parse(data=VOCABULARY, format="turtle")
    conforms, _, text = validate(data, shacl_graph=SHACL_GRAPH)
    assert conforms, text


def test_endpoint_follows_forwarded_headers(server: str) -> None:
    graph = description(
        server,
        **{
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": "designations.example.org",
            "X-Forwarded-Prefix": "/graph/",
        },
    )
    endpoints = set(graph.objects(None, SD.endpoint))
    assert endpoints == {URIRef("https://designations.example.org/graph/sparql")}


def test_void_counts_match_the_store(server: str, built: Store) -> None:
    graph = description(server)
    dataset = next(graph.subjects(RDF.type, SD.Dataset))
    assert graph.value(dataset, VOID.triples) == Literal(len(built))
    named = {
        graph.value(node, SD.name): graph.value(graph.value(node, SD.graph), VOID.triples)
        for node in graph.objects(dataset, SD.namedGraph)
    }
    expected = {
        URIRef(name): Literal(sum(1 for _ in built.inner.quads_for_pattern(None, None, None, g)))
        for name, g in ((n, ox.NamedNode(n)) for n in built.named_graphs())
    }
    assert named == expected


def test_a_read_only_server_offers_queries_only(server: str) -> None:
    graph = description(server)
    assert set(graph.objects(None, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert set(graph.objects(None, SD.feature)) == {SD.UnionDefaultGraph}
