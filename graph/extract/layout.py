"""The layout of an article around its sentences: a page header that prints the publication
date, the dateline, an official document's title, addressees and signature, tables and lists
of bare lines under a lead."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from graph.extract.dates import DATELINE, MONTHS
from graph.extract.lexicon import fragment

Span = tuple[int, int]
_ISO = r"(\d{4})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?"
_HEADER = re.compile(
    rf"(?:{fragment('zh', 'published_header')}|{fragment('en', 'published_header')}){_ISO}"
)
_DATE_LINE = re.compile(rf"^\s*{_ISO}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*(?:[|｜].*)?$")
_SIGNED = re.compile(rf"^\s*{_ISO}\s*$")
_OFFICIAL_TITLE = re.compile(r"^(.{2,60}?)关于.{2,120}的(?:批复|通知|函|复函|决定|意见|公告)$")
_ADDRESSEES = re.compile(r"^[^。！？\n]{2,120}[:：]\s*$")
_CELL_SPLIT = re.compile(r"\s*[|｜\t]\s*|\s{2,}")
_ZH_DATELINE_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")
_EN_DATELINE_DATE = re.compile(r"([a-z]{3,9})\.?\s+(\d{1,2})|(\d{1,2})\s+([a-z]{3,9})")


@dataclass
class Layout:
    """What the page around the sentences says: dates, the document's issuers and its tables."""

    printed: dt.date | None = None
    dateline: Span | None = None
    anchor: dt.date | None = None
    signed: tuple[Span, str] | None = None
    title_issuer_span: Span | None = None
    addressees: list[Span] = field(default_factory=list)
    rows: list[list[Span]] = field(default_factory=list)


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _lines(text: str) -> list[Span]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def printed_date(text: str, lines: list[Span]) -> dt.date | None:
    """The publication date a page header prints in its first lines ("发布时间：2024-11-14")."""
    for a, b in [s for s in lines if s[1] > s[0]][:4]:
        line = text[a:b]
        m = _HEADER.search(line) or _DATE_LINE.match(line)
        if m is not None and len(line) <= 120:
            return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def dateline_anchor(norm: str, span: Span, published: dt.date | None) -> dt.date | None:
    """The day a dateline names ("BEIJING, Sept. 21 --", "新华社北京4月19日电"), in the year
    of the publication date (the year before when that day is later in the year)."""
    if published is None:
        return None
    text = norm[span[0] : span[1]]
    zh = _ZH_DATELINE_DATE.search(text)
    en = _EN_DATELINE_DATE.search(text)
    if zh is not None:
        month, day = int(zh.group(1)), int(zh.group(2))
    elif en is not None and (en.group(1) or en.group(4)) in MONTHS:
        month = MONTHS[en.group(1) or en.group(4)]
        day = int(en.group(2) or en.group(3))
    else:
        return None
    year = published.year - ((month, day) > (published.month, published.day))
    return _day(year, month, day)


def _signature(text: str, lines: list[Span]) -> tuple[Span, str] | None:
    """The date under an official document: a line holding only a date, among its last lines."""
    filled = [s for s in lines if text[s[0] : s[1]].strip()]
    for a, b in filled[-3:]:
        m = _SIGNED.match(text[a:b])
        day = None if m is None else _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None:
            start = a + len(text[a:b]) - len(text[a:b].lstrip())
            end = a + len(text[a:b].rstrip())
            return (start, end), day.isoformat()
    return None


def _official(text: str, lines: list[Span]) -> tuple[Span | None, list[Span]]:
    """An official document's issuing bodies in its title ("X关于…的批复") and the addressee
    lines under it ("河北省人民政府、科技部：")."""
    filled = [s for s in lines if text[s[0] : s[1]].strip()]
    if not filled:
        return None, []
    a, b = filled[0]
    m = _OFFICIAL_TITLE.match(text[a:b].strip())
    if m is None:
        return None, []
    start = a + len(text[a:b]) - len(text[a:b].lstrip())
    heads = [s for s in filled[1:3] if _ADDRESSEES.match(text[s[0] : s[1]])]
    return (start, start + len(m.group(1))), heads


def _cells(text: str, span: Span) -> list[Span]:
    a, b = span
    line = text[a:b]
    if "|" not in line and "｜" not in line and "\t" not in line and "  " not in line.strip():
        return []
    cells, at = [], a
    for piece in _CELL_SPLIT.split(line):
        at = text.find(piece, at, b) if piece else at
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            cells.append((at + lead, at + len(piece.rstrip())))
        at += len(piece)
    return cells if len(cells) >= 2 else []


def table_rows(text: str, lines: list[Span]) -> list[list[Span]]:
    """Rows of tables written as text: two or more lines in a row, each split into two or more
    cells by "|", tabs or runs of spaces."""
    rows = [(s, _cells(text, s)) for s in lines]
    out: list[list[Span]] = []
    for i, (_, cells) in enumerate(rows):
        near = [rows[j][1] for j in (i - 1, i + 1) if 0 <= j < len(rows)]
        if cells and any(near):
            out.append(cells)
    return out


def read_layout(text: str, norm: str, published: dt.date | None) -> Layout:
    """The layout of an article; published is the date given by the caller, if any."""
    lines = _lines(text)
    layout = Layout(printed=printed_date(text, lines))
    line = DATELINE.search(norm)
    if line is not None:
        layout.dateline = (line.start(), line.end())
        layout.anchor = dateline_anchor(norm, layout.dateline, published or layout.printed)
    layout.signed = _signature(text, lines)
    layout.title_issuer_span, layout.addressees = _official(text, lines)
    if "|" in text or "｜" in text or "\t" in text or "  " in text:
        layout.rows = table_rows(text, lines)
    return layout
