"""Rules: designation counts and yearly timelines per designee, region, program and issuer,
and the designees holding the most national designations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, XSD

from graph import iris
from graph.derive.closure import REGION_LEVELS
from graph.derive.run import DATE, Context, Out, Rule
from graph.namespaces import CND, SCHEMA, concept

RULE = Rule(
    "designation-tallies",
    1,
    "Counts the designations valid at the as-of date per designee (with the first and last "
    "start dates), and per province-level and prefecture-level region, program and issuer "
    "(overall and per year of start).",
)
TOP_RULE = Rule(
    "top-national-designees",
    1,
    "Ranks designees by how many national-level designations valid at the as-of date they "
    "hold, highest first, ties by IRI; keeps the first ten.",
)
TOP = 10
YEAR = ox.NamedNode(str(XSD.gYear))
NATIONAL = str(concept("designation-level", "national"))


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
                yield "region", region, row
    for row, issuer in ctx.p.issuers:
        if ctx.valid[row]:
            yield "issuer", issuer, row


def tally(ctx: Context, node: str, entity: int, count: int, out: Out) -> None:
    """A tally node of an entity with its count."""
    ctx.result(out, node, str(CND.Tally), RULE)
    out.add(node, str(CND.tallyOf), ctx.p.iris[entity])
    out.count(node, str(CND.designationCount), count)


def tallies(ctx: Context, out: Out) -> None:
    """Write the totals, start spans and (but for designees) yearly timelines."""
    starts: dict[tuple[str, int], list[str]] = {}
    for dimension, entity, row in _rows_by(ctx):
        starts.setdefault((dimension, entity), []).append(ctx.p.start[row])
    for (dimension, entity), dates in starts.items():
        e = ctx.p.iris[entity]
        node = str(iris.finding("tally", RULE.iri, dimension, e, ""))
        tally(ctx, node, entity, len(dates), out)
        level = ctx.p.places.nodes[entity].get("level") if dimension == "region" else None
        if level:
            out.add(node, str(CND.regionLevel), str(concept("admin-level", level)))
        dated = [d for d in dates if d]
        if dated:
            out.add(node, str(SCHEMA.startDate), ox.Literal(min(dated), datatype=DATE))
            out.add(node, str(SCHEMA.endDate), ox.Literal(max(dated), datatype=DATE))
        if dimension == "designee":
            continue
        for year, n in Counter(d[:4] for d in dated).items():
            node = str(iris.finding("tally", RULE.iri, dimension, e, year))
            tally(ctx, node, entity, n, out)
            out.add(node, str(DCTERMS.temporal), ox.Literal(year, datatype=YEAR))


def top_designees(ctx: Context, out: Out) -> None:
    """Write the ranked tallies of the designees with the most national designations."""
    p = ctx.p
    national = p.index.get(NATIONAL, -1)
    counts = Counter(
        p.designee[row] for row, valid in enumerate(ctx.valid) if valid and p.level[row] == national
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], p.iris[item[0]]))[:TOP]
    for rank, (entity, n) in enumerate(ranked, start=1):
        node = str(iris.finding("top", TOP_RULE.iri, p.iris[entity]))
        ctx.result(out, node, str(CND.Tally), TOP_RULE)
        out.add(node, str(CND.tallyOf), p.iris[entity])
        out.count(node, str(CND.designationCount), n)
        out.add(node, str(CND.level), NATIONAL)
        out.add(
            node,
            str(CND.rank),
            ox.Literal(str(rank), datatype=ox.NamedNode(str(XSD.positiveInteger))),
        )
