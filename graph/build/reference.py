"""Pydantic models of curated reference data: organisations, programs, batches, zones, clusters."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from graph.build.records import (
    AdmRef,
    DateValue,
    DesignationType,
    OrgRef,
    Slug,
    Strict,
    Url,
    Verification,
)

OrgKind = Literal[
    "government",
    "ministry",
    "agency",
    "department",
    "committee",
    "outlet",
    "enterprise",
    "institute",
    "association",
]
SourceTier = Literal[
    "issuing-authority", "central-state-media", "local-state-media", "commercial", "aggregator"
]
Coverage = Literal["complete-official-list", "partial-news-corpus"]
ChineseText = Annotated[str, StringConstraints(pattern=r"[\u3400-\u9fff]")]


class Names(Strict):
    """Labels of an entity: one preferred label per language, plus alternatives."""

    zh: ChineseText
    en: Annotated[str, StringConstraints(min_length=1)]
    pinyin: str | None = Field(default=None, description="Curated pinyin; generated when absent.")
    alt_zh: list[str] = []
    alt_en: list[str] = []
    hidden: list[str] = Field(
        default=[], description="Variants for search only (typos, old names)."
    )


class Organisation(Strict):
    """A government body, agency, outlet, enterprise or institute."""

    slug: Slug
    kind: OrgKind
    names: Names
    parent: OrgRef | None = None
    tier: SourceTier | None = None
    located_in: AdmRef | None = None
    url: Url | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _outlets_have_tiers(self) -> Organisation:
        if self.kind == "outlet" and self.tier is None:
            raise ValueError("an outlet needs a source tier")
        return self


class Batch(Strict):
    """One published round or list of a program."""

    slug: Slug
    names: Names
    ordinal: Annotated[int, Field(ge=1)] | None = None
    issued: DateValue | None = None
    member_count: Annotated[int, Field(ge=1)] | None = None
    coverage: Coverage = "partial-news-corpus"
    valid_as_of: DateValue | None = Field(
        default=None, description="For a roster such as a catalogue edition: the date it describes."
    )
    source: Url | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _complete_lists_have_counts(self) -> Batch:
        if self.coverage == "complete-official-list" and self.member_count is None:
            raise ValueError("a complete official list needs its member_count")
        return self


class Program(Strict):
    """A named state program or pilot scheme."""

    slug: Slug
    names: Names
    issuers: Annotated[list[OrgRef], Field(min_length=1)]
    parent: Slug | None = None
    designation_type: DesignationType | None = None
    batches: list[Batch] = []
    coverage: Coverage = Field(
        default="partial-news-corpus",
        description="complete-official-list only when a source shows the batches listed are all "
        "the program has named; a complete batch does not make its program complete.",
    )
    sources: list[Url] = []
    note: str | None = None

    @model_validator(mode="after")
    def _complete_programs_have_complete_batches(self) -> Program:
        if self.coverage == "complete-official-list":
            partial = [b.slug for b in self.batches if b.coverage != "complete-official-list"]
            if not self.batches or partial:
                raise ValueError("a complete program needs batches, every one a complete list")
        return self


LocationBasis = Literal["transcription", "name-match", "province-only", "curated"]
LabelBasis = Literal["curated", "seen-in-source", "generated"]


class Zone(Strict):
    """A development zone, park or pilot area, located in a division."""

    slug: Slug
    names: Names
    located_in: AdmRef
    nbs_code: Annotated[str, StringConstraints(pattern=r"^[1-8][0-9]{5}$")] | None = None
    gbt37028: Annotated[str, StringConstraints(pattern=r"^[1-8][0-9]{7}$")] | None = None
    sources: list[Url] = []
    note: str | None = None
    label_basis: LabelBasis = "curated"
    location_basis: LocationBasis | None = None

    @property
    def zone_type(self) -> str | None:
        """The GB/T 37028 zone type its catalogue code carries (digits 3 to 5)."""
        return self.gbt37028[2:5] if self.gbt37028 else None


class Cluster(Strict):
    """An industrial cluster, possibly spanning several divisions."""

    slug: Slug
    names: Names
    located_in: Annotated[list[AdmRef], Field(min_length=1)]
    sources: list[Url] = []
    note: str | None = None
    label_basis: LabelBasis = "curated"


class ChangeEvent(Strict):
    """A change to organisations, such as a transfer of a function from one ministry to another."""

    slug: Slug
    names: Names
    original: Annotated[list[OrgRef], Field(min_length=1)]
    resulting: Annotated[list[OrgRef], Field(min_length=1)]
    date: DateValue | None = None
    concerns: list[Slug] = Field(default=[], description="Programs whose guidance changed.")
    description: Annotated[str, StringConstraints(min_length=1)]
    verification: Verification | None = None
    sources: list[Url] = []


class PlaceName(Strict):
    """A curated English name and pinyin for an administrative division."""

    code: Annotated[str, StringConstraints(pattern=r"^[1-8][0-9]{5}$")]
    en: str
    pinyin: str | None = None
    alt_en: list[str] = []
    iso: Annotated[str, StringConstraints(pattern=r"^CN-[A-Z]{2}$")] | None = None


class ListReference(Strict):
    """What an imported official list adds to the reference data (seeds/reference/lists/):
    its batch of a program, when the list is a batch of its own, and the entities it names
    that the reference data did not hold."""

    program: Slug
    batch: Batch | None = None
    clusters: list[Cluster] = []
    zones: list[Zone] = []


class Reference(Strict):
    """All curated reference data, as read from seeds/reference/."""

    organisations: list[Organisation] = []
    programs: list[Program] = []
    zones: list[Zone] = []
    clusters: list[Cluster] = []
    places: list[PlaceName] = []
    change_events: list[ChangeEvent] = []
