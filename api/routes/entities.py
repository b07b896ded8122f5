"""Zones, organisations, programs and clusters: lists in a stable order and one by its slug."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import PagingDep, StoreDep
from api.errors import ERROR_RESPONSES
from api.routing import ApiRoute
from graph import iris
from graph.read.lookup import entities, entity_of_kind, entity_total
from graph.read.views import Entity, Page

SLUG = Path(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$", description="The entity's slug.")
RESOURCES = (
    ("zones", "zone", "zone"),
    ("organisations", "organisation", "org"),
    ("programs", "program", "program"),
    ("clusters", "cluster", "cluster"),
)


def entity_router(plural: str, kind: str, prefix: str) -> APIRouter:
    """The list and item routes of one kind of entity."""
    router = APIRouter(
        prefix=f"/api/{plural}", tags=[plural], responses=ERROR_RESPONSES, route_class=ApiRoute
    )

    @router.get("", name=f"list_{plural}", summary=f"List {plural}")
    def list_entities(store: StoreDep, paging: PagingDep) -> Page[Entity]:
        items = entities(store, kind, paging.offset, paging.limit)
        return paging.page(items, entity_total(store, kind))

    @router.get("/{slug}", name=f"get_{kind}", summary=f"One {kind} by its slug")
    def get_entity(store: StoreDep, slug: Annotated[str, SLUG]) -> Entity:
        return entity_of_kind(store, str(iris.entity(f"{prefix}/{slug}")), kind)

    return router


routers = [entity_router(*resource) for resource in RESOURCES]
