"""Designating authorities: organisations of the reference data by name or abbreviation, and
ministries, departments and governments by pattern."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from graph.extract.gazetteer import Gazetteer, Mention, iri_of
from graph.extract.patterns import (
    EN_ISSUER,
    EN_ISSUER_CUES,
    ISSUER_CITY,
    ISSUER_LOCAL,
    ZH_ISSUER_CORE,
    ZH_SUB_UNIT,
)

AUTHORITIES = frozenset({"government", "ministry", "agency", "department", "committee"})


@dataclass(frozen=True)
class Issuer:
    """An authority named at [start, end), with its IRI when it is in the reference data."""

    start: int
    end: int
    label: str
    iri: str | None
    level: str


def _level(label: str, ref: str | None) -> str:
    if ref in ("org/state-council",) or label.startswith(("国务院", "State Council")):
        return "national"
    if ISSUER_LOCAL.search(label):
        return "provincial"
    if ISSUER_CITY.search(label) and not label.startswith(("国家", "National")):
        return "municipal"
    return "national"


def _known(mentions: list[Mention], raw: str, norm: str) -> list[Issuer]:
    out = []
    for m in mentions:
        e = m.entry
        if e.kind == "org" and e.detail in AUTHORITIES:
            label = raw[m.start : m.end]
            iri: str | None = iri_of(e.ref)
            unit = ZH_SUB_UNIT.match(norm, m.end)
            if unit is not None:
                label, iri = raw[m.start : unit.end()], None
            out.append(Issuer(m.start, m.start + len(label), label, iri, _level(label, e.ref)))
    return out


def _zh_patterns(norm: str, raw: str, mentions: list[Mention]) -> list[Issuer]:
    out = []
    ends = {m.end: m for m in mentions if m.entry.kind == "division"}
    for m in ZH_ISSUER_CORE.finditer(norm):
        start = m.start()
        for gap in ("", "省", "市", "自治区"):
            if start - len(gap) in ends and norm.startswith(gap, start - len(gap)):
                start = ends[start - len(gap)].start
                break
        label = raw[start : m.end()]
        out.append(Issuer(start, m.end(), label, None, _level(label, None)))
    return out


def _en_patterns(raw: str) -> list[Issuer]:
    out: list[Issuer] = []
    if not any(cue in raw for cue in EN_ISSUER_CUES):
        return out
    for m in EN_ISSUER.finditer(raw):
        a = m.start() + (4 if m.group().startswith(("the ", "The ")) else 0)
        label = raw[a : m.end()]
        out.append(Issuer(a, m.end(), label, None, _level(label, None)))
    return out


def find_issuers(norm: str, raw: str, mentions: list[Mention], gaz: Gazetteer) -> list[Issuer]:
    """Every authority named in the text, known ones first where spans overlap."""
    out = _known(mentions, raw, norm)
    taken = sorted((k.start, k.end) for k in out)
    for cand in _zh_patterns(norm, raw, mentions) + _en_patterns(raw):
        at = bisect.bisect_left(taken, (cand.start, cand.start))
        if (at < len(taken) and taken[at][0] < cand.end) or (
            at > 0 and taken[at - 1][1] > cand.start
        ):
            continue
        bisect.insort(taken, (cand.start, cand.end))
        entry = gaz.fuzzy(cand.label, ("org",), cutoff=0.9)
        if entry is not None and entry.detail in AUTHORITIES:
            cand = Issuer(cand.start, cand.end, cand.label, iri_of(entry.ref), cand.level)
        out.append(cand)
    return sorted(out, key=lambda i: i.start)
