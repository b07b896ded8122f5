"""Dates in article text: stated, partial (year inferred) and relative to the publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from graph.extract.lexicon import entries, fragment, table

MONTHS: dict[str, int] = {str(k): int(v) for k, v in table("en", "months").items()}
WEEKDAYS = tuple(entries("en", "weekdays"))
ZH_WEEKDAYS = fragment("zh", "weekday_numerals")
YESTERDAY = frozenset(entries("en", "yesterday") + entries("zh", "yesterday"))
_M = rf"({'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_RELATIVE = "|".join(entries("zh", "today") + entries("zh", "yesterday"))
_RELATIVE_EN = "|".join(entries("en", "today") + entries("en", "yesterday"))
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")),
    ("zh-ymd", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    ("zh-ym", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?![ \t]*\d)")),
    ("zh-md", re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    ("zh-d", re.compile(r"(?<![\d月年第])(\d{1,2})\s*日(?=[\u4e00-\u9fff，,])")),
    ("zh-rel-ym", re.compile(r"(今年|去年)\s*(\d{1,2})\s*月(?![ \t]*\d)")),
    ("zh-m", re.compile(r"(?<![\d年])(\d{1,2})\s*月(?!份?[ \t]*\d)")),
    ("en-mdy", re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
    ("en-dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_M}\s*,?\s+(\d{{4}})\b")),
    ("en-my", re.compile(rf"\b{_M}\s*,?\s+(\d{{4}})\b")),
    ("en-md", re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})")),
    ("en-dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_M}\b(?!\s*,?\s+\d{{4}})")),
    ("en-m", re.compile(rf"(?<=\bin ){_M}\b(?!\s*,?\s*\d)")),
    (
        "weekday",
        re.compile(rf"\b(?:on\s+|last\s+)?({'|'.join(WEEKDAYS)})\b"),
    ),
    ("zh-weekday", re.compile(r"(?:本|上)?(?:周|星期)([一二三四五六日])")),
    ("rel-month", re.compile(r"\b(last|this|earlier this) month\b|(本月|上月|上个月)")),
    ("rel-year", re.compile(r"\b(last|this|earlier this) year\b|(今年|去年)")),
    (
        "relative",
        re.compile(rf"{_RELATIVE}|\b(?:{_RELATIVE_EN})\b"),
    ),
    (
        "year",
        re.compile(
            r"(?:(?<=\bin )|(?<=于)|(?<=于 ))(\d{4})\b(?!\s*年?\s*\d)|(\d{4})\s*年(?![\d月度])"
        ),
    ),
)


_ANY_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_DIGITS = re.compile(r"(?<!\d)\d")
ANCHOR = {
    "iso": "digit",
    "zh-ymd": "digit",
    "zh-ym": "digit",
    "zh-md": "digit",
    "zh-d": "digit",
    "zh-m": "digit",
    "en-dmy": "digit",
    "en-dm": "digit",
    "en-mdy": "month",
    "en-my": "month",
    "en-md": "month",
    "en-m": "month",
    "year": "digit",
}
CUES = {
    "weekday": ("day",),
    "zh-weekday": ("周", "星期"),
    "zh-rel-ym": ("今年", "去年"),
    "rel-month": ("month", "本月", "上月", "上个月"),
    "rel-year": ("year", "今年", "去年"),
    "relative": ("日前", "近日", "近期", "昨", "今天", "今日", "yesterday", "today", "recently"),
}


def _matches(
    kind: str, pattern: re.Pattern[str], norm: str, anchors: dict[str, list[int]]
) -> list[re.Match[str]]:
    """Matches of one pattern, tried only where it can start (digits, month names, cue words)."""
    anchor = ANCHOR.get(kind)
    if anchor is not None:
        found = (pattern.match(norm, at) for at in anchors[anchor])
        return [m for m in found if m is not None]
    if kind in CUES and not any(cue in norm for cue in CUES[kind]):
        return []
    return list(pattern.finditer(norm))


@dataclass(frozen=True)
class DateMention:
    """A date found at [start, end) with its resolved value and how it was obtained."""

    start: int
    end: int
    value: str | None
    basis: str | None
    rank: int


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _year_for(month: int, day: int, published: dt.date | None, year: int | None) -> int | None:
    if published is None:
        return year
    guess = published.year
    return guess - 1 if (month, day) > (published.month, published.day + 7) else guess


def _relative(word: str, published: dt.date | None) -> str | None:
    if published is None:
        return None
    if word in YESTERDAY:
        return (published - dt.timedelta(days=1)).isoformat()
    return published.isoformat()


def _relative_period(
    kind: str, s: list[str], published: dt.date | None
) -> tuple[str | None, str | None, int]:
    """Months and years named relative to the publication date ("今年5月", "last month")."""
    if published is None:
        return None, None, 3
    if kind == "rel-year":
        back = s[0] == "last" or s[1] == "去年"
        return f"{published.year - back:04d}", "relative-to-published", 4
    if kind == "rel-month":
        first = published.replace(day=1)
        if s[0] == "last" or s[1] in ("上月", "上个月"):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return first.isoformat()[:7], "relative-to-published", 2
    month = int(s[1] if kind == "zh-rel-ym" else s[0])
    if not 1 <= month <= 12:
        return None, None, 3
    if kind == "zh-rel-ym":
        year = published.year - (s[0] == "去年")
        return f"{year:04d}-{month:02d}", "relative-to-published", 1
    year = published.year - (month > published.month)
    return f"{year:04d}-{month:02d}", "inferred-year", 1


def _day_of_month(day: int, published: dt.date | None) -> str | None:
    if published is None:
        return None
    month = published.replace(day=1)
    if day > published.day:
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return _day(month.year, month.month, day)


def _weekday(index: int, published: dt.date | None) -> str | None:
    if published is None:
        return None
    back = (published.weekday() - index) % 7
    return (published - dt.timedelta(days=back)).isoformat()


def _resolve(
    kind: str,
    g: tuple[str | None, ...],
    published: dt.date | None,
    year: int | None,
    anchor: dt.date | None,
) -> tuple[str | None, str | None, int]:
    s = [x or "" for x in g]
    if kind in ("iso", "zh-ymd"):
        return _day(int(s[0]), int(s[1]), int(s[2])), "stated", 0
    if kind == "en-mdy":
        return _day(int(s[2]), MONTHS[s[0]], int(s[1])), "stated", 0
    if kind == "en-dmy":
        return _day(int(s[2]), MONTHS[s[1]], int(s[0])), "stated", 0
    if kind in ("zh-ym", "en-my"):
        y, m = (int(s[0]), int(s[1])) if kind == "zh-ym" else (int(s[1]), MONTHS[s[0]])
        return (f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None), "stated", 1
    if kind in ("zh-md", "en-md", "en-dm"):
        mo, da = {"zh-md": (s[0], s[1]), "en-md": (s[0], s[1]), "en-dm": (s[1], s[0])}[kind]
        month = int(mo) if mo.isdigit() else MONTHS[mo]
        inferred = _year_for(month, int(da), published, year)
        value = None if inferred is None else _day(inferred, month, int(da))
        return value, "inferred-year", 1
    if kind == "en-m":
        return _relative_period("zh-m", [str(MONTHS[s[0]])], published)
    if kind in ("zh-rel-ym", "zh-m", "rel-month", "rel-year"):
        return _relative_period(kind, s, published)
    if kind == "zh-d":
        return _day_of_month(int(s[0]), anchor), "relative-to-published", 2
    if kind == "weekday":
        return _weekday(WEEKDAYS.index(s[0]), anchor), "relative-to-published", 2
    if kind == "zh-weekday":
        return _weekday(ZH_WEEKDAYS.index(s[0]), anchor), "relative-to-published", 2
    if kind == "relative":
        return _relative(s[0], anchor), "relative-to-published", 3
    return (s[0] or s[1]), "stated", 4


DATELINE = re.compile(
    r"(?m)^[a-z][a-z .']+(?:,\s*[a-z][a-z .']+)?,"
    r"\s*(?:[a-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[a-z]{3,9})"
    r"\s*(?:\([a-z ]+\)\s*)?(?:--|—|–|-|\s{2,})"
    r"|^[\u4e00-\u9fff]{2,10}?\d{1,2}月\d{1,2}日(?:电|讯|消息)"
)


def find_dates(
    norm: str, published: dt.date | None, anchor: dt.date | None = None
) -> list[DateMention]:
    """Every date mention in normalised text, resolved; overlapping weaker ones are dropped.
    Datelines ("BAOTOU, Dec. 17 --", "新华社北京10月11日电") are not mentions: they date the
    report, and are the anchor (else the publication date) of "on Tuesday", "日前", "19日"."""
    anchor = anchor or published
    found: list[DateMention] = []
    taken = sorted((m.start(), m.end()) for m in DATELINE.finditer(norm))
    anchors = {
        "digit": [m.start() for m in _DIGITS.finditer(norm)],
        "month": [m.start() for m in _ANY_MONTH.finditer(norm)],
    }
    for kind, pattern in PATTERNS:
        for m in _matches(kind, pattern, norm, anchors):
            if _overlaps(taken, m.start(), m.end()):
                continue
            groups = (m.group(0),) if kind == "relative" else m.groups()
            year = _year_near(norm, m.start()) if published is None else None
            value, basis, rank = _resolve(kind, groups, published, year, anchor)
            bisect.insort(taken, (m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), value, basis if value else None, rank))
    return sorted(found, key=lambda d: d.start)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span of the sorted, non-overlapping list taken."""
    at = bisect.bisect_left(taken, (start, start))
    return (at < len(taken) and taken[at][0] < end) or (at > 0 and taken[at - 1][1] > start)


_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")


def _year_near(norm: str, at: int) -> int | None:
    """The year written nearest to offset at in its line, for a day that names no year."""
    lo = norm.rfind("\n", 0, at) + 1
    hi = norm.find("\n", at)
    hi = len(norm) if hi < 0 else hi
    years = [(abs(m.start() - at), int(m.group(1))) for m in _YEAR.finditer(norm, lo, hi)]
    return min(years)[1] if years else None
