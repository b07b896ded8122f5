"""Reading a SPARQL 1.1 Protocol request: which operation, its text, dataset and time limit.

GET carries a query in the query string (an update there is refused); POST carries a query
or an update as a form (application/x-www-form-urlencoded) or directly
(application/sparql-query, application/sparql-update), with dataset parameters in the URL.
Bodies must be UTF-8. A GET with neither query nor graph asks for the service description;
`graph=IRI` asks for one named graph and `default` for the store's own default graph (the
Graph Store Protocol's indirect GET). HEAD reads like GET.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal
from urllib.parse import unquote

from fastapi import Request

from graph.errors import ProtocolError, TooLarge
from graph.sparql import Dataset
from graph.sparql.jobs import checked_iri

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
UTF8 = {"utf-8", "utf8"}
DATASET_PARAMETERS = {
    "query": ("default-graph-uri", "named-graph-uri"),
    "update": ("using-graph-uri", "using-named-graph-uri"),
}
Params = list[tuple[str, str]]
OperationKind = Literal["query", "update", "graph", "description"]


@dataclass(frozen=True)
class Operation:
    """What a request asks the endpoint to do."""

    kind: OperationKind
    text: str = ""
    graph: str = ""
    dataset: Dataset = field(default_factory=Dataset)
    timeout: float | None = None


def decode(data: bytes, what: str) -> str:
    """Bytes as UTF-8 text, or a ProtocolError naming what they were."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"{what} is not UTF-8 (bad byte at offset {exc.start})") from None


def form(data: bytes, what: str) -> Params:
    """The name-value pairs of a URL-encoded form or query string (as `parse_qsl` reads
    them, keeping blank values)."""
    try:
        return [_pair(part) for part in decode(data, what).split("&") if part]
    except UnicodeDecodeError:
        raise ProtocolError(f"{what} has percent-escapes that are not UTF-8") from None


def _pair(part: str) -> tuple[str, str]:
    name, _, value = part.partition("=")
    return _unquoted(name), _unquoted(value)


def _unquoted(text: str) -> str:
    """Percent-decoded text, '+' as space, a line at a time: clients send the same PREFIX
    lines with every query, and each distinct short line is decoded once (urllib's decoder
    costs about a tenth of a millisecond for a page of prefixes)."""
    return "\n".join(map(_line, _NEWLINE.split(text)))


_NEWLINE = re.compile("%0[aA]")  # no other escape holds this byte, even inside UTF-8
SHORT_LINE = 300


def _line(text: str) -> str:
    return _short_line(text) if len(text) <= SHORT_LINE else _decoded(text)


@lru_cache(maxsize=4096)
def _short_line(text: str) -> str:
    return _decoded(text)


def _decoded(text: str) -> str:
    return unquote(text.replace("+", " "), errors="strict")


def single(params: Params, name: str) -> str | None:
    """The one value of a parameter, None when absent; ProtocolError when repeated."""
    found = [value for key, value in params if key == name]
    if len(found) > 1:
        raise ProtocolError(f"give one {name} parameter, not {len(found)}")
    return found[0] if found else None


def timeout(params: Params) -> float | None:
    """The `timeout` parameter in seconds, if given."""
    text = single(params, "timeout")
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise ProtocolError(f"timeout must be a positive number of seconds, not {text!r}")
    return value


def graph_target(params: Params) -> str | None:
    """The graph a Graph Store request names: its IRI for graph=IRI, "" for `default` (the
    store's own default graph), None when it names neither."""
    graph, default = single(params, "graph"), single(params, "default")
    if graph is not None and default is not None:
        raise ProtocolError("give either graph=IRI or default, not both")
    if default is not None:
        return ""
    return None if graph is None else checked_iri(graph)


def url_params(request: Request) -> Params:
    """The parameters of the request's query string."""
    return form(request.scope.get("query_string", b""), "the query string")


def operation(params: Params) -> Operation:
    """The operation the parameters ask for."""
    query, update = single(params, "query"), single(params, "update")
    if query is not None and update is not None:
        raise ProtocolError("give either a query or an update, not both")
    limit = timeout(params)
    if query is None and update is None:
        graph = graph_target(params)
        if graph is not None:
            return Operation("graph", graph=graph, timeout=limit)
        return Operation("description", timeout=limit)
    kind: OperationKind = "query" if query is not None else "update"
    text = query if query is not None else update
    if not (text or "").strip():
        raise ProtocolError(f"the {kind} is empty")
    default_key, named_key = DATASET_PARAMETERS[kind]
    defaults = [v for k, v in params if k == default_key]
    named = [v for k, v in params if k == named_key]
    return Operation(kind, str(text), dataset=Dataset.of(defaults, named), timeout=limit)


def content_type(header: str) -> tuple[str, dict[str, str]]:
    """The media type of a Content-Type header, lower case, and its parameters."""
    media, *rest = header.split(";")
    params = {}
    for piece in rest:
        name, _, value = piece.partition("=")
        params[name.strip().lower()] = value.strip().strip('"')
    return media.strip().lower(), params


async def body(request: Request, cap: int) -> bytes:
    """The request body, refused with TooLarge as soon as it passes cap bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise TooLarge(f"the request body of {declared} bytes is over the limit of {cap} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise TooLarge(f"the request body is over the limit of {cap} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _post(url: Params, media: str, charset: str | None, data: bytes) -> Operation:
    if charset is not None and charset.lower() not in UTF8:
        raise ProtocolError(f"the body must be UTF-8, not charset={charset}")
    if media == FORM:
        op = operation(url + form(data, "the form body"))
        if op.kind in ("graph", "description"):
            raise ProtocolError("a form POST needs a query or an update parameter")
        return op
    if media in (QUERY, UPDATE):
        if any(key in ("query", "update") for key, _ in url):
            raise ProtocolError(f"with {media}, the body is the only query or update")
        name = "query" if media == QUERY else "update"
        return operation([*url, (name, decode(data, "the request body"))])
    raise ProtocolError(
        f"POST a query as {QUERY}, an update as {UPDATE}, or either as {FORM}; "
        f"got {media or 'no Content-Type'}"
    )


async def read_operation(request: Request, cap: int) -> Operation:
    """The operation an HTTP request asks for, checked."""
    return parse_operation(request, await read_body(request, cap))


async def read_body(request: Request, cap: int) -> bytes:
    """The body of a POST (nothing for GET and HEAD), refused past cap bytes."""
    return b"" if request.method in ("GET", "HEAD") else await body(request, cap)


def parse_operation(request: Request, data: bytes) -> Operation:
    """The operation a request with this body asks for, checked."""
    url = url_params(request)
    if request.method in ("GET", "HEAD"):
        if single(url, "update") is not None:
            raise ProtocolError("send updates with POST, not GET")
        return operation(url)
    media, params = content_type(request.headers.get("content-type", ""))
    return _post(url, media, params.get("charset"), data)


def _first(value: str | None) -> str:
    return (value or "").split(",")[0].strip()


def endpoint_url(request: Request) -> str:
    """The URL the client used for this endpoint, as proxies report it in X-Forwarded-*."""
    return origin(request) + request.url.path


def request_url(request: Request) -> str:
    """The URL the client used, without its query, its path percent-encoded as it was sent."""
    raw = request.scope.get("raw_path")
    return origin(request) + (raw.decode("latin-1") if raw else request.url.path)


def origin(request: Request) -> str:
    """Scheme, host and path prefix of the URL the client used (from X-Forwarded-* behind a
    proxy)."""
    scheme = _first(request.headers.get("x-forwarded-proto")).lower()
    if scheme not in ("http", "https"):
        scheme = request.url.scheme
    host = _first(request.headers.get("x-forwarded-host")) or request.headers.get("host", "")
    if not host or any(c in host for c in ' /\\<>"{}|^`'):
        host = request.url.netloc
    prefix = _first(request.headers.get("x-forwarded-prefix")).rstrip("/")
    if prefix and not prefix.startswith("/"):
        prefix = "/" + prefix
    return f"{scheme}://{host}{prefix}"
