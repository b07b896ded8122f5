"""Serialise SPARQL results in the formats the CLI offers."""

from __future__ import annotations

import pyoxigraph as ox

from graph.errors import QueryError
from graph.store import QueryResult

SOLUTION_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}
OUTPUT_FORMATS = ("table", *SOLUTION_FORMATS, *GRAPH_FORMATS)


def term_text(term: object) -> str:
    """A term as a person reads it in a table: IRIs bare, literals by value."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode):
        return str(term.value)
    return str(term)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def table(result: ox.QuerySolutions) -> str:
    """A SELECT result as an aligned text table."""
    names = [v.value for v in result.variables]
    rows = [[term_text(row[n]) for n in names] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    out = [_line(names, widths), _line(["-" * w for w in widths], widths)]
    out += [_line(r, widths) for r in rows]
    return "\n".join(out) + f"\n({len(rows)} rows)\n"


def _bytes(data: bytes | None) -> bytes:
    return data or b""


def serialise(result: QueryResult, fmt: str) -> bytes:
    """A query result in the named format; raises QueryError when the format does not fit."""
    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        if fmt == "table":
            if isinstance(result, ox.QueryBoolean):
                return (("true" if bool(result) else "false") + "\n").encode()
            return table(result).encode("utf-8")
        if fmt in SOLUTION_FORMATS:
            return _bytes(result.serialize(format=SOLUTION_FORMATS[fmt]))
        raise QueryError(f"format {fmt} is for CONSTRUCT and DESCRIBE; use table, json, csv or tsv")
    if fmt == "table":
        fmt = "turtle"
    if fmt in GRAPH_FORMATS:
        return _bytes(result.serialize(format=GRAPH_FORMATS[fmt]))
    raise QueryError(f"format {fmt} is for SELECT and ASK; use turtle, nquads or ntriples")
