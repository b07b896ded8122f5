"""Pinyin and English renderings of Chinese names, with curated overrides taking precedence."""

from __future__ import annotations

import logging
import unicodedata
from functools import lru_cache
from typing import Any

from pypinyin import Style, lazy_pinyin

# Administrative suffixes: (Chinese, pinyin word, English word). Longest first. "林区" is left
# out on purpose: only 神农架林区 has it, and as a suffix it would split 万柏林区 wrongly.
SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("特别行政区", "Tèbié Xíngzhèngqū", "Special Administrative Region"),
    ("右翼前旗", "Yòuyì Qiánqí", "Right Front Banner"),
    ("右翼中旗", "Yòuyì Zhōngqí", "Right Middle Banner"),
    ("右翼后旗", "Yòuyì Hòuqí", "Right Rear Banner"),
    ("左翼中旗", "Zuǒyì Zhōngqí", "Left Middle Banner"),
    ("左翼后旗", "Zuǒyì Hòuqí", "Left Rear Banner"),
    ("自治区", "Zìzhìqū", "Autonomous Region"),
    ("自治州", "Zìzhìzhōu", "Autonomous Prefecture"),
    ("自治县", "Zìzhìxiàn", "Autonomous County"),
    ("自治旗", "Zìzhìqí", "Autonomous Banner"),
    ("联合旗", "Liánhéqí", "United Banner"),
    ("左旗", "Zuǒqí", "Left Banner"),
    ("右旗", "Yòuqí", "Right Banner"),
    ("前旗", "Qiánqí", "Front Banner"),
    ("中旗", "Zhōngqí", "Middle Banner"),
    ("后旗", "Hòuqí", "Rear Banner"),
    ("地区", "Dìqū", "Prefecture"),
    ("矿区", "Kuàngqū", "Mining District"),
    ("新区", "Xīnqū", "New Area"),
    ("省", "Shěng", "Province"),
    ("市", "Shì", ""),
    ("区", "Qū", "District"),
    ("县", "Xiàn", "County"),
    ("旗", "Qí", "Banner"),
    ("盟", "Méng", "League"),
)

# Ethnic groups named in autonomous divisions: (Chinese, pinyin word, English). Longest first.
ETHNIC: tuple[tuple[str, str, str], ...] = tuple(
    sorted(
        (
            ("满族", "Mǎnzú", "Manchu"),
            ("蒙古族", "Měnggǔzú", "Mongol"),
            ("蒙古", "Měnggǔ", "Mongol"),
            ("回族", "Huízú", "Hui"),
            ("藏族", "Zàngzú", "Tibetan"),
            ("羌族", "Qiāngzú", "Qiang"),
            ("彝族", "Yízú", "Yi"),
            ("布依族", "Bùyīzú", "Bouyei"),
            ("苗族", "Miáozú", "Miao"),
            ("侗族", "Dòngzú", "Dong"),
            ("哈尼族", "Hānízú", "Hani"),
            ("壮族", "Zhuàngzú", "Zhuang"),
            ("傣族", "Dǎizú", "Dai"),
            ("白族", "Báizú", "Bai"),
            ("景颇族", "Jǐngpōzú", "Jingpo"),
            ("傈僳族", "Lìsùzú", "Lisu"),
            ("朝鲜族", "Cháoxiǎnzú", "Korean"),
            ("土家族", "Tǔjiāzú", "Tujia"),
            ("哈萨克族", "Hāsàkèzú", "Kazakh"),
            ("哈萨克", "Hāsàkè", "Kazakh"),
            ("柯尔克孜", "Kē'ěrkèzī", "Kyrgyz"),
            ("维吾尔", "Wéiwú'ěr", "Uyghur"),
            ("达斡尔族", "Dáwò'ěrzú", "Daur"),
            ("鄂温克族", "Èwēnkèzú", "Evenki"),
            ("鄂伦春", "Èlúnchūn", "Oroqen"),
            ("瑶族", "Yáozú", "Yao"),
            ("黎族", "Lízú", "Li"),
            ("土族", "Tǔzú", "Tu"),
            ("撒拉族", "Sālāzú", "Salar"),
            ("仡佬族", "Gēlǎozú", "Gelao"),
            ("水族", "Shuǐzú", "Shui"),
            ("纳西族", "Nàxīzú", "Naxi"),
            ("拉祜族", "Lāhùzú", "Lahu"),
            ("佤族", "Wǎzú", "Va"),
            ("普米族", "Pǔmǐzú", "Pumi"),
            ("独龙族", "Dúlóngzú", "Derung"),
            ("怒族", "Nùzú", "Nu"),
            ("保安族", "Bǎo'ānzú", "Bonan"),
            ("东乡族", "Dōngxiāngzú", "Dongxiang"),
            ("裕固族", "Yùgùzú", "Yugur"),
            ("锡伯", "Xíbó", "Xibe"),
            ("塔吉克", "Tǎjíkè", "Tajik"),
            ("畲族", "Shēzú", "She"),
            ("仫佬族", "Mùlǎozú", "Mulao"),
            ("毛南族", "Máonánzú", "Maonan"),
            ("布朗族", "Bùlǎngzú", "Blang"),
            ("各族", "Gèzú", "Multi-ethnic"),
        ),
        key=lambda e: -len(e[0]),
    )
)

# Readings pypinyin gets wrong in place names: phrases (heteronyms in context) and characters
# whose place-name reading is fixed (都 dū, 勒 lè, 长 cháng, 什 shí; 长子 is the exception).
PHRASE_READINGS: dict[str, tuple[str, ...]] = {
    "长子": ("zhǎng", "zǐ"),
    "朝阳": ("cháo", "yáng"),
    "漯河": ("luò", "hé"),
    "洪洞": ("hóng", "tóng"),
    "繁峙": ("fán", "shì"),
    "曾都": ("zēng", "dū"),
    "克什克腾": ("kè", "shí", "kè", "téng"),
    "六安": ("lù", "ān"),
    "万柏林": ("wàn", "bǎi", "lín"),
    "重庆": ("chóng", "qìng"),
    "兴安": ("xīng", "ān"),
    "张掖": ("zhāng", "yè"),
    "闵行": ("mǐn", "háng"),
    "筠连": ("jūn", "lián"),
    "涡阳": ("guō", "yáng"),
    "天台": ("tiān", "tāi"),
    "监利": ("jiān", "lì"),
    "阆中": ("làng", "zhōng"),
}
CHAR_READINGS: dict[str, str] = {"都": "dū", "勒": "lè", "长": "cháng", "什": "shí"}
# One-character stems read otherwise alone: 单县 is Shàn Xiàn, 浚县 Xùn Xiàn.
STEM_READINGS: dict[str, str] = {"单": "shàn", "浚": "xùn"}
# Suffixes a one-character stem may carry (沛县, 单县): elsewhere a name of two characters, such
# as 城区 or 矿区, is not split.
SHORT_STEM_SUFFIXES = frozenset({"县"})


def split_suffix(name: str) -> tuple[str, str]:
    """Split a division name into its proper part and its administrative suffix."""
    for zh, _, _ in SUFFIXES:
        shortest = 1 if zh in SHORT_STEM_SUFFIXES else 2
        if name.endswith(zh) and len(name) >= len(zh) + shortest:
            return name[: -len(zh)], zh
    return name, ""


def split_ethnic(stem: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Split the ethnic groups off the end of an autonomous division's stem, in name order."""
    groups: list[tuple[str, str, str]] = []
    while True:
        found = next((e for e in ETHNIC if stem.endswith(e[0]) and len(stem) > len(e[0])), None)
        if found is None:
            return stem, groups[::-1]
        groups.append(found)
        stem = stem[: -len(found[0])]


def syllables(text: str) -> list[str]:
    """Toned syllables of a place name, with the curated place-name readings applied."""
    if text in STEM_READINGS:
        return [STEM_READINGS[text]]
    out: list[str] = []
    run = ""
    i = 0
    while i < len(text):
        phrase = next((p for p in PHRASE_READINGS if text.startswith(p, i)), None)
        if phrase is None:
            run, i = run + text[i], i + 1
            continue
        out += _run_syllables(run) + list(PHRASE_READINGS[phrase])
        run, i = "", i + len(phrase)
    return out + _run_syllables(run)


def _run_syllables(run: str) -> list[str]:
    """pypinyin's reading of a run (it uses phrase context), with fixed character readings."""
    if not run:
        return []
    found = lazy_pinyin(run, style=Style.TONE)
    if len(found) != len(run):
        return found
    return [CHAR_READINGS.get(c, s) for c, s in zip(run, found, strict=True)]


@lru_cache(maxsize=65536)
def pinyin_word(text: str) -> str:
    """Toned pinyin of a proper name written as one capitalised word ("Bāotóu")."""
    return _join(syllables(text)).capitalize()


@lru_cache(maxsize=65536)
def plain_word(text: str) -> str:
    """Toneless pinyin of a proper name as one capitalised word ("Baotou", "Xi'an", "Lüliang")."""
    return toneless(pinyin_word(text))


def toneless(text: str) -> str:
    """Pinyin without tone marks, keeping ü."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


_VOWEL_START = frozenset("aāáǎàoōóǒòeēéěè")


def _join(parts: list[str]) -> str:
    """Join syllables into one word, with an apostrophe before a/o/e ("Qíqíhā'ěr")."""
    out = ""
    for s in parts:
        out += "'" + s if out and s[:1] in _VOWEL_START else s
    return out


def place_pinyin(name: str) -> str:
    """Pinyin of a place name by the orthography rules: "Bāotóu Shì"."""
    stem, suffix, groups = _parts(name)
    words = [pinyin_word(stem), *(p for _, p, _ in groups)]
    words += [p for zh, p, _ in SUFFIXES if zh == suffix]
    return " ".join(words)


def place_english(name: str) -> str:
    """A default English name of a division: "Yanbian Korean Autonomous Prefecture"."""
    stem, suffix, groups = _parts(name)
    english = next((en for zh, _, en in SUFFIXES if zh == suffix), "")
    peoples = [en for _, _, en in groups]
    joined = ", ".join(peoples[:-1]) + " and " if len(peoples) > 1 else ""
    joined += peoples[-1] if peoples else ""
    own = next((en for zh, _, en in ETHNIC if zh == stem), None) or plain_word(stem)
    return " ".join(w for w in (own, joined, english) if w)


def _parts(name: str) -> tuple[str, str, list[tuple[str, str, str]]]:
    """Stem, administrative suffix and, for an autonomous or ethnic division, its groups."""
    stem, suffix = split_suffix(name)
    if not (suffix.startswith("自治") or stem.endswith("族")):
        return stem, suffix, []
    stem, groups = split_ethnic(stem)
    return stem, suffix, groups


FUNCTION_WORDS = {
    "和": "hé",
    "与": "yǔ",
    "及": "jí",
    "的": "de",
    "由": "yóu",
    "之": "zhī",
    "于": "yú",
}
"""Words written in lower case inside a name."""
PUNCTUATION = {"（": "(", "）": ")", "《": "“", "》": "”", "、": ",", "，": ",", "：": ":"}
OPENING, CLOSING = frozenset("(“"), frozenset("),”:")
PLACE_SUFFIXES = ("省", "市", "县")
"""Suffixes written as words of their own after a place name ("Gànzhōu Shì")."""


def _han(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def _word(word: str) -> list[str]:
    """One segmented word as pinyin words: a place name's suffix apart, a four-character word
    as two words of two ("Gāoxīn Jìshù"), the rest written together and capitalised."""
    if word in FUNCTION_WORDS:
        return [FUNCTION_WORDS[word]]
    if len(word) > 2 and word.endswith(PLACE_SUFFIXES):
        return [*_word(word[:-1]), _together(word[-1])]
    if len(word) == 4:
        return [_together(word[:2]), _together(word[2:])]
    return [_together(word)]


def _together(word: str) -> str:
    """A word written together: place-name readings for the phrases and lone characters that
    have one (长株潭 is Cháng Zhū Tán), else pypinyin's reading in context."""
    if len(word) == 1 or any(p in word for p in PHRASE_READINGS):
        return _join(syllables(word)).capitalize()
    return _join(lazy_pinyin(word, style=Style.TONE)).capitalize()


@lru_cache(maxsize=65536)
def name_pinyin(name: str) -> str:
    """Toned pinyin of any Chinese name in the style of the division labels: word by word
    (segmented by jieba), each word capitalised, function words in lower case.

    >>> name_pinyin("中国（安徽）自由贸易试验区")
    'Zhōngguó (Ānhuī) Zìyóu Màoyì Shìyànqū'
    >>> name_pinyin("长株潭国家自主创新示范区")
    'Cháng Zhū Tán Guójiā Zìzhǔ Chuàngxīn Shìfànqū'
    """
    out: list[str] = []
    for token in _segment(name):
        words = _word(token) if _han(token) else [PUNCTUATION.get(token, token).strip()]
        for w in filter(None, words):
            glued = out and (out[-1][-1] in OPENING or w[0] in CLOSING)
            out[-1:] = [out[-1] + w] if glued else [*out[-1:], w]
    return " ".join(out)


def _segment(text: str) -> list[str]:
    """Words of a Chinese text (jieba's precise mode, no guessing of unknown words)."""
    return [w for w in _jieba().lcut(text, HMM=False) if w.strip()]


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba
