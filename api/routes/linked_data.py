"""Linked Data: every IRI under id/ as an HTML page, JSON-LD, Turtle or N-Triples; the
ontology at /def."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header
from fastapi import Path as PathParam
from fastapi.responses import Response
from starlette.requests import Request

from api.deps import StoreDep
from api.errors import ERROR_RESPONSES, ErrorBody, error_response
from api.negotiation import negotiate
from api.pages.language import choose
from api.pages.render import render
from graph.media import RDF
from graph.namespaces import ID
from graph.read.describe import Page, describe, page, serialise
from graph.read.ontology import terms, turtle
from graph.read.profile import Profile, profile

NOT_ACCEPTABLE: dict[int | str, dict[str, Any]] = {
    406: {"model": ErrorBody, "description": "No offered media type fits Accept"}
}
router = APIRouter(tags=["linked data"], responses={**ERROR_RESPONSES, **NOT_ACCEPTABLE})
RDF_FORMATS = ("jsonld", "turtle", "ntriples")
FORMATS = {"text/html": ("html", "html", "HTML")} | {  # media type: (suffix, format, name)
    RDF[f].media_type: (RDF[f].suffixes[0].lstrip("."), f, RDF[f].label) for f in RDF_FORMATS
}
MEDIA_OF_SUFFIX = {suffix: media for media, (suffix, _, _) in FORMATS.items()}
ID_PATH = PathParam(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,300}$", description="Path under id/.")
AcceptHeader = Annotated[str | None, Header()]


def _choose(path: str, accept: str | None) -> tuple[str, str | None]:
    """The path without a format suffix, and the media type asked for (None: nothing fits)."""
    stem, dot, suffix = path.rpartition(".")
    if dot and suffix in MEDIA_OF_SUFFIX:
        return stem, MEDIA_OF_SUFFIX[suffix]
    return path, negotiate(accept, list(FORMATS))


@router.get(
    "/id/{path:path}",
    response_class=Response,
    responses={200: {"content": {m: {} for m in FORMATS}, "description": "The description."}},
)
def resource(
    request: Request,
    store: StoreDep,
    path: Annotated[str, ID_PATH],
    accept: AcceptHeader = None,
) -> Response:
    """What the graph says about an IRI: HTML for people, RDF by Accept or by suffix."""
    stem, media = _choose(path, accept)
    if media is None:
        offered = ", ".join(FORMATS)
        return error_response(406, "NotAcceptable", f"offered media types: {offered}")
    iri = str(ID[stem])
    if media == "text/html":
        return _html(request, store, iri)
    body = serialise(describe(store, iri), FORMATS[media][1])
    return Response(body, media_type=media, headers=_vary())


EGO_KINDS = {"zone", "organisation", "program", "region", "cluster"}


def _html(request: Request, store: StoreDep, iri: str) -> Response:
    """The page for people: names, designations, findings in words, map and ego graph."""
    described = page(store, iri)
    model = profile(store, iri, choose(request))
    context = {
        "page": described,
        "profile": model,
        "markers": [m.model_dump() for m in model.markers],
        "title": _title(model, described, choose(request)),
        "formats": [(s, n) for s, _, n in list(FORMATS.values())[1:]],
        "ego": model.kind in EGO_KINDS,
    }
    return render(request, "entity.html", context, headers=_vary())


def _title(model: Profile, described: Page, lang: str) -> str:
    names = model.labels
    chosen = (names.zh or names.en) if lang == "zh" else (names.en or names.zh)
    return chosen or described.title


def _vary() -> dict[str, str]:
    return {"Vary": "Accept"}


@router.get(
    "/def",
    response_class=Response,
    responses={200: {"content": {"text/html": {}, "text/turtle": {}}, "description": "Ontology"}},
)
def ontology(request: Request, store: StoreDep, accept: AcceptHeader = None) -> Response:
    """The cnd: vocabulary: an HTML list of terms, or its Turtle source."""
    media = negotiate(accept, ["text/html", "text/turtle"])
    if media is None:
        return error_response(406, "NotAcceptable", "offered media types: text/html, text/turtle")
    if media == "text/turtle":
        return Response(turtle(), media_type=media, headers=_vary())
    return render(request, "ontology.html", {"terms": terms(store)}, headers=_vary())
