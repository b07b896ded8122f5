"""Writers: one function per format, from a view's networkx graph (graph formats) or from
the RDF behind it (RDF formats), to bytes."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph import jsonld
from graph.export.network import Network
from graph.media import RDF
from graph.namespaces import ONTOLOGY_GRAPH, PREFIXES
from graph.store import Store

NODE_FIELDS = ("id", "label", "kind", "code", "since", "last", "count", "iri")
EDGE_FIELDS = ("source", "target", "key", "kind", "count", "since", "until", "weight", "iri")


@dataclass(frozen=True)
class Format:
    """How an export format is served: media type and file name."""

    media_type: str
    filename: str
    rdf: bool = False


FORMATS = {
    "graphml": Format("application/graphml+xml", "designations.graphml"),
    "gexf": Format("application/gexf+xml", "designations.gexf"),
    "cytoscape": Format("application/json", "designations.cyjs"),
    "d3": Format("application/json", "designations.d3.json"),
    "csv": Format("application/zip", "designations-csv.zip"),
} | {
    name: Format(RDF[name].media_type, f"designations{RDF[name].suffixes[0]}", rdf=True)
    for name in ("jsonld", "turtle", "nquads")
}


def graphml(g: Network) -> bytes:
    """GraphML, with every attribute as a typed key."""
    buffer = io.BytesIO()
    nx.write_graphml(g, buffer, named_key_ids=True)
    return buffer.getvalue()


def gexf(g: Network) -> bytes:
    """GEXF 1.2 for Gephi: designation dates as spells, so the timeline works."""
    h = g.copy()
    for _, data in h.nodes(data=True):
        if "since" in data:
            data["spells"] = [(data["since"], None)]
    for _, _, data in h.edges(data=True):
        if "since" in data:
            data["spells"] = [(data["since"], data.get("until"))]
    buffer = io.BytesIO()
    nx.write_gexf(h, buffer, version="1.2draft")
    # networkx stamps today's date in <meta>; drop it so the same graph gives the same bytes
    return re.sub(rb' lastmodifieddate="[0-9-]+"', b"", buffer.getvalue(), count=1)


def cytoscape(g: Network) -> bytes:
    """Cytoscape.js elements JSON (networkx's cytoscape_data layout)."""
    return _json(nx.cytoscape_data(g, name="label", ident="id"))


def d3(g: Network) -> bytes:
    """D3 node-link JSON: nodes and links."""
    return _json(nx.node_link_data(g, edges="links"))


def csv_zip(g: Network) -> bytes:
    """nodes.csv and edges.csv in one zip."""
    nodes = [{"id": n, **data} for n, data in g.nodes(data=True)]
    edges = [
        {"source": u, "target": v, "key": k, **d} for u, v, k, d in g.edges(keys=True, data=True)
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("nodes.csv", (2026, 1, 1, 0, 0, 0)), _csv(NODE_FIELDS, nodes))
        z.writestr(zipfile.ZipInfo("edges.csv", (2026, 1, 1, 0, 0, 0)), _csv(EDGE_FIELDS, edges))
    return buffer.getvalue()


def _csv(fields: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


GRAPH_WRITERS: dict[str, Callable[[Network], bytes]] = {
    "graphml": graphml,
    "gexf": gexf,
    "cytoscape": cytoscape,
    "d3": d3,
    "csv": csv_zip,
}


def quads_of(store: Store, g: Network | None) -> list[ox.Quad]:
    """The quads behind a view: every quad but the ontology's for the whole graph, else the
    quads about the view's nodes and designations. Sorted, so output is deterministic."""
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
    if g is None:
        quads = [q for q in store.inner if q.graph_name != ontology]
    else:
        named = (str(d["iri"]).split() for _, _, d in g.edges(data=True) if "iri" in d)
        subjects = set(g.nodes) | {iri for iris in named for iri in iris}
        quads = [
            q
            for s in sorted(subjects)
            for q in store.inner.quads_for_pattern(ox.NamedNode(s), None, None)
            if q.graph_name != ontology
        ]
    return sorted(set(quads), key=str)


def nquads(quads: list[ox.Quad]) -> bytes:
    """N-Quads, one quad a line."""
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def turtle(quads: list[ox.Quad]) -> bytes:
    """Turtle of the triples (named graphs merged), with the project's prefixes."""
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def json_ld(quads: list[ox.Quad]) -> bytes:
    """JSON-LD compacted with the project's context (ontology/context.jsonld)."""
    return _json(jsonld.compact(quads))


RDF_WRITERS: dict[str, Callable[[list[ox.Quad]], bytes]] = {
    "jsonld": json_ld,
    "turtle": turtle,
    "nquads": nquads,
}
