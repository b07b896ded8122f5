"""CORS: configurable for the API (GET open by default), always open for reconciliation."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import error_response
from api.settings import Settings


class ShapedCORS(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered in the one JSON error shape."""

    def preflight_response(self, request_headers: Headers) -> Response:
        """The preflight answer; a refusal keeps its headers and gets the error body."""
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        reason = bytes(response.body).decode("utf-8", "replace")
        shaped = error_response(response.status_code, "CORSRefused", reason)
        for name in ("access-control-allow-origin", "access-control-allow-methods", "vary"):
            if name in response.headers:
                shaped.headers[name] = response.headers[name]
        return shaped


RECONCILE = "/reconcile"


class Cors:
    """Dispatch to the reconciliation policy (any origin, GET and POST) or the configured one."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.default = ShapedCORS(
            app,
            allow_origins=settings.cors_origins,
            allow_methods=settings.cors_methods,
            allow_headers=["*"],
        )
        self.reconcile = ShapedCORS(
            app, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"]
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Apply the policy of the request's path."""
        path = str(scope.get("path", ""))
        chosen = self.reconcile if path.startswith(RECONCILE) else self.default
        await chosen(scope, receive, send)
