"""Rule: the first designation of a program within a region at a level."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph import iris
from graph.derive.closure import REGION_LEVELS
from graph.derive.columns import grouped
from graph.derive.only import ABOUT, COUNT, COVERS, KIND, LEVEL, REGION, SCOPE
from graph.derive.run import COVERAGE, LEVELS, Context, Out, Rule, nt
from graph.namespaces import CND

RULE = Rule(
    "first-in-region",
    3,
    "For each program, each designation type and each province-level and prefecture-level "
    "region, takes the "
    "designations valid at the as-of date with a known start (validity start, else announcement, "
    "else decision; a partial date counts from its first day); those with the earliest start "
    "are first, and the finding counts every dated designation in the group.",
)
Key = tuple[str, int, int, int]
CLASS = nt(CND.FirstInRegionFinding)


@dataclass
class Firsts:
    """Per (region level, program, designation type, region): dated designations and the
    earliest of them."""

    counts: dict[Key, int] = field(default_factory=dict)
    earliest: dict[Key, list[int]] = field(default_factory=dict)
    findings: dict[tuple[Key, int], str] = field(default_factory=dict)


def firsts(ctx: Context) -> Firsts:
    """Group the valid dated designations of every program by region.

    Rows come in start order, so each group's first row has its earliest start; the rows
    with that start are its first designations (in row order)."""
    f, c = Firsts(), ctx.cols
    for level in REGION_LEVELS:
        rows, regions = ctx.placed(level)
        dated = c.start[rows] > 0
        rows, regions = rows[dated], regions[dated]
        found = grouped(c.program[rows], c.kind[rows], regions)
        keys = [(level, *key) for key in found.keys.tolist()]
        f.counts.update(zip(keys, found.size.tolist(), strict=True))
        starts = c.start[rows]
        is_first = starts == starts[found.first][found.of]
        for group, row in zip(found.of[is_first].tolist(), rows[is_first].tolist(), strict=True):
            f.earliest.setdefault(keys[group], []).append(row)
    for earliest in f.earliest.values():
        earliest.sort()
    return f


def first_in_region(ctx: Context, out: Out) -> Firsts:
    """Write a finding for each earliest designation; return the groups for the verdicts."""
    f, p = firsts(ctx), ctx.p
    for key, rows in f.earliest.items():
        level, program, kind, region = key
        for row in rows:
            d = p.iris[p.designation[row]]
            node = nt(iris.finding("computed", RULE.iri, d, p.iris[region], level))
            f.findings[(key, row)] = node
            ctx.result(out, node, CLASS, RULE)
            out.add(node, ABOUT, d)
            out.add(node, REGION, p.iris[region])
            out.add(node, LEVEL, LEVELS[level])
            out.add(node, SCOPE, p.iris[program])
            if kind >= 0:
                out.add(node, KIND, p.iris[kind])
            out.count(node, COUNT, f.counts[key])
            out.add(node, COVERS, COVERAGE[ctx.complete.get(program, False)])
    return f
