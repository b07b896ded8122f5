r"""SELECT and ASK queries over one basic graph pattern, read by a parser of that subset only.

Two shortcuts of the endpoint need to know a query's shape: aggregates that the columnar
replica answers (graph.sparql.columnar turns them into SQL), and lookups that the server may
answer in its own process (`streams`). Both stay inside this subset: SELECT (or ASK) over one
basic graph pattern of variables, IRIs, prefixed names and `a`; `COUNT(*)`, `COUNT(?v)` and
`COUNT(DISTINCT ?v)`; `GROUP BY` variables; `HAVING` comparisons of counts with integers,
joined by `&&`; DISTINCT, ORDER BY variables and counts, LIMIT and OFFSET. Names outside
ASCII, escapes, literals, blank nodes, paths, FILTER, OPTIONAL, UNION, GRAPH, subqueries,
FROM and relative IRIs all end the reading: `parse` gives None at the first token it does not
expect, and Oxigraph answers as usual.

Nothing here decides that a query is valid SPARQL: a text it reads is one Oxigraph reads the
same way, and a text it rejects goes to Oxigraph, which reports any error. It costs tens of
microseconds, where a general SPARQL parser in Python costs milliseconds.

>>> q = parse('SELECT ?p (COUNT(*) AS ?n) { ?s ?p <http://x/o> ; a ?c } GROUP BY ?p LIMIT 2')
>>> q.patterns[1]
(Var(name='s'), Iri(value='http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), Var(name='c'))
>>> q.projections[1], q.groups, q.limit
(Projection(name='n', source=Count(target=None, distinct=False)), (Var(name='p'),), 2)
>>> parse('SELECT ?s { ?s ?p "text" }') is None  # a literal: Oxigraph answers
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pyoxigraph as ox

from graph.namespaces import PREFIXES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
COMPARISONS = ("=", "!=", "<", ">", "<=", ">=")
MIRRORED = {"=": "=", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<="}
_TOKEN = re.compile(
    r"""\s*(?:
      (?P<skip>\#[^\n]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_]+)
    | (?P<name>(?:[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?:
               (?:[A-Za-z0-9_:](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_:-])?)?)
    | (?P<word>[A-Za-z]+)
    | (?P<integer>[0-9]+)
    | (?P<punct>&&|!=|<=|>=|[{}().;,*=<>])
    | (?P<other>\S)
    )""",
    re.VERBOSE | re.DOTALL,
)
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_PROLOGUE = re.compile(
    r"""(?:\s+|\#[^\n]*|(?i:PREFIX)\s+(?:[A-Za-z][A-Za-z0-9_.-]*)?:\s*<[^<>"{}|^`\\\x00-\x20]*>)*"""
)
"""PREFIX declarations, read once per distinct text (clients send the same ones again)."""


_OUTSIDE = re.compile(
    r"""["'\[\]|^\\]|\b_:|\b(?:FILTER|OPTIONAL|UNION|MINUS|GRAPH|SERVICE|BIND|VALUES|FROM|BASE
    |REDUCED|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
REMEMBERED_TEXT = 8192
"""Texts up to this long have what was read from them remembered."""


def candidate(text: str) -> bool:
    """Whether the text may be a SELECT of the subset, judged without reading it: it names
    SELECT, and none of the characters (quotes, brackets, path operators, escapes) or the
    keywords the subset leaves out appear anywhere in it, IRIs and names included. A text that
    passes is then read in full; any other goes to Oxigraph unread.

    >>> candidate("SELECT ?z (COUNT(?d) AS ?n) { ?d cnd:designee ?z } GROUP BY ?z")
    True
    >>> candidate('SELECT ?s { ?s rdfs:label ?l FILTER(CONTAINS(?l, "zone")) }')
    False
    """
    return _SELECT.search(text) is not None and _OUTSIDE.search(text) is None


class Unsupported(Exception):
    """The query leaves the subset; Oxigraph answers it."""


@dataclass(frozen=True)
class Var:
    """A variable, by name without its `?` or `$`."""

    name: str


@dataclass(frozen=True)
class Iri:
    """An absolute IRI."""

    value: str


@dataclass(frozen=True)
class Count:
    """COUNT(*) (target None), COUNT(?v) or COUNT(DISTINCT ?v)."""

    target: Var | None
    distinct: bool = False


@dataclass(frozen=True)
class Projection:
    """A projected variable: a grouped variable, or `(COUNT(...) AS ?name)`, or `(?v AS ?name)`."""

    name: str
    source: Var | Count


@dataclass(frozen=True)
class Having:
    """One comparison of a count with an integer."""

    count: Count
    op: str
    value: int


@dataclass(frozen=True)
class Order:
    """One ORDER BY key."""

    key: Var | Count
    descending: bool = False


Term = Var | Iri
Pattern = tuple[Term, Term, Term]


@dataclass(frozen=True)
class Query:
    """A query of the subset; no projections means `SELECT *` (or an ASK)."""

    form: Literal["SELECT", "ASK"]
    projections: tuple[Projection, ...]
    patterns: tuple[Pattern, ...]
    groups: tuple[Var, ...] = ()
    having: tuple[Having, ...] = ()
    order: tuple[Order, ...] = ()
    distinct: bool = False
    limit: int | None = None
    offset: int = 0


def parse(text: str, prefixes: Mapping[str, str] = PREFIXES) -> Query | None:
    """The query the text states, or None when it leaves the subset."""
    head = _PROLOGUE.match(text)
    end = head.end() if head else 0
    try:
        declared = _declarations(text[:end]) if end <= REMEMBERED_TEXT else _declared(text[:end])
        return _Reader(_tokens(text[end:]), {**prefixes, **declared}).query()
    except Unsupported:
        return None


@lru_cache(maxsize=64)
def _declarations(prologue: str) -> dict[str, str]:
    return _declared(prologue)


def _declared(prologue: str) -> dict[str, str]:
    """The prefixes a prologue declares."""
    reader = _Reader(_tokens(prologue), {})
    reader.prologue()
    reader.take("end")
    return reader.prefixes


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each token; keywords upper-cased, except `a`."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        value = match.group(kind)
        if kind == "skip":
            continue
        if kind == "other":
            raise Unsupported(f"character {value!r}")
        if kind == "word" and value != "a":
            value = value.upper()
        out.append((kind, value))
    return out


class _Reader:
    """A recursive-descent reader over the tokens."""

    def __init__(self, tokens: list[tuple[str, str]], prefixes: Mapping[str, str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.prefixes = dict(prefixes)

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self, *expected: str) -> str:
        """The next token's text; Unsupported unless it is one of the expected texts or kinds
        (any token when none is expected)."""
        kind, value = self.peek()
        if expected and value not in expected and kind not in expected:
            raise Unsupported(f"{value or 'the end'} where {' or '.join(expected)} was expected")
        self.at += 1
        return value

    def accept(self, value: str) -> bool:
        """Take the next token when it is this text."""
        if self.peek()[1] == value:
            self.at += 1
            return True
        return False

    def prologue(self) -> None:
        while self.accept("PREFIX"):
            name = self.take("name")
            if not name.endswith(":"):
                raise Unsupported("a prefix name with a local part")
            self.prefixes[name[:-1]] = self.iri(self.take("iri"))

    def query(self) -> Query:
        self.prologue()
        if self.accept("ASK"):
            self.accept("WHERE")
            patterns = self.patterns()
            self.take("end")
            return Query("ASK", (), patterns)
        self.take("SELECT")
        distinct = self.accept("DISTINCT")
        projections = () if self.accept("*") else self.projections()
        self.accept("WHERE")
        patterns = self.patterns()
        groups = self.groups()
        having = self.having()
        order = self.order()
        limit, offset = self.slice()
        self.take("end")
        return Query(
            "SELECT", projections, patterns, groups, having, order, distinct, limit, offset
        )

    def projections(self) -> tuple[Projection, ...]:
        out = []
        while True:
            kind, _ = self.peek()
            if kind == "var":
                var = self.var()
                out.append(Projection(var.name, var))
            elif self.accept("("):
                source = self.var() if self.peek()[0] == "var" else self.count()
                self.take("AS")
                out.append(Projection(self.var().name, source))
                self.take(")")
            else:
                break
        if not out:
            raise Unsupported("no projection")
        return tuple(out)

    def count(self) -> Count:
        self.take("COUNT")
        self.take("(")
        distinct = self.accept("DISTINCT")
        target = None if self.accept("*") else self.var()
        self.take(")")
        if distinct and target is None:
            raise Unsupported("COUNT(DISTINCT *)")
        return Count(target, distinct)

    def patterns(self) -> tuple[Pattern, ...]:
        """Triples of one basic graph pattern between braces, with `;` and `,` lists."""
        self.take("{")
        out: list[Pattern] = []
        while not self.accept("}"):
            subject = self.term()
            while True:
                predicate = self.verb()
                out.append((subject, predicate, self.term()))
                while self.accept(","):
                    out.append((subject, predicate, self.term()))
                if not self.accept(";") or self.peek()[1] in (".", "}"):
                    break
            if not self.accept("."):
                self.take("}")
                break
        if not out:
            raise Unsupported("an empty pattern")
        return tuple(out)

    def verb(self) -> Term:
        if self.accept("a"):
            return Iri(RDF_TYPE)
        return self.term()

    def term(self) -> Term:
        kind, value = self.peek()
        if kind == "var":
            return self.var()
        if kind == "iri":
            self.take()
            return Iri(self.iri(value))
        if kind == "name":
            self.take()
            prefix, _, local = value.partition(":")
            if prefix not in self.prefixes:
                raise Unsupported(f"undeclared prefix {prefix}:")
            return Iri(_checked(self.prefixes[prefix] + local))
        raise Unsupported(f"pattern term {value or 'missing'}")

    def iri(self, token: str) -> str:
        value = token[1:-1]
        if not _ABSOLUTE.match(value):
            raise Unsupported("a relative IRI")
        return _checked(value)

    def var(self) -> Var:
        return Var(self.take("var")[1:])

    def groups(self) -> tuple[Var, ...]:
        if not self.accept("GROUP"):
            return ()
        self.take("BY")
        out = [self.var()]
        while self.peek()[0] == "var":
            out.append(self.var())
        return tuple(out)

    def having(self) -> tuple[Having, ...]:
        if not self.accept("HAVING"):
            return ()
        out: list[Having] = []
        while self.accept("("):
            out.append(self.comparison())
            while self.accept("&&"):
                out.append(self.comparison())
            self.take(")")
        if not out:
            raise Unsupported("HAVING beyond comparisons")
        return tuple(out)

    def comparison(self) -> Having:
        if self.peek()[0] == "integer":
            value = int(self.take())
            op = MIRRORED[self.take(*COMPARISONS)]
            return Having(self.count(), op, value)
        count = self.count()
        op = self.take(*COMPARISONS)
        return Having(count, op, int(self.take("integer")))

    def order(self) -> tuple[Order, ...]:
        if not self.accept("ORDER"):
            return ()
        self.take("BY")
        out = []
        while True:
            word = self.peek()[1]
            if word in ("ASC", "DESC"):
                self.take()
                self.take("(")
                out.append(Order(self.key(), word == "DESC"))
                self.take(")")
            elif word == "COUNT" or self.peek()[0] == "var":
                out.append(Order(self.key()))
            else:
                break
        if not out:
            raise Unsupported("ORDER BY an expression")
        return tuple(out)

    def key(self) -> Var | Count:
        return self.var() if self.peek()[0] == "var" else self.count()

    def slice(self) -> tuple[int | None, int]:
        limit, offset = None, None
        for _ in range(2):
            if limit is None and self.accept("LIMIT"):
                limit = int(self.take("integer"))
            elif offset is None and self.accept("OFFSET"):
                offset = int(self.take("integer"))
        return limit, offset or 0


def streams(query: Query) -> bool:
    """Whether Oxigraph answers the query row by row at a bounded cost per row: one triple
    pattern, each variable in it once (an index range, read in order), and nothing that needs
    every row first (grouping, counts, ordering, DISTINCT) or skips rows (OFFSET). Reading n
    rows of its answer then costs O(n), whatever the store holds.

    >>> streams(parse("SELECT ?p ?o { <http://x/s> ?p ?o } LIMIT 10"))
    True
    >>> streams(parse("SELECT ?s { ?s ?p ?s }")), streams(parse("SELECT DISTINCT ?p { ?s ?p ?o }"))
    (False, False)
    """
    if len(query.patterns) != 1 or query.groups or query.having or query.order:
        return False
    names = [t.name for t in query.patterns[0] if isinstance(t, Var)]
    counted = any(isinstance(p.source, Count) for p in query.projections)
    return len(set(names)) == len(names) and not (counted or query.distinct or query.offset)


def streaming(text: str) -> bool:
    """Whether a text is a query of the subset that streams, decided once per text of up to
    REMEMBERED_TEXT characters."""
    return _streaming(text) if len(text) <= REMEMBERED_TEXT else _streams_text(text)


@lru_cache(maxsize=1024)
def _streaming(text: str) -> bool:
    return _streams_text(text)


def _streams_text(text: str) -> bool:
    query = parse(text)
    return query is not None and streams(query)


def _checked(value: str) -> str:
    """The IRI when Oxigraph takes it as one."""
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise Unsupported(f"not an IRI: {value}") from None
