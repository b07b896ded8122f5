"""A columnar copy of the store in DuckDB, which answers costly joins and aggregates
(graph.sparql.columnar).

The copy has three tables: `triple(s, p, o)`, every quad of the store without its graph (the
union default graph as Oxigraph reads it: a triple in two graphs counts twice there too), in
predicate order; `term(id, kind, value, datatype, lang)`, the terms behind the ids; and
`counts(p, o, triples, subjects, objects)`: per predicate (o NULL), for the whole store (p and
o NULL) and for each frequent predicate and object, from which graph.sparql.estimate tells
whether a query is worth taking from Oxigraph. It is written once per store generation by
`write`, in its own process, and only ever read by queries of that generation; until it is
ready, and for every query outside the subset or below the threshold, Oxigraph answers.
"""

from __future__ import annotations

import logging
import os
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import numpy as np
import pyoxigraph as ox

from graph.sparql.columnar import Plan, plan
from graph.sparql.estimate import FREQUENT, Counts, Stats, estimate
from graph.sparql.subset import REMEMBERED_TEXT, Unsupported, parse
from graph.store import Store

log = logging.getLogger(__name__)

BLANK, IRI, LITERAL = 0, 1, 2
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
MEMORY_LIMIT = "1GB"
REMEMBERED = 100_000
"""IRI ids and decoded terms each replica keeps at hand (its store never changes)."""
PLANS = 1_000
"""Query texts (of up to REMEMBERED_TEXT characters) whose plan or refusal each replica
keeps at hand."""
K = TypeVar("K")
V = TypeVar("V")
COUNTS = f"""CREATE TABLE counts AS
  SELECT p, NULL AS o, count(*) AS triples, count(DISTINCT s) AS subjects,
    count(DISTINCT o) AS objects FROM triple GROUP BY p
  UNION ALL SELECT NULL, NULL, count(*), count(DISTINCT s), count(DISTINCT o) FROM triple
  UNION ALL SELECT p, o, count(*), NULL, NULL FROM triple GROUP BY p, o
    HAVING count(*) >= {FREQUENT}"""


class NotReplicable(Exception):
    """The store holds terms the replica does not encode (triple terms, directional text)."""


def write(store: Store, path: Path) -> None:
    """Write the replica of the store to path (through a temporary file, then renamed)."""
    ids: dict[Any, int] = {}
    columns = (array("i"), array("i"), array("i"))  # raw 32-bit ids, no int objects
    number = ids.setdefault
    for quad in store.inner:
        for column, term in zip(columns, (quad.subject, quad.predicate, quad.object), strict=True):
            column.append(number(term, len(ids)))
    triples = {k: np.frombuffer(c, dtype=np.int32) for k, c in zip("spo", columns, strict=True)}
    terms = _terms(list(ids))
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    with duckdb.connect(str(partial)) as con:
        con.register("triples", triples)
        con.register("terms", terms)
        # in predicate order: a pattern names its predicate, and DuckDB skips the row groups
        # whose range of p leaves it out (three times faster on 100,000 designations)
        con.execute("CREATE TABLE triple AS SELECT * FROM triples ORDER BY p, s, o")
        con.execute("CREATE TABLE term AS SELECT * FROM terms")
        con.execute(COUNTS)
    os.replace(partial, path)


def _terms(terms: list[Any]) -> dict[str, Any]:
    """The term table's columns, in id order."""
    rows = [_row(term) for term in terms]
    kind, value, datatype, lang = zip(*rows, strict=True) if rows else ((), (), (), ())
    return {
        "id": np.arange(len(terms), dtype=np.int32),
        "kind": np.array(kind, dtype=np.int8),
        "value": np.array(value, dtype=object),
        "datatype": np.array(datatype, dtype=object),
        "lang": np.array(lang, dtype=object),
    }


def _row(term: Any) -> tuple[int, str, str | None, str | None]:
    """A term as (kind, value, datatype, language)."""
    if isinstance(term, ox.NamedNode):
        return IRI, term.value, None, None
    if isinstance(term, ox.BlankNode):
        return BLANK, term.value, None, None
    if isinstance(term, ox.Literal) and getattr(term, "direction", None) is None:
        if term.language:
            return LITERAL, term.value, None, term.language
        return LITERAL, term.value, term.datatype.value, None
    raise NotReplicable(f"the replica does not encode the term {term}")


Table = tuple[list[str], list[list[Any]]]
"""Variable names and rows of pyoxigraph terms."""


class Replica:
    """The replica at a path, opened read-only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.con = duckdb.connect(str(path), read_only=True, config={"memory_limit": MEMORY_LIMIT})
        self.stats = self._stats()
        self._ids_known: dict[str, int] = {}  # a replica never changes: neither do these
        self._terms_known: dict[int, Any] = {}
        self._plans: dict[tuple[str, float], Plan | None] = {}

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def answer(self, text: str, cap: int, threshold: float = 0) -> Table | None:
        """The answer to a query inside the columnar subset whose estimated cost to Oxigraph
        reaches the threshold (graph.sparql.estimate), at most cap + 1 rows (so that the
        caller sees a cut); None when Oxigraph must answer it."""
        chosen = self.plan(text, threshold)
        if chosen is None:
            return None
        try:
            return self.run(chosen, cap)
        except duckdb.Error as exc:  # out of memory, say: Oxigraph still answers
            log.warning("the columnar replica failed (%s); Oxigraph answers", exc)
            return None

    def plan(self, text: str, threshold: float) -> Plan | None:
        """The SQL plan of a query worth answering here, or None; decided once per text
        and threshold (clients send the same queries again, and the replica never changes)."""
        key = (text, threshold)
        if len(text) > REMEMBERED_TEXT:
            return self._decide(text, threshold)
        if key not in self._plans:
            _remember(self._plans, {key: self._decide(text, threshold)}, PLANS)
        return self._plans.get(key)

    def _decide(self, text: str, threshold: float) -> Plan | None:
        query = parse(text)
        if query is None or estimate(query.patterns, self.stats) < threshold:
            return None
        try:
            return plan(query)
        except Unsupported:
            return None

    def run(self, plan: Plan, cap: int) -> Table | None:
        """Run a plan; None when its rows must be ordered by terms other than IRIs."""
        ids = self._ids(plan.iris.values())
        params: dict[str, Any] = {k: ids.get(v, -1) for k, v in plan.iris.items()}
        params.update(plan.numbers)
        sql = plan.sql
        if not plan.order:  # the slice, and no more rows than the cap lets through
            last = cap + 1 if plan.limit is None else min(plan.limit, cap + 1)
            sql += " LIMIT $limit OFFSET $offset"
            params.update(limit=last, offset=plan.offset)
        records = self.con.execute(sql, params).fetchall()
        rows = self._decode(records, plan.kinds)
        if plan.order:
            ordered = _sorted(rows, plan)
            if ordered is None:
                return None
            rows = ordered
        return list(plan.names), rows[: cap + 1]

    def _stats(self) -> Stats:
        rows = self.con.execute(
            "SELECT p.value, o.value, o.kind, c.triples, c.subjects, c.objects FROM counts AS c"
            " LEFT JOIN term AS p ON p.id = c.p LEFT JOIN term AS o ON o.id = c.o"
        ).fetchall()
        predicates, frequent, total = {}, {}, Counts(0, 0, 0)
        for predicate, obj, kind, triples, subjects, objects in rows:
            if predicate is None:
                total = Counts(triples, subjects, objects)
            elif obj is None:
                predicates[predicate] = Counts(triples, subjects, objects)
            elif kind == IRI:
                frequent[predicate, obj] = triples
        return Stats(predicates, total, frequent)

    def _ids(self, iris: Iterable[str]) -> dict[str, int]:
        """Term ids of IRIs (-1 for an IRI the store lacks), remembered."""
        known, wanted = _split(self._ids_known, iris)
        if wanted:
            found = dict(
                self.con.execute(  # a scan with list_contains beats IN (unnest) tenfold
                    "SELECT value, id FROM term WHERE kind = $kind AND list_contains($iris, value)",
                    {"kind": IRI, "iris": wanted},
                ).fetchall()
            )
            known.update(_remember(self._ids_known, {i: found.get(i, -1) for i in wanted}))
        return known

    def _decode(self, records: list[tuple[Any, ...]], kinds: Sequence[str]) -> list[list[Any]]:
        """Rows of pyoxigraph terms: term ids looked up, counts as xsd:integer literals."""
        positions = [i for i, k in enumerate(kinds) if k == "term"]
        terms = self._terms(r[i] for r in records for i in positions)
        rows = []
        for record in records:
            row = list(record)
            for i, kind in enumerate(kinds):
                value = row[i]
                row[i] = terms[value] if kind == "term" else _count(value)
            rows.append(row)
        return rows

    def _terms(self, ids: Iterable[int]) -> dict[int, Any]:
        """Terms by id, remembered."""
        known, wanted = _split(self._terms_known, ids)
        if wanted:
            found = self.con.execute(
                "SELECT t.id, t.kind, t.value, t.datatype, t.lang"
                " FROM (SELECT unnest($ids) AS id) AS wanted JOIN term AS t ON t.id = wanted.id",
                {"ids": wanted},
            ).fetchall()
            known.update(_remember(self._terms_known, {row[0]: _term(*row[1:]) for row in found}))
        return known


def _split(known: dict[K, V], keys: Iterable[K]) -> tuple[dict[K, V], list[K]]:
    """What is known of the keys, and the keys that are not."""
    found, missing = {}, []
    for key in dict.fromkeys(keys):
        if key in known:
            found[key] = known[key]
        else:
            missing.append(key)
    return found, missing


def _remember(known: dict[K, V], new: dict[K, V], limit: int = REMEMBERED) -> dict[K, V]:
    """Add new entries to a memo, emptied first when it would pass the limit; the new."""
    if len(known) + len(new) > limit:
        known.clear()
    known.update(new)
    return new


def _count(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _term(kind: int, value: str, datatype: str | None, lang: str | None) -> Any:
    if kind == IRI:
        return ox.NamedNode(value)
    if kind == BLANK:
        return ox.BlankNode(value)
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=ox.NamedNode(datatype or ""))


def _sorted(rows: list[list[Any]], plan: Plan) -> list[list[Any]] | None:
    """Rows in the plan's order, sliced; None when a key column holds a term other than an
    IRI (SPARQL's order of literals and blank nodes is Oxigraph's to give)."""
    for column, _ in plan.order:
        if plan.kinds[column] == "term" and any(
            not isinstance(row[column], ox.NamedNode) for row in rows
        ):
            return None
    for column, descending in reversed(plan.order):
        if plan.kinds[column] == "term":
            rows.sort(key=lambda row: row[column].value, reverse=descending)
        else:
            rows.sort(key=lambda row: int(row[column].value), reverse=descending)
    end = None if plan.limit is None else plan.offset + plan.limit
    return rows[plan.offset : end]
