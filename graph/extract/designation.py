"""The typed result of extraction: one `DraftDesignation` per designee, and the article's
`Extraction`. `as_json` gives the output `designations extract` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.extract.claims import Claim


@dataclass(frozen=True)
class Named:
    """An issuer or a program: its words in the text and its IRI when it resolves."""

    label: str
    iri: str | None

    def as_json(self) -> dict[str, Any]:
        """The output object."""
        return {"label": self.label, "iri": self.iri}


@dataclass(frozen=True)
class Designee:
    """What was designated: its name as the text gives it, IRI and kind."""

    label: str
    iri: str | None
    kind: str

    def as_json(self) -> dict[str, Any]:
        """The output object."""
        return {"label": self.label, "iri": self.iri, "kind": self.kind}


@dataclass(frozen=True)
class Region:
    """The province a designee lies in (GB/T 2260 code) and its name."""

    code: str
    label: str

    def as_json(self) -> dict[str, Any]:
        """The output object."""
        return {"code": self.code, "label": self.label}


@dataclass(frozen=True)
class Batch:
    """The batch a designation belongs to: its number or year, the words stating it, and the
    batch of the reference data when one matches."""

    ordinal: int | None
    year: int | None
    label: str
    iri: str | None

    def as_json(self) -> dict[str, Any]:
        """The output object."""
        return {"ordinal": self.ordinal, "year": self.year, "label": self.label, "iri": self.iri}


@dataclass(frozen=True)
class Quote:
    """Words of the article at [start, end) (Python string offsets into the decoded text)."""

    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, Any]:
        """The output object."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class DraftDesignation:
    """One designation an article states, machine-made and unreviewed, every value tied to
    its evidence."""

    designee: Designee
    designated_by: tuple[Named, ...]
    program: Named | None
    designation_type: str | None
    level: str
    region: Region | None
    date: str | None
    date_basis: str | None
    batch: Batch | None
    claims: tuple[Claim, ...]
    evidence: tuple[Quote, ...]
    confidence: float
    text: str = field(repr=False, compare=False, default="")

    def as_json(self) -> dict[str, Any]:
        """The output object of `designations extract`."""
        return {
            "designee": self.designee.as_json(),
            "designated_by": [i.as_json() for i in self.designated_by],
            "program": None if self.program is None else self.program.as_json(),
            "designation_type": self.designation_type,
            "level": self.level,
            "region": None if self.region is None else self.region.as_json(),
            "date": self.date,
            "date_basis": self.date_basis,
            "batch": None if self.batch is None else self.batch.as_json(),
            "claims": [{"kind": c.kind, "text": self.text[c.start : c.end]} for c in self.claims],
            "evidence": [q.as_json() for q in self.evidence],
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Article:
    """What extraction says of the article itself."""

    language: str
    published: str | None
    title: str | None

    def as_json(self) -> dict[str, Any]:
        """The output object."""
        return {"language": self.language, "published": self.published, "title": self.title}


@dataclass(frozen=True)
class Extraction:
    """The result of extracting one article: its designations in order of evidence, and notes
    on names the well-formedness check repaired or dropped."""

    document: Article
    designations: list[DraftDesignation]
    notes: list[str]

    def as_json(self) -> dict[str, Any]:
        """The output shape other tools consume."""
        return {
            "document": self.document.as_json(),
            "designations": [d.as_json() for d in self.designations],
            "notes": list(self.notes),
        }
