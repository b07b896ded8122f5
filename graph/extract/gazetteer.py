"""Gazetteers built from the reference data and the administrative divisions: every name and
abbreviation of organisations, programs, batches, zones, clusters and divisions, in both
languages, indexed for a fast left-to-right scan of normalised text."""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

from graph import iris
from graph.build import catalogue
from graph.build.divisions import Division, load_history
from graph.build.reference import Names, Reference
from graph.build.seeds import read_reference
from graph.extract.lexicon import table
from graph.extract.normalise import key, normalise
from graph.extract.patterns import LEGAL_SUFFIX

PROVINCE_SHORT3 = ("内蒙古", "黑龙江")
_GROUP = re.compile(r"\s*[(（](?:group|集团)[)）]\s*", re.IGNORECASE)


def company_names(name: str) -> list[str]:
    """Shorter names a company goes by: without its legal suffix ("Co., Ltd.", "股份有限公司"),
    without "(Group)" and, in English, without a leading "China".

    >>> company_names("China Northern Rare Earth (Group) High-Tech Co., Ltd.")
    ['China Northern Rare Earth High-Tech', 'Northern Rare Earth High-Tech']
    """
    bare = " ".join(_GROUP.sub(" ", LEGAL_SUFFIX.sub("", name.strip())).split()).strip(" ,")
    if not bare.isascii():
        bare = bare.replace(" ", "")
    out = [bare] if bare != name.strip() and len(bare) >= 4 else []
    if bare.startswith("China ") and len(bare) > 12:
        out.append(bare.removeprefix("China "))
    return out


@dataclass(frozen=True)
class Entry:
    """One named thing: its reference ("zone/…", "adm/…", "org/…", "program/…"), kind and labels."""

    ref: str
    kind: str
    en: str
    zh: str
    province: str | None = None
    detail: str = ""
    parent: str | None = None
    batch: str | None = None
    issuers: tuple[str, ...] = ()


@lru_cache(maxsize=65536)
def iri_of(ref: str) -> str:
    """The IRI of a reference ("zone/…", "org/…", "adm/…", "program/…"), as a string."""
    return str(iris.entity(ref))


@dataclass(frozen=True)
class Mention:
    """An entry found in the text at [start, end): entry is the preferred one, the first
    indexed under the name, of all the entries the name has."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    entry: Entry


@dataclass
class Gazetteer:
    """Names indexed by their first two normalised characters, longest first."""

    index: dict[str, list[tuple[str, list[Entry]]]] = field(default_factory=dict)
    upper: dict[str, list[Entry]] = field(default_factory=dict)
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    by_ref: dict[str, Entry] = field(default_factory=dict)
    originals: list[tuple[str, Entry]] = field(default_factory=list)
    programs: list[Entry] = field(default_factory=list)
    firsts: frozenset[str] = frozenset()
    kind_keys: dict[tuple[str, ...], dict[str, list[str]]] = field(default_factory=dict)
    placeless: dict[tuple[str, ...], dict[str, set[str]]] = field(default_factory=dict)
    memo: dict[tuple[str, tuple[str, ...], float], Entry | None] = field(default_factory=dict)
    minor: dict[str, list[Entry]] = field(default_factory=dict)
    initials: dict[str, list[Entry]] = field(default_factory=dict)
    batches: dict[str, list[Entry]] = field(default_factory=dict)
    whole: tuple[str, list[Mention], list[int]] | None = None
    starts: re.Pattern[str] | None = None

    def add(self, name: str, entry: Entry) -> None:
        """Index a name of an entry; short all-capital abbreviations match case-sensitively."""
        name = name.strip()
        if len(name) < 2:
            return
        self.by_ref.setdefault(entry.ref, entry)
        self.firsts = frozenset()
        self.starts = None
        if entry.kind == "org":
            self.originals.append((name, entry))
        if name.isupper() and name.isascii() and len(name) <= 8:
            self.upper.setdefault(name, []).append(entry)
            return
        norm = normalise(name)
        bucket = self.index.setdefault(norm[:3], [])
        for known, entries in bucket:
            if known == norm:
                if entry not in entries:
                    entries.append(entry)
                break
        else:
            bucket.append((norm, [entry]))
            bucket.sort(key=lambda item: -len(item[0]))
        self.by_key.setdefault(key(name), []).append(entry)

    def scan(self, norm: str, raw: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Leftmost-longest mentions in norm[start:end]; raw is the original-case text. A part
        of the text last scanned whole is answered from that scan, unless a mention of that
        scan crosses the part's edge (a shorter name may lie inside the part)."""
        whole = self.whole
        if whole is not None and whole[0] is norm and end is not None:
            lo = bisect.bisect_left(whole[2], start)
            hi = bisect.bisect_left(whole[2], end)
            inside = whole[1][lo:hi]
            crossed = (inside and inside[-1].end > end) or (lo and whole[1][lo - 1].end > start)
            if not crossed:
                return inside
        found = self._scan(norm, raw, start, end)
        if start == 0 and end is None:
            self.whole = (norm, found, [m.start for m in found])
        return found

    def starts_at(self, norm: str, at: int) -> bool:
        """Whether a name starts at offset at of the text last scanned whole (else of norm)."""
        whole = self.whole
        if whole is not None and whole[0] is norm:
            i = bisect.bisect_left(whole[2], at)
            return i < len(whole[2]) and whole[2][i] == at
        return bool(self._scan(norm, norm, at, at + 2))

    def _scan(self, norm: str, raw: str, start: int, end: int | None) -> list[Mention]:
        end = len(norm) if end is None else end
        found: list[Mention] = []
        after, index = start, self.index
        pairs = self._firsts()
        for m in self._starts().finditer(norm, start, end - 1):
            i = m.start()
            if i < after or norm[i : i + 2] not in pairs:
                continue
            if (
                norm[i : i + 3] not in index
                and norm[i : i + 2] not in index
                and not raw[i].isupper()
            ):
                continue
            hit = self._match_at(norm, raw, i, end)
            if hit is not None:
                found.append(hit)
                after = hit.end
        return found

    def _starts(self) -> re.Pattern[str]:
        """Where a name can start: a first character of a Chinese name, or a word's start."""
        if self.starts is None:
            han = sorted({p[0] for p in self._firsts() if not p[0].isascii()})
            self.starts = re.compile(f"[{''.join(han)}]|(?<![a-z0-9])[a-z0-9]")
        return self.starts

    def _firsts(self) -> frozenset[str]:
        """The first two characters of every indexed name, abbreviations included."""
        if len(self.firsts) == 0:
            pairs = {k[:2] for k in self.index} | {n[:2].lower() for n in self.upper}
            self.firsts = frozenset(pairs)
        return self.firsts

    def _match_at(self, norm: str, raw: str, i: int, end: int) -> Mention | None:
        ascii_start = norm[i].isascii()
        if ascii_start and i > 0 and norm[i - 1].isalnum() and norm[i - 1].isascii():
            return None
        for bucket in (norm[i : i + 3], norm[i : i + 2]):
            for name, entries in self.index.get(bucket, ()):
                stop = i + len(name)
                if stop <= end and norm.startswith(name, i) and _boundary(norm, stop, name):
                    return Mention(i, stop, tuple(entries), entries[0])
        if ascii_start and raw[i].isupper():
            word = _word(raw, i)
            if word in self.upper:
                found = self.upper[word]
                return Mention(i, i + len(word), tuple(found), found[0])
        return None

    def minor_place(self, name: str, province: str | None) -> Entry | None:
        """A county-level division by its short name ("德清", "Deqing"), within a province."""
        found = [e for e in self.minor.get(key(name), ()) if province in (None, e.province)]
        return found[0] if len(found) == 1 else None

    def names_of(self, detail: str) -> list[tuple[str, Entry]]:
        """Every indexed original-case name of organisations of one kind (e.g. outlets)."""
        return [(n, e) for n, e in self.originals if e.detail == detail]

    def fuzzy(self, name: str, kinds: tuple[str, ...], cutoff: float = 0.84) -> Entry | None:
        """The one entry whose name is closest to name, when it is close and unambiguous."""
        memo = (name, kinds, cutoff)
        if memo not in self.memo:
            self.memo[memo] = self._fuzzy(key(name), kinds, cutoff, _lead(name))
        return self.memo[memo]

    def _keys(self, kinds: tuple[str, ...], target: str, lead: str) -> list[str]:
        """Keys of these kinds that open as lead does and share character pairs with target,
        most shared first (ties in key order, so that the answer never depends on the order
        of a set)."""
        if kinds not in self.kind_keys:
            grams: dict[str, list[str]] = {}
            for k, es in self.by_key.items():
                if any(e.kind in kinds for e in es):
                    for g in {k[i : i + 2] for i in range(len(k) - 1)}:
                        grams.setdefault(g, []).append(k)
            self.kind_keys[kinds] = grams
        grams = self.kind_keys[kinds]
        pairs = {target[i : i + 2] for i in range(len(target) - 1)}
        shared = Counter(chain.from_iterable(grams.get(g, ()) for g in pairs))
        found = [(-n, k) for k, n in shared.items() if _same_lead(lead, k)]
        return [k for _, k in heapq.nsmallest(24, found)]

    def _fuzzy(self, target: str, kinds: tuple[str, ...], cutoff: float, lead: str) -> Entry | None:
        if target in self.by_key:
            return next((e for e in self.by_key[target] if e.kind in kinds), None)
        placed = self._after_place(target, kinds) or self._without_place(target, kinds)
        if placed is not None:
            return placed
        close = difflib.get_close_matches(target, self._keys(kinds, target, lead), 3, cutoff)
        refs = {e.ref for k in close[:1] for e in self.by_key[k] if e.kind in kinds}
        if len(close) > 1:
            ratio = [difflib.SequenceMatcher(None, target, k).ratio() for k in close[:2]]
            second = {e.ref for e in self.by_key[close[1]] if e.kind in kinds}
            if ratio[0] - ratio[1] < 0.02 and second != refs:
                return None
        return self.by_ref[refs.pop()] if len(refs) == 1 else None

    def _after_place(self, target: str, kinds: tuple[str, ...]) -> Entry | None:
        """The one entry named by target without the division it opens with ("南京江宁经济技术
        开发区" is "江宁经济技术开发区")."""
        for n in range(2, min(len(target) - 3, 12)):
            refs = {e.ref for e in self.by_key.get(target[n:], ()) if e.kind in kinds}
            if refs and any(e.kind == "division" for e in self.by_key.get(target[:n], ())):
                return self.by_ref[refs.pop()] if len(refs) == 1 else None
        return None

    def _without_place(self, target: str, kinds: tuple[str, ...]) -> Entry | None:
        """The one entry whose name is target after a division ("Rare Earth High-Tech Zone" is
        "Baotou Rare Earth High-Tech Zone" when no other place's zone has that name)."""
        if kinds not in self.placeless:
            rests: dict[str, set[str]] = {}
            for k, entries in self.by_key.items():
                refs = {e.ref for e in entries if e.kind in kinds}
                for n in range(2, min(len(k) - 3, 12)) if refs else ():
                    if any(e.kind == "division" for e in self.by_key.get(k[:n], ())):
                        rests.setdefault(k[n:], set()).update(refs)
            self.placeless[kinds] = rests
        refs = self.placeless[kinds].get(target, set())
        return self.by_ref[next(iter(refs))] if len(refs) == 1 else None


def _lead(name: str) -> str:
    """What a name opens with: its first two characters in Chinese, its first word in English."""
    norm = key(name)
    if not norm[:1].isascii():
        return norm[:2]
    word = re.match(r"[a-z0-9]*", normalise(name.strip()))
    return word.group() if word and word.group() else norm[:2]


def _same_lead(lead: str, other: str) -> bool:
    """Whether a name opens as lead does: a variant differs in its generic words, never in the
    place or name it opens with ("潜江高新技术产业园区" is not "平江高新技术产业园区", "Ganjiang
    New Area" not "Liangjiang New Area"), though an English word may be misspelt ("Boatou")."""
    if not lead[:1].isascii() or len(lead) < 4:
        return other.startswith(lead)
    start = other[: len(lead)]
    return start[0] == lead[0] and difflib.SequenceMatcher(None, lead, start).ratio() >= 0.8


def _boundary(norm: str, stop: int, name: str) -> bool:
    if not name[-1].isascii() or stop >= len(norm):
        return True
    return not (norm[stop].isalnum() and norm[stop].isascii())


def _word(raw: str, i: int) -> str:
    j = i
    while j < len(raw) and (raw[j].isalnum() or raw[j] == "&"):
        j += 1
    return raw[i:j]


def _names(names: Names) -> Iterator[str]:
    yield names.zh
    yield names.en
    yield from names.alt_zh
    yield from names.alt_en
    yield from names.hidden


def province_of(ref: str | None) -> str | None:
    """The province-level code of an "adm/…" reference."""
    if ref is None or not ref.startswith("adm/"):
        return None
    return ref[4:6] + "0000"


def _division_names(d: Division) -> Iterator[str]:
    yield d.zh
    yield from d.alt_en
    if d.level == "county":
        if d.en.endswith(("District", "County", "Banner")):
            yield d.en
        return
    yield d.en
    if d.level == "province":
        yield d.zh[:3] if d.zh.startswith(PROVINCE_SHORT3) else d.zh[:2]
        return
    from graph.build.labels import split_suffix

    short, suffix = split_suffix(d.zh)
    if suffix and len(short) >= 2 and not short.endswith("族"):
        yield short


def _add_divisions(gaz: Gazetteer, divisions: list[Division]) -> None:
    from graph.build.labels import split_suffix

    for d in divisions:
        entry = Entry(f"adm/{d.code}", "division", d.en, d.zh, d.code[:2] + "0000", d.level)
        for name in _division_names(d):
            gaz.add(name, entry)
            if "'" in name:
                gaz.add(name.replace("'", ""), entry)
        if d.level == "county":
            for short in (split_suffix(d.zh)[0], d.en.rsplit(" ", 1)[0]):
                gaz.minor.setdefault(key(short), []).append(entry)
        if d.level == "prefecture":
            gaz.initials.setdefault(d.zh[0], []).append(entry)


def _add_reference(gaz: Gazetteer, ref: Reference) -> None:
    for org in ref.organisations:
        region = province_of(org.located_in)
        entry = Entry(f"org/{org.slug}", "org", org.names.en, org.names.zh, region, org.kind)
        for name in _names(org.names):
            gaz.add(name, entry)
            if org.kind == "enterprise":
                for short in company_names(name):
                    gaz.add(short, entry)
    for zone in ref.zones:
        region = province_of(zone.located_in)
        entry = Entry(f"zone/{zone.slug}", "zone", zone.names.en, zone.names.zh, region)
        for name in _names(zone.names):
            gaz.add(name, entry)
    for cl in ref.clusters:
        region = province_of(cl.located_in[0])
        entry = Entry(f"cluster/{cl.slug}", "cluster", cl.names.en, cl.names.zh, region)
        for name in _names(cl.names):
            gaz.add(name, entry)
    _add_programs(gaz, ref)


def _add_programs(gaz: Gazetteer, ref: Reference) -> None:
    for prog in ref.programs:
        names, issuers = prog.names, tuple(prog.issuers)
        detail = prog.designation_type or ""
        entry = Entry(
            f"program/{prog.slug}",
            "program",
            names.en,
            names.zh,
            None,
            detail,
            prog.parent,
            None,
            issuers,
        )
        gaz.programs.append(entry)
        for name in _names(names):
            gaz.add(name, entry)
        for b in prog.batches:
            batch = Entry(
                entry.ref, "program", names.en, names.zh, None, detail, prog.parent, b.slug, issuers
            )
            gaz.batches.setdefault(entry.ref, []).append(batch)
            for name in _names(b.names):
                gaz.add(name, batch)


def _add_areas(gaz: Gazetteer) -> None:
    """Areas that are not divisions ("珠江三角洲", "Pearl River Delta"), from the lexicons."""
    for lang in ("en", "zh"):
        for name, code in table(lang, "areas").items():
            en, zh = (str(name), "") if lang == "en" else ("", str(name))
            gaz.add(str(name), Entry(f"area/{key(str(name))}", "area", en, zh, str(code) or None))


def gazetteer_of(ref: Reference, divisions: list[Division]) -> Gazetteer:
    """The gazetteer of reference data, divisions and the lexicons' areas."""
    gaz = Gazetteer()
    _add_reference(gaz, ref)
    _add_divisions(gaz, divisions)
    _add_areas(gaz)
    return gaz


@lru_cache(maxsize=4)
def load_gazetteer(reference_dir: Path) -> Gazetteer:
    """The gazetteer of a seeds/reference folder (cached per folder), with the zones of its
    catalogue (GB/T 37028-2018) by their full names."""
    ref = read_reference(reference_dir)
    history = load_history(ref.places, reference_dir)
    loaded = catalogue.read_catalogue(reference_dir)
    if loaded is not None:
        zones = catalogue.zones(loaded, ref, history, reference_dir)
        ref = ref.model_copy(update={"zones": zones})
    return gazetteer_of(ref, [d for d in history if d.current])
