"""A read-only SPARQL endpoint; updates do not parse as queries and get a 400."""

from __future__ import annotations

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import StoreDep
from graph.errors import QueryError
from graph.results import serialise

router = APIRouter(tags=["sparql"])


@router.get("/sparql")
def sparql_get(store: StoreDep, query: str = Query(..., description="A SPARQL query.")) -> Response:
    """Answer a SPARQL query with JSON results (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE)."""
    result = store.query(query)
    try:
        body = serialise(result, "json")
        media = "application/sparql-results+json"
    except QueryError:
        body = serialise(result, "turtle")
        media = "text/turtle"
    return Response(body, media_type=media)
