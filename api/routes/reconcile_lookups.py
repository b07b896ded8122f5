"""Reconciliation lookups that both API versions (0.2 and 1.0-draft) answer the same way:
suggest (entity, type, property), preview, and property proposals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import IndexDep, StoreDep
from api.reconciliation import entity_suggestions, preview_html
from graph.read.reconcile import PROPERTIES, suggest_properties, suggest_types

router = APIRouter()
Prefix = Annotated[str, Query(max_length=200)]
TypeName = Annotated[str, Query(max_length=100)]
Limit = Annotated[int, Query(ge=1, le=100)]


@router.get("/suggest/entity")
def suggest_entity(
    index: IndexDep, prefix: Prefix = "", type: Annotated[str | None, Query(max_length=100)] = None
) -> dict[str, Any]:
    """Entities for an autocomplete prefix."""
    return {"result": entity_suggestions(index, prefix, type)}


@router.get("/suggest/type")
def suggest_type(prefix: Prefix = "") -> dict[str, Any]:
    """Types for an autocomplete prefix."""
    return {"result": [{"id": t, "name": n} for t, n in suggest_types(prefix)]}


@router.get("/suggest/property")
def suggest_property(prefix: Prefix = "") -> dict[str, Any]:
    """Properties for an autocomplete prefix."""
    return {"result": [{"id": p, "name": n} for p, n in suggest_properties(prefix)]}


@router.get("/preview", response_class=HTMLResponse)
def preview(
    store: StoreDep, id: Annotated[str, Query(pattern=r"^[a-z]+/[A-Za-z0-9-]{1,100}$")]
) -> HTMLResponse:
    """An HTML preview of an entity."""
    return preview_html(store, id)


def proposals(type: str, limit: int) -> dict[str, Any]:
    """Properties worth fetching for entities of a type (the body of both propose routes)."""
    props = [{"id": p, "name": n} for p, n in PROPERTIES.items()][:limit]
    return {"type": type, "properties": props, "limit": limit}
