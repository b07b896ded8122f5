"""The app in process: an httpx client over ASGI, with the app's lifespan run around it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from api.app import create_app
from api.settings import Settings

BASE = "http://testserver"


@asynccontextmanager
async def asgi_client(store: Path, **settings: object) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app serving the store (one query worker, no replica unless asked)."""
    app = create_app(Settings(store=store, **{"workers": 1, "replica": False, **settings}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
            yield client
