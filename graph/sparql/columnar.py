r"""Aggregate SPARQL queries translated to SQL over the columnar replica (graph.sparql.replica).

Oxigraph evaluates joins row by row: a GROUP BY over a hundred thousand designations costs it
half a second in memory and several seconds on disk, where a column store takes milliseconds.
So a SELECT with aggregates that stays inside a small subset of SPARQL, whose meaning SQL
keeps exactly, becomes one SQL statement. Anything outside it gives None and Oxigraph answers:

- one basic graph pattern whose terms are variables and IRIs (no literals, blank nodes,
  paths, FILTER, OPTIONAL, UNION, MINUS, GRAPH, BIND, VALUES or subqueries), matched against
  the union default graph;
- GROUP BY variables (or none), with COUNT(*), COUNT(?v) and COUNT(DISTINCT ?v);
- HAVING as comparisons of counts with integers, joined by &&;
- projected grouped variables and counts, DISTINCT, ORDER BY them, LIMIT and OFFSET.

Values from the query (IRIs, integers) go into the SQL as named parameters ($i1 for IRIs,
which the replica turns into term ids, $n1 for integers); the SQL text is built from the
query's shape alone. LIMIT and OFFSET stay on the plan, for the replica to apply together
with its row cap. rdflib parses the query into its algebra.

>>> plan = translate('SELECT ?p (COUNT(*) AS ?n) { ?s ?p <http://x/o> } GROUP BY ?p HAVING '
...                  '(COUNT(*) > 2) ORDER BY DESC(?n) LIMIT 5')
>>> plan.names, plan.kinds, plan.iris, plan.numbers, plan.limit
(('p', 'n'), ('term', 'count'), {'i1': 'http://x/o'}, {'n1': 2}, 5)
>>> print(plan.sql.replace(" GROUP", "\nGROUP"))
SELECT t0.p, count(*) FROM triple AS t0 WHERE t0.o = $i1
GROUP BY t0.p HAVING count(*) > $n1 ORDER BY count(*) DESC
>>> translate('SELECT ?s WHERE { ?s ?p ?o }') is None  # no aggregate: Oxigraph answers
True
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rdflib import Literal as RdfLiteral
from rdflib import URIRef, Variable
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

log = logging.getLogger(__name__)

Kind = Literal["term", "count"]
POSITIONS = ("s", "p", "o")
COMPARISONS = {"=": "=", "!=": "<>", "<": "<", ">": ">", "<=": "<=", ">=": ">="}
MIRRORED = {"=": "=", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<="}


class Unsupported(Exception):
    """The query leaves the subset; Oxigraph answers it."""


@dataclass(frozen=True)
class Plan:
    """One SQL statement over the replica, and what to do with its rows.

    `kinds` says whether each column holds term ids or counts. When the query orders by a
    grouped variable, `order` is set: SQL cannot order terms by their values, so the replica
    sorts the decoded rows by these (column, descending) keys; otherwise the SQL orders, and
    `order` is empty. `limit` and `offset` are the query's slice.
    """

    sql: str
    names: tuple[str, ...]
    kinds: tuple[Kind, ...]
    iris: dict[str, str]
    numbers: dict[str, int]
    order: tuple[tuple[int, bool], ...] = ()
    limit: int | None = None
    offset: int = 0


@dataclass
class _Parts:
    """What the walk over the algebra found, before the SQL is written."""

    names: list[str] = field(default_factory=list)
    patterns: int = 0
    iris: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # variable -> its first column
    aggregates: dict[str, str] = field(default_factory=dict)  # __agg_n__ -> SQL
    aliases: dict[str, str] = field(default_factory=dict)  # projected name -> its source
    groups: list[str] = field(default_factory=list)
    having: list[tuple[str, str, int]] = field(default_factory=list)
    order: list[tuple[str, bool]] = field(default_factory=list)
    distinct: bool = False
    limit: int | None = None
    offset: int = 0

    def iri(self, value: str) -> str:
        """A placeholder for an IRI."""
        key = f"i{len(self.iris) + 1}"
        self.iris[key] = value
        return f"${key}"

    def number(self, value: int) -> str:
        """A placeholder for an integer."""
        key = f"n{len(self.numbers) + 1}"
        self.numbers[key] = value
        return f"${key}"

    def source(self, name: str) -> str:
        """The SQL for a projected, ordered or compared name."""
        source = self.aliases.get(name, name)
        if source in self.aggregates:
            return self.aggregates[source]
        if source in self.groups:
            return self.columns[source]
        raise Unsupported(f"?{name} is neither grouped nor an aggregate")

    def kind(self, name: str) -> Kind:
        """Whether a name is a count or a term."""
        return "count" if self.source(name).startswith("count(") else "term"


def translate(text: str, base_iri: str | None = None) -> Plan | None:
    """The SQL plan of a query inside the subset, or None (Oxigraph answers it)."""
    try:
        algebra = prepareQuery(text, base=base_iri).algebra
    except Exception:  # rdflib's parser raises many kinds; Oxigraph will report the error
        return None
    try:
        return _plan(algebra)
    except Unsupported as reason:
        log.debug("not for the replica: %s", reason)
        return None


def _field(node: CompValue, key: str) -> Any:
    """A field of an algebra node, or None (CompValue.get gives the key itself back)."""
    return dict.get(node, key)


def _plan(query: CompValue) -> Plan:
    if query.name != "SelectQuery" or _field(query, "datasetClause"):
        raise Unsupported("not a SELECT over the default dataset")
    parts = _Parts()
    node: CompValue = query["p"]
    while node.name != "AggregateJoin":
        node = _peel(node, parts)
    where = _aggregation(node, parts)
    for name in parts.names:
        parts.aliases.setdefault(name, name)
    kinds = tuple(parts.kind(n) for n in parts.names)
    sql = _select(parts, where)
    order: tuple[tuple[int, bool], ...] = ()
    if any(parts.kind(var) == "term" for var, _ in parts.order):
        order = tuple((_projected(parts, var), desc) for var, desc in parts.order)
    elif parts.order:
        keys = [f"{parts.source(var)}{' DESC' if desc else ''}" for var, desc in parts.order]
        sql += " ORDER BY " + ", ".join(keys)
    limit = None if parts.limit is None else int(parts.limit)
    return Plan(sql, tuple(parts.names), kinds, parts.iris, parts.numbers, order, limit,
                parts.offset)  # fmt: skip


def _peel(node: CompValue, parts: _Parts) -> CompValue:
    """Note one operator above the aggregation; the operator under it."""
    if node.name == "Slice":
        parts.offset, parts.limit = int(_field(node, "start") or 0), _field(node, "length")
    elif node.name == "Distinct":
        parts.distinct = True
    elif node.name == "Project":
        parts.names = [str(v) for v in node["PV"]]
    elif node.name == "OrderBy":
        parts.order = [_condition(c) for c in node["expr"]]
    elif node.name == "Filter":
        parts.having.extend(_comparisons(node["expr"]))
    elif node.name == "Extend" and isinstance(node["expr"], Variable):
        parts.aliases[str(node["var"])] = str(node["expr"])
    elif node.name != "Reduced":
        raise Unsupported(f"operator {node.name}")
    inner: CompValue = node["p"]
    return inner


def _condition(condition: Any) -> tuple[str, bool]:
    """An ORDER BY condition as (variable, descending)."""
    if isinstance(condition, Variable):
        return str(condition), False
    if isinstance(condition, CompValue) and isinstance(_field(condition, "expr"), Variable):
        return str(condition["expr"]), _field(condition, "order") == "DESC"
    raise Unsupported("ORDER BY an expression")


def _comparisons(expr: Any) -> Iterator[tuple[str, str, int]]:
    """HAVING comparisons as (aggregate variable, SQL operator, integer)."""
    if isinstance(expr, CompValue) and expr.name == "ConditionalAndExpression":
        for part in [expr["expr"], *expr["other"]]:
            yield from _comparisons(part)
        return
    if not (isinstance(expr, CompValue) and expr.name == "RelationalExpression"):
        raise Unsupported("HAVING beyond comparisons")
    left, op, right = expr["expr"], expr["op"], expr["other"]
    if isinstance(left, RdfLiteral) and isinstance(right, Variable):
        left, right, op = right, left, MIRRORED.get(op, op)
    integer = isinstance(right, RdfLiteral) and right.datatype == XSD.integer
    if not (isinstance(left, Variable) and integer and op in COMPARISONS):
        raise Unsupported("HAVING beyond comparisons of counts with integers")
    yield str(left), COMPARISONS[op], int(right)


def _aggregation(node: CompValue, parts: _Parts) -> list[str]:
    """Read AggregateJoin, Group and the pattern under them; the WHERE conditions."""
    group: CompValue = node["p"]
    bgp: CompValue = group["p"]
    if group.name != "Group" or bgp.name != "BGP" or not bgp["triples"]:
        raise Unsupported("aggregation over more than one basic graph pattern")
    where = _patterns(bgp["triples"], parts)
    for var in _field(group, "expr") or []:
        if not isinstance(var, Variable) or str(var) not in parts.columns:
            raise Unsupported("GROUP BY an expression or an unbound variable")
        parts.groups.append(str(var))
    for aggregate in node["A"]:
        parts.aggregates[str(aggregate["res"])] = _aggregate(aggregate, parts)
    return where


def _patterns(triples: Sequence[tuple[Any, Any, Any]], parts: _Parts) -> list[str]:
    """Conditions of the triple patterns over the aliases t0, t1, ... of the triple table."""
    where: list[str] = []
    parts.patterns = len(triples)
    for i, triple in enumerate(triples):
        for position, term in zip(POSITIONS, triple, strict=True):
            column = f"t{i}.{position}"
            if isinstance(term, Variable):
                first = parts.columns.setdefault(str(term), column)
                if first != column:
                    where.append(f"{column} = {first}")
            elif isinstance(term, URIRef):
                where.append(f"{column} = {parts.iri(str(term))}")
            else:
                raise Unsupported(f"pattern term {term!r}")
    return where


def _aggregate(aggregate: CompValue, parts: _Parts) -> str:
    """The SQL of one aggregate of the subset."""
    target = aggregate["vars"]
    if aggregate.name == "Aggregate_Sample" and str(target) in parts.groups:
        return parts.columns[str(target)]
    if aggregate.name != "Aggregate_Count":
        raise Unsupported(f"aggregate {aggregate.name}")
    distinct = _field(aggregate, "distinct") == "DISTINCT"
    if target == "*":
        if distinct:
            raise Unsupported("COUNT(DISTINCT *)")
        return "count(*)"
    if not isinstance(target, Variable) or str(target) not in parts.columns:
        raise Unsupported("COUNT of an expression or an unbound variable")
    column = parts.columns[str(target)]
    return f"count(DISTINCT {column})" if distinct else f"count({column})"


def _select(parts: _Parts, where: list[str]) -> str:
    """SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ..."""
    columns = ", ".join(parts.source(n) for n in parts.names)
    tables = ", ".join(f"triple AS t{i}" for i in range(parts.patterns))
    sql = f"SELECT {'DISTINCT ' if parts.distinct else ''}{columns} FROM {tables}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if parts.groups:
        sql += " GROUP BY " + ", ".join(parts.columns[g] for g in parts.groups)
    having = []
    for var, op, value in parts.having:
        if parts.kind(var) != "count":
            raise Unsupported("HAVING compares a term")
        having.append(f"{parts.source(var)} {op} {parts.number(value)}")
    if having:
        sql += " HAVING " + " AND ".join(having)
    return sql


def _projected(parts: _Parts, var: str) -> int:
    """The column of an ORDER BY variable that the replica sorts on after decoding."""
    sql = parts.source(var)
    name = next((n for n in parts.names if parts.source(n) == sql), None)
    if name is None:
        raise Unsupported("ORDER BY a variable that is not projected")
    return parts.names.index(name)
