"""Rules: designation counts and yearly timelines per designee, region, program and issuer,
and the designees holding the most national designations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rdflib.namespace import DCTERMS, XSD

from graph import iris
from graph.derive.closure import REGION_LEVELS
from graph.derive.only import LEVEL
from graph.derive.run import LEVELS, Context, Out, Rule, nt, typed
from graph.namespaces import CND, SCHEMA, concept

RULE = Rule(
    "designation-tallies",
    1,
    "Counts the designations valid at the as-of date per designee, and per province-level "
    "and prefecture-level region, program and issuer, with the first and last start dates; "
    "for all but designees also per year of start.",
)
TOP_RULE = Rule(
    "top-national-designees",
    1,
    "Ranks designees by how many national-level designations valid at the as-of date they "
    "hold, highest first, ties by IRI; keeps the first ten.",
)
TOP = 10
NATIONAL = nt(concept("designation-level", "national"))
CLASS, OF, COUNT, RANK = nt(CND.Tally), nt(CND.tallyOf), nt(CND.designationCount), nt(CND.rank)
START, END, YEAR = nt(SCHEMA.startDate), nt(SCHEMA.endDate), nt(DCTERMS.temporal)


def _rows_by(ctx: Context) -> Iterator[tuple[str, int, int]]:
    """(dimension, entity, row) for every valid row and every entity it counts for."""
    p = ctx.p
    for row, valid in enumerate(ctx.valid):
        if not valid:
            continue
        yield "designee", p.designee[row], row
        yield "program", p.program[row], row
        regions = ctx.regions.get(p.designee[row], {})
        for level in REGION_LEVELS:
            for region in regions.get(level, ()):
                yield level, region, row
    for row, issuer in ctx.p.issuers:
        if ctx.valid[row]:
            yield "issuer", issuer, row


def tally(ctx: Context, key: tuple[str, ...], entity: int, count: int, out: Out) -> str:
    """A tally node of an entity with its count; its IRI."""
    node = nt(iris.finding("tally", RULE.iri, *key))
    ctx.result(out, node, CLASS, RULE)
    out.add(node, OF, ctx.p.iris[entity])
    out.count(node, COUNT, count)
    return node


def tallies(ctx: Context, out: Out) -> None:
    """Write the totals with start spans and (but for designees) yearly timelines."""
    starts: dict[tuple[str, int], list[str]] = {}
    for dimension, entity, row in _rows_by(ctx):
        starts.setdefault((dimension, entity), []).append(ctx.p.start[row])
    date = str(XSD.date)
    for (dimension, entity), dates in starts.items():
        e = ctx.p.iris[entity]
        node = tally(ctx, (dimension, e, ""), entity, len(dates), out)
        if dimension in LEVELS:
            out.add(node, LEVEL, LEVELS[dimension])
        dated = [d for d in dates if d]
        if dated:
            out.add(node, START, typed(min(dated), date))
            out.add(node, END, typed(max(dated), date))
        if dimension == "designee":
            continue
        for year, n in Counter(d[:4] for d in dated).items():
            node = tally(ctx, (dimension, e, year), entity, n, out)
            out.add(node, YEAR, typed(year, str(XSD.gYear)))


def top_designees(ctx: Context, out: Out) -> None:
    """Write the ranked tallies of the designees with the most national designations."""
    p = ctx.p
    national = p.index.get(NATIONAL, -1)
    counts = Counter(
        p.designee[row] for row, valid in enumerate(ctx.valid) if valid and p.level[row] == national
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], p.iris[item[0]]))[:TOP]
    for rank, (entity, n) in enumerate(ranked, start=1):
        node = nt(iris.finding("top", TOP_RULE.iri, p.iris[entity]))
        ctx.result(out, node, CLASS, TOP_RULE)
        out.add(node, OF, p.iris[entity])
        out.count(node, COUNT, n)
        out.add(node, nt(CND.level), NATIONAL)
        out.add(node, RANK, typed(str(rank), str(XSD.positiveInteger)))
