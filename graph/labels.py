"""Pinyin and English renderings of Chinese names, with curated overrides taking precedence."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Administrative suffixes: (Chinese, pinyin word, English word). Longest first.
SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("特别行政区", "Tèbié Xíngzhèngqū", "Special Administrative Region"),
    ("自治区", "Zìzhìqū", "Autonomous Region"),
    ("自治州", "Zìzhìzhōu", "Autonomous Prefecture"),
    ("自治县", "Zìzhìxiàn", "Autonomous County"),
    ("自治旗", "Zìzhìqí", "Autonomous Banner"),
    ("地区", "Dìqū", "Prefecture"),
    ("林区", "Línqū", "Forestry District"),
    ("新区", "Xīnqū", "New Area"),
    ("省", "Shěng", "Province"),
    ("市", "Shì", ""),
    ("区", "Qū", "District"),
    ("县", "Xiàn", "County"),
    ("旗", "Qí", "Banner"),
    ("盟", "Méng", "League"),
)


def split_suffix(name: str) -> tuple[str, str]:
    """Split a division name into its proper part and its administrative suffix."""
    for zh, _, _ in SUFFIXES:
        if name.endswith(zh) and len(name) > len(zh) + 1:
            return name[: -len(zh)], zh
    return name, ""


@lru_cache(maxsize=65536)
def pinyin_word(text: str) -> str:
    """Toned pinyin of a proper name written as one capitalised word ("Bāotóu")."""
    return _join(lazy_pinyin(text, style=Style.TONE, errors="default")).capitalize()


@lru_cache(maxsize=65536)
def plain_word(text: str) -> str:
    """Toneless pinyin of a proper name as one capitalised word ("Baotou")."""
    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="default")).capitalize()


_VOWEL_START = frozenset("aāáǎàoōóǒòeēéěè")


def _join(syllables: list[str]) -> str:
    """Join syllables into one word, with an apostrophe before a/o/e ("Qíqíhā'ěr")."""
    out = ""
    for s in syllables:
        out += "'" + s if out and s[:1] in _VOWEL_START else s
    return out


def place_pinyin(name: str) -> str:
    """Pinyin of a place name by the orthography rules: "Bāotóu Shì"."""
    stem, suffix = split_suffix(name)
    words = [pinyin_word(stem)]
    words += [p for zh, p, _ in SUFFIXES if zh == suffix]
    return " ".join(words)


def place_english(name: str) -> str:
    """A default English name of a division: toneless pinyin plus an English suffix."""
    stem, suffix = split_suffix(name)
    english = next((en for zh, _, en in SUFFIXES if zh == suffix), "")
    return " ".join(w for w in (plain_word(stem), english) if w)


def name_pinyin(name: str) -> str:
    """Toned pinyin of any Chinese name, one syllable group per character run."""
    return " ".join(p.capitalize() for p in lazy_pinyin(name, style=Style.TONE) if p.strip())
