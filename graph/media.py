"""The one registry of formats: RDF serialisations and SPARQL results formats, each with its
short name, media types, file suffixes, pyoxigraph format and service-description name.

Every table elsewhere (files the CLI loads, Accept negotiation of the endpoint and of Linked
Data, Graph Store bodies, the service description, the CLI's `--format`) is derived from here.

>>> RDF["turtle"].media_type, RDF_BY_SUFFIX[".ttl"].name
('text/turtle', 'turtle')
>>> [f.name for f in RESULTS.values()]
['json', 'xml', 'csv', 'tsv']
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class RdfFormat:
    """An RDF serialisation."""

    name: str
    label: str
    media_type: str
    suffixes: tuple[str, ...]
    ox: ox.RdfFormat
    sd_name: str
    dataset: bool = False
    aliases: tuple[str, ...] = ()
    prefixes: bool = False
    """Whether the syntax abbreviates IRIs with prefixes."""


@dataclass(frozen=True)
class ResultsFormat:
    """A SPARQL 1.1 query results format (SELECT and ASK)."""

    name: str
    label: str
    media_type: str
    suffix: str
    ox: ox.QueryResultsFormat
    sd_name: str
    aliases: tuple[str, ...] = ()


_RDF = (
    RdfFormat(
        "turtle",
        "Turtle",
        "text/turtle",
        (".ttl",),
        ox.RdfFormat.TURTLE,
        "Turtle",
        aliases=("application/x-turtle",),
        prefixes=True,
    ),
    RdfFormat(
        "ntriples",
        "N-Triples",
        "application/n-triples",
        (".nt",),
        ox.RdfFormat.N_TRIPLES,
        "N-Triples",
    ),
    RdfFormat(
        "nquads", "N-Quads", "application/n-quads", (".nq",), ox.RdfFormat.N_QUADS, "N-Quads", True
    ),
    RdfFormat(
        "trig",
        "TriG",
        "application/trig",
        (".trig",),
        ox.RdfFormat.TRIG,
        "TriG",
        True,
        prefixes=True,
    ),
    RdfFormat(
        "jsonld",
        "JSON-LD",
        "application/ld+json",
        (".jsonld",),
        ox.RdfFormat.JSON_LD,
        "JSON-LD",
        aliases=("application/json",),
    ),
    RdfFormat(
        "rdfxml",
        "RDF/XML",
        "application/rdf+xml",
        (".rdf", ".owl"),
        ox.RdfFormat.RDF_XML,
        "RDF_XML",
        prefixes=True,
    ),
)
RDF: dict[str, RdfFormat] = {f.name: f for f in _RDF}
"""RDF formats by short name, in the server's order of preference."""

RDF_BY_SUFFIX: dict[str, RdfFormat] = {s: f for f in _RDF for s in f.suffixes}
"""RDF formats by file suffix (lower case, with the dot)."""

GRAPH_FORMATS: tuple[str, ...] = ("turtle", "nquads", "ntriples")
"""The RDF formats the command line offers for CONSTRUCT and DESCRIBE results."""

_RESULTS = (
    ResultsFormat(
        "json",
        "JSON",
        "application/sparql-results+json",
        ".srj",
        ox.QueryResultsFormat.JSON,
        "SPARQL_Results_JSON",
        ("application/json",),
    ),
    ResultsFormat(
        "xml",
        "XML",
        "application/sparql-results+xml",
        ".srx",
        ox.QueryResultsFormat.XML,
        "SPARQL_Results_XML",
        ("application/xml", "text/xml"),
    ),
    ResultsFormat(
        "csv", "CSV", "text/csv", ".csv", ox.QueryResultsFormat.CSV, "SPARQL_Results_CSV"
    ),
    ResultsFormat(
        "tsv",
        "TSV",
        "text/tab-separated-values",
        ".tsv",
        ox.QueryResultsFormat.TSV,
        "SPARQL_Results_TSV",
    ),
)
RESULTS: dict[str, ResultsFormat] = {f.name: f for f in _RESULTS}
"""SPARQL results formats by short name, in the server's order of preference."""


def _by_media(formats: tuple[RdfFormat, ...] | tuple[ResultsFormat, ...]) -> dict[str, str]:
    main = {f.media_type: f.name for f in formats}
    return main | {alias: f.name for f in formats for alias in f.aliases if alias not in main}


RESULTS_BY_MEDIA: dict[str, str] = _by_media(_RESULTS)
"""Media types offered for SELECT and ASK results → format name, in order of preference."""

RDF_BY_MEDIA: dict[str, str] = _by_media(_RDF)
"""Media types offered for RDF answers (CONSTRUCT, DESCRIBE, graphs) → format name."""

SD_NAMES: tuple[str, ...] = tuple(f.sd_name for f in (*_RESULTS, *_RDF))
"""Names of every format in the W3C formats namespace, for the service description."""
