"""How much work an aggregate query is for Oxigraph, estimated from predicate counts.

Oxigraph joins a basic graph pattern row by row: it reads the matches of one pattern in index
order, then, for each row so far, looks up the matches of the next pattern. Its time grows
with the rows it reads and, above all, with its lookups (on disk, a lookup costs about as much
as reading LOOKUP rows in order), where the columnar replica pays a fixed millisecond or two
(a DuckDB statement) and then scans columns. So the replica answers a query only when the
estimated cost reaches a threshold (the `replica_threshold` setting, THRESHOLD by default;
measured with bench/sparql.py, see the README).

The estimate follows the join greedily: the pattern with the fewest matches first, then at
each step the connected pattern that adds the fewest rows. A pattern matches the triples of
its predicate (all triples for a variable predicate), divided by the distinct subjects or
objects for a constant subject or object; joining on a variable divides by the distinct
values at its position. The cost is the rows read, plus LOOKUP for each row that a join step
looks up.

>>> stats = Stats({"http://x/p": Counts(1000, 100, 10)}, Counts(5000, 1000, 800))
>>> p = Iri("http://x/p")
>>> estimate(((Var("s"), p, Var("o")),), stats)
1000.0
>>> estimate(((Var("s"), p, Iri("http://x/o")), (Var("s"), p, Var("o"))), stats)
2100.0

(100 rows read for the first pattern; 100 lookups of the second, giving 1,000 rows.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.sparql.subset import Iri, Pattern, Var

LOOKUP = 10.0
"""What one index lookup costs Oxigraph, in rows read in order."""
THRESHOLD = 3_000.0
"""The estimated cost from which the replica answers (measured: bench/sparql.py, README)."""


@dataclass(frozen=True)
class Counts:
    """Triples, distinct subjects and distinct objects of one predicate (or of the store)."""

    triples: int
    subjects: int
    objects: int


NONE = Counts(0, 0, 0)


FREQUENT = 100
"""A (predicate, object) pair with at least this many triples has its own count (rdf:type and
a class, a program and its designations, ...): averages would miss the skew."""


@dataclass(frozen=True)
class Stats:
    """Counts per predicate IRI, over every triple, and of frequent (predicate, object) IRIs."""

    predicates: dict[str, Counts]
    total: Counts
    frequent: dict[tuple[str, str], int] = field(default_factory=dict)

    def of(self, predicate: Var | Iri) -> Counts:
        """The counts a pattern with this predicate draws on."""
        if isinstance(predicate, Var):
            return self.total
        return self.predicates.get(predicate.value, NONE)


def matches(pattern: Pattern, stats: Stats) -> float:
    """Estimated triples matching a pattern on its own."""
    subject, predicate, obj = pattern
    counts = stats.of(predicate)
    rows = float(counts.triples)
    if isinstance(obj, Iri):
        key = (predicate.value if isinstance(predicate, Iri) else "", obj.value)
        rows = stats.frequent.get(key) or min(rows / max(counts.objects, 1), FREQUENT)
    if isinstance(subject, Iri):
        rows /= max(counts.subjects, 1)
    return rows


def joined(rows: float, pattern: Pattern, bound: set[str], stats: Stats) -> float:
    """Estimated rows after joining a pattern to rows binding the variables in bound."""
    subject, predicate, obj = pattern
    counts = stats.of(predicate)
    out = rows * matches(pattern, stats)
    if isinstance(subject, Var) and subject.name in bound:
        out /= max(counts.subjects, 1)
    if isinstance(obj, Var) and obj.name in bound:
        out /= max(counts.objects, 1)
    return out


def estimate(patterns: Sequence[Pattern], stats: Stats) -> float:
    """Estimated cost to Oxigraph of joining the patterns (see the module's text)."""
    remaining = sorted(patterns, key=lambda p: matches(p, stats))
    first = remaining.pop(0)
    rows = cost = matches(first, stats)
    bound = _variables(first)
    while remaining:
        connected = [p for p in remaining if _variables(p) & bound] or remaining[:1]
        step = min(connected, key=lambda p: joined(rows, p, bound, stats))
        cost += LOOKUP * rows
        rows = joined(rows, step, bound, stats)
        cost += rows
        bound |= _variables(step)
        remaining.remove(step)
    return cost


def _variables(pattern: Pattern) -> set[str]:
    return {t.name for t in pattern if isinstance(t, Var)}
