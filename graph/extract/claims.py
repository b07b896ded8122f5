"""Claims beyond the designation: "only", "first", "first of its kind" and counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.gazetteer import Mention
from graph.extract.lexicon import fragment

ONLY = re.compile(f"{fragment('en', 'only')}|{fragment('zh', 'only')}")
FIRST = re.compile(f"{fragment('en', 'first')}|{fragment('zh', 'first')}")
OF_KIND = re.compile(f"{fragment('en', 'of_kind')}|{fragment('zh', 'of_kind')}")
COUNT = re.compile(f"{fragment('zh', 'count')}|{fragment('en', 'count')}")
CLAUSE = re.compile(r"[^,;，；。.!?！？\n]+")


@dataclass(frozen=True)
class Claim:
    """A claim with its kind, the clause that states it, and the province it is about."""

    kind: str
    start: int
    end: int
    region: str | None
    count: int | None = None


def _clauses(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in CLAUSE.finditer(norm, lo, hi)]


def _province(a: int, b: int, mentions: list[Mention]) -> str | None:
    for m in mentions:
        if a <= m.start and m.end <= b and m.entry.kind == "division":
            return m.entry.province
    return None


def find_claims(norm: str, lo: int, hi: int, mentions: list[Mention]) -> list[Claim]:
    """Claims stated in norm[lo:hi], one per clause and kind."""
    found: list[Claim] = []
    for a, b in _clauses(norm, lo, hi):
        clause = norm[a:b]
        a += len(clause) - len(clause.lstrip())
        b -= len(clause) - len(clause.rstrip())
        if b <= a:
            continue
        found += _clause_claims(norm, a, b, mentions)
    return found


def _clause_claims(norm: str, a: int, b: int, mentions: list[Mention]) -> list[Claim]:
    clause, out = norm[a:b], []
    region = _province(a, b, mentions)
    kind_wide = OF_KIND.search(clause) is not None
    if ONLY.search(clause):
        out.append(
            Claim("first-of-kind" if kind_wide and not region else "only-in-region", a, b, region)
        )
    elif FIRST.search(clause) or re.search(r"全国首|国内首", clause):
        out.append(
            Claim("first-in-region" if region and not kind_wide else "first-of-kind", a, b, region)
        )
    count = COUNT.search(clause)
    if count:
        out.append(Claim("count", a, b, region, int(count.group(1) or count.group(2))))
    return out
