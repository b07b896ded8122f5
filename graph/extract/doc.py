"""An article under extraction: its text, sentences and everything found in it, with the
look-ups the assembly makes by span."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from graph.extract import output
from graph.extract.claims import Claim, find_claims
from graph.extract.dates import DateMention
from graph.extract.designees import Candidate
from graph.extract.gazetteer import Gazetteer, Mention
from graph.extract.issuers import Issuer

Span = tuple[int, int]


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
    mentions: list[Mention] = field(default_factory=list)
    issuers: list[Issuer] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

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
