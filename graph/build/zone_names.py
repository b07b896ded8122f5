"""English and pinyin names generated for zones that have no established English name.

A zone's Chinese name is read as place names, then words, then the term for its kind of zone:
"江西赣州章贡经济开发区" is 江西 + 赣州 + 章贡 + 经济开发区, "Jiangxi Ganzhou Zhanggong Economic
Development Zone". Place names are the divisions' names and their short forms (longest match
first); other characters are read two to a word in pinyin; the kind of zone is the longest
term of seeds/reference/zone-terms.tsv that ends the name. Names made this way are marked as
generated in the graph (cnd:labelBasis), never passed off as established.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.build.divisions import Division
from graph.build.labels import SUFFIXES, pinyin_word, plain_word, split_suffix
from graph.build.tables import read_table

TERMS_FILE = "zone-terms.tsv"
WORDS = {"中国": ("China", "Zhōngguó")}
_PARTS = re.compile(r"([（(][^）)]*[）)]|[—－\-～~、，,])")
MAX_PLACE = 12
_JOINERS = re.compile(r"([和及与暨])")
PROVINCE_SHORT3 = ("内蒙古", "黑龙江")
SHORT_PINYIN = {"内蒙古": "Nèi Měnggǔ"}


@dataclass(frozen=True)
class Term:
    """The term a zone's name ends with, in English and pinyin."""

    zh: str
    en: str
    pinyin: str


@dataclass(frozen=True)
class Word:
    """One word of a name: its English and its pinyin."""

    en: str
    pinyin: str


def read_terms(folder: Path) -> list[Term]:
    """The terms of seeds/reference/zone-terms.tsv, longest first."""
    rows = read_table(folder / TERMS_FILE, ("term_zh", "term_en", "pinyin"))
    terms = [Term(r["term_zh"], r["term_en"], r["pinyin"]) for _, r in rows]
    return sorted(terms, key=lambda t: -len(t.zh))


def place_words(divisions: Iterable[Division]) -> dict[str, Word]:
    """Division names and their short forms (at least two characters) as words; a province's
    short form ("内蒙古", "广西") in its curated English ("Inner Mongolia")."""
    found: dict[str, Word] = {}
    for d in sorted(divisions, key=lambda d: d.key):
        if d.level == "province":
            short = d.zh[:3] if d.zh.startswith(PROVINCE_SHORT3) else d.zh[:2]
            found.setdefault(short, Word(d.en, SHORT_PINYIN.get(short, d.pinyin.split()[0])))
        stem, suffix = split_suffix(d.zh)
        english = _own_name(d.en, suffix) if d.curated else plain_word(stem)
        for text in (stem, d.zh) if len(stem) >= 2 else (d.zh,):
            found.setdefault(text, Word(english, pinyin_word(stem)))
    return found


def _own_name(english: str, suffix: str) -> str:
    """A curated English name without the word for its kind of division ("Kashgar Prefecture"
    is "Kashgar" in a zone's name)."""
    kind = next((en for zh, _, en in SUFFIXES if zh == suffix), "")
    return english.removesuffix(f" {kind}") if kind else english


class Namer:
    """Generates zone names from Chinese names, with a fixed vocabulary of places and terms."""

    def __init__(self, terms: list[Term], places: dict[str, Word]) -> None:
        self.terms = terms
        self.places = places

    def name(self, zh: str) -> Word:
        """The generated English and pinyin names of a zone's Chinese name."""
        words: list[Word] = []
        for part in _PARTS.split(zh):
            if not part:
                continue
            if part[0] in "（(":
                inner = self.name(part[1:-1]) if len(part) > 2 else Word("", "")
                words.append(Word(f"({inner.en})", f"({inner.pinyin})"))
            elif part in "—－-～~":
                words.append(Word("-", "-"))
            elif part in "、，,":
                words.append(Word(",", ","))
            else:
                words += self._words(part)
        return Word(_joined(w.en for w in words), _joined(w.pinyin for w in words))

    def _words(self, text: str) -> list[Word]:
        term = next((t for t in self.terms if text.endswith(t.zh)), None)
        stem = text[: -len(term.zh)] if term else text
        words = self._stem_words(stem)
        return [*words, Word(term.en, term.pinyin)] if term else words

    def _stem_words(self, stem: str) -> list[Word]:
        words: list[Word] = []
        run, i = "", 0
        while i < len(stem):
            found = self._place_at(stem, i)
            if found is None:
                run, i = run + stem[i], i + 1
                continue
            words += [*_run_words(run), self.places.get(found) or Word(*WORDS[found])]
            run, i = "", i + len(found)
        return words + _run_words(run)

    def _place_at(self, text: str, i: int) -> str | None:
        for size in range(min(MAX_PLACE, len(text) - i), 1, -1):
            piece = text[i : i + size]
            if piece in self.places or piece in WORDS:
                return piece
        return None


def _run_words(run: str) -> list[Word]:
    """Characters that are no place name: joining words (和, 及, …) alone, the others two to a
    word (a last single one joins the word before)."""
    words: list[Word] = []
    for part in _JOINERS.split(run):
        chunks = [part[i : i + 2] for i in range(0, len(part), 2)]
        if len(chunks) > 1 and len(chunks[-1]) == 1:
            chunks[-2:] = [chunks[-2] + chunks[-1]]
        words += [Word(plain_word(c), pinyin_word(c)) for c in chunks if c.strip()]
    return words


def _joined(words: Iterable[str]) -> str:
    """Words joined by spaces, with no space around a hyphen."""
    return " ".join(w for w in words if w).replace(" - ", "-").replace(" ,", ",")
