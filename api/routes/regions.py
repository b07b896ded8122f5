"""Administrative divisions by GB/T 2260 code."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.deps import PagingDep, StoreDep
from api.errors import ERROR_RESPONSES
from api.routing import ApiRoute
from graph import iris
from graph.read.lookup import entities, entity_of_kind, entity_total
from graph.read.views import Entity, Page

router = APIRouter(
    prefix="/api/regions", tags=["regions"], responses=ERROR_RESPONSES, route_class=ApiRoute
)
Level = Literal["province", "prefecture", "county"]


@router.get("")
def list_regions(
    store: StoreDep,
    paging: PagingDep,
    level: Annotated[Level | None, Query(description="Only divisions at this level.")] = None,
) -> Page[Entity]:
    """Administrative divisions in code order, optionally of one level."""
    items = entities(store, "region", paging.offset, paging.limit, level)
    return paging.page(items, entity_total(store, "region", level))


@router.get("/{code}")
def get_region(
    store: StoreDep,
    code: Annotated[str, Path(pattern=r"^[0-9]{6}$", description="GB/T 2260 code.")],
) -> Entity:
    """One division by its six-digit GB/T 2260 code."""
    return entity_of_kind(store, str(iris.division(code)), "region")
