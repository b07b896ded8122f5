"""Rule: reported versus computed. Every reported only/first finding gets a verdict."""

from __future__ import annotations

from dataclasses import dataclass

from graph import iris
from graph.derive.first import Firsts
from graph.derive.only import COUNT, COVERS, LEVEL, REGION, SCOPE, Groups, scope_of
from graph.derive.run import COVERAGE, LEVELS, Context, Out, Rule, nt
from graph.namespaces import CND, concept

RULE = Rule(
    "reported-versus-computed",
    3,
    "Compares each finding a source reports with the counts the graph holds at the as-of date. "
    "An only-in-region claim is counted in the designation's batch (else its program) among "
    "designations of the same type: more "
    "than one designation contradicts it; exactly this one agrees when the batch is a complete "
    "official list and cannot tell when coverage is partial. A first-in-region claim "
    "contradicts an earlier designation of the program in the region and otherwise agrees or "
    "cannot tell the same way. A program counts as complete only when it says so.",
)
CLASS, ABOUT_CLAIM, VERDICT = nt(CND.ClaimVerdict), nt(CND.aboutClaim), nt(CND.verdict)
VERDICTS = {v: nt(concept("verdict", v)) for v in ("agrees", "contradicts", "cannot-tell")}
REPORTED = """
SELECT ?f ?kind ?d ?region ?level WHERE {
  ?f a ?kind ; cnd:aboutDesignation ?d ; cnd:withinRegion ?region ; cnd:regionLevel ?level ;
     cnd:supportedBy ?claim .
  FILTER (?kind IN (cnd:ReportedOnlyInRegionFinding, cnd:ReportedFirstInRegionFinding))
}"""


@dataclass(frozen=True)
class Judgement:
    """A verdict with the numbers behind it."""

    verdict: str
    count: int
    scope: int
    complete: bool
    computed: str | None


def judge_only(ctx: Context, groups: Groups, row: int, level: str, region: int) -> Judgement:
    """More than one contradicts; just this one agrees if the list is complete."""
    scope = scope_of(ctx, row)
    key = (level, scope, ctx.p.kind[row], region)
    count, complete = groups.counts.get(key, 0), ctx.complete.get(scope, False)
    if count > 1 or (count == 1 and groups.member[key] != row):
        return Judgement("contradicts", count, scope, complete, None)
    verdict = "agrees" if count == 1 and complete else "cannot-tell"
    return Judgement(verdict, count, scope, complete, groups.findings.get(key))


def judge_first(ctx: Context, f: Firsts, row: int, level: str, region: int) -> Judgement:
    """An earlier designation contradicts; being the sole earliest agrees if complete."""
    program = ctx.p.program[row]
    key = (level, program, ctx.p.kind[row], region)
    count, complete = f.counts.get(key, 0), ctx.complete.get(program, False)
    earliest = f.earliest.get(key, [])
    start = ctx.p.start[row]
    if earliest and start and ctx.p.start[earliest[0]] < start:
        return Judgement("contradicts", count, program, complete, None)
    sole = earliest == [row]
    verdict = "agrees" if sole and complete else "cannot-tell"
    return Judgement(verdict, count, program, complete, f.findings.get((key, row)))


def verdicts(ctx: Context, groups: Groups, f: Firsts, out: Out) -> None:
    """Write one cnd:ClaimVerdict per reported finding (the REPORTED rows the projection read,
    so that the snapshot covers them)."""
    p = ctx.p
    rows = {d: row for row, d in enumerate(p.designation)}
    only_kind = nt(CND.ReportedOnlyInRegionFinding)
    for reported, kind, d, region_iri, level_iri in p.extra[REPORTED]:
        row = rows.get(p.index.get(d, -1))
        region = p.index.get(region_iri)
        if row is None or region is None:
            continue
        level = level_iri.rsplit("/", 1)[-1].rstrip(">")
        j = (
            judge_only(ctx, groups, row, level, region)
            if kind == only_kind
            else judge_first(ctx, f, row, level, region)
        )
        write(ctx, out, reported, j, level, region)


def write(ctx: Context, out: Out, reported: str, j: Judgement, level: str, region: int) -> None:
    """The verdict node, and the link from the computed finding or the verdict."""
    p = ctx.p
    node = nt(iris.finding("verdict", RULE.iri, reported))
    ctx.result(out, node, CLASS, RULE)
    out.add(node, ABOUT_CLAIM, reported)
    out.add(node, VERDICT, VERDICTS[j.verdict])
    out.count(node, COUNT, j.count)
    out.add(node, COVERS, COVERAGE[j.complete])
    out.add(node, REGION, p.iris[region])
    out.add(node, LEVEL, LEVELS[level])
    out.add(node, SCOPE, p.iris[j.scope])
    if j.computed is not None:
        out.add(node, nt(CND.computedFinding), j.computed)
    if j.verdict == "agrees" and j.computed is not None:
        out.add(j.computed, nt(CND.corroborates), reported)
    if j.verdict == "contradicts":
        out.add(node, nt(CND.contradicts), reported)
