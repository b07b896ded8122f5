"""Places as designees: lists of provinces, cities and counties that an approval acts on
("支持湖北（襄阳）、浙江（德清）创建…", "presented plaques to Zhejiang, Hebei (Xiongan New
Area), …", "pilot free trade zones in Beijing, Hunan province and Anhui province", "those in
Shenzhen in Guangdong province"), and the province of a cluster named by the first characters
of its cities ("金白兰武", "青烟威")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.extract.candidate import Candidate
from graph.extract.gazetteer import Entry, Gazetteer, Mention
from graph.extract.patterns import ANCHORS, OBJECT_AFTER, OBJECT_BEFORE, PLACE_BEFORE, PLACES_AFTER

_DESIGNATOR = re.compile(
    r" (?:province|city|municipality|county|district|(?:[a-z]+ )?autonomous (?:region|prefecture)"
    r"|special administrative region)\b"
)
_BRACKET = re.compile(r" ?\(([^()]{1,24})\)")
_QUALIFIER = re.compile(r" in (?:the )?(?=[a-z])")
_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|、|\band\b|和|及|与|以及)\s*(?:the\s+)?")
_MINOR_IN = re.compile(r"\b([A-Z][a-z]+(?:[ '-][A-Z][a-z]+)?) in (?:the )?(?=[A-Z])")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_RELATIVE = re.compile(r"\s*(?:which|that|where|covering|spanning|with)\b")
BUILD = re.compile(r"建设|创建|共建|\bto (?:jointly )?build\b")
ANCHORS[id(BUILD)] = ("建设", "创建", "共建", "build")


@dataclass(frozen=True)
class Item:
    """One place of a list: the words naming it at [start, end) and the division it is; lead
    is where the words before it begin ("云南省临沧市": 临沧市 led by its province)."""

    start: int
    end: int
    entry: Entry
    lead: int = -1


@dataclass
class Run:
    """Places joined by separators; reach is where the last one's qualifier ends."""

    items: list[Item] = field(default_factory=list)
    reach: int = 0


def _designated(norm: str, end: int, hi: int) -> int:
    """Where the words after a place that say what kind of division it is end."""
    m = _DESIGNATOR.match(norm, end, hi)
    return m.end() if m else end


def _bracketed(norm: str, end: int, hi: int, entry: Entry, gaz: Gazetteer) -> tuple[int, Entry]:
    """A bracketed sub-region after a place ("河北省(雄安新区)"): the item ends after it, and
    the sub-region is the division when it resolves within the place's province."""
    m = _BRACKET.match(norm, end, hi)
    if m is None:
        return end, entry
    found = [x.entry for x in gaz.scan(norm, norm, m.start(1), m.end(1))]
    sub = next((e for e in found if e.kind == "division"), None)
    sub = sub or gaz.minor_place(m.group(1), entry.province)
    return m.end(), sub if sub is not None and sub.province == entry.province else entry


def _qualified(norm: str, end: int, hi: int, places: dict[int, Mention]) -> int:
    """Where " in Hubei province" after a place ends, when it follows."""
    m = _QUALIFIER.match(norm, end, hi)
    if m is None or m.end() not in places:
        return end
    return _designated(norm, places[m.end()].end, hi)


def _minor_items(raw: str, norm: str, lo: int, hi: int, gaz: Gazetteer) -> list[Item]:
    """Counties named by their short English name before their province ("Deqing in Zhejiang")."""
    out = []
    for m in _MINOR_IN.finditer(raw, lo, hi):
        found = gaz.scan(norm, raw, m.end(), min(hi, m.end() + 40))
        if not found or found[0].start != m.end() or found[0].entry.kind != "division":
            continue
        entry = gaz.minor_place(m.group(1), found[0].entry.province)
        if entry is not None:
            out.append(Item(m.start(1), m.end(1), entry, m.start(1)))
    return out


_RANK = {"province": 0, "prefecture": 1, "county": 2}
PLACE_KINDS = frozenset({"division", "area"})


def _inside(outer: Mention, inner: Mention) -> bool:
    """Whether a place names the division that holds the place right after it ("云南省临沧市")."""
    a, b = outer.entry, inner.entry
    return (
        outer.end == inner.start
        and a.province == b.province
        and _RANK.get(a.detail, 3) < _RANK.get(b.detail, 3)
    )


def _items(
    norm: str, raw: str, lo: int, hi: int, places: list[Mention], gaz: Gazetteer
) -> list[Item]:
    items, lead = [], -1
    for m, after in zip(places, [*places[1:], None], strict=False):
        if after is not None and _inside(m, after):
            lead = m.start if lead < 0 else lead
            continue
        items.append(Item(m.start, m.end, m.entry, m.start if lead < 0 else lead))
        lead = -1
    for minor in _minor_items(raw, norm, lo, hi, gaz):
        if all(p.end <= minor.start or minor.end <= p.start for p in items):
            items.append(minor)
    return sorted(items, key=lambda i: i.start)


def place_runs(
    norm: str, raw: str, span: tuple[int, int], mentions: list[Mention], gaz: Gazetteer
) -> list[Run]:
    """Places in a span joined into lists: each place with its bracketed sub-region, the next
    after a separator (", ", "、", "and", "和"), skipping " in Hubei province" between them."""
    lo, hi = span
    places = [m for m in mentions if m.entry.kind in PLACE_KINDS]
    if not places and " in " not in raw[lo:hi]:
        return []
    by_start = {m.start: m for m in places}
    runs: list[Run] = []
    for item in _items(norm, raw, lo, hi, places, gaz):
        if runs and item.start < runs[-1].reach:
            continue
        end = _designated(norm, item.end, hi)
        end, entry = _bracketed(norm, end, hi, item.entry, gaz)
        reach = _qualified(norm, end, hi, by_start)
        joined = runs and _SEPARATOR.fullmatch(norm, runs[-1].reach, item.lead)
        if not joined:
            runs.append(Run())
        runs[-1].items.append(Item(item.start, end, entry, item.lead))
        runs[-1].reach = reach
    return runs


def _acted_on(raw: str, norm: str, run: Run, span: tuple[int, int]) -> bool:
    """Whether an approval acts on a list of places: a verb or "zones in" before it, or "as",
    "创建", "等6个" after it; a place after "in" or "在" only qualifies something else."""
    start = run.items[0].lead
    before = norm[max(span[0], start - 30) : start]
    if PLACES_AFTER.search(raw[max(span[0], start - 30) : start]):
        clause = re.split(r"[,;，；]", norm[span[0] : start])[-1]
        return _RELATIVE.match(clause) is None
    if PLACE_BEFORE.search(before):
        return False
    if OBJECT_BEFORE.search(before):
        return True
    return OBJECT_AFTER.match(norm, run.reach, min(span[1], run.reach + 40)) is not None


def place_candidates(
    norm: str, raw: str, span: tuple[int, int], mentions: list[Mention], gaz: Gazetteer
) -> list[Candidate]:
    """The places an approval in the span acts on, each with its bracketed sub-region."""
    out = []
    for run in place_runs(norm, raw, span, mentions, gaz):
        if _acted_on(raw, norm, run, span):
            out += [Candidate(i.start, i.end, "city", i.entry) for i in run.items]
    return out


def initials_province(name: str, gaz: Gazetteer) -> str | None:
    """The province of a name that opens with the first characters of its cities ("金白兰武
    有色金属集群": 金昌, 白银, 兰州, 武威), when one province holds a city for each of at least
    two characters."""
    han = _HAN.match(name)
    if han is None:
        return None
    found: str | None = None
    common: set[str | None] | None = None
    for i, char in enumerate(han.group()[:6]):
        here = {e.province for e in gaz.initials.get(char, ())}
        common = here if common is None else common & here
        if not common:
            break
        if i >= 1 and len(common) == 1:
            found = next(iter(common))
    return found
