"""Example SPARQL queries that researchers ask first, each with a link that runs it at the
endpoint and one that opens it in the query editor."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel

from api.deps import PagingDep
from api.errors import ERROR_RESPONSES
from api.routing import ApiRoute
from graph.read.examples import Example, example, examples
from graph.read.views import Page

router = APIRouter(
    prefix="/api/examples", tags=["examples"], responses=ERROR_RESPONSES, route_class=ApiRoute
)


class ExampleQuery(BaseModel):
    """An example query, the URL that runs it at the SPARQL endpoint (`run`, for tools) and
    the URL that opens and runs it in the query editor (`open`, for people)."""

    name: str
    title: str
    description: str
    query: str
    run: str
    open: str


def _shaped(request: Request, e: Example) -> ExampleQuery:
    query = urlencode({"query": e.query})
    run = request.base_url.replace(path="/sparql", query=query)
    editor = request.base_url.replace(path="/sparql", fragment=query)
    return ExampleQuery(**e.model_dump(), run=str(run), open=str(editor))


@router.get("")
def list_examples(request: Request, paging: PagingDep) -> Page[ExampleQuery]:
    """The example queries, by name."""
    found = examples()
    shown = found[paging.offset : paging.offset + paging.limit]
    return paging.page([_shaped(request, e) for e in shown], len(found))


@router.get("/{name}")
def get_example(
    request: Request, name: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
) -> ExampleQuery:
    """One example query by name."""
    return _shaped(request, example(name))
