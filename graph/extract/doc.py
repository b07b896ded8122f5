"""An article under extraction: its text, sentences, layout and everything found in it, with
the look-ups the pipeline makes by span."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from graph.extract import output
from graph.extract.candidate import Candidate
from graph.extract.claims import Claim, find_claims
from graph.extract.dates import DateMention, find_dates
from graph.extract.gazetteer import Gazetteer, Mention
from graph.extract.issuers import Issuer, find_issuers
from graph.extract.layout import Layout, read_layout
from graph.extract.normalise import language, normalise
from graph.extract.patterns import ADDRESSEE_BEFORE, ANCHORS
from graph.extract.programs import ProgramHit
from graph.extract.text import sentences, title_span

Span = tuple[int, int]
_BOOK_TITLE = re.compile(r"《[^》]{1,80}》")


@dataclass
class Doc:
    """An article under extraction: its text, normalised text and everything found in it."""

    raw: str
    norm: str
    lang: str
    gaz: Gazetteer
    published: dt.date | None
    title: Span | None
    sents: list[Span]
    layout: Layout = field(default_factory=Layout)
    mentions: list[Mention] = field(default_factory=list)
    issuers: list[Issuer] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    titles: list[Span] = field(default_factory=list)
    rows: dict[int, list[Span]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    cues: dict[tuple[int, int, int], Span | None] = field(default_factory=dict)
    anchored: dict[int, list[int] | None] = field(default_factory=dict)
    program_cache: dict[tuple[Span, tuple[Span, ...]], ProgramHit | None] = field(
        default_factory=dict
    )

    claim_cache: dict[int, list[Claim]] = field(default_factory=dict)
    cand_cache: dict[Span, list[Candidate]] = field(default_factory=dict)
    type_cache: dict[tuple[Span, str], tuple[str | None, str]] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    issuer_starts: list[int] = field(default_factory=list)
    date_starts: list[int] = field(default_factory=list)
    province: list[str | None] = field(default_factory=list)

    def issuers_in(self, span: Span) -> list[Issuer]:
        """Issuers named inside span."""
        lo = bisect.bisect_left(self.issuer_starts, span[0])
        hi = bisect.bisect_left(self.issuer_starts, span[1])
        return self.issuers[lo:hi]

    def cue(self, pattern: re.Pattern[str], a: int, b: int) -> Span | None:
        """The first match of a cue pattern inside [a, b), looked for once per span, and
        only where a word every match contains occurs."""
        memo = (id(pattern), a, b)
        if memo not in self.cues:
            found = pattern.search(self.norm, a, b) if self._holds(pattern, a, b) else None
            self.cues[memo] = None if found is None else found.span()
        return self.cues[memo]

    def _holds(self, pattern: re.Pattern[str], a: int, b: int) -> bool:
        """Whether a word every match of the pattern contains starts in [a, b) (true for a
        pattern with no such words)."""
        if id(pattern) not in self.anchored:
            words = ANCHORS.get(id(pattern))
            self.anchored[id(pattern)] = None if words is None else _occurrences(self.norm, words)
        starts = self.anchored[id(pattern)]
        if starts is None:
            return True
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    def dates_in(self, span: Span) -> list[DateMention]:
        """Resolved dates inside span."""
        lo = bisect.bisect_left(self.date_starts, span[0])
        hi = bisect.bisect_left(self.date_starts, span[1])
        return [d for d in self.dates[lo:hi] if d.value]

    def titles_in(self, span: Span) -> list[Span]:
        """Book titles (《…》) overlapping span."""
        return [t for t in self.titles if t[0] < span[1] and span[0] < t[1]]

    def main_province(self) -> str | None:
        """The province the body of the article names most often, when one leads."""
        if not self.province:
            self.province = [output.main_province(self.mentions, self.title)]
        return self.province[0]

    def claims_in(self, index: int) -> list[Claim]:
        """Claims stated in one sentence (computed once)."""
        if index not in self.claim_cache:
            a, b = self.sents[index]
            self.claim_cache[index] = find_claims(self.norm, a, b, self.within((a, b)))
        return list(self.claim_cache[index])

    def within(self, span: Span) -> list[Mention]:
        """Gazetteer mentions inside span."""
        lo = bisect.bisect_left(self.starts, span[0])
        hi = bisect.bisect_left(self.starts, span[1])
        return [m for m in self.mentions[lo:hi] if m.end <= span[1]]

    def sentence_of(self, at: int) -> int:
        """The index of the sentence holding offset at (the nearest before it)."""
        starts = [a for a, _ in self.sents]
        return max(0, bisect.bisect_right(starts, at) - 1)


def _occurrences(text: str, words: tuple[str, ...]) -> list[int]:
    """Where any of the words starts in text, in order."""
    out: list[int] = []
    for word in words:
        at = text.find(word)
        while at != -1:
            out.append(at)
            at = text.find(word, at + 1)
    return sorted(out)


def _addressed(doc: Doc, issuer: Issuer) -> bool:
    """Whether an authority is addressed, not issuing: a letter's addressee ("复函X人民政府")
    or a name in the addressee lines of a notice."""
    if ADDRESSEE_BEFORE.search(doc.norm, max(0, issuer.start - 6), issuer.start):
        return True
    return any(a <= issuer.start < b for a, b in doc.layout.addressees)


def read_doc(text: str, gaz: Gazetteer, published: dt.date | None) -> Doc:
    """An article read and annotated: sentences, layout, names, issuers and dates."""
    norm = normalise(text)
    title = title_span(text)
    body = sentences(text, title[1] if title else 0)
    doc = Doc(text, norm, language(text), gaz, published, title, ([title] if title else []) + body)
    doc.layout = read_layout(text, norm, published)
    doc.titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(norm)]
    doc.rows = {doc.sentence_of(cells[0][0]): cells for cells in doc.layout.rows}
    doc.mentions = gaz.scan(norm, text)
    doc.starts = [m.start for m in doc.mentions]
    found = find_issuers(norm, text, doc.mentions, gaz)
    doc.issuers = [i for i in found if not _addressed(doc, i)]
    doc.issuer_starts = [i.start for i in doc.issuers]
    effective = published or doc.layout.printed
    doc.dates = find_dates(norm, effective, doc.layout.anchor)
    doc.date_starts = [d.start for d in doc.dates]
    return doc
