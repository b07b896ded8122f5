"""Which language a page is in: `?lang=en|zh`, else the `lang` cookie a toggle left, else
English. A page asked for with `?lang=` sets the cookie, so the choice persists."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from graph.read.sentences import Lang

COOKIE = "lang"
LANGS: dict[str, Lang] = {"en": "en", "zh": "zh"}
YEAR = 365 * 24 * 3600


def choose(request: Request) -> Lang:
    """The page language for this request."""
    asked = request.query_params.get("lang") or request.cookies.get(COOKIE) or "en"
    return LANGS.get(asked, "en")


def remember(request: Request, response: Response) -> Response:
    """Keep a language chosen with ?lang= in a cookie."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        response.set_cookie(COOKIE, asked, max_age=YEAR, samesite="lax")
    return response
