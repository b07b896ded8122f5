"""Exports for Gephi, Cytoscape, D3, spreadsheets and RDF tools, as downloads.

One route, GET /api/export/{format}, over graph.export: a view of the graph (whole, designation
network, co-designation network, an ego network around one entity, or a subgraph by region,
program and time range) in one of the formats, labels in English, Chinese or pinyin.
"""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from api.deps import StoreDep
from api.errors import ERROR_RESPONSES
from graph import iris
from graph.export import FORMATS, Selection, export


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
REFERENCE = r"^[a-z]+/[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"
router = APIRouter(prefix="/api/export", tags=["export"], responses=DOWNLOADS)


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@router.get("/{format}", response_class=Response)
def export_view(
    store: StoreDep,
    fmt: Annotated[ExportFormat, Path(alias="format", description="Export format.")],
    view: Annotated[View, Query(description="Which part of the graph.")] = View.whole,
    lang: Annotated[Language, Query(description="Language of the labels.")] = Language.en,
    entity: Annotated[
        str | None,
        Query(
            pattern=REFERENCE, description="Ego view: the centre, e.g. zone/baotou-rare-earth-htz."
        ),
    ] = None,
    hops: Annotated[int, Query(ge=0, le=6, description="Ego view: how many hops.")] = 1,
    region: Annotated[
        str | None, Query(pattern=r"^[0-9]{6}$", description="Subgraph: GB/T 2260 region code.")
    ] = None,
    program: Annotated[
        str | None, Query(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$", description="Subgraph: slug.")
    ] = None,
    since: Annotated[datetime.date | None, Query(description="Subgraph: from date.")] = None,
    until: Annotated[datetime.date | None, Query(description="Subgraph: to date.")] = None,
) -> Response:
    """A view of the graph in a format, as a file download."""
    selection = Selection(
        view=view.value,
        entity=str(iris.entity(entity)) if entity else None,
        hops=hops,
        region=str(iris.division(region)) if region else None,
        program=str(iris.program(program)) if program else None,
        since=_date(since),
        until=_date(until),
    )
    data = export(store, fmt.value, selection, lang.value)
    spec = FORMATS[fmt.value]
    disposition = f'attachment; filename="{spec.filename}"'
    return Response(data, media_type=spec.media_type, headers={"Content-Disposition": disposition})
