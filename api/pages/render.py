"""Render a page template in the request's language, with the words its scripts need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import Response

from api.pages.language import choose, remember
from api.pages.text import words
from graph.namespaces import CND, ID

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
    """The link on this server for an IRI of the project; other IRIs stay as they are."""
    if iri.startswith(str(ID)):
        return "/id/" + iri[len(ID) :]
    if iri.startswith(str(CND._NS)):
        return "/def#" + iri[len(CND._NS) :]
    return iri


templates.env.globals["local"] = local


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
