"""Render a page template in the request's language, with the words its scripts need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import Response

from api.links import href
from api.pages.language import choose, remember
from api.pages.text import words

templates = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
SCRIPT_WORDS = [
    "kind-zone",
    "kind-organisation",
    "kind-program",
    "kind-region",
    "kind-cluster",
    "map",
    "markers",
    "map-source",
    "no-graph",
    "graph-too-large",
    "running",
    "rows",
    "results",
    "answer",
    "error",
    "truncated",
    "query-text",
]


def local(iri: str) -> str:
    """The link for an IRI: its page on this server for an IRI of the project, the IRI itself
    for other http(s) IRIs, and "#" for anything else (a `javascript:` IRI in the store must
    never become a live link; see api/links.py). Rows that show arbitrary IRIs use `href`,
    which says None, and show the IRI as text."""
    return href(iri) or "#"


templates.env.globals["local"] = local
templates.env.globals["href"] = href


def render(
    request: Request, name: str, context: dict[str, Any], headers: dict[str, str] | None = None
) -> Response:
    """The template as an HTML response in the chosen language."""
    lang = choose(request)
    text = words(lang)
    other = "en" if lang == "zh" else "zh"
    toggle = str(request.url.include_query_params(lang=other))
    base = {"lang": lang, "t": text, "toggle": toggle, "ui": {k: text[k] for k in SCRIPT_WORDS}}
    response = templates.TemplateResponse(request, name, {**base, **context}, headers=headers)
    return remember(request, response)
