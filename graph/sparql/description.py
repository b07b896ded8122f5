"""The SPARQL 1.1 Service Description of the endpoint, with VoID figures of its dataset."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import DCTERMS, RDF

from graph.media import SD_NAMES
from graph.namespaces import ENTAILMENT, FORMATS, SD, VOID

TITLE = "China Designations Graph"
PREFIXES = {
    "sd": str(SD),
    "void": str(VOID),
    "formats": str(FORMATS),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Features:
    """What this endpoint offers, from its settings."""

    update: bool = False
    remote: bool = False


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def _service(service: ox.BlankNode, endpoint: str, features: Features) -> Iterator[ox.Triple]:
    yield ox.Triple(service, _node(RDF.type), _node(SD.Service))
    yield ox.Triple(service, _node(SD.endpoint), ox.NamedNode(endpoint))
    languages = [SD.SPARQL11Query] + ([SD.SPARQL11Update] if features.update else [])
    for language in languages:
        yield ox.Triple(service, _node(SD.supportedLanguage), _node(language))
    for name in SD_NAMES:
        yield ox.Triple(service, _node(SD.resultFormat), _node(FORMATS[name]))
    extra = [SD.BasicFederatedQuery] if features.remote else []
    for feature in [SD.UnionDefaultGraph, *extra]:
        yield ox.Triple(service, _node(SD.feature), _node(feature))
    yield ox.Triple(service, _node(SD.defaultEntailmentRegime), _node(ENTAILMENT.Simple))


def _graph(node: ox.BlankNode, triples: int) -> Iterator[ox.Triple]:
    yield ox.Triple(node, _node(RDF.type), _node(SD.Graph))
    yield ox.Triple(node, _node(VOID.triples), _int(triples))


def _dataset(
    dataset: ox.BlankNode, endpoint: str, counts: Mapping[str, int]
) -> Iterator[ox.Triple]:
    yield ox.Triple(dataset, _node(RDF.type), _node(SD.Dataset))
    yield ox.Triple(dataset, _node(RDF.type), _node(VOID.Dataset))
    yield ox.Triple(dataset, _node(DCTERMS.title), ox.Literal(TITLE, language="en"))
    yield ox.Triple(dataset, _node(VOID.sparqlEndpoint), ox.NamedNode(endpoint))
    for name in ("triples", "classes", "properties"):
        yield ox.Triple(dataset, _node(VOID[name]), _int(counts.get(name, 0)))
    default = ox.BlankNode()
    yield ox.Triple(dataset, _node(SD.defaultGraph), default)
    yield from _graph(default, counts.get("triples", 0))
    for key, value in sorted(counts.items()):
        if key.startswith("graph "):
            named, graph = ox.BlankNode(), ox.BlankNode()
            yield ox.Triple(dataset, _node(SD.namedGraph), named)
            yield ox.Triple(named, _node(RDF.type), _node(SD.NamedGraph))
            yield ox.Triple(named, _node(SD.name), ox.NamedNode(key.removeprefix("graph ")))
            yield ox.Triple(named, _node(SD.graph), graph)
            yield from _graph(graph, value)


def service_description(
    endpoint: str, features: Features, counts: Mapping[str, int]
) -> list[ox.Triple]:
    """The triples describing the service at endpoint and its dataset.

    `counts` are the VoID figures of execute.dataset_counts: triples, classes, properties and
    `graph <IRI>` per named graph (the default graph is the union of the named graphs).
    """
    service, dataset = ox.BlankNode(), ox.BlankNode()
    triples = list(_service(service, endpoint, features))
    triples.append(ox.Triple(service, _node(SD.defaultDataset), dataset))
    triples.extend(_dataset(dataset, endpoint, counts))
    return triples
