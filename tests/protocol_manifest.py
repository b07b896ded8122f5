"""Read the W3C SPARQL 1.1 Protocol and Graph Store Protocol test manifests into concrete HTTP
exchanges."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS
from rdflib.term import Node

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
STATUS_CLASSES = {HTS[f"StatusCode{n}xx"]: n for n in range(1, 6)}
STATUS_CODES = {HTS.OK: 200, HTS.Created: 201, HTS.NoContent: 204, HTS.NotFound: 404}


@dataclass(frozen=True)
class Exchange:
    """One request of a test and what its response must be."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[int]
    boolean: bool | None
    format: str | None
    content_type: str | None = None
    content: str | None = None
    location: str | None = None

    def accepts(self, status: int) -> bool:
        """Whether a status is one the manifest expects (by its code or by its class)."""
        return status in self.statuses or status // 100 in self.statuses


@dataclass(frozen=True)
class ProtocolTest:
    """A manifest entry: its name, the graphs to load first, and its exchanges in order."""

    name: str
    title: str
    graphs: dict[str, Path]
    exchanges: list[Exchange]


def _one(graph: Graph, subject: Node, predicate: URIRef) -> Node | None:
    return next(iter(graph.objects(subject, predicate)), None)


def _headers(graph: Graph, message: Node) -> dict[str, str]:
    return {
        str(_one(graph, h, HT.fieldName)): str(_one(graph, h, HT.fieldValue))
        for lst in graph.objects(message, HT.headers)
        for h in Collection(graph, lst)
    }


def _text(graph: Graph, message: Node) -> str | None:
    body = _one(graph, message, HT.body)
    return None if body is None else str(_one(graph, body, CNT.chars))


def _optional(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _exchange(graph: Graph, request: Node) -> Exchange:
    response = _one(graph, request, HT.resp)
    assert response is not None
    body_node = _one(graph, request, HT.body)
    body = None
    if body_node is not None:
        encoding = str(_one(graph, body_node, CNT.characterEncoding) or "UTF-8")
        body = str(_one(graph, body_node, CNT.chars)).encode(encoding.lower())
    boolean = _one(graph, response, MF.expectedBoolean)
    expected = list(graph.objects(response, MF.expectedStatus))
    return Exchange(
        method=str(_one(graph, request, HT.methodName)),
        path=str(_one(graph, request, HT.absolutePath)),
        headers=_headers(graph, request),
        body=body,
        statuses=frozenset({STATUS_CLASSES.get(s) or STATUS_CODES[s] for s in expected}),
        boolean=None if boolean is None else bool(boolean.toPython()),  # type: ignore[union-attr]
        format=_optional(_one(graph, response, MF.expectedFormat)),
        content_type=_headers(graph, response).get("content-type"),
        content=_text(graph, response),
        location=_optional(_one(graph, response, MF.expectedLocation)),
    )


def read_manifest(path: Path) -> list[ProtocolTest]:
    """Every test of the manifest, in the manifest's order."""
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = next(graph.subjects(MF.entries, None))
    tests = []
    for entry in Collection(graph, _one(graph, manifest, MF.entries)):
        action = _one(graph, entry, MF.action)
        requests = Collection(graph, _one(graph, action, HT.requests))
        graphs = {
            str(_one(graph, g, RDFS.label)): Path(
                str(_one(graph, g, UT.graph)).removeprefix("file://")
            )
            for g in graph.objects(entry, UT.graphData)
        }
        tests.append(
            ProtocolTest(
                name=str(entry).rsplit("#", 1)[-1],
                title=str(_one(graph, entry, MF.name)),
                graphs=graphs,
                exchanges=[_exchange(graph, r) for r in requests],
            )
        )
    return tests
