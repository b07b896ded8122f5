"""The SPARQL 1.1 Protocol endpoint at /sparql: query, update, service description, graphs.

GET or POST (form or direct) a query; POST an update with `Authorization: Bearer <token>`
when the server has an update token; GET with no query for the service description; GET with
`graph=IRI` for one named graph. Add `timeout=SECONDS` to lower the time limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.errors import error_response
from api.settings import Settings
from api.sparql.protocol import endpoint_url, read_operation
from api.sparql.service import SparqlService
from graph import Store
from graph.sparql import Outcome

TRUNCATED = "X-Designations-Truncated"
ROW_LIMIT = "X-Designations-Row-Limit"


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the query workers with the app, stop them with it."""
    settings: Settings = app.state.settings
    service = SparqlService(settings)
    await run_in_threadpool(service.start)
    app.state.sparql = service
    try:
        yield
    finally:
        await run_in_threadpool(service.close)


router = APIRouter(tags=["sparql"], lifespan=lifespan)


def outcome_response(outcome: Outcome, row_limit: int) -> Response:
    """An HTTP response for a worker's outcome; a cut result says so in headers."""
    headers = {"Vary": "Accept"}
    if outcome.truncated:
        headers[TRUNCATED] = "true"
        headers[ROW_LIMIT] = str(row_limit)
    return Response(outcome.body, media_type=outcome.media_type, headers=headers)


async def answer(request: Request) -> Response:
    """Read the operation, run it in a worker, and shape the response."""
    service: SparqlService = request.app.state.sparql
    settings = service.settings
    op = await read_operation(request, settings.max_body_bytes)
    endpoint = endpoint_url(request)
    if op.kind == "update":
        authorization = request.headers.get("authorization")
        await run_in_threadpool(service.update, op, authorization, endpoint)
        request.app.state.store = Store.open(settings.store)
        return Response(status_code=204)
    outcome = await service.answer_async(op, request.headers.get("accept"), endpoint)
    return outcome_response(outcome, settings.max_rows)


PARAMETERS: list[dict[str, Any]] = [
    {"name": name, "in": "query", "required": False, "schema": {"type": kind}, "description": text}
    for name, kind, text in [
        ("query", "string", "A SPARQL 1.1 query; without it, GET returns the service description."),
        ("default-graph-uri", "string", "A graph of the default graph (repeatable)."),
        ("named-graph-uri", "string", "A named graph of the dataset (repeatable)."),
        ("graph", "string", "GET this named graph (Graph Store Protocol, indirect)."),
        ("timeout", "number", "Seconds, to lower the server's time limit."),
    ]
]


@router.get("/sparql", openapi_extra={"parameters": PARAMETERS})
async def sparql_get(request: Request) -> Response:
    """SPARQL query by GET, the service description (no query), or a named graph (graph=)."""
    return await answer(request)


@router.post("/sparql", openapi_extra={"parameters": PARAMETERS[1:]})
async def sparql_post(request: Request) -> Response:
    """SPARQL query or update by POST: URL-encoded form, or the text directly as
    application/sparql-query or application/sparql-update."""
    return await answer(request)


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
async def sparql_other(request: Request) -> Response:
    """Other methods are not part of the protocol here."""
    response = error_response(405, "MethodNotAllowed", f"{request.method} is not allowed here")
    response.headers["Allow"] = "GET, POST"
    return response
