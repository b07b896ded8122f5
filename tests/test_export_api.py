"""GET /api/export/{format} over the wire: every format downloads with its media type and file
name and is read back by its consumer library with the nodes and edges (or quads) of the
library's own export of the same view; bad views are errors in the one shape."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import httpx
import networkx as nx
import pytest
from pyld import jsonld
from rdflib import Graph

from api.routes.export import ExportFormat, Language, View
from graph import Store
from graph.export import FORMATS, LANGUAGES, VIEWS, Selection, export, network
from tests.errors import error_of
from tests.test_export import parse_nquads

ID = "https://w3id.org/china-designations/id/"
ZONE = ID + "zone/baotou-rare-earth-htz"
EGO = {"view": "ego", "entity": "zone/baotou-rare-earth-htz", "hops": "1"}
EGO_SELECTION = Selection(view="ego", entity=ZONE, hops=1)


def download(server: str, fmt: str, params: dict[str, str]) -> bytes:
    """The export's bytes, after checking its media type and file name."""
    response = httpx.get(f"{server}/api/export/{fmt}", params=params, timeout=60)
    spec = FORMATS[fmt]
    assert (
        response.status_code,
        response.headers["content-type"].split(";")[0],
        response.headers["content-disposition"],
    ) == (200, spec.media_type, f'attachment; filename="{spec.filename}"')
    return response.content


def counts(g: Any) -> tuple[int, int]:
    return g.number_of_nodes(), g.number_of_edges()


def read_csv_zip(data: bytes) -> tuple[int, int]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        nodes, edges = (
            list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8"))))
            for name in ("nodes.csv", "edges.csv")
        )
    return len(nodes), len(edges)


READERS = {
    "graphml": lambda data: counts(nx.read_graphml(io.BytesIO(data), force_multigraph=True)),
    "gexf": lambda data: counts(nx.read_gexf(io.BytesIO(data))),
    "cytoscape": lambda data: counts(nx.cytoscape_graph(json.loads(data), "label", "id")),
    "d3": lambda data: counts(nx.node_link_graph(json.loads(data), edges="links")),
    "csv": read_csv_zip,
}


@pytest.mark.parametrize("fmt", list(READERS))
def test_graph_formats_download_with_the_librarys_nodes_and_edges(
    server: str, built: Store, fmt: str
) -> None:
    got = READERS[fmt](download(server, fmt, EGO))
    # the zone, Baotou and the zone's four programs; four designations and one located-in
    assert got == counts(network(built, EGO_SELECTION)) == (6, 5)


def test_ego_export_around_the_zone_in_chinese(server: str, built: Store) -> None:
    data = download(server, "graphml", {**EGO, "lang": "zh"})
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    expected = network(built, EGO_SELECTION, "zh")
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert back.nodes[ZONE]["label"] == "包头稀土高新技术产业开发区"


def test_rdf_formats_download_with_the_librarys_quads(server: str, built: Store) -> None:
    expected = parse_nquads(export(built, "nquads", EGO_SELECTION))
    quads = parse_nquads(download(server, "nquads", EGO))
    assert set(quads.quads()) == set(expected.quads()) and len(expected) > 0
    turtle = Graph().parse(data=download(server, "turtle", EGO), format="turtle")
    assert set(turtle) == {(s, p, o) for s, p, o, _ in expected.quads()}
    doc = json.loads(download(server, "jsonld", EGO))
    back = parse_nquads(jsonld.to_rdf(doc, {"format": "application/n-quads"}).encode("utf-8"))
    assert set(back.quads()) == set(expected.quads())


def test_subgraph_by_region_program_and_dates(server: str, built: Store) -> None:
    params = {
        "view": "subgraph",
        "region": "150000",
        "program": "nkrdp-industrialization-pilot",
        "since": "2026-01-01",
        "until": "2026-12-31",
    }
    selection = Selection(
        view="subgraph",
        region=ID + "adm/150000",
        program=ID + "program/nkrdp-industrialization-pilot",
        since="2026-01-01",
        until="2026-12-31",
    )
    data = json.loads(download(server, "d3", params))
    back = nx.node_link_graph(data, edges="links")
    assert sorted(back.edges(keys=True)) == sorted(network(built, selection).edges(keys=True))
    assert sorted(back.nodes) == sorted(
        ID + ref
        for ref in (
            "org/miit",
            "program/nkrdp-industrialization-pilot",
            "zone/baotou-rare-earth-htz",
            "adm/150200",
            "adm/150000",
        )
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"view": "ego"}, (400, 400, "ExportError")),
        ({"view": "subgraph"}, (400, 400, "ExportError")),
        ({"view": "ego", "entity": "zone/no-such-zone"}, (404, 404, "NotFound")),
        ({"view": "galactic"}, (422, 422, "InvalidRequest")),
        ({"lang": "fr"}, (422, 422, "InvalidRequest")),
    ],
)
def test_export_errors_have_the_one_shape(
    server: str, params: dict[str, str], expected: tuple[int, int, str]
) -> None:
    assert error_of(httpx.get(server + "/api/export/d3", params=params)) == expected


def test_an_unknown_format_is_refused_naming_the_formats(server: str) -> None:
    response = httpx.get(server + "/api/export/pdf")
    assert error_of(response) == (422, 422, "InvalidRequest")
    assert response.json()["message"] == (
        "path.format: Input should be 'graphml', 'gexf', 'cytoscape', 'd3', 'csv', 'jsonld', "
        "'turtle' or 'nquads'"
    )


def test_openapi_documents_the_formats_views_and_languages(server: str) -> None:
    spec = httpx.get(server + "/openapi.json").json()
    parameters = {p["name"]: p for p in spec["paths"]["/api/export/{format}"]["get"]["parameters"]}
    schemas = spec["components"]["schemas"]
    enums = {name: schemas[name]["enum"] for name in ("ExportFormat", "View", "Language")}
    assert enums == {
        "ExportFormat": list(FORMATS),
        "View": list(VIEWS),
        "Language": list(LANGUAGES),
    }
    assert parameters["format"]["schema"]["$ref"] == "#/components/schemas/ExportFormat"


def test_the_route_enums_are_the_librarys() -> None:
    assert ([f.value for f in ExportFormat], [v.value for v in View]) == (
        list(FORMATS),
        list(VIEWS),
    )
    assert [lang.value for lang in Language] == list(LANGUAGES)
