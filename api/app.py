"""The HTTP application factory: assembles routers over a store opened at startup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from threading import Thread

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp

from api import docs, errors
from api.cors import Cors
from api.deps import refresh
from api.metrics import RequestMetrics
from api.routes import (
    designations,
    entities,
    examples,
    export,
    findings,
    graph_store,
    health,
    linked_data,
    pages,
    reconcile,
    regions,
    search,
    sparql,
)
from api.security import SecurityHeaders
from api.settings import Settings
from api.sparql.answers import QueryPath
from api.sparql.observe import log_queries
from graph import Store
from graph.metrics import Metrics
from graph.read.search import label_index

STATIC = Path(__file__).resolve().parent / "static"

# /sparql first: a request walks the routes in order, and SPARQL clients send the most.
ROUTERS = [
    sparql,
    graph_store,
    health,
    search,
    regions,
    designations,
    findings,
    examples,
    export,
    linked_data,
    pages,
    reconcile,
]


class App(FastAPI):
    """FastAPI, with SPARQL queries from clients other than browsers answered ahead of its
    middleware (api.sparql.answers.QueryPath). Outside that, every response is counted
    (api.metrics) and carries the security headers (api.security): both are plain ASGI layers
    that cost next to nothing."""

    def build_middleware_stack(self) -> ASGIApp:
        """The app's middleware stack inside QueryPath, inside the metrics and headers."""
        inner = QueryPath(super().build_middleware_stack())
        return RequestMetrics(SecurityHeaders(inner), metrics=self.state.metrics)


def create_app(settings: Settings | None = None) -> FastAPI:
    """A FastAPI app serving the store named in the settings."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        if settings.allow_empty_store:
            Store.ensure(settings.store)
        else:
            Store.require_data(settings.store)
        refresh(app)
        # The search index takes seconds at the corpus's size: built beside the first
        # requests, not before them (a search waits for it).
        Thread(target=label_index, args=(app.state.store,), name="label-index", daemon=True).start()
        yield

    app = App(
        title="China Designations Graph",
        description="Who designated whom, under which program, when, and on what evidence.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.metrics = Metrics()
    log_queries(settings.query_log)
    errors.install(app)
    docs.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    for router in entities.routers:
        app.include_router(router)
    app.add_middleware(Cors, settings=settings)
    return app
