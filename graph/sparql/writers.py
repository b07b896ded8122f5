"""The one SPARQL results serialiser, used by the endpoint and the command line alike.

Writers for the four SPARQL 1.1 result formats (JSON, XML, CSV, TSV) over a list of rows in
hand, so that a capped result can say it was cut; RDF over a list of triples through
pyoxigraph; and an aligned text table for people. A JSON result that was cut carries a
top-level `"truncated": true` beside `head` and `results`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from json.encoder import encode_basestring as _quoted
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.errors import QueryError
from graph.media import GRAPH_FORMATS, RDF
from graph.namespaces import PREFIXES

Row = list[Any]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"
PLAIN_TYPES = {XSD_STRING, RDF_LANG_STRING, RDF_DIR_LANG_STRING}
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def json_term(term: Any) -> str:
    """A term in the SPARQL 1.1 JSON results encoding, as JSON text."""
    kind = type(term)
    if kind is ox.NamedNode:
        return '{"type":"uri","value":' + _quoted(term.value) + "}"
    if kind is ox.BlankNode:
        return '{"type":"bnode","value":' + _quoted(term.value) + "}"
    if kind is ox.Triple:
        parts = (f'"{p}":{json_term(getattr(term, p))}' for p in ("subject", "predicate", "object"))
        return '{"type":"triple","value":{' + ",".join(parts) + "}}"
    extra = ""
    if term.language:
        extra = ',"xml:lang":' + _quoted(term.language)
        if getattr(term, "direction", None) is not None:
            extra += ',"its:dir":' + _quoted(str(term.direction.value))
    elif term.datatype.value != XSD_STRING:
        extra = ',"datatype":' + _quoted(term.datatype.value)
    return '{"type":"literal","value":' + _quoted(term.value) + extra + "}"


def solutions_json(names: list[str], rows: list[Row], truncated: bool) -> bytes:
    """SELECT results as application/sparql-results+json (written as text: a dict per term
    and json.dumps cost several times more)."""
    keys = [_quoted(n) + ":" for n in names]
    bindings = ",".join(
        "{"
        + ",".join(k + json_term(t) for k, t in zip(keys, row, strict=True) if t is not None)
        + "}"
        for row in rows
    )
    head = '{"head":{"vars":[' + ",".join(map(_quoted, names)) + "]},"
    tail = ',"truncated":true}' if truncated else "}"
    return (head + '"results":{"bindings":[' + bindings + "]}" + tail).encode("utf-8")


def _xml_text(value: str) -> str:
    """Escaped element text; carriage returns and edge whitespace as character references,
    so that XML parsers that normalise or trim text give the value back unchanged."""
    body = value.strip(" \t\n\r")
    start = value.index(body) if body else len(value)
    head, tail = value[:start], value[start + len(body) :]

    def refs(part: str) -> str:
        return "".join(f"&#{ord(c)};" for c in part)

    return refs(head) + escape(body).replace("\r", "&#13;") + refs(tail)


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        inner = "".join(f"<{p}>{_xml_term(getattr(term, p))}</{p}>" for p in parts)
        return f"<triple>{inner}</triple>"
    if term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value != XSD_STRING:
        attr = f" datatype={quoteattr(term.datatype.value)}"
    else:
        attr = ""
    return f"<literal{attr}>{_xml_text(term.value)}</literal>"


def solutions_xml(names: list[str], rows: list[Row], truncated: bool) -> bytes:
    """SELECT results as application/sparql-results+xml."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">']
    out.append("<head>" + "".join(f"<variable name={quoteattr(n)}/>" for n in names) + "</head>")
    out.append("<results>")
    for row in rows:
        cells = (
            f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
            for n, t in zip(names, row, strict=True)
            if t is not None
        )
        out.append("<result>" + "".join(cells) + "</result>")
    out.append("</results></sparql>\n")
    return "\n".join(out).encode("utf-8")


def _csv_cell(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return str(term.value)


def solutions_csv(names: list[str], rows: list[Row], truncated: bool) -> bytes:
    """SELECT results as text/csv (values only, RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([_csv_cell(t) for t in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _tsv_cell(term: Any) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t")


def solutions_tsv(names: list[str], rows: list[Row], truncated: bool) -> bytes:
    """SELECT results as text/tab-separated-values (terms in their SPARQL syntax)."""
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join(_tsv_cell(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer in one of the result formats."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        head = f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}">'
        return f"{head}<head/><boolean>{word}</boolean></sparql>\n".encode()
    return f"{word}\n".encode()


SolutionWriter = Callable[[list[str], list[Row], bool], bytes]
SOLUTION_WRITERS: dict[str, SolutionWriter] = {
    "json": solutions_json,
    "xml": solutions_xml,
    "csv": solutions_csv,
    "tsv": solutions_tsv,
}


def _used_prefixes(triples: Sequence[ox.Triple], prefixes: Mapping[str, str]) -> dict[str, str]:
    """The prefixes whose namespace starts some IRI of the triples."""
    iris = {
        t.value
        for triple in triples
        for t in (triple.subject, triple.predicate, triple.object)
        if isinstance(t, ox.NamedNode)
    }
    iris |= {t.datatype.value for triple in triples if isinstance(t := triple.object, ox.Literal)}
    return {p: ns for p, ns in prefixes.items() if any(iri.startswith(ns) for iri in iris)}


def rdf(triples: Sequence[ox.Triple], fmt: str, prefixes: Mapping[str, str] = PREFIXES) -> bytes:
    """Triples in an RDF format; dataset formats put them in the default graph."""
    spec = RDF[fmt]
    out: Sequence[ox.Triple] | list[ox.Quad] = triples
    if spec.dataset:
        out = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    used = _used_prefixes(triples, prefixes) if spec.prefixes else None
    return ox.serialize(out, format=spec.ox, prefixes=used) or b""


OUTPUT_FORMATS = ("table", *SOLUTION_WRITERS, *GRAPH_FORMATS)
"""What `designations query --format` offers."""


def term_text(term: object) -> str:
    """A term as a person reads it in a table: IRIs bare, literals by value."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode):
        return str(term.value)
    return str(term)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def table(names: list[str], rows: list[Row]) -> str:
    """SELECT results as an aligned text table."""
    cells = [[term_text(t) for t in row] for row in rows]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]
    out = [_line(names, widths), _line(["-" * w for w in widths], widths)]
    out += [_line(r, widths) for r in cells]
    return "\n".join(out) + f"\n({len(cells)} rows)\n"


def serialise(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> bytes:
    """A whole query result in the named format (or `table`); QueryError when the format does
    not fit the kind of result."""
    if isinstance(result, ox.QueryBoolean):
        if fmt == "table":
            return (("true" if bool(result) else "false") + "\n").encode()
        if fmt in SOLUTION_WRITERS:
            return boolean(bool(result), fmt)
    elif isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [[s[n] for n in names] for s in result]
        if fmt == "table":
            return table(names, rows).encode("utf-8")
        if fmt in SOLUTION_WRITERS:
            return SOLUTION_WRITERS[fmt](names, rows, False)
    elif fmt in (*GRAPH_FORMATS, "table"):
        return rdf(list(result), "turtle" if fmt == "table" else fmt)
    else:
        raise QueryError(f"format {fmt} is for SELECT and ASK; use {', '.join(GRAPH_FORMATS)}")
    raise QueryError(
        f"format {fmt} is for CONSTRUCT and DESCRIBE; use table, {', '.join(SOLUTION_WRITERS)}"
    )
