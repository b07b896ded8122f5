"""What every rule shares: the rule as a versioned prov:Plan, the run and its snapshot, the
as-of date, the rows valid at that date, and the writer of derived triples (N-Triples lines,
so that a million results cost no Python term objects and Oxigraph parses them in one go)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from operator import and_, ge, le, not_, or_

import networkx as nx
import numpy as np
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from graph import iris
from graph.derive.closure import closure
from graph.derive.columns import Columns, Flags, Ints, columns, spans
from graph.derive.projection import COMPLETE, Projection
from graph.namespaces import CND, concept


def nt(iri: str) -> str:
    """An IRI in N-Triples form."""
    return f"<{iri}>"


def text(value: str, lang: str) -> str:
    """A language-tagged literal in N-Triples form."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"@{lang}'


def typed(value: str, datatype: str) -> str:
    """A typed literal (the value needs no escaping: numbers and dates)."""
    return f'"{value}"^^<{datatype}>'


AGENT = nt(iris.agent("deriver"))
TYPE, GENERATED, AS_OF = nt(RDF.type), nt(PROV.wasGeneratedBy), nt(CND.validAsOf)
COUNT_TYPE = str(XSD.nonNegativeInteger)
COVERAGE = {
    True: nt(concept("coverage", COMPLETE)),
    False: nt(concept("coverage", "partial-news-corpus")),
}
LEVELS = {lv: nt(concept("admin-level", lv)) for lv in ("province", "prefecture", "county")}


@dataclass(frozen=True)
class Rule:
    """A derivation rule: a prov:Plan with a slug, a version and a description."""

    slug: str
    version: int
    description: str

    @cached_property
    def iri(self) -> str:
        """The rule's IRI (graph.iris.rule), in N-Triples form."""
        return nt(iris.rule(self.slug, self.version))


class Out:
    """The derived triples being written, as N-Triples lines, encoded a chunk at a time: kept,
    so that a million results are held once, as UTF-8, rather than as strings and then bytes;
    or, given a sink, handed to it chunk by chunk and dropped."""

    def __init__(self, sink: Callable[[bytes], None] | None = None, chunk: int = 65_536) -> None:
        self.lines: list[str] = []
        self.encoded = bytearray()
        self.sink = sink
        self.chunk = chunk
        self.written = 0

    def add(self, s: str, p: str, o: str) -> None:
        """Add one triple of N-Triples terms."""
        self.lines.append(f"{s} {p} {o} .\n")
        if len(self.lines) >= self.chunk:
            self._encode()

    def count(self, s: str, p: str, n: int) -> None:
        """Add a count as xsd:nonNegativeInteger."""
        self.add(s, p, f'"{n}"^^<{COUNT_TYPE}>')

    def _encode(self) -> None:
        encoded = "".join(self.lines).encode("utf-8")
        self.written += len(self.lines)
        self.lines.clear()
        if self.sink is None:
            self.encoded += encoded
        elif encoded:
            self.sink(encoded)

    def data(self) -> bytes:
        """Every line not handed to a sink, as UTF-8 N-Triples."""
        self._encode()
        return bytes(self.encoded)


@dataclass
class Context:
    """The projection plus everything a rule needs to qualify its results."""

    p: Projection
    as_of: str
    cols: Columns
    valid: Flags
    # The valid rows ordered by start date (undated first), ties in row order.
    by_start: Ints
    regions: dict[int, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    complete: dict[int, bool] = field(default_factory=dict)
    runs: dict[Rule, str] = field(default_factory=dict)
    placements: dict[str, tuple[Ints, Ints]] = field(default_factory=dict)

    @property
    def run(self) -> str:
        """The whole run, named by the snapshot digest."""
        return nt(iris.run("derivation", self.p.digest[:12]))

    def rule_run(self, rule: Rule) -> str:
        """The part of the run that applied one rule."""
        found = self.runs.get(rule)
        if found is None:
            key = f"{self.p.digest[:12]}-{rule.slug}-v{rule.version}"
            found = self.runs[rule] = nt(iris.run("derivation", key))
        return found

    def placed(self, level: str) -> tuple[Ints, Ints]:
        """The valid rows whose designee lies in a region of a level, with that region, as two
        aligned arrays in start order (undated first, like by_start); a designee in two regions
        gives two pairs. Computed once per level."""
        found = self.placements.get(level)
        if found is None:
            found = self.placements[level] = self._place(level)
        return found

    def _place(self, level: str) -> tuple[Ints, Ints]:
        pairs = [
            (designee, region)
            for designee, levels in self.regions.items()
            for region in levels.get(level, ())
        ]
        at = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        designees = self.cols.designee[self.by_start]
        # Each row of by_start matched with every pair of its designee, in by_start order.
        order = np.argsort(at[:, 0], kind="stable")
        lo = np.searchsorted(at[order, 0], designees, side="left")
        hi = np.searchsorted(at[order, 0], designees, side="right")
        position, offset = spans(hi - lo)
        pair = order[lo[position] + offset]
        return self.by_start[position], at[pair, 1]

    def result(self, out: Out, node: str, cls: str, rule: Rule) -> None:
        """A result node: its class, the rule run that generated it and the as-of date."""
        out.add(node, TYPE, cls)
        out.add(node, GENERATED, self.rule_run(rule))
        out.add(node, AS_OF, typed(self.as_of, str(XSD.date)))


def latest_date(p: Projection) -> str:
    """The deterministic default as-of date: the latest start date in the data."""
    return max(p.start, default="") or "1949-10-01"


def context(p: Projection, as_of: str | None) -> Context:
    """The shared context of one run over a projection."""
    day = as_of or latest_date(p)
    cols = columns(p)
    valid = np.array(valid_on(p, day), dtype=np.bool_).reshape(-1)
    rows = np.flatnonzero(valid)
    by_start = rows[np.argsort(cols.start[rows], kind="stable")]
    regions = closure(places_as_of(p, day), p.designee, p.located)
    return Context(p, day, cols, valid, by_start, regions, complete_scopes(p))


def places_as_of(p: Projection, day: str) -> nx.DiGraph[int]:
    """The place tree as of a day: a division that ended in that year or before is no region
    of its own any more, and what lies in it lies in its successors (Laiwu's zones in Jinan).

    >>> p = Projection(places=nx.DiGraph([(9, 2), (2, 1), (3, 1)]), ended={2: 2018},
    ...                successors=[(2, 3)])
    >>> nx.set_node_attributes(p.places, {1: "province", 2: "prefecture", 3: "prefecture"}, "level")
    >>> tree = places_as_of(p, "2026-01-30")
    >>> sorted(tree.successors(2)), tree.nodes[2].get("level")
    ([1, 3], None)
    >>> places_as_of(p, "2010-01-01") is p.places
    True
    """
    year = int(day[:4])
    ended = {node for node, until in p.ended.items() if until <= year}
    if not ended:
        return p.places
    tree = p.places.copy()
    for node in ended & set(tree):
        tree.nodes[node].pop("level", None)
    tree.add_edges_from((old, new) for old, new in p.successors if old in ended)
    return tree


def valid_on(p: Projection, day: str) -> list[bool]:
    """Whether each row holds on a day: started, not yet expired, and not retracted
    (computed column by column).

    >>> p = Projection(start=["2026-01-30", "2027-01-01", "2020-01-01", "2020-01-01"],
    ...                until=["", "", "2025-12-31", ""], retracted=[False, False, False, True])
    >>> valid_on(p, "2026-01-30")
    [True, False, False, False]
    """
    started = map(le, p.start, repeat(day))
    running = map(or_, map(not_, p.until), map(ge, p.until, repeat(day)))
    return list(map(and_, map(and_, started, running), map(not_, p.retracted)))


def complete_scopes(p: Projection) -> dict[int, bool]:
    """Whether the graph holds every member of each batch and program.

    A batch is complete when its coverage says so. A program is complete only when a source
    states that its batches are all it has named (its own coverage), all of them are complete
    and every designation under it names one of them: a complete "first batch", or a roster
    complete as of an earlier edition, does not make its program complete.
    """
    complete = dict(p.batch_complete)
    unbatched = {prog for prog, b in zip(p.program, p.batch, strict=True) if b < 0}
    for prog in set(p.program):
        batches = p.program_batches.get(prog, [])
        complete[prog] = (
            p.program_complete.get(prog, False)
            and bool(batches)
            and prog not in unbatched
            and all(p.batch_complete[b] for b in batches)
        )
    return complete


def run_triples(ctx: Context, rules: list[Rule], out: Out) -> None:
    """The run, the snapshot it used and, per rule, the rule run with its plan."""
    snapshot = nt(iris.snapshot(ctx.p.digest))
    out.add(ctx.run, TYPE, nt(CND.DerivationRun))
    out.add(ctx.run, TYPE, nt(PROV.Activity))
    out.add(ctx.run, nt(PROV.used), snapshot)
    out.add(ctx.run, AS_OF, typed(ctx.as_of, str(XSD.date)))
    out.add(snapshot, TYPE, nt(CND.Snapshot))
    out.add(snapshot, nt(DCTERMS.identifier), f'"sha256:{ctx.p.digest}"')
    out.add(AGENT, TYPE, nt(PROV.SoftwareAgent))
    for rule in rules:
        part = ctx.rule_run(rule)
        association = f"{part[:-1]}/association>"
        out.add(part, TYPE, nt(CND.DerivationRun))
        out.add(part, TYPE, nt(PROV.Activity))
        out.add(part, nt(DCTERMS.isPartOf), ctx.run)
        out.add(part, nt(PROV.used), snapshot)
        out.add(part, nt(PROV.qualifiedAssociation), association)
        out.add(association, TYPE, nt(PROV.Association))
        out.add(association, nt(PROV.agent), AGENT)
        out.add(association, nt(PROV.hadPlan), rule.iri)
        out.add(rule.iri, TYPE, nt(PROV.Plan))
        label = f"{rule.slug.replace('-', ' ')}, version {rule.version}"
        out.add(rule.iri, nt(RDFS.label), text(label, "en"))
        out.add(rule.iri, nt(DCTERMS.description), text(rule.description, "en"))
        out.add(rule.iri, nt(DCTERMS.hasVersion), f'"{rule.version}"')
