"""The OpenAPI docs page: swagger-ui 5 (it reads the OpenAPI 3.1 the app serves), built from
npm into api/static/docs/ and served by the app itself, with no inline script."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse

ASSETS = "/static/docs"
router = APIRouter(include_in_schema=False)
PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>China Designations Graph: API</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
<link rel="stylesheet" href="{ASSETS}/docs.css">
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="{ASSETS}/docs.js"></script>
</head>
<body>
<header class="site"><a class="brand" href="/">China Designations Graph</a>
<nav aria-label="Site"><a href="/sparql">Query editor</a><a href="/def">Ontology</a></nav></header>
<main id="swagger-ui"></main>
</body>
</html>
"""


@router.get("/docs")
def docs() -> HTMLResponse:
    """The interactive API documentation."""
    return HTMLResponse(PAGE)


def install(app: FastAPI) -> None:
    """Serve the docs page (its assets are under /static)."""
    app.include_router(router)
