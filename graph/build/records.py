"""Pydantic models of curated source records: one YAML file per source document."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
EntityRef = Annotated[
    str,
    StringConstraints(
        pattern=r"^(zone|org|cluster)/[a-z0-9]+(-[a-z0-9]+)*$|^adm/[1-9][0-9]{5}(-[0-9]{4})?$"
    ),
]
OrgRef = Annotated[str, StringConstraints(pattern=r"^org/[a-z0-9]+(-[a-z0-9]+)*$")]
AdmRef = Annotated[str, StringConstraints(pattern=r"^adm/[1-9][0-9]{5}(-[0-9]{4})?$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2048)]
# Length limits: a record is a short summary in the project's own words, never a copy; a field
# past its limit is a mistake (or an attack: a 50 MB summary built in a minute into 457 MB).
Title = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Note = Annotated[str, StringConstraints(max_length=2000)]
Summary = Annotated[str, StringConstraints(max_length=5000)]
Statement = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Quote = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
FileName = Annotated[str, StringConstraints(min_length=1, max_length=500)]
MAX_ITEMS = 10_000
LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]

DateBasis = Literal["stated", "inferred-year", "estimated", "relative-to-published"]
DesignationType = Literal[
    "regional-pilot",
    "pilot-unit",
    "pilot-city",
    "demonstration-zone",
    "demonstration-base",
    "industrialization-base",
    "cluster",
    "national-high-tech-zone",
    "pilot-free-trade-zone",
    "innovation-center",
    "access-list",
    "economic-development-zone",
    "new-area",
    "high-tech-park",
    "customs-special-supervision-area",
    "economic-cooperation-zone",
    "opening-pilot-zone",
    "economic-function-zone",
]
Level = Literal["national", "provincial", "municipal"]
Verification = Literal["unverified", "corroborated", "confirmed-primary", "disputed", "retracted"]
AdminLevel = Literal["province", "prefecture", "county"]
CaveatKind = Literal[
    "not-independently-verified",
    "state-affiliated-origin",
    "partial-copy",
    "machine-extracted",
    "read-from-transcription",
]
ReportedKind = Literal["only-in-region", "first-in-region", "first-of-kind", "count"]
DocumentKind = Literal["news-article", "official-notice", "web-page", "report", "standard"]
Review = Literal["reviewed", "unreviewed", "rejected"]
Decision = Literal["accepted", "corrected", "rejected"]

DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
MAX_QUOTE_WORDS = 25
_HAN = re.compile(r"[\u3400-\u9fff]")


def quote_words(text: str) -> int:
    """Count words as a reader would: spaced words, and Chinese characters two to a word."""
    han = len(_HAN.findall(text))
    spaced = [t for t in _HAN.sub(" ", text).split() if any(c.isalnum() for c in t)]
    return len(spaced) + (han + 1) // 2


class Strict(BaseModel):
    """Base of every record model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DateValue(Strict):
    """A date as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD, with how it was obtained."""

    value: Annotated[str, StringConstraints(pattern=DATE_PATTERN)]
    basis: DateBasis = "stated"
    note: Note | None = None

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """The precision the value carries."""
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]  # type: ignore[return-value]

    @model_validator(mode="after")
    def _real_day(self) -> DateValue:
        if self.precision == "day":
            import datetime

            datetime.date.fromisoformat(self.value)
        if self.basis != "stated" and not self.note:
            raise ValueError("a date that is not stated by the source needs a note saying how")
        return self


class Evidence(Strict):
    """A verbatim quote of at most 25 words, with its character offsets when the text is at hand."""

    quote: Quote
    start: Annotated[int, Field(ge=0)] | None = None
    end: Annotated[int, Field(ge=0)] | None = None

    @model_validator(mode="after")
    def _short_and_consistent(self) -> Evidence:
        problems = []
        words = quote_words(self.quote)
        if words > MAX_QUOTE_WORDS:
            problems.append(f"quote has {words} words; at most {MAX_QUOTE_WORDS} are allowed")
        if (self.start is None) != (self.end is None):
            problems.append("give both start and end offsets, or neither")
        span = None if self.start is None or self.end is None else self.end - self.start
        if span is not None and span != len(self.quote):
            problems.append(
                f"offsets {self.start}-{self.end} span {span} characters "
                f"but the quote has {len(self.quote)}"
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self


NONE_AT_HAND = "none-at-hand"
Quotes = Annotated[list[Evidence], Field(min_length=1, max_length=50)] | Literal["none-at-hand"]
"""A statement's evidence: at least one quote, or "none-at-hand" when no wording of the source
was at hand (the claim then says so in the graph)."""


def quotes(evidence: list[Evidence] | str) -> list[Evidence]:
    """The quotes of a statement's evidence (none for "none-at-hand")."""
    return [] if isinstance(evidence, str) else evidence


class Caveat(Strict):
    """A caveat on the whole document, such as the outlet's disclaimer."""

    kind: CaveatKind
    note: Note | None = None


class CitedDocument(Strict):
    """A document the recorded one cites as its origin (the chain of reporting)."""

    slug: Slug
    outlet: OrgRef
    title: Title | None = None
    url: Url | None = None
    published: DateValue | None = None
    language: LanguageTag | None = None
    cites: Annotated[list[CitedDocument], Field(max_length=50)] = []


class Document(Strict):
    """The source document a record describes."""

    slug: Slug
    title: Title
    kind: DocumentKind = "news-article"
    outlet: OrgRef
    url: Url | None = None
    published: DateValue | None = None
    language: LanguageTag
    caveats: Annotated[list[Caveat], Field(max_length=50)] = []
    cites: Annotated[list[CitedDocument], Field(max_length=50)] = []
    text_file: FileName | None = Field(
        default=None, description="Path of the document text, relative to the record file."
    )
    summary: Summary | None = None


class Designation(Strict):
    """One designation the document states, in the project's own words."""

    key: Slug = Field(description="Local name that claims in the same record refer to.")
    designee: EntityRef
    designated_by: Annotated[list[OrgRef], Field(min_length=1, max_length=50)]
    program: Slug
    designation_type: DesignationType
    batch: Slug | None = None
    level: Level = "national"
    announced: DateValue | None = None
    decided: DateValue | None = None
    valid_from: DateValue | None = None
    valid_until: DateValue | None = None
    verification: Verification | None = None
    retracted: bool = False
    statement: Statement
    evidence: Quotes


class ReportedClaim(Strict):
    """A statement beyond the designation itself: "only", "first", "first of its kind", a count."""

    kind: ReportedKind
    about: Slug | None = None
    region: AdmRef | None = None
    region_level: AdminLevel | None = None
    count: Annotated[int, Field(ge=0)] | None = None
    verification: Verification | None = None
    statement: Statement
    evidence: Quotes

    @model_validator(mode="after")
    def _complete(self) -> ReportedClaim:
        if self.kind in ("only-in-region", "first-in-region"):
            missing = [n for n in ("about", "region", "region_level") if getattr(self, n) is None]
            if missing:
                raise ValueError(f"{self.kind} claims need {', '.join(missing)}")
        if self.kind == "count" and self.count is None:
            raise ValueError("a count claim needs count")
        return self


class Revision(Strict):
    """A person's decision on a machine-extracted draft record: which draft it revises, what
    was decided, who decided and when. The draft stays on disk as the extractor wrote it."""

    of: Slug = Field(description="File name (without .yaml) of the draft record in this folder.")
    decision: Decision
    reviewer: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    at: dt.datetime = Field(description="When the decision was made (ISO 8601, with offset).")
    note: Note | None = None

    @model_validator(mode="after")
    def _aware(self) -> Revision:
        if self.at.tzinfo is None:
            raise ValueError(
                "the time of a review needs its UTC offset (e.g. 2026-03-01T10:00:00Z)"
            )
        return self


class Record(Strict):
    """A curated record of one source document and what it states."""

    document: Document
    verification: Verification = "unverified"
    review: Review = "reviewed"
    revision: Revision | None = None
    designations: Annotated[list[Designation], Field(max_length=MAX_ITEMS)] = []
    claims: Annotated[list[ReportedClaim], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _review_consistent(self) -> Record:
        decision = None if self.revision is None else self.revision.decision
        expected = {None: ("reviewed", "unreviewed"), "rejected": ("rejected",)}
        allowed = expected.get(decision, ("reviewed",))
        if self.review not in allowed:
            raise ValueError(
                f"review {self.review!r} does not fit a revision decided {decision or 'never'!r}"
            )
        return self

    @model_validator(mode="after")
    def _keys_resolve(self) -> Record:
        counts = Counter(d.key for d in self.designations)
        seen = set(counts)
        duplicates = sorted(k for k, n in counts.items() if n > 1)
        unknown = sorted({c.about for c in self.claims if c.about and c.about not in seen})
        problems = [f"designation keys are not unique: {', '.join(duplicates)}"] * bool(duplicates)
        if unknown:
            problems.append(f"claims refer to unknown designation keys: {', '.join(unknown)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def record_json_schema() -> dict[str, object]:
    """The JSON Schema of a record file, for editors."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "China Designations Graph source record"
    return schema
