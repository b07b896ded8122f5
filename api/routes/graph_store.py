"""The Graph Store HTTP Protocol with direct identification: the graph whose IRI is the URL of
the request, under /sparql/ (for example http://host/sparql/people/1.ttl).

GET and HEAD read the graph, PUT replaces, POST merges and DELETE removes it, exactly as with
`/sparql?graph=IRI`; writes need the update token.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.routes.sparql import WRITES, write_graph
from api.sparql.answers import headless, outcome_response
from api.sparql.graphs import direct_graph
from api.sparql.protocol import Operation, endpoint_url
from api.sparql.service import SparqlService

DIRECT = "/sparql/{path:path}"
GraphPath = Annotated[str, Path(description="The rest of the graph's IRI after /sparql/.")]
router = APIRouter(tags=["sparql"])


async def read(request: Request) -> Response:
    """The graph named by the request's URL, in the format the client accepts."""
    service: SparqlService = request.app.state.sparql
    op = Operation("graph", graph=direct_graph(request))
    accept = request.headers.get("accept")
    outcome = await run_in_threadpool(service.answer, op, accept, endpoint_url(request))
    return outcome_response(outcome, service.row_limit(op))


@router.get(DIRECT, summary="Read a graph named by its URL")
async def graph_get(request: Request, path: GraphPath) -> Response:
    """The graph whose IRI is this URL (Graph Store Protocol, direct); 404 when absent."""
    return await read(request)


@router.head(DIRECT, include_in_schema=False)
async def graph_head(request: Request, path: GraphPath) -> Response:
    """Like GET, without the body."""
    return headless(await read(request))


@router.put(
    DIRECT,
    summary="Replace a graph named by its URL",
    description="201 when new, else 204." + WRITES,
)
async def graph_put(request: Request, path: GraphPath) -> Response:
    """Graph Store replace."""
    return await write_graph(request, "put", direct_graph(request))


@router.post(
    DIRECT,
    summary="Merge into a graph named by its URL",
    description="201 when new, else 204." + WRITES,
)
async def graph_post(request: Request, path: GraphPath) -> Response:
    """Graph Store merge."""
    return await write_graph(request, "post", direct_graph(request))


@router.delete(
    DIRECT, summary="Remove a graph named by its URL", description="204; 404 when absent." + WRITES
)
async def graph_delete(request: Request, path: GraphPath) -> Response:
    """Graph Store delete."""
    return await write_graph(request, "delete", direct_graph(request))
