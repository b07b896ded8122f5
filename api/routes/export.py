"""Exports for Gephi, Cytoscape, D3, spreadsheets and RDF tools, as downloads.

One route, GET /api/export/{format}, over graph.export: a view of the graph (whole, designation
network, co-designation network, an ego network around one entity, or a subgraph by region,
program and time range) in one of the formats, labels in English, Chinese or pinyin.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import StrEnum
from threading import Lock
from typing import Annotated, Any
from weakref import WeakKeyDictionary

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from api.deps import StoreDep
from api.errors import ERROR_RESPONSES
from api.routing import ApiRoute
from graph.export import FORMATS, Selection, export
from graph.iris import id_pattern
from graph.read.lookup import resolve_iri
from graph.store import Store


class ExportFormat(StrEnum):
    """The export formats (graph.export.FORMATS)."""

    graphml = "graphml"
    gexf = "gexf"
    cytoscape = "cytoscape"
    d3 = "d3"
    csv = "csv"
    jsonld = "jsonld"
    turtle = "turtle"
    nquads = "nquads"


class View(StrEnum):
    """The views (graph.export.VIEWS)."""

    whole = "whole"
    designations = "designations"
    co_designation = "co-designation"
    ego = "ego"
    subgraph = "subgraph"


class Language(StrEnum):
    """Label languages (graph.export.LANGUAGES)."""

    en = "en"
    zh = "zh"
    pinyin = "pinyin"


DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The export as a download (media type by format).",
        "content": {f.media_type: {} for f in FORMATS.values()},
    },
    **ERROR_RESPONSES,
}
DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
CACHE_SIZE = 12
router = APIRouter(prefix="/api/export", tags=["export"], responses=DOWNLOADS, route_class=ApiRoute)


# Recent exports per store: a store is opened read-only for serving, so the same request
# always gets the same bytes, and a whole-graph export takes seconds to draw.
_CACHE: WeakKeyDictionary[Store, OrderedDict[tuple[str, Selection, str], bytes]] = (
    WeakKeyDictionary()
)
_LOCK = Lock()


def cached_export(store: Store, fmt: str, selection: Selection, lang: str) -> bytes:
    """The export of a view, from the cache of recent ones when it is there."""
    key = (fmt, selection, lang)
    with _LOCK:
        cache = _CACHE.setdefault(store, OrderedDict())
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    data = export(store, fmt, selection, lang)
    with _LOCK:
        cache[key] = data
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
    return data


@router.get("/{format}", response_class=Response)
def export_view(
    store: StoreDep,
    fmt: Annotated[ExportFormat, Path(alias="format", description="Export format.")],
    view: Annotated[View, Query(description="Which part of the graph.")] = View.whole,
    lang: Annotated[Language, Query(description="Language of the labels.")] = Language.en,
    entity: Annotated[
        str | None,
        Query(
            pattern=id_pattern("entity"),
            description="Ego view: the centre, e.g. zone/baotou-rare-earth-htz (or its slug).",
        ),
    ] = None,
    hops: Annotated[int, Query(ge=0, le=6, description="Ego view: how many hops.")] = 1,
    region: Annotated[
        str | None,
        Query(pattern=id_pattern("region"), description="Subgraph: adm/150000 or 150000."),
    ] = None,
    program: Annotated[
        str | None,
        Query(pattern=id_pattern("program"), description="Subgraph: program/… or its slug."),
    ] = None,
    since: Annotated[
        str | None, Query(pattern=DATE, description="Subgraph: from YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DATE, description="Subgraph: to YYYY-MM-DD.")
    ] = None,
) -> Response:
    """A view of the graph in a format, as a file download. A parameter of another view than
    the one asked for, or `since` after `until`, is a 422."""
    selection = Selection(
        view=view.value,
        entity=resolve_iri(store, entity, "entity"),
        hops=hops,
        region=resolve_iri(store, region, "region"),
        program=resolve_iri(store, program, "program"),
        since=since,
        until=until,
    )
    data = cached_export(store, fmt.value, selection, lang.value)
    spec = FORMATS[fmt.value]
    disposition = f'attachment; filename="{spec.filename}"'
    return Response(data, media_type=spec.media_type, headers={"Content-Disposition": disposition})
