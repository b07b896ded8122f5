"""What lookups return: plain pydantic views of entities, designations and findings.

Views are frozen: lookups remember them per store (graph/cache.py) and hand the same object
to every caller.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class View(BaseModel):
    """A value that lookups share between callers: it cannot be changed once made."""

    model_config = ConfigDict(frozen=True)


class Ref(View):
    """A link to another entity: its IRI, its id (the IRI's path after id/) and a label."""

    iri: str
    id: str
    label: str | None = Field(None, description="English label, else Chinese, else none.")


class Labels(View):
    """An entity's preferred labels per language and its alternative labels."""

    zh: str | None = None
    en: str | None = None
    pinyin: str | None = None
    alt: list[str] = []


class Entity(View):
    """A zone, organisation, program, region or cluster."""

    iri: str
    id: str
    kind: str
    labels: Labels
    codes: list[str] = Field([], description="GB/T 2260, statistical and other codes.")
    level: str | None = Field(None, description="Administrative level of a region.")
    located_in: list[Ref] = Field([], description="Parent places (schema:containedInPlace).")
    part_of: list[Ref] = Field([], description="Parent organisation or program.")
    issuers: list[Ref] = Field([], description="Issuing organisations of a program.")


class Evidence(View):
    """A verbatim quote from a source document, with its character offsets when known."""

    quote: str
    start: int | None = None
    end: int | None = None


class Source(View):
    """A claim supporting a designation or finding, the document it appears in and its quotes."""

    claim: str
    document: Ref
    status: str | None = None
    evidence: list[Evidence] = []


class Sentence(View):
    """What a finding says, in one sentence in English and in Chinese (as the pages show)."""

    en: str
    zh: str


class Finding(View):
    """A reported or computed finding: only-in-region, first-in-region or a claim verdict."""

    iri: str
    id: str
    kind: str
    basis: str = Field(description="reported (a source says so) or computed (a derivation).")
    designation: Ref | None = None
    region: Ref | None = None
    region_level: str | None = None
    candidate_count: int | None = None
    valid_as_of: str | None = None
    coverage: str | None = None
    verdict: str | None = None
    judges: Ref | None = Field(None, description="The reported finding or claim a verdict judges.")
    compared_with: Ref | None = Field(None, description="The computed finding it compared.")
    generated_by: str | None = Field(None, description="The derivation run of a computed one.")
    sources: list[Source] = []
    sentence: Sentence | None = Field(None, description="What it says, in English and Chinese.")
    judged_by: Finding | None = Field(
        None, description="For a reported finding: the graph's verdict on it (a claim-verdict)."
    )


class Designation(View):
    """Who designated whom, under which program, when, and on what evidence."""

    iri: str
    id: str
    designee: Ref
    program: Ref
    designated_by: list[Ref]
    type: str | None = None
    level: str | None = None
    status: str | None = Field(None, description="Verification status computed from claims.")
    batch: Ref | None = None
    announced: str | None = None
    decided: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    sources: list[Source] = []
    findings: list[Finding] = Field(
        [],
        description="Reported and computed findings about it (only, first in a region), each "
        "with its sentence; a reported one carries the graph's verdict on it in judged_by.",
    )


class Page(BaseModel, Generic[T]):
    """One page of results in a stable order: `total` counts every match, `next` is the URL of
    the following page (none on the last)."""

    items: list[T]
    total: int = Field(description="How many items match, on every page together.")
    limit: int
    offset: int
    next: str | None = None


class Facet(View):
    """One value of a facet: its id or slug, its label, and how many matches have it."""

    value: str
    label: str | None = None
    count: int


class DesignationPage(Page[Designation]):
    """A page of designations, with the counts of the facets asked for (`facets=`) over every
    match, not only this page."""

    facets: dict[str, list[Facet]] = Field(
        {}, description="Per facet asked for: its values, most frequent first."
    )
