"""A designee candidate: where a name was found, its kind and its reference entry."""

from __future__ import annotations

from dataclasses import dataclass

from graph.extract.gazetteer import Entry


@dataclass(frozen=True)
class Candidate:
    """A designee found at [start, end): its kind and, when it resolves, its reference entry;
    label when its words are not the text at [start, end) (a conjunct sharing a head noun)."""

    start: int
    end: int
    kind: str
    entry: Entry | None
    label: str | None = None
