"""Rule: the only designation of a program, or of a batch, within a region at a level."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from graph import iris
from graph.derive.closure import REGION_LEVELS
from graph.derive.columns import grouped
from graph.derive.run import COVERAGE, LEVELS, Context, Out, Rule, nt
from graph.namespaces import CND

RULE = Rule(
    "only-in-region",
    3,
    "For each program and each batch, each designation type (a pilot region is not counted "
    "with pilot units), and each province-level and prefecture-level region, counts the "
    "designations valid at the as-of date and not retracted whose designee lies in the region; "
    "a group of exactly one yields a finding about that designation. A division that ended by "
    "the as-of date is no region: what lay in it counts in its successors.",
)
Key = tuple[str, int, int, int]
KIND = nt(CND.designationType)
CLASS, ABOUT, REGION = nt(CND.OnlyInRegionFinding), nt(CND.aboutDesignation), nt(CND.withinRegion)
LEVEL, SCOPE, COUNT = nt(CND.regionLevel), nt(CND.countScope), nt(CND.candidateCount)
COVERS = nt(CND.coverage)


@dataclass
class Groups:
    """Designations counted per (region level, program or batch, designation type, region)."""

    counts: dict[Key, int] = field(default_factory=dict)
    member: dict[Key, int] = field(default_factory=dict)
    findings: dict[Key, str] = field(default_factory=dict)


def scope_of(ctx: Context, row: int) -> int:
    """The scope a claim about a row is judged in: its batch when it has one, else its program."""
    batch = ctx.p.batch[row]
    return batch if batch >= 0 else ctx.p.program[row]


def group(ctx: Context) -> Groups:
    """Count the valid designations of every program and batch in every region; the member of
    a group is recorded for the groups of exactly one, the only ones that need it."""
    g, c = Groups(), ctx.cols
    for level in REGION_LEVELS:
        rows, regions = ctx.placed(level)
        batched = c.batch[rows] >= 0
        for scope, keep in ((c.program, slice(None)), (c.batch, batched)):
            kept = rows[keep]
            found = grouped(scope[kept], c.kind[kept], regions[keep])
            keys = [(level, *key) for key in found.keys.tolist()]
            g.counts.update(zip(keys, found.size.tolist(), strict=True))
            ones = np.flatnonzero(found.size == 1)
            members = kept[found.first[ones]].tolist()
            g.member.update(zip([keys[i] for i in ones.tolist()], members, strict=True))
    return g


def only_in_region(ctx: Context, out: Out) -> Groups:
    """Write a finding for every group of exactly one; return the groups for the verdicts."""
    g, p = group(ctx), ctx.p
    for key in [k for k, n in g.counts.items() if n == 1]:
        level, scope, kind, region = key
        d = p.iris[p.designation[g.member[key]]]
        node = nt(iris.finding("computed", RULE.iri, d, p.iris[region], level, p.iris[scope]))
        g.findings[key] = node
        ctx.result(out, node, CLASS, RULE)
        out.add(node, ABOUT, d)
        out.add(node, REGION, p.iris[region])
        out.add(node, LEVEL, LEVELS[level])
        out.add(node, SCOPE, p.iris[scope])
        if kind >= 0:  # a designation without a type
            out.add(node, KIND, p.iris[kind])
        out.count(node, COUNT, 1)
        out.add(node, COVERS, COVERAGE[ctx.complete.get(scope, False)])
    return g
