"""The SPARQL 1.1 Protocol endpoint at /sparql: query, update, service description, and the
Graph Store HTTP Protocol with indirect graph identification (direct identification, by
URLs under /sparql/, is in api/routes/graph_store.py).

GET or POST (form or direct) a query; POST an update with `Authorization: Bearer <token>`
when the server has an update token; GET with no query for the service description. With
`graph=IRI` (a named graph) or `default` (the store's own default graph): GET or HEAD reads
the graph; PUT replaces, POST merges and DELETE removes it, with the same token. HEAD answers
like GET without a body. Add `timeout=SECONDS` to lower the time limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import refresh
from api.errors import error_response
from api.pages.editor import editor, wants_editor
from api.settings import Settings
from api.sparql.answers import headless, respond
from api.sparql.graphs import WriteKind, is_graph_post, read_write
from api.sparql.protocol import endpoint_url, graph_target, read_operation, url_params
from api.sparql.service import SparqlService


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the query workers with the app, stop them with it."""
    settings: Settings = app.state.settings
    service = SparqlService(settings, on_write=lambda: refresh(app))
    await run_in_threadpool(service.start)
    app.state.sparql = service
    try:
        yield
    finally:
        await run_in_threadpool(service.close)


router = APIRouter(tags=["sparql"], lifespan=lifespan)


async def answer(request: Request) -> Response:
    """Read the operation, run it in a worker, and shape the response. (Queries are
    answered the same way by api.sparql.answers.QueryPath before they reach the router.)"""
    service: SparqlService = request.app.state.sparql
    op = await read_operation(request, service.settings.max_body_bytes)
    if op.kind == "update":
        authorization = request.headers.get("authorization")
        await run_in_threadpool(service.update, op, authorization, endpoint_url(request))
        return Response(status_code=204)
    return await respond(request, op)


async def write_graph(request: Request, kind: WriteKind, graph: str | None) -> Response:
    """A Graph Store write on a graph (None: the request names none): 201 Created when it made
    the graph (with Location when the server named it), else 204 No Content."""
    service: SparqlService = request.app.state.sparql
    service.authorise(request.headers.get("authorization"))
    write = await read_write(request, kind, service.settings.max_body_bytes, graph)
    created = await run_in_threadpool(service.write_graph, write, endpoint_url(request))
    if not created:
        return Response(status_code=204)
    return Response(status_code=201, headers={"Location": write.graph} if write.minted else {})


def indirect(request: Request) -> str | None:
    """The graph named by graph=IRI or default, if any."""
    return graph_target(url_params(request))


def _parameters(*names: str) -> list[dict[str, Any]]:
    return [p for p in PARAMETERS if p["name"] in names]


PARAMETERS: list[dict[str, Any]] = [
    {"name": name, "in": "query", "required": False, "schema": {"type": kind}, "description": text}
    for name, kind, text in [
        ("query", "string", "A SPARQL 1.1 query; without it, GET returns the service description."),
        ("default-graph-uri", "string", "A graph of the default graph (repeatable)."),
        ("named-graph-uri", "string", "A named graph of the dataset (repeatable)."),
        ("graph", "string", "The named graph to read or write (Graph Store Protocol, indirect)."),
        (
            "default",
            "boolean",
            "Present without a value: read or write the store's own default graph (Graph Store "
            "Protocol). Queries see it as part of their union default graph; the build leaves "
            "it empty.",
        ),
        ("timeout", "number", "Seconds, to lower the server's time limit."),
    ]
]
READ = _parameters("query", "default-graph-uri", "named-graph-uri", "graph", "default", "timeout")
GRAPH = _parameters("graph", "default")
POST = _parameters("default-graph-uri", "named-graph-uri", "graph", "default", "timeout")
WRITES = (
    " Writes need a server started with an update token and the header "
    "`Authorization: Bearer <token>` (else 403). Bodies: "
    "text/turtle, application/n-triples, application/rdf+xml, application/ld+json, or several "
    "as multipart/form-data (415 for other types, 400 when the body does not parse)."
)


@router.get("/sparql", openapi_extra={"parameters": READ})
async def sparql_get(request: Request) -> Response:
    """SPARQL query by GET, the service description (no query), or a graph (graph=IRI, or
    default for the store's own default graph). A query's answer names what answered it in
    X-Designations-Engine (`columnar` for a join or aggregate from the columnar replica, else
    `oxigraph`); a cut answer says so in X-Designations-Truncated. A browser asking for HTML
    by name with no query gets the query editor instead of the service description."""
    if wants_editor(request):
        return editor(request, request.app.state.store)
    return await answer(request)


@router.head("/sparql", include_in_schema=False)
async def sparql_head(request: Request) -> Response:
    """Like GET, without the body."""
    return headless(await answer(request))


@router.post(
    "/sparql",
    openapi_extra={"parameters": POST},
    description="SPARQL query or update by POST: URL-encoded form, or the text directly as "
    "application/sparql-query or application/sparql-update. With graph=IRI or default, or an "
    "RDF body: merge the body into that graph (Graph Store Protocol); with an RDF body and "
    "neither, create a new graph, answered 201 with its IRI in Location." + WRITES,
)
async def sparql_post(request: Request) -> Response:
    """SPARQL query or update, or Graph Store merge."""
    if is_graph_post(request):
        return await write_graph(request, "post", indirect(request))
    return await answer(request)


@router.put(
    "/sparql",
    openapi_extra={"parameters": GRAPH},
    description="Replace the graph named by graph=IRI or default with the body (Graph Store "
    "Protocol): 201 when the graph is new, else 204." + WRITES,
)
async def sparql_put(request: Request) -> Response:
    """Graph Store replace."""
    return await write_graph(request, "put", indirect(request))


@router.delete(
    "/sparql",
    openapi_extra={"parameters": GRAPH},
    description="Remove the graph named by graph=IRI (404 when absent), or empty the default "
    "graph (Graph Store Protocol): 204." + WRITES,
)
async def sparql_delete(request: Request) -> Response:
    """Graph Store delete."""
    return await write_graph(request, "delete", indirect(request))


@router.api_route("/sparql", methods=["PATCH"], include_in_schema=False)
async def sparql_other(request: Request) -> Response:
    """Other methods are not part of the protocol here."""
    response = error_response(405, "MethodNotAllowed", f"{request.method} is not allowed here")
    response.headers["Allow"] = "GET, HEAD, POST, PUT, DELETE"
    return response
