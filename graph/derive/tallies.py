"""Rules: designation counts and yearly timelines per designee, region, program and issuer,
and the designees holding the most national designations."""

from __future__ import annotations

import numpy as np
from rdflib.namespace import DCTERMS, XSD

from graph import iris
from graph.derive.closure import REGION_LEVELS
from graph.derive.columns import Ints, day_text, grouped
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


def _entities(ctx: Context) -> dict[str, tuple[Ints, Ints]]:
    """Per dimension, the entity each valid row counts for and the row's start (YYYYMMDD, 0
    when unknown), aligned, in start order (undated rows first)."""
    c, rows = ctx.cols, ctx.by_start
    starts = c.start[rows]
    out = {"designee": (c.designee[rows], starts), "program": (c.program[rows], starts)}
    for level in REGION_LEVELS:
        placed, regions = ctx.placed(level)
        out[level] = (regions, c.start[placed])
    issued = ctx.valid[c.issuer_row]
    issuer_rows, issuers = c.issuer_row[issued], c.issuer[issued]
    order = np.argsort(c.start[issuer_rows], kind="stable")
    out["issuer"] = (issuers[order], c.start[issuer_rows[order]])
    return out


def _spans(entities: Ints, starts: Ints) -> dict[int, tuple[str, str]]:
    """The first and last start date of each entity's dated rows (the rows in start order)."""
    dated = starts > 0
    entities, starts = entities[dated], starts[dated]
    found, first = np.unique(entities, return_index=True)
    last = len(entities) - 1 - np.unique(entities[::-1], return_index=True)[1]
    return {
        e: (day_text(lo), day_text(hi))
        for e, lo, hi in zip(
            found.tolist(), starts[first].tolist(), starts[last].tolist(), strict=True
        )
    }


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
        found, counts = np.unique(entities, return_counts=True)
        for entity, n in zip(found.tolist(), counts.tolist(), strict=True):
            node = tally(ctx, (dimension, ctx.p.iris[entity], ""), entity, n, out)
            if dimension in LEVELS:
                out.add(node, LEVEL, LEVELS[dimension])
            if entity in spans:
                out.add(node, START, typed(spans[entity][0], date))
                out.add(node, END, typed(spans[entity][1], date))
        if dimension == "designee":
            continue
        dated = starts > 0
        years = grouped(entities[dated], starts[dated] // 10000)
        for (entity, year), n in zip(years.keys.tolist(), years.size.tolist(), strict=True):
            node = tally(ctx, (dimension, ctx.p.iris[entity], f"{year:04d}"), entity, n, out)
            out.add(node, YEAR, typed(f"{year:04d}", year_type))


def top_designees(ctx: Context, out: Out) -> None:
    """Write the ranked tallies of the designees with the most national designations."""
    p = ctx.p
    national = p.index.get(NATIONAL, -1)
    wanted = ctx.valid & (ctx.cols.level == national)
    found, counts = np.unique(ctx.cols.designee[wanted], return_counts=True)
    pairs = zip(found.tolist(), counts.tolist(), strict=True)
    ranked = sorted(pairs, key=lambda item: (-item[1], p.iris[item[0]]))[:TOP]
    for rank, (entity, n) in enumerate(ranked, start=1):
        node = nt(iris.finding("top", TOP_RULE.iri, p.iris[entity]))
        ctx.result(out, node, CLASS, TOP_RULE)
        out.add(node, OF, p.iris[entity])
        out.count(node, COUNT, n)
        out.add(node, nt(CND.level), NATIONAL)
        out.add(node, RANK, typed(str(rank), str(XSD.positiveInteger)))
