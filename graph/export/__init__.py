"""Exports for Gephi, Cytoscape, D3, spreadsheets and RDF tools: one function, export(),
from a store, a format, a view and a label language to bytes; FORMATS gives each format's
media type and file name (for HTTP and for files).

Graph formats (graphml, gexf, cytoscape, d3, csv) draw a view's networkx graph; RDF formats
(jsonld, turtle, nquads) serialise the quads behind the view: the whole graph but the
ontology, or the quads about the view's nodes and designations.
"""

from __future__ import annotations

from graph.errors import ExportError
from graph.export.formats import FORMATS, GRAPH_WRITERS, RDF_WRITERS, Format, quads_of
from graph.export.network import LANGUAGES, Network, describe
from graph.export.selection import VIEWS, Selection, select
from graph.store import Store


def network(store: Store, selection: Selection | None = None, lang: str = "en") -> Network:
    """A view's networkx graph with every node described in the language."""
    selection = selection or Selection()
    if lang not in LANGUAGES:
        raise ExportError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    g = select(store, selection)
    describe(store, g, lang)
    return g


def export(store: Store, fmt: str, selection: Selection | None = None, lang: str = "en") -> bytes:
    """A view of the graph in a format, labels in a language (en, zh or pinyin)."""
    selection = selection or Selection()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    g = network(store, selection, lang)
    if fmt in RDF_WRITERS:
        whole = selection.view == "whole"
        return RDF_WRITERS[fmt](quads_of(store, None if whole else g))
    return GRAPH_WRITERS[fmt](g)


__all__ = ["FORMATS", "LANGUAGES", "VIEWS", "Format", "Selection", "export", "network"]
