"""The HTTP application factory: assembles routers over a store opened at startup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.routes import health, sparql
from api.settings import Settings
from graph import Store


def create_app(settings: Settings | None = None) -> FastAPI:
    """A FastAPI app serving the store named in the settings."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        Store.ensure(settings.store)
        app.state.store = Store.open(settings.store)
        yield

    app = FastAPI(
        title="China Designations Graph",
        description="Who designated whom, under which program, when, and on what evidence.",
        version="0.1.0",
        lifespan=lifespan,
    )
    errors.install(app)
    app.include_router(health.router)
    app.include_router(sparql.router)
    return app
