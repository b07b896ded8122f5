r"""SPARQL joins and aggregates translated to SQL over the columnar replica (graph.sparql.replica).

Oxigraph evaluates joins row by row: a GROUP BY over a hundred thousand designations costs it
half a second in memory and several seconds on disk, where a column store takes milliseconds.
So a SELECT, with or without aggregates, that stays inside a small subset of SPARQL, whose
meaning SQL keeps exactly, becomes one SQL statement. Anything outside it gives None and
Oxigraph answers:

- one basic graph pattern whose terms are variables and IRIs (no literals, blank nodes,
  paths, FILTER, OPTIONAL, UNION, MINUS, GRAPH, BIND, VALUES or subqueries), matched against
  the union default graph;
- GROUP BY variables (or none), with COUNT(*), COUNT(?v) and COUNT(DISTINCT ?v);
- HAVING as comparisons of counts with integers, joined by &&;
- projected variables (grouped ones, when the query aggregates) and counts, DISTINCT, ORDER BY
  them, LIMIT and OFFSET; not `SELECT *`.

The query must also be valid: every projected or ordered variable in the pattern (and grouped,
or a count, when the query aggregates); otherwise Oxigraph answers, with its error. Without
DISTINCT, SQL's rows are SPARQL's solutions with their multiplicities, in some order, as
SPARQL leaves it.

Values from the query (IRIs, integers) go into the SQL as named parameters ($i1 for IRIs,
which the replica turns into term ids, $n1 for integers); the SQL text is built from the
query's shape alone. LIMIT and OFFSET stay on the plan, for the replica to apply together
with its row cap. graph.sparql.subset reads the query.

>>> plan = translate('SELECT ?p (COUNT(*) AS ?n) { ?s ?p <http://x/o> } GROUP BY ?p HAVING '
...                  '(COUNT(*) > 2) ORDER BY DESC(?n) LIMIT 5')
>>> plan.names, plan.kinds, plan.iris, plan.numbers, plan.limit
(('p', 'n'), ('term', 'count'), {'i1': 'http://x/o'}, {'n1': 2}, 5)
>>> print(plan.sql.replace(" GROUP", "\nGROUP"))
SELECT t0.p, count(*) FROM triple AS t0 WHERE t0.o = $i1
GROUP BY t0.p HAVING count(*) > $n1 ORDER BY count(*) DESC
>>> translate('SELECT ?s WHERE { ?s ?p ?s }').sql  # a join without aggregates: rows of ids
'SELECT t0.s FROM triple AS t0 WHERE t0.o = t0.s'
>>> translate('SELECT * WHERE { ?s ?p ?o }') is None  # SELECT *: Oxigraph answers
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from graph.sparql.subset import Count, Query, Unsupported, Var, parse

Kind = Literal["term", "count"]
POSITIONS = ("s", "p", "o")
SQL_COMPARISONS = {"=": "=", "!=": "<>", "<": "<", ">": ">", "<=": "<=", ">=": ">="}


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
class _Writer:
    """The SQL of one query, written term by term: the columns each variable first appears in,
    and the values that go in as parameters."""

    query: Query
    columns: dict[str, str] = field(default_factory=dict)
    iris: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)

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

    def where(self) -> list[str]:
        """Conditions of the triple patterns over the aliases t0, t1, ... of the triple table."""
        conditions = []
        for i, pattern in enumerate(self.query.patterns):
            for position, term in zip(POSITIONS, pattern, strict=True):
                column = f"t{i}.{position}"
                if isinstance(term, Var):
                    first = self.columns.setdefault(term.name, column)
                    if first != column:
                        conditions.append(f"{column} = {first}")
                else:
                    conditions.append(f"{column} = {self.iri(term.value)}")
        return conditions

    def column(self, var: Var) -> str:
        """The column of a variable of the pattern."""
        if var.name not in self.columns:
            raise Unsupported(f"?{var.name} is not in the pattern")
        return self.columns[var.name]

    def count(self, count: Count) -> str:
        """The SQL of a count."""
        if count.target is None:
            return "count(*)"
        column = self.column(count.target)
        return f"count(DISTINCT {column})" if count.distinct else f"count({column})"

    def source(self, source: Var | Count) -> str:
        """The SQL of a projected, ordered or compared value: a count, or a variable (grouped,
        when the query aggregates)."""
        if isinstance(source, Count):
            return self.count(source)
        if _aggregates(self.query) and source not in self.query.groups:
            raise Unsupported(f"?{source.name} is neither grouped nor a count")
        return self.column(source)


def translate(text: str) -> Plan | None:
    """The SQL plan of a query inside the subset, or None (Oxigraph answers it)."""
    query = parse(text)
    if query is None:
        return None
    try:
        return plan(query)
    except Unsupported:
        return None


def plan(query: Query) -> Plan:
    """The SQL plan of a SELECT of the subset; Unsupported when SQL would not mean the same."""
    if query.form != "SELECT" or not query.projections:
        raise Unsupported("an ASK or SELECT *")
    writer = _Writer(query)
    where = writer.where()
    names = tuple(p.name for p in query.projections)
    aliases = {p.name: p.source for p in query.projections}
    if len(aliases) < len(names) or any(
        n in writer.columns and aliases[n] != Var(n) for n in names
    ):
        raise Unsupported("a projected name used twice")
    sources = [writer.source(p.source) for p in query.projections]
    kinds: tuple[Kind, ...] = tuple(_kind(p.source) for p in query.projections)
    sql = _select(writer, sources, where)
    keys = [(_resolve(o.key, aliases), o.descending) for o in query.order]
    order: tuple[tuple[int, bool], ...] = ()
    if any(_kind(key) == "term" for key, _ in keys):  # terms are sorted after decoding
        order = tuple((_projected(writer.source(key), sources), desc) for key, desc in keys)
    elif keys:
        sql += " ORDER BY " + ", ".join(
            writer.source(key) + (" DESC" if desc else "") for key, desc in keys
        )
    return Plan(sql, names, kinds, writer.iris, writer.numbers, order, query.limit, query.offset)


def _aggregates(query: Query) -> bool:
    """Whether the query groups or counts."""
    keys = [p.source for p in query.projections] + [o.key for o in query.order]
    return bool(query.groups or query.having) or any(isinstance(key, Count) for key in keys)


def _kind(source: Var | Count) -> Kind:
    return "count" if isinstance(source, Count) else "term"


def _resolve(key: Var | Count, aliases: dict[str, Var | Count]) -> Var | Count:
    """An ORDER BY key with a projected name replaced by what it names."""
    return aliases.get(key.name, key) if isinstance(key, Var) else key


def _select(writer: _Writer, sources: list[str], where: list[str]) -> str:
    """SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ..."""
    query = writer.query
    tables = ", ".join(f"triple AS t{i}" for i in range(len(query.patterns)))
    sql = f"SELECT {'DISTINCT ' if query.distinct else ''}{', '.join(sources)} FROM {tables}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if query.groups:
        sql += " GROUP BY " + ", ".join(writer.column(g) for g in query.groups)
    having = [
        f"{writer.count(h.count)} {SQL_COMPARISONS[h.op]} {writer.number(h.value)}"
        for h in query.having
    ]
    if having:
        sql += " HAVING " + " AND ".join(having)
    return sql


def _projected(sql: str, sources: list[str]) -> int:
    """The column of an ORDER BY key that the replica sorts on after decoding."""
    if sql not in sources:
        raise Unsupported("ORDER BY a value that is not projected")
    return sources.index(sql)
