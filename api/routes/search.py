"""Label search across Chinese, pinyin, English and alternative names."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.deps import IndexDep, PagingDep
from api.errors import ERROR_RESPONSES
from api.routing import ApiRoute
from graph.read.lookup import local_id
from graph.read.views import Page

router = APIRouter(prefix="/api", tags=["search"], responses=ERROR_RESPONSES, route_class=ApiRoute)
Kind = Literal["zone", "organisation", "program", "region", "cluster"]


class SearchHit(BaseModel):
    """An entity whose label matched: how (exact, prefix, fuzzy) and how well (0 to 1)."""

    iri: str
    id: str
    kind: str
    label: str
    match: str
    score: float


@router.get("/search")
def search(
    index: IndexDep,
    paging: PagingDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Name to look for.")],
    kind: Annotated[list[Kind] | None, Query(description="Only these kinds.")] = None,
) -> Page[SearchHit]:
    """Find zones, organisations, programs, regions and clusters by any of their names or codes.

    Exact matches come first, then prefixes, then near misses (small typos); Chinese needs no
    spaces, pinyin needs no tone marks.
    """
    hits = index.search(q, frozenset(kind or ()), limit=None)
    items = [
        SearchHit(
            iri=h.iri, id=local_id(h.iri), kind=h.kind, label=h.label, match=h.match, score=h.score
        )
        for h in hits[paging.offset : paging.offset + paging.limit]
    ]
    return paging.page(items, len(hits))
