"""Generate a synthetic designation graph as N-Quads: divisions, zones, programs with batches,
issuers, designations (each with a type and one or two supporting claims, as in the real
graph) and a few reported only-in-region findings. Deterministic per seed.

    python -m bench.synthetic 100000 /tmp/synthetic-100k.nq
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

BASE = "https://w3id.org/china-designations/"
ID, CND = BASE + "id/", BASE + "def#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
CONTAINED = "<https://schema.org/containedInPlace>"
PART_OF = "<http://purl.org/dc/terms/isPartOf>"
SCHEMA_APPEARANCE = "<https://schema.org/appearance>"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROVINCES, PREFECTURES, COUNTIES = 31, 11, 10
PROGRAMS, BATCHES, ISSUERS = 60, 3, 20
REFERENCE = f"<{ID}graph/reference>"
SOURCE = f"<{ID}graph/source/synthetic>"
ZONE_TYPES = ("demonstration-zone", "pilot-unit")


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def cnd(name: str) -> str:
    return f"<{CND}{name}>"


def quad(s: str, p: str, o: str, g: str = REFERENCE) -> str:
    return f"{s} {p} {o} {g} .\n"


def divisions() -> Iterator[tuple[str, str]]:
    """(code, parent code) of every synthetic division, parents first."""
    for p in range(PROVINCES):
        province = f"{11 + p:02d}0000"
        yield province, ""
        for c in range(1, PREFECTURES + 1):
            city = f"{11 + p:02d}{c:02d}00"
            yield city, province
            for k in range(1, COUNTIES + 1):
                yield f"{11 + p:02d}{c:02d}{k:02d}", city


def level_of(code: str) -> str:
    return (
        "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"
    )


def reference(zones: int, rng: random.Random) -> Iterator[str]:
    """Divisions, zones, issuers, programs and batches."""
    counties = []
    for code, parent in divisions():
        s = iris_adm(code)
        yield quad(s, RDF_TYPE, cnd("AdminDivision"))
        yield quad(s, cnd("adminLevel"), iri(f"concept/admin-level/{level_of(code)}"))
        if parent:
            yield quad(s, CONTAINED, iris_adm(parent))
        if level_of(code) == "county":
            counties.append(code)
    for z in range(zones):
        yield quad(iri(f"zone/z{z}"), RDF_TYPE, cnd("Zone"))
        yield quad(iri(f"zone/z{z}"), CONTAINED, iris_adm(rng.choice(counties)))
    for o in range(ISSUERS):
        yield quad(iri(f"org/o{o}"), RDF_TYPE, "<http://www.w3.org/ns/org#Organization>")
    for p in range(PROGRAMS):
        yield quad(iri(f"program/p{p}"), RDF_TYPE, cnd("Program"))
        for b in range(BATCHES):
            batch = iri(f"batch/p{p}-b{b}")
            coverage = "complete-official-list" if p % 3 == 0 else "partial-news-corpus"
            yield quad(batch, RDF_TYPE, cnd("Batch"))
            yield quad(batch, PART_OF, iri(f"program/p{p}"))
            yield quad(batch, cnd("coverage"), iri(f"concept/coverage/{coverage}"))


def iris_adm(code: str) -> str:
    return iri(f"adm/{code}")


def designation(n: int, zones: int, rng: random.Random) -> Iterator[str]:
    """One designation: designee, program (skewed: few large, many small), batch, dates."""
    d = iri(f"designation/d{n}")
    program = min(int(rng.paretovariate(1.2)) - 1, PROGRAMS - 1)
    if rng.random() < 0.8:
        designee = iri(f"zone/z{rng.randrange(zones)}")
    else:
        designee = iris_adm(f"{11 + rng.randrange(PROVINCES):02d}{rng.randrange(1, 12):02d}00")
    level = "national" if rng.random() < 0.6 else "provincial"
    kind = ZONE_TYPES[n % 2] if "zone/" in designee else "pilot-city"
    year = 2005 + rng.randrange(21)
    day = f'"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"^^<{XSD}date>'
    yield quad(d, RDF_TYPE, cnd("Designation"), SOURCE)
    yield quad(d, cnd("designee"), designee, SOURCE)
    yield quad(d, cnd("underProgram"), iri(f"program/p{program}"), SOURCE)
    yield quad(d, cnd("batch"), iri(f"batch/p{program}-b{rng.randrange(BATCHES)}"), SOURCE)
    yield quad(d, cnd("level"), iri(f"concept/designation-level/{level}"), SOURCE)
    yield quad(d, cnd("designationType"), iri(f"concept/designation-type/{kind}"), SOURCE)
    yield quad(d, cnd("announcedOn"), day, SOURCE)
    yield quad(d, cnd("designatedBy"), iri(f"org/o{program % ISSUERS}"), SOURCE)
    yield from claims(n, d, rng)
    if rng.random() < 0.01:
        yield quad(d, cnd("retracted"), f'"true"^^<{XSD}boolean>', SOURCE)
    if rng.random() < 0.02:
        yield quad(d, cnd("validUntil"), f'"{year + 3}-12-31"^^<{XSD}date>', SOURCE)


def claims(n: int, d: str, rng: random.Random) -> Iterator[str]:
    """The claims supporting a designation: one news report, a second one for a few."""
    for c in range(1 + (rng.random() < 0.1)):
        claim, status = iri(f"claim/d{n}-{c}"), "confirmed-primary" if c else "unverified"
        yield quad(d, cnd("supportedBy"), claim, SOURCE)
        yield quad(
            claim, cnd("verificationStatus"), iri(f"concept/verification-status/{status}"), SOURCE
        )
        yield quad(claim, SCHEMA_APPEARANCE, iri(f"document/news-{n // 20}-{c}"), SOURCE)


def reported(n: int, size: int, rng: random.Random) -> Iterator[str]:
    """A reported only-in-region finding about a random designation, in a random province."""
    f, claim = iri(f"finding/r{n}"), iri(f"claim/c{n}")
    yield quad(f, RDF_TYPE, cnd("ReportedOnlyInRegionFinding"), SOURCE)
    yield quad(f, cnd("aboutDesignation"), iri(f"designation/d{rng.randrange(size)}"), SOURCE)
    yield quad(f, cnd("withinRegion"), iris_adm(f"{11 + rng.randrange(PROVINCES):02d}0000"), SOURCE)
    yield quad(f, cnd("regionLevel"), iri("concept/admin-level/province"), SOURCE)
    yield quad(f, cnd("supportedBy"), claim, SOURCE)


def generate(size: int, path: Path, seed: int = 5) -> None:
    """Write a synthetic graph with `size` designations to an N-Quads file."""
    rng = random.Random(seed)
    zones = max(size // 10, 10)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(reference(zones, rng))
        for n in range(size):
            out.writelines(designation(n, zones, rng))
        for n in range(max(size // 1000, 1)):
            out.writelines(reported(n, size, rng))


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
