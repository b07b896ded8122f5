"""JSON-LD compaction (graph/jsonld.py): what it writes expands to the quads it was given."""

from __future__ import annotations

import json

import pyoxigraph as ox
from pyld import jsonld as pyld

from graph.jsonld import compact, dumps
from graph.namespaces import CND, ID

SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ZONE = ox.NamedNode(f"{ID}zone/a")
GRAPH = ox.NamedNode(f"{ID}graph/test")


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


QUADS = [
    ox.Quad(ZONE, RDF_TYPE, n(f"{CND}Zone"), GRAPH),
    ox.Quad(ZONE, n(f"{SKOS}prefLabel"), ox.Literal("甲区", language="zh-hans"), GRAPH),
    ox.Quad(ZONE, n(f"{SKOS}prefLabel"), ox.Literal("Zone A", language="en"), GRAPH),
    ox.Quad(ZONE, n(f"{SKOS}altLabel"), ox.Literal("A", language="en"), GRAPH),
    ox.Quad(ZONE, n(f"{SKOS}notation"), ox.Literal("150101", datatype=n(f"{CND}code")), GRAPH),
    # validAsOf is typed xsd:date in the context; a dateTime does not fit the term
    ox.Quad(ZONE, n(f"{CND}validAsOf"), ox.Literal("2018-01-01", datatype=n(f"{XSD}date")), GRAPH),
    ox.Quad(
        ZONE,
        n(f"{CND}validAsOf"),
        ox.Literal("2018-01-01T00:00:00", datatype=n(f"{XSD}dateTime")),
        GRAPH,
    ),
    # designee takes IRIs; a literal value keeps the property's compact IRI
    ox.Quad(ZONE, n(f"{CND}designee"), n(f"{ID}zone/b"), GRAPH),
    ox.Quad(n(f"{ID}zone/c"), n(f"{CND}designee"), ox.Literal("not an IRI"), GRAPH),
    ox.Quad(ox.BlankNode("b0"), n("http://example.org/p"), n("https://example.org/x"), GRAPH),
    ox.Quad(ZONE, n(f"{CND}issuedBy"), n(f"{ID}org/miit"), ox.DefaultGraph()),
]


def expanded(data: bytes) -> set[str]:
    """The quads a JSON-LD document holds, read by Oxigraph, as N-Quads lines."""
    quads = ox.parse(data, format=ox.RdfFormat.JSON_LD)
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    return set(text.decode().splitlines())


def test_compacted_document_reads_back_as_the_same_quads() -> None:
    data = dumps(QUADS)
    want = set((ox.serialize(QUADS, format=ox.RdfFormat.N_QUADS) or b"").decode().splitlines())
    assert expanded(data) == want
    back = pyld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    # pyld names blank nodes its own way; the rest must be the same lines
    assert {q for q in back.splitlines() if "_:" not in q} == {q for q in want if "_:" not in q}


def test_terms_are_used_where_every_value_fits_them() -> None:
    doc = compact(QUADS)
    named = next(g for g in doc["@graph"] if g.get("iri") == "id:graph/test")
    zone = next(node for node in named["@graph"] if node["iri"] == "id:zone/a")
    assert zone == {
        "iri": "id:zone/a",
        "type": "cnd:Zone",
        "prefLabel": {"zh-hans": "甲区", "en": "Zone A"},
        "altLabel": {"en": ["A"]},
        "notation": {"@value": "150101", "type": "cnd:code"},
        "cnd:validAsOf": [
            {"@value": "2018-01-01", "type": "xsd:date"},
            {"@value": "2018-01-01T00:00:00", "type": "xsd:dateTime"},
        ],
        "designee": "id:zone/b",
    }
    other = next(node for node in named["@graph"] if node["iri"] == "id:zone/c")
    assert other == {"iri": "id:zone/c", "cnd:designee": "not an IRI"}


def test_one_node_is_the_document_itself() -> None:
    triple = ox.Triple(ZONE, n(f"{CND}issuedBy"), n(f"{ID}org/miit"))
    doc = compact([triple])
    assert {k: v for k, v in doc.items() if k != "@context"} == {
        "iri": "id:zone/a",
        "issuedBy": ["id:org/miit"],
    }
