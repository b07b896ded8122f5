"""Reconciliation Service API 0.2 (what OpenRefine sends today) at /reconcile: manifest,
`queries=` and `extend=` by GET or POST form, JSONP, suggest, preview and property proposals."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from api.deps import IndexDep, StoreDep
from api.errors import ERROR_RESPONSES, error_response
from api.reconciliation import (
    PREVIEW,
    ExtendRequest,
    extension,
    match_query,
    type_object,
)
from api.routes import reconcile_lookups as lookups
from api.routes.reconcile_lookups import proposals
from graph.namespaces import CND, ID
from graph.read.reconcile import PROPERTIES, TYPES, Candidate, match
from graph.read.search import LabelIndex
from graph.store import Store

router = APIRouter(prefix="/reconcile", tags=["reconciliation"], responses=ERROR_RESPONSES)
CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,99}$")


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


def candidate_02(c: Candidate) -> dict[str, Any]:
    """A candidate in the 0.2 shape."""
    features = [{"id": k, "value": v} for k, v in c.features.items()]
    return {
        "id": c.id,
        "name": c.name,
        "description": c.description,
        "score": c.score,
        "match": c.match,
        "type": [type_object(c.kind)],
        "features": features,
    }


def manifest_02(request: Request) -> dict[str, Any]:
    """The 0.2 service manifest."""
    base = str(request.url_for("reconcile_get"))
    return {
        "versions": ["0.2", "1.0-draft"],
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


def answer_02(
    request: Request, store: Store, index: LabelIndex, fields: dict[str, str | None]
) -> Response:
    """Manifest, a query batch or an extension request, by which field is present."""
    callback = fields.get("callback") or None
    try:
        if fields.get("queries"):
            batch = BATCH_02.validate_json(fields["queries"] or "")
            return _json(
                {k: {"result": run_02(store, index, q)} for k, q in batch.items()}, callback
            )
        if fields.get("extend"):
            return _json(extend_02(store, fields["extend"] or ""), callback)
    except (ValidationError, ValueError) as exc:
        return error_response(400, "InvalidReconciliationRequest", _first_line(exc))
    return _json(manifest_02(request), callback)


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]


def run_02(store: Store, index: LabelIndex, q: Query02) -> list[dict[str, Any]]:
    """The candidates of one 0.2 query."""
    kinds = [q.type] if isinstance(q.type, str) else (q.type or [])
    constraints = [(p.pid, p.v) for p in q.properties]
    return [
        candidate_02(c)
        for c in match(store, index, match_query(q.query, kinds, constraints, q.limit))
    ]


def extend_02(store: Store, text: str) -> dict[str, Any]:
    """A 0.2 extension response."""
    req = ExtendRequest.model_validate_json(text)
    pids = [str(p.get("id", "")) for p in req.properties]
    meta = [{"id": p, "name": PROPERTIES.get(p, p)} for p in pids]
    return {"meta": meta, "rows": extension(store, req.ids, pids)}


Text = Annotated[str | None, Query(max_length=100_000)]


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
    return answer_02(
        request, store, index, {"queries": queries, "extend": extend, "callback": callback}
    )


@router.post("", response_model=None)
async def reconcile_post(request: Request, store: StoreDep, index: IndexDep) -> Response:
    """0.2: the same as GET, with the fields in a form body."""
    form = await request.form()
    fields = {k: v if isinstance(v, str) else None for k, v in form.items()}
    fields.setdefault("callback", request.query_params.get("callback"))
    return answer_02(request, store, index, fields)


@router.get("/propose_properties")
def propose_properties_02(
    type: Annotated[str, Query(max_length=100)] = "zone",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """0.2: properties worth fetching for entities of a type."""
    return proposals(type, limit)


router.include_router(lookups.router)
