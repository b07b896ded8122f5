"""Reading a Graph Store Protocol write on /sparql: which graph, and the RDF parts of the body.

PUT, POST and DELETE name their graph indirectly, with `graph=IRI` or `default` in the query
string of /sparql, or directly, by the URL of a request under /sparql/; PUT and DELETE must
name one. A POST that names none, but sends RDF, creates a new graph. A body is one RDF
document, or several as multipart/form-data (each part with its own Content-Type); any
charset but UTF-8 is refused.
"""

from __future__ import annotations

import email.parser
import email.policy
from dataclasses import dataclass
from typing import Literal

from fastapi import Request

from api.sparql.protocol import body, content_type, graph_target, request_url, url_params
from graph.errors import ProtocolError
from graph.sparql.graphstore import BODY_FORMATS, DATASET_TYPES, new_graph
from graph.sparql.jobs import checked_iri

MULTIPART = "multipart/form-data"
GRAPH_BODY_TYPES = frozenset({*BODY_FORMATS, *DATASET_TYPES, MULTIPART})
UTF8 = {"utf-8", "utf8"}
WriteKind = Literal["put", "post", "delete"]
Part = tuple[str, bytes]


@dataclass(frozen=True)
class GraphWrite:
    """A Graph Store write: its kind, the graph ("" for the default graph), whether the
    server minted the graph's IRI, and the body's parts as (media type, bytes)."""

    kind: WriteKind
    graph: str
    minted: bool
    parts: list[Part]


def is_graph_post(request: Request) -> bool:
    """Whether a POST is a Graph Store write rather than a SPARQL query or update: it names
    a graph, or its body is RDF (or multipart)."""
    if graph_target(url_params(request)) is not None:
        return True
    media, _ = content_type(request.headers.get("content-type", ""))
    return media in GRAPH_BODY_TYPES


def _media(header: str) -> str:
    media, params = content_type(header)
    charset = params.get("charset")
    if charset is not None and charset.lower() not in UTF8:
        raise ProtocolError(f"RDF bodies must be UTF-8, not charset={charset}")
    return media


def split_multipart(header: str, data: bytes) -> list[Part]:
    """The parts of a multipart/form-data body, each with its own media type."""
    head = f"Content-Type: {header}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + data)
    if not message.is_multipart() or message.defects:
        raise ProtocolError("the multipart/form-data body is malformed")
    parts = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        parts.append((_media(part.get("content-type", "")), payload))
    return parts


async def read_parts(request: Request, cap: int) -> list[Part]:
    """The RDF documents of a request body."""
    header = request.headers.get("content-type", "")
    data = await body(request, cap)
    media = _media(header)
    if media == MULTIPART:
        return split_multipart(header, data)
    return [(media, data)]


def direct_graph(request: Request) -> str:
    """The graph a request names directly: the URL it was sent to, without its query."""
    return checked_iri(request_url(request))


async def read_write(request: Request, kind: WriteKind, cap: int, graph: str | None) -> GraphWrite:
    """The graph write a PUT, POST or DELETE asks for, on the graph named (None when the
    request names none)."""
    minted = graph is None and kind == "post"
    if graph is None and not minted:
        raise ProtocolError(f"{kind.upper()} needs graph=IRI or default in the query string")
    parts = [] if kind == "delete" else await read_parts(request, cap)
    return GraphWrite(kind, new_graph() if minted else str(graph), minted, parts)
