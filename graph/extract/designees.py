"""Designees in a sentence: gazetteer entries, names ending in a designee word (… High-Tech Zone,
…高新区, …集群, … Co., Ltd.) and, for city lists, the cities named."""

from __future__ import annotations

import re

from graph.extract import conjuncts
from graph.extract.candidate import Candidate
from graph.extract.gazetteer import Entry, Gazetteer, Mention
from graph.extract.normalise import key
from graph.extract.patterns import (
    CITY_WORDS,
    EN_STOP,
    EN_SUFFIXES,
    GENERIC_START,
    OBJECT_AFTER,
    OBJECT_BEFORE,
    OWNER_AFTER,
    PLACE_BEFORE,
    SOURCE_BEFORE,
    ZH_CUT,
    ZH_GENERIC_START,
    ZH_LEVEL_START,
    ZH_SUFFIXES,
    ZH_UNCUT,
)

DESIGNEE_ORGS = frozenset({"enterprise", "institute"})
KIND_OF = {"zone": "zone", "cluster": "cluster", "org": "organization", "division": "city"}
MUNICIPALITIES = ("110000", "120000", "310000", "500000")
_EN_TOKEN = re.compile(r"[A-Za-z0-9&'’().\-]+")
_HAN_NAME = re.compile(r"[\u3400-\u9fff()]")


def _suffix_spans(
    norm: str, lo: int, hi: int, table: tuple[tuple[str, str], ...]
) -> list[tuple[int, int, str]]:
    """Where words that end names occur in norm[lo:hi], longer words first where they
    overlap; English words whole."""
    spans: list[tuple[int, int, str]] = []
    for suffix, kind in table:
        at = norm.find(suffix, lo, hi)
        while at != -1:
            end = at + len(suffix)
            ascii_ok = not suffix[0].isascii() or (
                (at == 0 or not norm[at - 1].isalnum())
                and (end >= len(norm) or not norm[end].isalnum())
            )
            if ascii_ok and not any(a < end and at < b for a, b, _ in spans):
                spans.append((at, end, kind))
            at = norm.find(suffix, end, hi)
    return sorted(spans)


_CUT = re.compile("|".join(re.escape(w) for w in sorted(ZH_CUT, key=len, reverse=True)))
_UNCUT = {w: tuple(u for u in ZH_UNCUT if u.startswith(w)) for w in ZH_CUT}


def _cut(norm: str, i: int, at: int) -> int:
    """Where the last cut word in norm[i:at] ends, relative to i (0 when none), passing over
    words a cut word only begins ("经济" is no "经")."""
    cut = 0
    for m in _CUT.finditer(norm, i, at):
        if not any(norm.startswith(u, m.start()) for u in _UNCUT[m.group()]):
            cut = m.end() - i
    return cut


def _zh_start(norm: str, lo: int, at: int, gaz: Gazetteer) -> int | None:
    i = at
    while i > max(lo, at - 24) and _HAN_NAME.match(norm[i - 1]):
        i -= 1
    prefix = norm[i:at]
    cut = _cut(norm, i, at)
    for joiner in "和与及、":
        j = prefix.rfind(joiner, cut)
        if j != -1 and gaz.starts_at(norm, i + j + 1):
            cut = j + 1
    start = i + cut
    if at - start < 2:
        return None
    return start


def _en_start(raw: str, lo: int, at: int) -> int | None:
    tokens = list(_EN_TOKEN.finditer(raw, lo, at))
    start, safe = at, at
    for tok in reversed(tokens):
        if raw[tok.end() : start].strip():
            break
        word = tok.group().lower()
        if word.endswith(")") and "(" not in word:
            break
        if word in ("and", "&"):
            start = tok.start()
            continue
        if word.endswith(("'s", "’s")) and safe == at and tok.group()[:1].isupper():
            following = raw[tok.end() : at].split()[:1]
            if following and following[0].lower() not in GENERIC_START | {"only"}:
                safe = tok.start()
            break
        if word in EN_STOP or word.endswith(("'s", "’s", "-based")) or word[:1].isdigit():
            break
        start = tok.start()
        if tok.group()[:1].isupper():
            safe = start
    if safe == at:
        return None
    return safe if raw[safe:at].split()[0][:1].isupper() else None


def _generic(name: str, kind: str) -> bool:
    """Whether a name is a program's generic noun phrase rather than a proper name."""
    if kind == "organization":
        return name.startswith(ZH_LEVEL_START) or name.split()[0] in GENERIC_START
    if name[:1].isascii():
        words = name.split()
        return words[0].lower() in GENERIC_START and (
            words[0].islower() or all(w.lower() in GENERIC_START for w in words[:-1])
        )
    return name.startswith(ZH_GENERIC_START) or "国家级" in name or "省级" in name


def pattern_candidates(
    norm: str, raw: str, lo: int, hi: int, gaz: Gazetteer, lang: str
) -> list[Candidate]:
    """Designees found by the words that end their names, with the conjuncts that share
    their head noun."""
    table = ZH_SUFFIXES if lang == "zh" else EN_SUFFIXES
    found = []
    for at, end, kind in _suffix_spans(norm, lo, hi, table):
        counted = (
            conjuncts.zh_counted(norm, raw, lo, (at, end), kind, gaz) if lang == "zh" else None
        )
        if counted:
            found += counted
            continue
        start = _zh_start(norm, lo, at, gaz) if lang == "zh" else _en_start(raw, lo, at)
        if start is None:
            continue
        end = _bracket_after(raw, norm, end, hi, gaz)
        name = raw[start:end] if lang == "en" else norm[start:end]
        if _generic(name, kind):
            continue
        shared = conjuncts.bracketed(norm, raw, lo, (start, end), kind, gaz)
        if shared:
            found += shared
            continue
        if lang == "zh":
            found += conjuncts.zh_shared(norm, raw, lo, (start, end), at, kind, gaz)
        else:
            items, replaced = conjuncts.en_shared(raw, lo, (start, end), at, kind, gaz)
            found += items
            if replaced:
                continue
        kinds = {"zone": ("zone",), "cluster": ("cluster",)}.get(kind, ("org", "zone", "cluster"))
        entry = _placed(gaz.fuzzy(raw[start:end], kinds), norm, raw, start, end, gaz)
        found.append(Candidate(start, end, kind, entry))
    return found


_AFTER_BRACKET = re.compile(r" ?\(([^()]{2,30})\)")


def _bracket_after(raw: str, norm: str, end: int, hi: int, gaz: Gazetteer) -> int:
    """A name ends after a bracketed place that follows it ("…开发区（无锡市新吴区）",
    "… Zone (Xinwu District)")."""
    m = _AFTER_BRACKET.match(norm, end, hi)
    if m is None:
        return end
    places = gaz.scan(norm, raw, m.start(1), m.end(1))
    return m.end() if any(p.entry.kind == "division" for p in places) else end


def _placed(
    entry: Entry | None, norm: str, raw: str, start: int, end: int, gaz: Gazetteer
) -> Entry | None:
    """A fuzzy match, unless the name places itself in another province ("Zhaoqing High-tech
    Zone" is not "Ganzhou High-tech Zone")."""
    if entry is None or not entry.province or key(raw[start:end]) in gaz.by_key:
        return entry
    places = [m for m in gaz.scan(norm, raw, start, end) if m.entry.kind == "division"]
    if places and places[0].entry.province != entry.province:
        return None
    return entry


def gazetteer_candidates(norm: str, mentions: list[Mention]) -> list[Candidate]:
    """Designees that are named in the reference data (organisations not as owner or source)."""
    out = []
    for m in mentions:
        e = m.entry
        if e.kind == "org" and e.detail in DESIGNEE_ORGS:
            owner = OWNER_AFTER.match(norm, m.end) or SOURCE_BEFORE.search(
                norm, max(0, m.start - 20), m.start
            )
            if owner is None:
                out.append(Candidate(m.start, m.end, "organization", e))
        elif e.kind in ("zone", "cluster"):
            out.append(Candidate(m.start, m.end, KIND_OF[e.kind], e))
    return out


def city_candidates(
    norm: str, lo: int, hi: int, mentions: list[Mention], listed: bool = False
) -> list[Candidate]:
    """Cities named in a sentence about pilot or demonstration cities, or in a list of cities."""
    cities = [
        m
        for m in mentions
        if m.entry.kind == "division"
        and (m.entry.detail == "prefecture" or m.entry.ref[4:] in MUNICIPALITIES)
    ]
    if listed:
        return [Candidate(m.start, m.end, "city", m.entry) for m in cities]
    if cities and not CITY_WORDS.search(norm, lo, hi) and len(cities) < 3:
        cities = [m for m in cities if _object_of_approval(norm, m)]
    if not cities:
        return []
    if PLACE_BEFORE.search(norm[max(lo, cities[0].start - 12) : cities[0].start]):
        return []
    return [Candidate(m.start, m.end, "city", m.entry) for m in cities]


def _object_of_approval(norm: str, m: Mention) -> bool:
    """Whether a place is what an approval verb acts on ("approved Ordos as…", "确定包头市为…")."""
    return bool(
        OBJECT_BEFORE.search(norm, max(0, m.start - 24), m.start)
        or OBJECT_AFTER.match(norm, m.end, m.end + 40)
    )


def item_candidates(mentions: list[Mention], found: list[Candidate]) -> list[Candidate]:
    """The designee a list item names first: a name found by pattern or reference, or a city."""
    if found:
        return found[:1]
    cities = city_candidates("", 0, 0, mentions, listed=True)
    return cities[:1]


def merge(
    groups: list[list[Candidate]],
    blocked: list[tuple[int, int]],
    places: list[Candidate] | tuple[()] = (),
) -> list[Candidate]:
    """Candidates in text order, longest first where they overlap; none inside blocked spans.
    Cities named in passing yield to named designees; places an approval acts on do not."""
    chosen: list[Candidate] = []
    pool = [c for g in groups for c in g]
    if any(c.kind != "city" for c in pool):
        pool = [c for c in pool if c.kind != "city"]
    first = {id(c): 0 if c.label else 1 for c in places}

    def order(c: Candidate) -> tuple[int, int, int]:
        return -(c.end - c.start), c.start, 0 if c.label else first.get(id(c), 2)

    for c in sorted([*places, *pool], key=order):
        if any(a <= c.start and c.end <= b for a, b in blocked):
            continue
        clash = [o for o in chosen if o.start < c.end and c.start < o.end]
        if not clash:
            chosen.append(c)
        elif clash[0].entry is None and c.entry is not None and c.kind != "city":
            keep = clash[0]
            chosen[chosen.index(keep)] = Candidate(keep.start, keep.end, keep.kind, c.entry)
    return sorted(chosen, key=lambda c: c.start)
