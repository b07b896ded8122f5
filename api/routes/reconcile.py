"""The Reconciliation Service API, both versions under /reconcile: 0.2 (what OpenRefine sends
today: manifest, `queries=` and `extend=` by GET or POST form, JSONP, /propose_properties)
and 1.0-draft under /reconcile/1.0 (manifest, POST /match, POST /extend, /extend/propose).
Suggest (entity, type, property) and preview answer the same way under both."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, StrictBool, TypeAdapter, ValidationError

from api.deps import IndexDep, StoreDep
from api.errors import ERROR_RESPONSES, error_response
from graph.namespaces import CND, ID
from graph.read.reconcile import (
    PREVIEW,
    TYPES,
    entity_suggestions,
    extension,
    match,
    match_query,
    preview,
    property_meta,
    proposals,
    suggest_properties,
    suggest_types,
    type_object,
)
from graph.read.reconcile import candidate_object as candidate
from graph.read.search import LabelIndex
from graph.store import Store

router = APIRouter(prefix="/reconcile", tags=["reconciliation"], responses=ERROR_RESPONSES)
VERSIONS = ["0.2", "1.0-draft"]
CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,99}$")
Text = Annotated[str | None, Query(max_length=100_000)]
Prefix = Annotated[str, Query(max_length=200)]
TypeName = Annotated[str, Query(max_length=100)]
Limit = Annotated[int, Query(ge=1, le=100)]
EntityId = Annotated[str, Query(pattern=r"^[a-z]+/[A-Za-z0-9-]{1,100}$")]


class Property02(BaseModel):
    """A property constraint of a 0.2 query."""

    pid: str
    v: Any


class Query02(BaseModel):
    """One query of a 0.2 batch."""

    model_config = ConfigDict(extra="forbid")
    query: str = ""
    type: str | list[str] | None = None
    limit: int | None = None
    properties: list[Property02] = []
    type_strict: str | None = None


BATCH_02 = TypeAdapter(dict[str, Query02])


class Condition(BaseModel):
    """A 1.0-draft condition: on the name, the id, or a property value."""

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


class ExtendRequest(BaseModel):
    """A data extension request: entity ids and the properties to fetch."""

    ids: list[str]
    properties: list[dict[str, Any]]


def manifest_02(request: Request) -> dict[str, Any]:
    """The 0.2 service manifest."""
    base = str(request.url_for("reconcile_get"))
    return {
        "versions": VERSIONS,
        "name": "China Designations Graph",
        "identifierSpace": str(ID),
        "schemaSpace": str(CND._NS),
        "view": {"url": f"{ID}{{{{id}}}}"},
        "defaultTypes": [type_object(k) for k in TYPES],
        "suggest": {
            name: {"service_url": base, "service_path": f"/suggest/{name}"}
            for name in ("entity", "type", "property")
        },
        "preview": {"url": f"{base}/preview?id={{{{id}}}}", **PREVIEW},
        "extend": {
            "propose_properties": {"service_url": base, "service_path": "/propose_properties"},
            "property_settings": [],
        },
    }


def _json(data: Any, callback: str | None) -> Response:
    if callback is None:
        return JSONResponse(data)
    if not CALLBACK.match(callback):
        return error_response(400, "InvalidCallback", "callback must be a JavaScript identifier")
    body = f"{callback}({json.dumps(data, ensure_ascii=False)});"
    return Response(body, media_type="application/javascript")


def run_02(store: Store, index: LabelIndex, q: Query02) -> list[dict[str, Any]]:
    """The candidates of one 0.2 query."""
    kinds = [q.type] if isinstance(q.type, str) else (q.type or [])
    query = match_query(q.query, kinds, [(p.pid, p.v) for p in q.properties], q.limit)
    return [candidate(c, feature_names=False) for c in match(store, index, query)]


def extend_02(store: Store, text: str) -> dict[str, Any]:
    """A 0.2 extension response."""
    req = ExtendRequest.model_validate_json(text)
    pids = [str(p.get("id", "")) for p in req.properties]
    return {"meta": property_meta(pids), "rows": extension(store, req.ids, pids)}


def answer_02(
    request: Request, store: Store, index: LabelIndex, fields: dict[str, str | None]
) -> Response:
    """Manifest, a query batch or an extension request, by which field is present."""
    callback = fields.get("callback") or None
    try:
        if fields.get("queries"):
            batch = BATCH_02.validate_json(fields["queries"] or "")
            results = {k: {"result": run_02(store, index, q)} for k, q in batch.items()}
            return _json(results, callback)
        if fields.get("extend"):
            return _json(extend_02(store, fields["extend"] or ""), callback)
    except (ValidationError, ValueError) as exc:
        return error_response(400, "InvalidReconciliationRequest", " ".join(str(exc).split())[:300])
    return _json(manifest_02(request), callback)


@router.get("", name="reconcile_get", response_model=None)
def reconcile_get(
    request: Request,
    store: StoreDep,
    index: IndexDep,
    queries: Text = None,
    extend: Text = None,
    callback: Text = None,
) -> Response:
    """0.2: the manifest (no parameters), a query batch (`queries`) or an extension (`extend`)."""
    fields = {"queries": queries, "extend": extend, "callback": callback}
    return answer_02(request, store, index, fields)


@router.post("", response_model=None)
async def reconcile_post(request: Request, store: StoreDep, index: IndexDep) -> Response:
    """0.2: the same as GET, with the fields in a form body."""
    form = await request.form()
    fields = {k: v if isinstance(v, str) else None for k, v in form.items()}
    fields.setdefault("callback", request.query_params.get("callback"))
    return answer_02(request, store, index, fields)


@router.get("/propose_properties")
def propose_properties_02(type: TypeName = "zone", limit: Limit = 10) -> dict[str, Any]:
    """0.2: properties worth fetching for entities of a type."""
    return proposals(type, limit)


@router.get("/1.0")
def manifest_10() -> dict[str, Any]:
    """The 1.0-draft service manifest."""
    return {
        "versions": VERSIONS,
        "name": "China Designations Graph",
        "view": {"url": f"{ID}{{id}}"},
        "defaultTypes": [type_object(k) for k in TYPES],
        "suggest": {"entity": True, "property": True, "type": True},
        "preview": PREVIEW,
        "extend": {"proposeProperties": True, "propertySettings": []},
        "standardizedScore": True,
    }


def run_10(store: Store, index: LabelIndex, q: MatchRequestQuery) -> list[dict[str, Any]]:
    """The candidates of one 1.0-draft query: name conditions joined, property conditions as
    constraints."""
    names = [str(c.propertyValue) for c in q.conditions if c.matchType in ("name", "id")]
    constraints = [
        (c.propertyId or "", c.propertyValue) for c in q.conditions if c.matchType == "property"
    ]
    query = match_query(" ".join(names), [q.type] if q.type else [], constraints, q.limit)
    return [candidate(c, feature_names=True) for c in match(store, index, query)]


@router.post("/1.0/match")
def match_batch(body: MatchRequest, store: StoreDep, index: IndexDep) -> dict[str, Any]:
    """1.0-draft: candidates for each query of a batch, in order."""
    return {"results": [{"candidates": run_10(store, index, q)} for q in body.queries]}


@router.post("/1.0/extend")
def extend_rows(body: ExtendRequest, store: StoreDep) -> dict[str, Any]:
    """1.0-draft: property values of entities."""
    pids = [str(p.get("id", "")) for p in body.properties]
    values = extension(store, body.ids, pids)
    rows = [
        {"id": i, "properties": [{"id": p, "values": values[i][p]} for p in pids]} for i in body.ids
    ]
    return {"meta": property_meta(pids), "rows": rows}


@router.get("/1.0/extend/propose")
def propose_10(type: TypeName = "zone", limit: Limit = 10) -> dict[str, Any]:
    """1.0-draft: properties worth fetching for entities of a type."""
    return proposals(type, limit)


def suggest_entity(
    index: IndexDep, prefix: Prefix = "", type: Annotated[str | None, Query(max_length=100)] = None
) -> dict[str, Any]:
    """Entities for an autocomplete prefix."""
    return {"result": entity_suggestions(index, prefix, type)}


def suggest_type(prefix: Prefix = "") -> dict[str, Any]:
    """Types for an autocomplete prefix."""
    return {"result": [{"id": t, "name": n} for t, n in suggest_types(prefix)]}


def suggest_property(prefix: Prefix = "") -> dict[str, Any]:
    """Properties for an autocomplete prefix."""
    return {"result": [{"id": p, "name": n} for p, n in suggest_properties(prefix)]}


def preview_card(store: StoreDep, id: EntityId) -> HTMLResponse:
    """An HTML preview of an entity."""
    return HTMLResponse(preview(store, id))


LOOKUPS: dict[str, Callable[..., Any]] = {
    "/suggest/entity": suggest_entity,
    "/suggest/type": suggest_type,
    "/suggest/property": suggest_property,
    "/preview": preview_card,
}
for base in ("", "/1.0"):
    for path, endpoint in LOOKUPS.items():
        router.add_api_route(
            base + path,
            endpoint,
            methods=["GET"],
            name=f"{endpoint.__name__}{base}",
            response_class=HTMLResponse if path == "/preview" else JSONResponse,
        )
