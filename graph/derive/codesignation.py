"""Rule: the co-designation network, as a weighted networkx graph written as nodes.

Designees are linked when they hold designations under the same program, weighted by the
number of programs shared; prefecture-level regions are linked the same way. Programs with
more than MAX_MEMBERS members at a level are left out at that level: they would link
everything to everything (and the edges grow with the square of their size), while sharing a
rare program is what the network is for.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx
import numpy as np

from graph import iris
from graph.derive.columns import grouped
from graph.derive.only import LEVEL
from graph.derive.run import LEVELS, Context, Out, Rule, nt
from graph.namespaces import CND

RULE = Rule(
    "co-designation",
    1,
    "Links two designees, or two prefecture-level regions, holding designations valid at the "
    "as-of date under the same programs, weighted by the number of programs they share; "
    "programs with more than 50 members at a level are not used to link at that level.",
)
MAX_MEMBERS = 50
CITY = "prefecture"
CLASS, END, WEIGHT = nt(CND.CoDesignation), nt(CND.coDesignee), nt(CND.sharedPrograms)


def members(ctx: Context, by_city: bool) -> dict[int, set[int]]:
    """The designees (or their prefecture-level regions) of every program with at most
    MAX_MEMBERS of them."""
    c = ctx.cols
    if by_city:
        rows, ends = ctx.placed(CITY)
    else:
        rows = ctx.by_start
        ends = c.designee[rows]
    pairs = grouped(c.program[rows], ends).keys
    programs, sizes = np.unique(pairs[:, 0], return_counts=True)
    small = np.isin(pairs[:, 0], programs[sizes <= MAX_MEMBERS])
    out: dict[int, set[int]] = {}
    for program, end in pairs[small].tolist():
        out.setdefault(program, set()).add(end)
    return out


def network(ctx: Context, by_city: bool) -> nx.Graph[int]:
    """The weighted co-designation graph over designees or prefecture-level regions."""
    pairs: Counter[tuple[int, int]] = Counter()
    for group in members(ctx, by_city).values():
        pairs.update(combinations(sorted(group), 2))
    g: nx.Graph[int] = nx.Graph()
    g.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    return g


def co_designation(ctx: Context, out: Out) -> None:
    """Write one cnd:CoDesignation node per weighted edge, at both levels."""
    p = ctx.p
    for by_city in (False, True):
        for a, b, data in network(ctx, by_city).edges(data=True):
            weight = int(data["weight"])
            ends = sorted((p.iris[a], p.iris[b]))
            kind = CITY if by_city else "designee"
            node = nt(iris.finding("co-designation", RULE.iri, kind, *ends))
            ctx.result(out, node, CLASS, RULE)
            for end in ends:
                out.add(node, END, end)
            out.count(node, WEIGHT, weight)
            if by_city:
                out.add(node, LEVEL, LEVELS[CITY])
