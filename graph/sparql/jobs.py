"""What the endpoint asks a worker to do, and what comes back: small picklable values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import pyoxigraph as ox

from graph.errors import ProtocolError

JobKind = Literal["query", "update", "graph", "stats", "release", "put", "post", "delete"]
WRITES: frozenset[JobKind] = frozenset({"update", "put", "post", "delete"})
"""Jobs that change the store: the pool runs them with every worker held."""


@dataclass(frozen=True)
class Dataset:
    """An RDF dataset named by the protocol (default-graph-uri, named-graph-uri, using-...)."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)

    @classmethod
    def of(cls, default_graphs: Iterable[str], named_graphs: Iterable[str]) -> Dataset:
        """A dataset from parameter values, each checked to be an absolute IRI."""
        return cls(tuple(map(checked_iri, default_graphs)), tuple(map(checked_iri, named_graphs)))


def checked_iri(text: str) -> str:
    """The text when it is an absolute IRI; ProtocolError otherwise."""
    try:
        return ox.NamedNode(text).value
    except ValueError as exc:
        raise ProtocolError(f"not an absolute IRI: {text!r} ({exc})") from None


@dataclass(frozen=True)
class Job:
    """One piece of work for a worker process.

    `graph` names the graph of a Graph Store job ("graph", "put", "post", "delete"); the
    empty string is the store's default graph. `data` is N-Triples for "put" and "post".
    """

    kind: JobKind
    text: str = ""
    graph: str = ""
    data: bytes = b""
    dataset: Dataset = field(default_factory=Dataset)
    base_iri: str | None = None
    solutions_media: str | None = None
    graph_media: str | None = None
    max_rows: int = 10_000
    generation: int = 0
    replica: str = ""
    """The columnar replica of this generation (graph.sparql.replica), once it is written."""


@dataclass(frozen=True)
class Outcome:
    """A finished job: the serialised body, its media type, and whether rows were cut;
    `created` tells a Graph Store write that the graph did not exist before; `engine` names
    what answered a query ("oxigraph", or "columnar" for the replica)."""

    media_type: str = ""
    body: bytes = b""
    truncated: bool = False
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    created: bool = False
    engine: str = ""


@dataclass(frozen=True)
class Failure:
    """A job that failed on purpose: the name of a graph.errors class and its message."""

    error: str
    message: str
