"""Project the store into compact columns and a networkx place tree.

Each fact is read with one single-pattern SPARQL SELECT whose results Oxigraph serialises to
TSV in one call (no per-term Python objects); Python splits the lines and joins them on the
designation's IRI. Entities become integer ids into one table of IRIs, kept in N-Triples form
("<iri>") because the rules write N-Triples. A digest of every row read names the snapshot.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import is_not, itemgetter
from typing import Any

import networkx as nx
import numpy as np

from graph.derive.reader import Reader, rows_of
from graph.store import Store

DESIGNATIONS = "SELECT ?s WHERE { ?s a cnd:Designation }"
COLUMNS = {
    "designee": "cnd:designee",
    "program": "cnd:underProgram",
    "level": "cnd:level",
    "batch": "cnd:batch",
    "type": "cnd:designationType",
}
DATES = {
    "announced": "cnd:announcedOn",
    "decided": "cnd:decisionDate",
    "from": "cnd:validFrom",
    "until": "cnd:validUntil",
    "retracted": "cnd:retracted",
}
PLACES = ("schema:containedInPlace", "schema:location")
"""The two links of the region rule (graph.region): the place tree, and where things are."""
LEVELS = "cnd:adminLevel"
SUCCESSORS = "dcterms:isReplacedBy"
ENDED = "SELECT ?division ?until WHERE { ?division a cnd:AdminDivision ; cnd:validUntil ?until }"
BATCHES = """SELECT ?b ?program ?coverage WHERE {
  ?b a cnd:Batch ; dcterms:isPartOf ?program ; cnd:coverage ?coverage }"""
PROGRAMS = """SELECT ?program ?coverage WHERE { ?program a cnd:Program ; cnd:coverage ?coverage }"""
COMPLETE = "complete-official-list"
CLAIM_PATTERNS = ("cnd:supportedBy", "cnd:verificationStatus", "schema:appearance")
CLAIMS = """SELECT ?d ?status ?document WHERE {
  ?d cnd:supportedBy ?claim .
  ?claim cnd:verificationStatus ?status ; schema:appearance ?document }"""


def start_day(value: str) -> str:
    """The first day a partial date can mean: "2026" -> "2026-01-01".

    >>> start_day("2026-03")
    '2026-03-01'
    """
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def end_day(value: str) -> str:
    """The last day a partial date can mean, as a sortable string: "2026" -> "2026-12-31"."""
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


@dataclass
class Projection:
    """The designations as columns of integer ids, and the place tree as a networkx DiGraph."""

    iris: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    designation: list[int] = field(default_factory=list)
    columns: dict[str, list[int]] = field(default_factory=dict)
    start: list[str] = field(default_factory=list)
    until: list[str] = field(default_factory=list)
    retracted: list[bool] = field(default_factory=list)
    issuers: list[tuple[int, int]] = field(default_factory=list)
    # Each (designation, claim) link: the row, the claim's status and the claim's document.
    support_row: list[int] = field(default_factory=list)
    support_status: list[int] = field(default_factory=list)
    support_document: list[int] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    places: nx.DiGraph[int] = field(default_factory=nx.DiGraph)
    located: dict[int, list[int]] = field(default_factory=dict)
    # Divisions that ended, with the year they ended, and each one's successors.
    ended: dict[int, int] = field(default_factory=dict)
    successors: list[tuple[int, int]] = field(default_factory=list)
    batch_complete: dict[int, bool] = field(default_factory=dict)
    program_batches: dict[int, list[int]] = field(default_factory=dict)
    # Programs whose coverage a source states complete (every batch the program named is held).
    program_complete: dict[int, bool] = field(default_factory=dict)
    digest: str = ""
    extra: dict[str, list[list[str]]] = field(default_factory=dict)

    def id(self, iri: str) -> int:
        """The integer id of an IRI in N-Triples form, minted on first sight."""
        found = self.index.get(iri)
        if found is None:
            found = self.index[iri] = len(self.iris)
            self.iris.append(iri)
        return found

    @property
    def designee(self) -> list[int]:
        """The designee of each row."""
        return self.columns["designee"]

    @property
    def program(self) -> list[int]:
        """The program of each row."""
        return self.columns["program"]

    @property
    def batch(self) -> list[int]:
        """The batch of each row, -1 when it has none."""
        return self.columns["batch"]

    @property
    def kind(self) -> list[int]:
        """The designation type concept of each row."""
        return self.columns["type"]

    @property
    def level(self) -> list[int]:
        """The designation level concept of each row."""
        return self.columns["level"]

    def __len__(self) -> int:
        return len(self.designation)

    def fingerprint(self) -> bytes:
        """A digest of the designation columns that does not depend on the order the store
        gave them in: the IRI table (each new batch of IRIs is minted in sorted order), then
        every column with the rows sorted by designation IRI."""
        h = hashlib.sha256("\n".join(self.iris).encode("utf-8"))
        order = np.argsort(np.array(self.designation, dtype=np.int64), kind="stable").tolist()
        for name in sorted(self.columns):
            h.update(name.encode() + np.array(self.columns[name], dtype=np.int64)[order].tobytes())
        for dates in (self.start, self.until):
            h.update("\t".join(map(dates.__getitem__, order)).encode("utf-8"))
        h.update(bytes(map(self.retracted.__getitem__, order)))
        issued = np.array(self.issuers, dtype=np.int64).reshape(-1, 2).T
        issued[0] = np.array(self.designation, dtype=np.int64)[issued[0]]
        h.update(issued[:, np.lexsort(issued[::-1])].T.tobytes())  # (designation, issuer) rows
        links = np.array(
            [self.support_status, self.support_document, self.support_row], dtype=np.int64
        ).reshape(3, -1)
        links[2] = np.array(self.designation, dtype=np.int64)[links[2]]
        h.update(links[:, np.lexsort(links)].tobytes())
        return h.digest()


def _ids(p: Projection, terms: list[str]) -> list[int]:
    """Integer ids of many terms: mint the distinct new ones in one go, then map at C speed."""
    new = list(dict.fromkeys(terms).keys() - p.index.keys())
    new.sort()
    p.index.update(zip(new, range(len(p.iris), len(p.iris) + len(new)), strict=True))
    p.iris.extend(new)
    return list(map(p.index.__getitem__, terms))


Rows = tuple[list[str], dict[str, int]]
"""The designation IRIs in row order, and each one's row."""


def _by_row(rows: Rows, subjects: list[str], values: list[Any]) -> dict[int, Any]:
    """Each designation row's value; subjects that are not designations are skipped, and of
    two values for one row the greater wins."""
    iris, at = rows
    if subjects == iris:
        return dict(enumerate(values))
    if len(set(subjects)) == len(subjects):  # one value each: no tie to settle, no sort
        by_row: dict[int | None, Any] = dict(zip(map(at.get, subjects), values, strict=True))
    else:
        by_row = {at.get(s): v for s, v in sorted(zip(subjects, values, strict=True))}
    by_row.pop(None, None)
    return by_row  # type: ignore[return-value]


def _column(rows: Rows, subjects: list[str], values: list[Any], default: Any) -> list[Any]:
    """Values aligned with the rows. Each column of a designation property comes from the
    store in the same subject order as the designations themselves, so most are aligned
    already."""
    if subjects == rows[0]:
        return values
    return list(map(_by_row(rows, subjects, values).get, range(len(rows[0])), repeat(default)))


def _designations(r: Reader, p: Projection) -> None:
    iris = [d for d in dict.fromkeys(r.unsorted(DESIGNATIONS).split("\n")) if d]
    at = dict(zip(iris, range(len(iris)), strict=True))
    rows, n = (iris, at), len(iris)
    p.designation = _ids(p, iris)
    for name, predicate in COLUMNS.items():
        subjects, objects = r.unsorted_pairs(predicate)
        p.columns[name] = _column(rows, subjects, _ids(p, objects), -1)
    dates = {
        name: _by_row(rows, *r.unsorted_pairs(predicate, literal=True))
        for name, predicate in DATES.items()
    }
    began = dates["decided"] | dates["announced"] | dates["from"]  # the later ones win
    began.update({row: start_day(v) for row, v in began.items() if len(v) < 10})
    p.start = list(map(began.get, range(n), repeat("")))
    until = {row: end_day(v) for row, v in dates["until"].items()}
    p.until = list(map(until.get, range(n), repeat("")))
    retracted = {row for row, v in dates["retracted"].items() if v in ("true", "1")}
    p.retracted = list(map(retracted.__contains__, range(n)))
    subjects, objects = r.unsorted_pairs("cnd:designatedBy")
    issuers = list(zip(map(at.get, subjects), _ids(p, objects), strict=True))
    placed = map(is_not, map(itemgetter(0), issuers), repeat(None))
    p.issuers = list(dict.fromkeys(compress(issuers, placed)))  # type: ignore[arg-type]
    _claims(r, p, at)
    r.digest.update(p.fingerprint())


def _claims(r: Reader, p: Projection, at: dict[str, int]) -> None:
    """The claims supporting each designation: their status and the document they appear in
    (what the verification rollup reads), and which document quotes which."""
    if r.store.path is None:
        body = r.unsorted(CLAIMS)
        flat = body.replace("\n", "\t").split("\t") if body else []
        designations, statuses, documents = flat[0::3], flat[1::3], flat[2::3]
    else:
        designations, statuses, documents = _claims_by_scans(r)
    rows = list(map(at.get, designations))
    known = list(map(is_not, rows, repeat(None)))
    p.support_row = list(compress(rows, known))  # type: ignore[arg-type]
    p.support_status = _ids(p, list(compress(statuses, known)))
    p.support_document = _ids(p, list(compress(documents, known)))
    quoting, quoted = r.pairs("prov:wasQuotedFrom")
    p.quotes = list(zip(_ids(p, quoting), _ids(p, quoted), strict=True))


def _claims_by_scans(r: Reader) -> tuple[list[str], list[str], list[str]]:
    """The rows of CLAIMS from its three patterns read apart and joined on the claim here: on
    disk, where Oxigraph's join pays a RocksDB seek per row (at a million designations, 92 s
    for the join query against about 36 s for the three scans)."""
    statuses = _grouped(*r.unsorted_pairs(CLAIM_PATTERNS[1]))
    documents = _grouped(*r.unsorted_pairs(CLAIM_PATTERNS[2]))
    rows: tuple[list[str], list[str], list[str]] = ([], [], [])
    for designation, claim in zip(*r.unsorted_pairs(CLAIM_PATTERNS[0]), strict=True):
        for status in statuses.get(claim, ()):
            for document in documents.get(claim, ()):
                rows[0].append(designation)
                rows[1].append(status)
                rows[2].append(document)
    return rows


def _grouped(subjects: list[str], objects: list[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for s, o in zip(subjects, objects, strict=True):
        grouped.setdefault(s, []).append(o)
    return grouped


def _places(r: Reader, p: Projection) -> None:
    """The place tree (schema:containedInPlace) and the schema:location table, apart: the
    region rule follows a location for the first step only."""
    contained, located = PLACES
    subjects, objects = r.pairs(contained)
    p.places.add_edges_from(zip(_ids(p, subjects), _ids(p, objects), strict=True))
    subjects, objects = r.pairs(located)
    for thing, place in zip(_ids(p, subjects), _ids(p, objects), strict=True):
        p.located.setdefault(thing, []).append(place)
    subjects, objects = r.pairs(LEVELS)
    for s, o in zip(_ids(p, subjects), objects, strict=True):
        p.places.add_node(s, level=o.rsplit("/", 1)[-1].rstrip(">"))
    subjects, objects = r.pairs(SUCCESSORS)
    p.successors = list(zip(_ids(p, subjects), _ids(p, objects), strict=True))
    for division, until in r.rows(ENDED):
        p.ended[p.id(division)] = int(until[1:5])


def _batches(r: Reader, p: Projection) -> None:
    for b_iri, program_iri, coverage in r.rows(BATCHES):
        b, program = p.id(b_iri), p.id(program_iri)
        p.batch_complete[b] = coverage.endswith(f"/{COMPLETE}>")
        p.program_batches.setdefault(program, []).append(b)
    for program_iri, coverage in r.rows(PROGRAMS):
        p.program_complete[p.id(program_iri)] = coverage.endswith(f"/{COMPLETE}>")


def project(store: Store, *extra: str) -> Projection:
    """The store's designations, issuers, places and batches, ready for the rules; the extra
    queries' rows (what else the rules read) go into the snapshot digest too."""
    p = Projection()
    with Reader(store, plan(store, *extra)) as r:
        _designations(r, p)
        _places(r, p)
        _batches(r, p)
        for sparql in extra:
            p.extra[sparql] = r.rows(sparql)
    p.digest = r.digest.hexdigest()
    return p


def plan(store: Store, *extra: str) -> list[str]:
    """Every query project asks, in the order it reads them; in memory, the claims (the one
    join, and the slowest) start first."""
    columns = [*COLUMNS.values(), *DATES.values(), "cnd:designatedBy"]
    claims = [CLAIM_PATTERNS[1], CLAIM_PATTERNS[2], CLAIM_PATTERNS[0]]  # as _claims_by_scans
    if store.path is None:
        first, claims = [CLAIMS], []
    else:
        first = []
    return [
        *first,
        DESIGNATIONS,
        *map(rows_of, [*columns, *claims, "prov:wasQuotedFrom", *PLACES, LEVELS, SUCCESSORS]),
        ENDED,
        BATCHES,
        PROGRAMS,
        *extra,
    ]
