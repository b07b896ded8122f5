"""Reconciliation Service API 1.0-draft under /reconcile/1.0: manifest, POST /match, suggest,
preview, POST /extend and /extend/propose."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, StrictBool

from api.deps import IndexDep, StoreDep
from api.errors import ERROR_RESPONSES
from api.reconciliation import (
    PREVIEW,
    ExtendRequest,
    extension,
    match_query,
    type_object,
)
from api.routes import reconcile_lookups as lookups
from api.routes.reconcile_lookups import proposals
from graph.namespaces import ID
from graph.read.reconcile import PROPERTIES, TYPES, Candidate, match
from graph.read.search import LabelIndex
from graph.store import Store

router = APIRouter(prefix="/reconcile/1.0", tags=["reconciliation"], responses=ERROR_RESPONSES)


class Condition(BaseModel):
    """A condition: on the name, the id, or a property value."""

    matchType: Literal["name", "id", "property"]
    propertyId: str | None = None
    propertyValue: Any
    required: StrictBool | None = None
    matchQuantifier: Literal["any", "all", "none"] | None = None
    matchQualifier: str | None = None


class MatchRequestQuery(BaseModel):
    """One 1.0-draft query."""

    model_config = ConfigDict(extra="forbid")
    type: str | None = None
    limit: int | None = None
    lang: str | None = None
    dir: str | None = None
    conditions: list[Condition]


class MatchRequest(BaseModel):
    """A 1.0-draft batch of queries."""

    queries: list[MatchRequestQuery]


def candidate_10(c: Candidate) -> dict[str, Any]:
    """A candidate in the 1.0-draft shape."""
    features = [{"id": k, "name": PROPERTIES.get(k, k), "value": v} for k, v in c.features.items()]
    return {
        "id": c.id,
        "name": c.name,
        "description": c.description,
        "score": c.score,
        "match": c.match,
        "type": [type_object(c.kind)],
        "features": features,
    }


def run_10(store: Store, index: LabelIndex, q: MatchRequestQuery) -> list[dict[str, Any]]:
    """The candidates of one 1.0-draft query: name conditions joined, property conditions as
    constraints."""
    names = [str(c.propertyValue) for c in q.conditions if c.matchType in ("name", "id")]
    constraints = [
        (c.propertyId or "", c.propertyValue) for c in q.conditions if c.matchType == "property"
    ]
    query = match_query(" ".join(names), [q.type] if q.type else [], constraints, q.limit)
    return [candidate_10(c) for c in match(store, index, query)]


@router.get("")
def manifest(request: Request) -> dict[str, Any]:
    """The 1.0-draft service manifest."""
    return {
        "versions": ["0.2", "1.0-draft"],
        "name": "China Designations Graph",
        "view": {"url": f"{ID}{{id}}"},
        "defaultTypes": [type_object(k) for k in TYPES],
        "suggest": {"entity": True, "property": True, "type": True},
        "preview": PREVIEW,
        "extend": {"proposeProperties": True, "propertySettings": []},
        "standardizedScore": True,
    }


@router.post("/match")
def match_batch(body: MatchRequest, store: StoreDep, index: IndexDep) -> dict[str, Any]:
    """Candidates for each query of a batch, in order."""
    return {"results": [{"candidates": run_10(store, index, q)} for q in body.queries]}


@router.post("/extend")
def extend_rows(body: ExtendRequest, store: StoreDep) -> dict[str, Any]:
    """Property values of entities."""
    pids = [str(p.get("id", "")) for p in body.properties]
    meta = [{"id": p, "name": PROPERTIES.get(p, p)} for p in pids]
    values = extension(store, body.ids, pids)
    rows = [
        {"id": i, "properties": [{"id": p, "values": values[i][p]} for p in pids]} for i in body.ids
    ]
    return {"meta": meta, "rows": rows}


@router.get("/extend/propose")
def propose(
    type: Annotated[str, Query(max_length=100)] = "zone",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """Properties worth fetching for entities of a type."""
    return proposals(type, limit)


router.include_router(lookups.router)
