"""Security headers: every HTML page forbids inline script and plugins and leaks no full
referrer; no response may be sniffed into another type.

One middleware for the whole app, so that every page, whichever router or template makes it,
carries the same policy. Pages load scripts and styles from this server only (`'self'`);
inline `<style>` stays allowed, inline `<script>` and `on…=` attributes are refused by the
browser.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)
HTML_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
EVERY_RESPONSE = {"X-Content-Type-Options": "nosniff"}


def is_html(content_type: str | None) -> bool:
    """Whether a Content-Type header names an HTML document."""
    return (content_type or "").split(";")[0].strip().lower() in (
        "text/html",
        "application/xhtml+xml",
    )


class SecurityHeaders:
    """Add the headers above to the start of every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, adding headers to the response as it starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                extra = EVERY_RESPONSE | (
                    HTML_HEADERS if is_html(headers.get("content-type")) else {}
                )
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
