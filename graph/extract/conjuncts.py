"""Names that share one head noun: "滁州、信阳、遵义高新技术产业开发区", "长治、锦州等14家
省级高新区", "the Chuzhou, Xinyang and Zunyi high-tech industrial development zones",
"中国(辽宁)、中国(浙江)自由贸易试验区", "China (Shandong), China (Jiangsu) … Pilot Free Trade
Zones": one designee per conjunct, each labelled with the shared head."""

from __future__ import annotations

import re

from graph.extract.candidate import Candidate
from graph.extract.gazetteer import Entry, Gazetteer
from graph.extract.normalise import normalise

_ZH_JOIN = "、和与及"
_ZH_COUNTED = re.compile(r"等?\s*\d+\s*[个家座所](?:国家级|省级|自治区级|市级|国家)?$")
_EN_ITEMS = re.compile(r"((?:[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)?(?:, | and |, and ))+)$")
_EN_ITEM = re.compile(r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)?")
_EN_SPLIT = re.compile(r",? and |, ")
# A name whose first words name a place in brackets ("中国(辽宁)自由贸易试验区", "China (Hebei)
# Pilot Free Trade Zones") can share its head with conjuncts before it: "中国(辽宁)、中国(浙江)…".
_BRACKET_HEAD = re.compile(r"(china ?\([^()]{2,20}\) ?|中国\([^()]{2,8}\))")
_CONJUNCTS = re.compile(
    r"(?:(?:china ?\([^()]{2,20}\)|中国\([^()]{2,8}\))(?:,? and |, |、|和|与|及))+$"
)
_CONJUNCT = re.compile(r"china ?\([^()]{2,20}\)|中国\([^()]{2,8}\)")
Kinds = tuple[str, ...]


def _places_before(norm: str, raw: str, lo: int, at: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Places joined by "、", "和", "与", "及" that end right before at, in text order."""
    found = gaz.scan(norm, raw, max(lo, at - 80), at)
    ends = {m.end: m for m in found if m.entry.kind == "division"}
    items: list[tuple[int, int]] = []
    pos = at
    while pos - 1 >= lo and norm[pos - 1] in _ZH_JOIN and pos - 1 in ends:
        m = ends[pos - 1]
        items.insert(0, (m.start, m.end))
        pos = m.start
    return items


def zh_counted(
    norm: str, raw: str, lo: int, span: tuple[int, int], kind: str, gaz: Gazetteer
) -> list[Candidate] | None:
    """Places counted before a head noun at span ("长治、锦州、连云港等14家省级高新区",
    "荆州、潜江、黄石大冶湖3家高新技术产业园区"): one name per place with the head; None
    when no name opening with a place comes right before the count."""
    head, end = span
    counted = _ZH_COUNTED.search(norm, max(lo, head - 16), head)
    if counted is None:
        return None
    items = _led_by_places(norm, raw, lo, counted.start(), gaz)
    if not items:
        return None
    return [_item(raw, a, b, raw[head:end], kind, gaz) for a, b in items]


_ITEM_BEFORE = re.compile(rf"[^{_ZH_JOIN}，,。；;：:\s\d]{{2,8}}$")


def _led_by_places(norm: str, raw: str, lo: int, at: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Names joined by "、" that end at at, each opening with a place ("荆州、潜江、黄石大冶湖");
    none unless the last one does."""
    items: list[tuple[int, int]] = []
    pos = at
    while True:
        m = _ITEM_BEFORE.search(norm, max(lo, pos - 8), pos)
        start = None if m is None else _place_start(norm, raw, m.start(), pos, gaz)
        if start is None:
            break
        items.insert(0, (start, pos))
        if start - 1 < lo or norm[start - 1] not in _ZH_JOIN:
            break
        pos = start - 1
    return items


def _place_start(norm: str, raw: str, lo: int, end: int, gaz: Gazetteer) -> int | None:
    """The start of the first place in norm[lo:end], from where a name runs to end: a
    division, or a county-level city by its short name ("潜江")."""
    for m in gaz.scan(norm, raw, lo, end):
        if m.entry.kind == "division":
            return m.start
    for n in range(2, min(5, end - lo + 1)):
        if gaz.minor_place(norm[lo : lo + n], None) is not None:
            return lo
    return None


def zh_shared(
    norm: str, raw: str, lo: int, span: tuple[int, int], head: int, kind: str, gaz: Gazetteer
) -> list[Candidate]:
    """Conjuncts before a Chinese name at span whose head noun starts at head, when the name
    opens with a place and places joined by "、" come before it ("滁州、信阳、遵义高新区")."""
    start, end = span
    first = gaz.scan(norm, raw, start, head)
    if not first or first[0].start != start or first[0].entry.kind != "division":
        return []
    if "(" in norm[start:end]:
        return []
    items = _places_before(norm, raw, lo, start, gaz)
    return [_item(raw, a, b, raw[head:end], kind, gaz) for a, b in items]


def _item(raw: str, a: int, b: int, words: str, kind: str, gaz: Gazetteer) -> Candidate:
    label = raw[a:b] + words
    return Candidate(a, b, kind, resolved(raw, (a, b), label, kind, gaz), label)


def resolved(
    raw: str, span: tuple[int, int], label: str, kind: str, gaz: Gazetteer
) -> Entry | None:
    """The entry a conjunct's label resolves to, unless its place is in another province
    ("Karamay high-tech zone" is not an Inner Mongolian zone however close the words)."""
    entry = gaz.fuzzy(label, _KINDS.get(kind, _ANY))
    if entry is None or not entry.province:
        return entry
    norm = normalise(raw[span[0] : span[1]])
    places = [m.entry for m in gaz.scan(norm, raw[span[0] : span[1]]) if m.entry.kind == "division"]
    return None if places and places[0].province != entry.province else entry


_ANY: Kinds = ("org", "zone", "cluster")
_KINDS: dict[str, Kinds] = {"zone": ("zone",), "cluster": ("cluster",)}


def en_shared(
    raw: str, lo: int, span: tuple[int, int], head: int, kind: str, gaz: Gazetteer
) -> tuple[list[Candidate], bool]:
    """Conjuncts of an English name at span whose head starts at head ("the Chuzhou, Xinyang,
    Karamay and Zunyi high-tech zones"): capitalised names joined by ", " and "and" before
    the head, each labelled with the head in the singular; and whether they replace the name
    (when its own words before the head are a conjunction, "Karamay and Zunyi")."""
    start, end = span
    proper = raw[start:head].strip()
    parts = [p for p in _EN_SPLIT.split(proper) if p]
    if not parts or any(len(p.split()) > 2 for p in parts) or not raw[head:end][:1].islower():
        return [], False
    listed = _EN_ITEMS.search(raw, max(lo, start - 120), start)
    items = [] if listed is None else [m.span() for m in _EN_ITEM.finditer(raw, *listed.span(1))]
    if len(parts) > 1:
        items += [m.span() for m in _EN_ITEM.finditer(raw, start, head)]
    words = raw[head:end].removesuffix("s")
    out = []
    for a, b in items:
        label = f"{raw[a:b]} {words}"
        out.append(Candidate(a, b, kind, resolved(raw, (a, b), label, kind, gaz), label))
    return out, len(parts) > 1


def bracketed(
    norm: str, raw: str, lo: int, span: tuple[int, int], kind: str, gaz: Gazetteer
) -> list[Candidate] | None:
    """The name at span and the conjuncts that share its head when it opens with a bracketed
    place ("中国(辽宁)、中国(浙江)自由贸易试验区"), each with its own label; None otherwise."""
    start, end = span
    if _BRACKET_HEAD.match(norm, start, end) is None:
        return None
    inside = list(_CONJUNCT.finditer(norm, start, end))
    last = inside[-1]
    ascii_name = norm[start : start + 1].isascii()
    words = raw[last.end() : end].strip()
    if ascii_name and words.endswith("s"):
        words = words[:-1]
    listed = _CONJUNCTS.search(norm, max(lo, start - 300), start)
    items = list(_CONJUNCT.finditer(norm, listed.start(), listed.end())) if listed else []
    if not items and len(inside) == 1:
        return None
    out = []
    for item in items + inside:
        label = raw[item.start() : item.end()] + (" " if ascii_name else "") + words
        entry = resolved(raw, item.span(), label, kind, gaz)
        out.append(Candidate(item.start(), item.end(), kind, entry, label))
    return out
