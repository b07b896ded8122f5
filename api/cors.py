"""CORS: configurable for the API (GET open by default), always open for reconciliation."""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from api.settings import Settings

RECONCILE = "/reconcile"


class Cors:
    """Dispatch to the reconciliation policy (any origin, GET and POST) or the configured one."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.default = CORSMiddleware(
            app,
            allow_origins=settings.cors_origins,
            allow_methods=settings.cors_methods,
            allow_headers=["*"],
        )
        self.reconcile = CORSMiddleware(
            app, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"]
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Apply the policy of the request's path."""
        path = str(scope.get("path", ""))
        chosen = self.reconcile if path.startswith(RECONCILE) else self.default
        await chosen(scope, receive, send)
