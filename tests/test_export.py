"""Exports read back by the library that consumes each format, with the same nodes, edges and
attributes: networkx for GraphML, GEXF, Cytoscape.js and D3 JSON; csv for the zip; pyld for
JSON-LD; rdflib for Turtle and N-Quads."""

from __future__ import annotations

import csv
import io
import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from pyld import jsonld
from rdflib import Dataset, Graph

from api.cli import main
from graph import ExportError, NotFound, Store
from graph.export import FORMATS, Selection, export, network

ID = "https://w3id.org/china-designations/id/"
ZONE = ID + "zone/baotou-rare-earth-htz"
PROGRAM = ID + "program/nkrdp-industrialization-pilot"
VIEWS = [
    Selection(view="designations"),
    Selection(view="ego", entity=ZONE, hops=1),
    Selection(view="subgraph", region=ID + "adm/150000"),
    Selection(view="co-designation"),
]


def edge_set(g: Any) -> list[tuple[str, str, str]]:
    return sorted((str(u), str(v), str(k)) for u, v, k in g.edges(keys=True))


PILOT = Selection(view="subgraph", program=PROGRAM)
UNITS = {  # the two pilot units of the same 2025 list, and their designations
    ID + "org/baotou-rare-earth-research-institute": ID + "designation/68dedb75a7ad",
    ID + "org/china-northern-rare-earth": ID + "designation/8695e7144698",
}


def test_designation_network_of_the_pilot_program(built: Store) -> None:
    g = network(built, PILOT, "zh")
    issued = " ".join(sorted([ID + "designation/b8dbb2318c06", *UNITS.values()]))
    assert edge_set(g) == sorted(
        [(ID + "org/miit", PROGRAM, "issues")]
        + [(PROGRAM, unit, "designates") for unit in UNITS]
        + [(unit, ID + "adm/150200", "located-in") for unit in UNITS]
        + [
            (PROGRAM, ZONE, "designates"),
            (ZONE, ID + "adm/150200", "located-in"),
            (ID + "adm/150200", ID + "adm/150000", "located-in"),
        ]
    )
    assert g.nodes[ZONE] == {
        "iri": ZONE,
        "label": "包头稀土高新技术产业开发区",
        "kind": "zone",
        "code": "150200",
        "count": 1,
        "since": "2026-01-30",
        "last": "2026-01-30",
    }
    assert g.edges[PROGRAM, ZONE, "designates"] == {
        "kind": "designates",
        "iri": ID + "designation/b8dbb2318c06",
        "count": 1,
        "since": "2026-01-30",
    }
    assert g.edges[ID + "org/miit", PROGRAM, "issues"] == {
        "kind": "issues",
        "iri": issued,
        "count": 3,
        "since": "2026-01-30",
    }
    kinds = {n.removeprefix(ID): d["kind"] for n, d in g.nodes(data=True) if "/org/" in n}
    assert kinds == {
        "org/miit": "authority",
        "org/baotou-rare-earth-research-institute": "institute",
        "org/china-northern-rare-earth": "enterprise",
    }


@pytest.mark.parametrize("lang", ["en", "zh", "pinyin"])
def test_labels_follow_the_language(built: Store, lang: str) -> None:
    labels = {
        "en": "Inner Mongolia",
        "zh": "内蒙古自治区",
        "pinyin": "Nèi Měnggǔ Zìzhìqū",
    }
    g = network(built, Selection(view="designations"), lang)
    assert g.nodes[ID + "adm/150000"]["label"] == labels[lang]


def nodes_and_edges(g: Any) -> tuple[dict[str, dict[str, Any]], list[tuple[str, str, str]]]:
    return {str(n): dict(d) for n, d in g.nodes(data=True)}, edge_set(g)


@pytest.mark.parametrize("selection", VIEWS, ids=lambda s: s.view)
def test_graphml_read_back_by_networkx(built: Store, selection: Selection) -> None:
    expected = network(built, selection)
    back = nx.read_graphml(io.BytesIO(export(built, "graphml", selection)), force_multigraph=True)
    assert nodes_and_edges(back) == nodes_and_edges(expected)
    for u, v, k, data in expected.edges(keys=True, data=True):
        assert back.edges[u, v, k] == data


@pytest.mark.parametrize("selection", VIEWS, ids=lambda s: s.view)
def test_gexf_read_back_by_networkx_with_spells(built: Store, selection: Selection) -> None:
    expected = network(built, selection)
    back = nx.read_gexf(io.BytesIO(export(built, "gexf", selection)))
    for n, data in expected.nodes(data=True):
        # an open spell has no end attribute; networkx reads the missing end as "None"
        spells = [(data["since"], "None")] if "since" in data else None
        got = dict(back.nodes[n])
        assert got.pop("spells", None) == spells
        assert got == data
    got_edges = []
    for u, v, data in back.edges(data=True):
        got = {k: x for k, x in data.items() if k not in ("id", "spells")}
        got_edges.append((u, v, sorted(got.items())))
        if data["kind"] == "designates" and "since" in data:
            assert data["spells"] == [(data["since"], "None")]
    assert sorted(got_edges) == sorted(
        (u, v, sorted(d.items())) for u, v, d in expected.edges(data=True)
    )


@pytest.mark.parametrize("selection", VIEWS, ids=lambda s: s.view)
def test_cytoscape_json_read_back_by_networkx(built: Store, selection: Selection) -> None:
    expected = network(built, selection)
    data = json.loads(export(built, "cytoscape", selection))
    back = nx.cytoscape_graph(data, name="label", ident="id")
    got_nodes, got_edges = nodes_and_edges(back)
    assert {
        n: {k: v for k, v in d.items() if k not in ("id", "value", "name")}
        for n, d in got_nodes.items()
    } == {n: dict(d) for n, d in expected.nodes(data=True)}
    assert got_edges == edge_set(expected)


@pytest.mark.parametrize("selection", VIEWS, ids=lambda s: s.view)
def test_d3_json_read_back_by_networkx(built: Store, selection: Selection) -> None:
    expected = network(built, selection)
    back = nx.node_link_graph(json.loads(export(built, "d3", selection)), edges="links")
    assert nodes_and_edges(back) == nodes_and_edges(expected)


def test_csv_zip_read_back_by_csv(built: Store) -> None:
    selection = PILOT
    expected = network(built, selection)
    with zipfile.ZipFile(io.BytesIO(export(built, "csv", selection))) as z:
        assert z.namelist() == ["nodes.csv", "edges.csv"]
        nodes = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode("utf-8"))))
        edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode("utf-8"))))
    assert len(nodes) == expected.number_of_nodes() == 7
    assert len(edges) == expected.number_of_edges() == 8
    assert next(e for e in edges if e["key"] == "issues")["count"] == "3"
    zone = next(n for n in nodes if n["id"] == ZONE)
    assert zone == {
        "id": ZONE,
        "label": "Baotou Rare Earth High-Tech Industrial Development Zone",
        "kind": "zone",
        "code": "150200",
        "since": "2026-01-30",
        "last": "2026-01-30",
        "count": "1",
        "iri": ZONE,
    }
    assert sorted((e["source"], e["target"], e["key"]) for e in edges) == edge_set(expected)


def parse_nquads(data: bytes) -> Dataset:
    """rdflib's N-Quads parser (its own use of a deprecated Dataset property is silenced)."""
    dataset = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=data, format="nquads")
    return dataset


def read_back(data: bytes, fmt: ox.RdfFormat) -> set[ox.Quad]:
    """The quads Oxigraph's parser reads from an export (triples in the default graph)."""
    return {
        q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object)
        for q in ox.parse(data, format=fmt)
    }


@pytest.mark.parametrize("selection", VIEWS[:3], ids=lambda s: s.view)
def test_rdf_exports_read_back(built: Store, selection: Selection) -> None:
    data = export(built, "nquads", selection)
    quads = read_back(data, ox.RdfFormat.N_QUADS)
    assert len(quads) == len(data.decode("utf-8").splitlines()) > 0
    triples = read_back(export(built, "turtle", selection), ox.RdfFormat.TURTLE)
    assert {(t.subject, t.predicate, t.object) for t in triples} == {
        (q.subject, q.predicate, q.object) for q in quads
    }
    data = export(built, "jsonld", selection)
    doc = json.loads(data)
    assert doc["@context"] == json.loads(Path("ontology/context.jsonld").read_text())["@context"]
    assert read_back(data, ox.RdfFormat.JSON_LD) == quads


def test_ego_exports_read_back_by_rdflib_and_pyld(built: Store) -> None:
    selection = Selection(view="ego", entity=ZONE, hops=1)
    quads = parse_nquads(export(built, "nquads", selection))
    triples = Graph().parse(data=export(built, "turtle", selection), format="turtle")
    assert set(triples) == {(s, p, o) for s, p, o, _ in quads.quads()} and len(triples) > 0
    doc = json.loads(export(built, "jsonld", selection))
    back = parse_nquads(jsonld.to_rdf(doc, {"format": "application/n-quads"}).encode("utf-8"))
    assert set(back.quads()) == set(quads.quads())


def test_whole_graph_nquads_holds_every_quad_but_the_ontology(built: Store) -> None:
    data = export(built, "nquads", Selection(view="whole"))
    ontology = f"<{ID}graph/ontology> ."
    expected = sorted(
        line
        for line in built.canonical_nquads().decode().splitlines()
        if not line.endswith(ontology)
    )
    assert sorted(data.decode("utf-8").splitlines()) == expected


def test_whole_graph_view_as_graphml(built: Store) -> None:
    expected = network(built, Selection(view="whole"))
    back = nx.read_graphml(io.BytesIO(export(built, "graphml")), force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        expected.number_of_nodes(),
        expected.number_of_edges(),
    )
    assert back.nodes[ZONE]["kind"] == "zone"


def test_formats_have_media_types_and_file_names() -> None:
    assert {f: (m.media_type, m.filename) for f, m in FORMATS.items()} == {
        "graphml": ("application/graphml+xml", "designations.graphml"),
        "gexf": ("application/gexf+xml", "designations.gexf"),
        "cytoscape": ("application/json", "designations.cyjs"),
        "d3": ("application/json", "designations.d3.json"),
        "csv": ("application/zip", "designations-csv.zip"),
        "jsonld": ("application/ld+json", "designations.jsonld"),
        "turtle": ("text/turtle", "designations.ttl"),
        "nquads": ("application/n-quads", "designations.nq"),
    }


@pytest.mark.parametrize(
    ("fmt", "selection", "error", "message"),
    [
        (
            "svg",
            Selection(),
            ExportError,
            "unknown format 'svg'; use one of graphml, gexf, "
            "cytoscape, d3, csv, jsonld, turtle, nquads",
        ),
        ("d3", Selection(view="ego"), ExportError, "the ego view needs an entity IRI"),
        (
            "d3",
            Selection(view="ego", entity=ID + "zone/nowhere"),
            NotFound,
            f"no entity {ID}zone/nowhere in the designation network",
        ),
        (
            "d3",
            Selection(view="subgraph"),
            ExportError,
            "the subgraph view needs a region, a program or a time range",
        ),
    ],
)
def test_bad_requests_raise_clear_errors(
    built: Store, fmt: str, selection: Selection, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        export(built, fmt, selection)
    assert str(info.value) == message


def test_export_command_writes_a_file(built_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ego.json"
    args = ["export", "--store", str(built_dir), "--format", "d3", "--view", "ego"]
    args += [
        "--entity",
        "zone/baotou-rare-earth-htz",
        "--hops",
        "1",
        "--lang",
        "zh",
        "-o",
        str(out),
    ]
    result = CliRunner().invoke(main, args)
    assert (result.exit_code, result.stderr) == (0, "")
    back = nx.node_link_graph(json.loads(out.read_bytes()), edges="links")
    programs = ["national-high-tech-zones", "new-industrialization-demonstration-bases"]
    programs += ["nkrdp-industrialization-pilot", "torch-industrialization-bases"]
    assert sorted(back.nodes) == sorted(
        [ID + "adm/150200", ZONE, *(ID + "program/" + p for p in programs)]
    )
    assert back.nodes[ZONE]["label"] == "包头稀土高新技术产业开发区"


def test_export_command_subgraph_by_time_to_stdout(built_dir: Path) -> None:
    args = ["export", "--store", str(built_dir), "--format", "d3", "--view", "subgraph"]
    result = CliRunner().invoke(main, [*args, "--since", "2027-01-01"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["nodes"] == []


def test_export_command_unknown_entity_is_one_line(built_dir: Path) -> None:
    args = ["export", "--store", str(built_dir), "--format", "d3", "--view", "ego"]
    result = CliRunner().invoke(main, [*args, "--entity", "zone/nowhere"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: no entity {ID}zone/nowhere in the designation network\n",
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_exports_are_byte_identical_for_the_same_graph(built: Store, fmt: str) -> None:
    selection = Selection(view="ego", entity=ZONE, hops=2)
    assert export(built, fmt, selection, "pinyin") == export(built, fmt, selection, "pinyin")
