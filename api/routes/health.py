"""Liveness (/healthz), readiness (/readyz) and Prometheus metrics (/metrics)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from api.deps import StoreDep
from api.errors import ErrorBody, error_response
from api.metrics import directory_bytes
from api.sparql.service import SparqlService
from graph.metrics import MEDIA_TYPE, Metrics
from graph.read.stats import quad_count


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Let the metrics read the store's size and the replica's state when scraped."""
    metrics: Metrics = app.state.metrics
    service: SparqlService = app.state.sparql
    metrics.watch(metrics.store_bytes, lambda: directory_bytes(app.state.settings.store))
    metrics.watch(metrics.store_quads, lambda: quad_count(app.state.store))
    metrics.watch(metrics.replica_ready, lambda: float(service.replica_ready()))
    metrics.watch(metrics.store_generation, lambda: service.pool.generation)
    yield


router = APIRouter(tags=["health"], lifespan=lifespan)


class Health(BaseModel):
    """The service is up and its store is readable."""

    status: str
    quads: int


class Ready(BaseModel):
    """The service can answer: its store is open and its query workers are running."""

    status: str
    workers: int
    replica: str


@router.get("/healthz")
def healthz(store: StoreDep) -> Health:
    """Report that the service is up (alive), with the number of quads it serves."""
    return Health(status="ok", quads=quad_count(store))


@router.get(
    "/readyz",
    response_model=Ready,
    responses={503: {"model": ErrorBody, "description": "Not ready: no store or no workers"}},
)
def readyz(request: Request) -> Ready | JSONResponse:
    """Report whether the service is ready for traffic: the store open and every idle query
    worker running; the replica is `ready`, `writing` or `off` (queries work in every case)."""
    service: SparqlService | None = getattr(request.app.state, "sparql", None)
    store = getattr(request.app.state, "store", None)
    if store is None or service is None or not service.workers_alive():
        return error_response(503, "NotReady", "the store or the query workers are not up")
    replica = "off" if service.pool.builder is None else "writing"
    replica = "ready" if service.replica_ready() else replica
    return Ready(status="ready", workers=service.settings.workers, replica=replica)


@router.get("/metrics", response_class=Response, responses={200: {"content": {MEDIA_TYPE: {}}}})
def metrics(request: Request) -> Response:
    """Prometheus metrics: requests and latency per route, SPARQL operations by engine and
    outcome, timeouts, worker kills, replica state, store size."""
    registry: Metrics = request.app.state.metrics
    return Response(registry.render(), media_type=MEDIA_TYPE)
