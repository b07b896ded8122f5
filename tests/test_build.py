"""Building the seeds: the seed designation with its provenance, named graphs, determinism,
and atomicity (a failed build leaves the previous store exactly as it was)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import RecordError, Store, build
from graph.paths import SEEDS_DIR
from graph.sparql.writers import term_text
from tests.conftest import SEED_TEXT, needs_seed_text

ID = "https://w3id.org/china-designations/id/"

SEED_DESIGNATION = """
SELECT ?designation ?designee ?issuer ?program ?announced ?basis ?status ?claimStatus ?doc ?url
WHERE {
  ?designation a cnd:Designation ;
      cnd:designee ?designee ; cnd:designatedBy ?issuer ; cnd:underProgram ?program ;
      cnd:announcedOn ?announced ; cnd:announcedOnBasis ?basis ;
      cnd:verificationStatus ?status ; cnd:supportedBy ?claim .
  ?claim schema:appearance ?doc ; cnd:verificationStatus ?claimStatus .
  ?doc schema:url ?url .
}"""
SEED_DOC = ox.NamedNode(ID + "doc/rex-baotou-nkrdp-pilot")

EVIDENCE = """
SELECT ?exact ?start ?end WHERE {
  ?designation a cnd:Designation ; cnd:supportedBy ?claim .
  ?annotation oa:hasBody ?claim ; oa:hasTarget ?target .
  ?target oa:hasSelector ?quote , ?position .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
} ORDER BY ?start"""

REPORTED_ONLY = """
SELECT ?designee ?region ?level ?kind ?exact WHERE {
  ?finding a cnd:ReportedOnlyInRegionFinding ; cnd:aboutDesignation ?d ; cnd:withinRegion ?region ;
      cnd:regionLevel ?level ; cnd:supportedBy ?claim .
  ?d cnd:designee ?designee .
  ?claim cnd:claimKind ?kind .
  ?annotation oa:hasBody ?claim ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
}"""


def rows(store: Store, sparql: str, **bindings: ox.NamedNode) -> list[dict[str, str]]:
    return [{k: term_text(v) for k, v in row.items()} for row in store.select(sparql, **bindings)]


def test_seed_designation_is_found_with_its_provenance(built: Store) -> None:
    [row] = rows(built, SEED_DESIGNATION, doc=SEED_DOC)
    del row["designation"]
    assert row == {
        "designee": ID + "zone/baotou-rare-earth-htz",
        "issuer": ID + "org/miit",
        "program": ID + "program/nkrdp-industrialization-pilot",
        "announced": "2026-01-30",
        "basis": ID + "concept/date-basis/inferred-year",
        "status": ID + "concept/verification-status/unverified",
        "claimStatus": ID + "concept/verification-status/unverified",
        "doc": ID + "doc/rex-baotou-nkrdp-pilot",
        "url": "https://rareearthexchanges.com/news/china-designates-baotou-rare-earth-high-tech-"
        "zone-as-national-commercialization-pilot-downstream-focus",
    }


@needs_seed_text
def test_evidence_quotes_are_verbatim_in_the_seed_text(built: Store) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    found = rows(built, EVIDENCE)
    assert [r["start"] for r in found] == ["589", "760"]
    for r in found:
        assert text[int(r["start"]) : int(r["end"])] == r["exact"]


def test_reported_only_in_region_claim(built: Store) -> None:
    assert rows(built, REPORTED_ONLY) == [
        {
            "designee": ID + "zone/baotou-rare-earth-htz",
            "region": ID + "adm/150000",
            "level": ID + "concept/admin-level/province",
            "kind": ID + "concept/claim-kind/only-in-region",
            "exact": "makes the zone the only regional pilot selected in Inner Mongolia",
        }
    ]


def test_every_quad_is_in_a_named_graph_of_the_design(built: Store) -> None:
    default_only = built.query("ASK { ?s ?p ?o }", union=False)
    assert bool(default_only) is False
    stems = [p.stem for p in (SEEDS_DIR / "records").glob("*.yaml")] + ["gbt37028-2018"]
    sources = sorted(ID + "graph/source/" + stem for stem in stems)
    assert len(sources) == 39  # 38 records and the catalogue
    assert built.named_graphs() == [
        ID + "graph/derived",
        ID + "graph/ontology",
        ID + "graph/reference",
        *sources,
    ]


def test_two_builds_are_byte_identical(built_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "store"
    build(again, SEEDS_DIR)
    first = Store.open(built_dir).canonical_nquads()
    assert Store.open(again).canonical_nquads() == first


def test_failed_build_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    record = seeds / "records" / "rex-baotou-nkrdp-pilot.yaml"
    relative = os.path.relpath(SEED_TEXT, record.parent)
    record.write_text(
        re.sub(r"text_file: .*", f"text_file: {relative}", record.read_text("utf-8")),
        encoding="utf-8",
    )
    store_dir = tmp_path / "store"
    build(store_dir, seeds)
    before = Store.open(store_dir).canonical_nquads()
    broken = record.read_text("utf-8").replace("designee: zone/", "designee: zone/no-")
    record.write_text(broken, encoding="utf-8")
    with pytest.raises(RecordError) as info:
        build(store_dir, seeds)
    assert info.value.problems == [
        f"{record}: designations.0.designee: unknown zone zone/no-baotou-rare-earth-htz"
    ]
    assert Store.open(store_dir).canonical_nquads() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds", "store"]
