"""Rules: designation counts and yearly timelines per designee, region, program and issuer,
and the designees holding the most national designations."""

from __future__ import annotations

from collections import Counter
from itertools import compress

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


def _entities(ctx: Context) -> dict[str, tuple[list[int], list[str]]]:
    """Per dimension, the entity each valid row counts for and the row's start, aligned."""
    p = ctx.p
    rows = list(compress(range(len(p)), ctx.valid))
    starts = list(map(p.start.__getitem__, rows))
    designees = list(map(p.designee.__getitem__, rows))
    out = {
        "designee": (designees, starts),
        "program": (list(map(p.program.__getitem__, rows)), starts),
    }
    for level in REGION_LEVELS:
        pairs = [
            (region, start)
            for designee, start in zip(designees, starts, strict=True)
            for region in ctx.regions.get(designee, {}).get(level, ())
        ]
        out[level] = ([r for r, _ in pairs], [s for _, s in pairs])
    issued = [(issuer, p.start[row]) for row, issuer in p.issuers if ctx.valid[row]]
    out["issuer"] = ([i for i, _ in issued], [s for _, s in issued])
    return out


def _spans(entities: list[int], starts: list[str]) -> dict[int, tuple[str, str]]:
    """The first and last start date of each entity's dated rows."""
    lo: dict[int, str] = {}
    hi: dict[int, str] = {}
    for entity, start in zip(entities, starts, strict=True):
        if start:
            if start < lo.get(entity, "9"):
                lo[entity] = start
            if start > hi.get(entity, ""):
                hi[entity] = start
    return {e: (lo[e], hi[e]) for e in lo}


def tally(ctx: Context, key: tuple[str, ...], entity: int, count: int, out: Out) -> str:
    """A tally node of an entity with its count; its IRI."""
    node = nt(iris.finding("tally", RULE.iri, *key))
    ctx.result(out, node, CLASS, RULE)
    out.add(node, OF, ctx.p.iris[entity])
    out.count(node, COUNT, count)
    return node


def tallies(ctx: Context, out: Out) -> None:
    """Write the totals with start spans and (but for designees) yearly timelines."""
    date, year_type = str(XSD.date), str(XSD.gYear)
    for dimension, (entities, starts) in _entities(ctx).items():
        spans = _spans(entities, starts)
        for entity, n in Counter(entities).items():
            node = tally(ctx, (dimension, ctx.p.iris[entity], ""), entity, n, out)
            if dimension in LEVELS:
                out.add(node, LEVEL, LEVELS[dimension])
            if entity in spans:
                out.add(node, START, typed(spans[entity][0], date))
                out.add(node, END, typed(spans[entity][1], date))
        if dimension == "designee":
            continue
        years = Counter(zip(entities, (s[:4] for s in starts), strict=True))
        for (entity, year), n in years.items():
            if year:
                node = tally(ctx, (dimension, ctx.p.iris[entity], year), entity, n, out)
                out.add(node, YEAR, typed(year, year_type))


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
