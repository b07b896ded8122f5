"""An in-memory label index over the store: exact, prefix and typo-tolerant search across
Chinese, pinyin, English and alternative labels, and codes.

Labels are normalised (Unicode NFKC, case-folded, tone marks and traditional characters
folded, spaces and punctuation dropped), so "包头 稀土高新区", "Bāotóu" and "baotou" meet.
Typos are tolerated by the Dice overlap of character bigrams.
"""

from __future__ import annotations

import bisect
import math
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from weakref import WeakKeyDictionary

import opencc
from pypinyin import Style, lazy_pinyin

from graph.store import Store

KINDS: dict[str, str] = {
    "zone": "cnd:Zone",
    "organisation": "org:Organization",
    "program": "cnd:Program",
    "region": "cnd:AdminDivision",
    "cluster": "cnd:Cluster",
}
LABELS_QUERY = """
SELECT ?e ?type ?label WHERE {
  VALUES ?type { cnd:Zone org:Organization cnd:Program cnd:AdminDivision cnd:Cluster }
  VALUES ?p { skos:prefLabel skos:altLabel skos:hiddenLabel skos:notation }
  ?e a ?type ; ?p ?label .
}
"""
KIND_OF_TYPE = {
    "https://w3id.org/china-designations/def#Zone": "zone",
    "http://www.w3.org/ns/org#Organization": "organisation",
    "https://w3id.org/china-designations/def#Program": "program",
    "https://w3id.org/china-designations/def#AdminDivision": "region",
    "https://w3id.org/china-designations/def#Cluster": "cluster",
}
MIN_DICE = 0.5
_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The search key of a text: simplified, case-folded, toneless, letters and digits only.

    >>> normalise("Bāotóu Rare-Earth  Hi-Tech")
    'baotourareearthhitech'
    >>> normalise("包頭 稀土")
    '包头稀土'
    """
    decomposed = unicodedata.normalize("NFKD", _T2S.convert(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in unicodedata.normalize("NFKC", plain).casefold() if c.isalnum())


def toneless_pinyin(text: str) -> str:
    """Toneless pinyin of the Han characters in a text ("" when there are none), character by
    character in each one's usual reading: a search key, not a romanisation (the curated
    pinyin labels carry the readings of heteronyms).

    >>> toneless_pinyin("包头稀土高新区")
    'baotouxitugaoxinqu'
    """
    if not any("\u3400" <= c <= "\u9fff" for c in text):
        return ""
    return normalise("".join(_reading(c) for c in text))


@cache
def _reading(char: str) -> str:
    return lazy_pinyin(char, style=Style.NORMAL)[0]


def bigrams(key: str) -> list[str]:
    """Character bigrams of a key, padded at both ends so short words still share grams."""
    padded = f"^{key}$"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


@dataclass(frozen=True)
class Hit:
    """One entity found: its IRI and kind, the label that matched, and how well."""

    iri: str
    kind: str
    label: str
    match: str
    score: float


@dataclass(frozen=True)
class _Entry:
    iri: str
    kind: str
    label: str
    key: str


class LabelIndex:
    """Every label and code of zones, organisations, programs, regions and clusters."""

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.grams: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(entries):
            self.exact[e.key].append(i)
            for g in set(bigrams(e.key)):
                self.grams[g].append(i)
        self.sorted_keys = sorted((e.key, i) for i, e in enumerate(entries))
        self.gram_sets = [frozenset(bigrams(e.key)) for e in entries]

    @classmethod
    def from_store(cls, store: Store) -> LabelIndex:
        """Read every label from the store (over SPARQL) and index it."""
        entries: list[_Entry] = []
        for row in store.select_values(LABELS_QUERY):
            iri, kind, label = row["e"], KIND_OF_TYPE[row["type"]], row["label"]
            for key in {normalise(label), toneless_pinyin(label)} - {""}:
                entries.append(_Entry(iri, kind, label, key))
        entries.sort(key=lambda e: (e.iri, e.key, e.label))
        return cls(entries)

    def search(
        self, text: str, kinds: frozenset[str] = frozenset(), limit: int | None = 10
    ) -> list[Hit]:
        """The best-matching entities, best first (ties by IRI); one hit per entity; every
        one when limit is None."""
        key = normalise(text)
        if not key:
            return []
        best: dict[str, Hit] = {}
        for hit in self._candidates(key):
            if kinds and hit.kind not in kinds:
                continue
            if hit.iri not in best or hit.score > best[hit.iri].score:
                best[hit.iri] = hit
        return sorted(best.values(), key=lambda h: (-h.score, h.iri))[:limit]

    def _candidates(self, key: str) -> list[Hit]:
        hits = [self._hit(i, "exact", 1.0) for i in self.exact.get(key, [])]
        hits += self._prefixed(key)
        hits += self._fuzzy(key)
        return hits

    def _hit(self, i: int, match: str, score: float) -> Hit:
        e = self.entries[i]
        return Hit(e.iri, e.kind, e.label, match, round(score, 4))

    def _prefixed(self, key: str, cap: int = 200) -> list[Hit]:
        start = bisect.bisect_left(self.sorted_keys, (key, -1))
        hits = []
        for k, i in self.sorted_keys[start : start + cap]:
            if not k.startswith(key):
                break
            if k != key:
                hits.append(self._hit(i, "prefix", 0.8 + 0.15 * len(key) / len(k)))
        return hits

    def _fuzzy(self, key: str) -> list[Hit]:
        """Entries whose bigrams overlap the key's with a Dice coefficient of MIN_DICE or more.

        Candidates come from the key's rarest bigrams only: an entry reaching the threshold
        shares at least `need` bigrams with the key, so it must hold one of any
        len(grams) - need + 1 of them (prefix filtering); the Dice is then exact.
        """
        grams = set(bigrams(key))
        need = max(1, math.ceil(MIN_DICE * (len(grams) + 1) / 2))
        rarest = sorted(grams, key=lambda g: len(self.grams.get(g, ())))
        candidates: set[int] = set()
        for g in rarest[: len(grams) - need + 1]:
            candidates.update(self.grams.get(g, ()))
        hits = []
        for i in candidates:
            theirs = self.gram_sets[i]
            dice = 2 * len(grams & theirs) / (len(grams) + len(theirs))
            if dice >= MIN_DICE and self.entries[i].key != key:
                hits.append(self._hit(i, "fuzzy", 0.75 * dice))
        return hits


# One index per store instance, built on first use. A store is opened read-only for serving,
# so its labels cannot change under it; after a write the service opens a new instance, which
# gets its own index. The lock keeps concurrent first searches from building it twice.
_INDEXES: WeakKeyDictionary[Store, LabelIndex] = WeakKeyDictionary()
_BUILDING = threading.Lock()


def built_index(store: Store) -> LabelIndex | None:
    """The label index of a store instance if it has been built already."""
    return _INDEXES.get(store)


def label_index(store: Store) -> LabelIndex:
    """The label index of a store instance, built the first time it is asked for."""
    with _BUILDING:
        index = _INDEXES.get(store)
        if index is None:
            index = _INDEXES[store] = LabelIndex.from_store(store)
        return index
