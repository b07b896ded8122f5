"""Administrative divisions by GB/T 2260 code."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.deps import PagingDep, StoreDep
from api.errors import ERROR_RESPONSES
from graph import iris
from graph.read.lookup import entities, entity_of_kind
from graph.read.views import Entity, Page

router = APIRouter(prefix="/api/regions", tags=["regions"], responses=ERROR_RESPONSES)
Level = Literal["province", "prefecture", "county"]


@router.get("")
def list_regions(
    store: StoreDep,
    paging: PagingDep,
    level: Annotated[Level | None, Query(description="Only divisions at this level.")] = None,
) -> Page[Entity]:
    """Administrative divisions in code order, optionally of one level."""
    return paging.page(entities(store, "region", paging.offset, paging.limit + 1, level))


@router.get("/{code}")
def get_region(
    store: StoreDep,
    code: Annotated[str, Path(pattern=r"^[0-9]{6}$", description="GB/T 2260 code.")],
) -> Entity:
    """One division by its six-digit GB/T 2260 code."""
    return entity_of_kind(store, str(iris.division(code)), "region")
