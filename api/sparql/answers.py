"""Answers of /sparql, and the hot path that gives a query its answer ahead of FastAPI.

`respond` answers a query, a graph read or the service description; the route
(api/routes/sparql.py) and `QueryPath` both call it. A point lookup costs Oxigraph a fraction
of a millisecond, about what FastAPI's middleware, routing and dependency layers cost a
request, so `QueryPath`, a plain ASGI layer around the whole app (api.app.App), answers the
requests that are queries (GET or HEAD with `query=`, POST as application/sparql-query or as
a form with `query=`) from clients that are not browsers (no `Origin` header: CORS does not
apply), with the same functions and the same JSON error shape. Every other request (browsers'
queries, the service description, graph reads, updates, Graph Store writes, other paths) goes
on through the app, its body handed on as read.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import library_error
from api.sparql.graphs import is_graph_post
from api.sparql.protocol import Operation, endpoint_url, parse_operation, read_body
from api.sparql.service import SparqlService
from graph.errors import DesignationsError
from graph.sparql import Outcome

PATH = "/sparql"
TRUNCATED = "X-Designations-Truncated"
ROW_LIMIT = "X-Designations-Row-Limit"
ENGINE = "X-Designations-Engine"


def outcome_response(outcome: Outcome, row_limit: int) -> Response:
    """An HTTP response for a worker's outcome; a cut result says so in headers, and a
    query's answer names the engine that gave it ("oxigraph" or "columnar")."""
    headers = {"Vary": "Accept"}
    if outcome.engine:
        headers[ENGINE] = outcome.engine
    if outcome.truncated:
        headers[TRUNCATED] = "true"
        headers[ROW_LIMIT] = str(row_limit)
    return Response(outcome.body, media_type=outcome.media_type, headers=headers)


def headless(response: Response) -> Response:
    """A GET response as the answer to HEAD: the same status and headers, no body."""
    return Response(status_code=response.status_code, headers=dict(response.headers))


async def respond(request: Request, op: Operation) -> Response:
    """The answer to a query, a graph read or a request for the service description."""
    service: SparqlService = request.app.state.sparql
    accept = request.headers.get("accept")
    outcome = await service.answer_async(op, accept, endpoint_url(request))
    return outcome_response(outcome, service.row_limit(op))


class QueryPath:
    """ASGI layer that answers SPARQL queries on /sparql before the app's middleware."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a query; hand anything else to the app."""
        if scope["type"] != "http" or scope["path"] != PATH:
            return await self.app(scope, receive, send)
        request = Request(scope, receive)
        if not _may_query(request):
            return await self.app(scope, receive, send)
        try:
            data = await read_body(request, request.app.state.sparql.settings.max_body_bytes)
            op = parse_operation(request, data)
        except Exception as exc:
            return await _error(request, exc, send)
        if op.kind != "query":
            return await self.app(scope, replay(data, receive), send)
        try:
            response = await respond(request, op)
        except Exception as exc:
            return await _error(request, exc, send)
        await _send(request, response, send)


async def _error(request: Request, exc: Exception, send: Send) -> None:
    """Answer with the app's own error handler: the one JSON shape, or a logged 500."""
    await _send(request, await library_error(request, exc), send)


async def _send(request: Request, response: Response, send: Send) -> None:
    if request.method == "HEAD":
        response = headless(response)
    await response(request.scope, request.receive, send)


def _may_query(request: Request) -> bool:
    """Whether the request may be a query for this path: a GET, HEAD or POST that is no
    Graph Store write (a request that names a bad graph goes to the route, which says so),
    from a client that sends no Origin (browsers' requests go through CORS)."""
    if request.method not in ("GET", "HEAD", "POST") or "origin" in request.headers:
        return False
    try:
        return not is_graph_post(request)
    except DesignationsError:
        return False


def replay(data: bytes, receive: Receive) -> Receive:
    """A receive channel that gives a body already read, then the client's own messages."""
    given = False

    async def again() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": data, "more_body": False}

    return again
