"""Ingest: an article becomes a draft record in seeds/records/ that the next build includes as
unreviewed; unresolved entities are left as notes; nothing is ever overwritten."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from click.testing import CliRunner

from api.cli import main
from graph import Store, iris
from graph.build.parsing import parse_model
from graph.build.records import Record
from graph.build.seeds import Seeds, read_seeds
from graph.extract import extract_text, load_gazetteer
from graph.extract.draft import catalogue_batches, draft, draft_problems, slugify
from graph.extract.quality import gold_of, set_names
from graph.namespaces import CND, concept
from graph.paths import SEEDS_DIR

DATA = Path(__file__).parent / "data" / "extract" / "dev"
LABELLED = Path(__file__).parent / "data" / "extract"
GOLD = {s: gold_of(s) for s in set_names()}
SNAPSHOT = Path(__file__).parent / "data" / "extract" / "seeds"


def seeds_copy(tmp_path: Path) -> Path:
    """A seeds directory with the reference snapshot and no records."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SNAPSHOT, seeds)
    (seeds / "records" / ".keep").unlink()
    return seeds


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingest_round_trip(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path)
    article = DATA / "en-baotou-pilot.txt"
    code, out, err = run("ingest", str(article), "--published", "2026-02-02", "--seeds", str(seeds))
    record_path = seeds / "records" / "en-baotou-pilot.yaml"
    assert (code, out, err) == (0, f"wrote {record_path}: 1 designations, 0 left\n", "")
    record = yaml.safe_load(record_path.read_text("utf-8"))
    assert (record["review"], record["verification"]) == ("unreviewed", "unverified")
    assert record["document"]["caveats"][0]["kind"] == "machine-extracted"
    assert record["document"]["outlet"] == "org/baotou-daily"
    assert (seeds / "texts" / "en-baotou-pilot.txt").read_text("utf-8") == article.read_text(
        "utf-8"
    )
    (designation,) = record["designations"]
    assert {k: v for k, v in designation.items() if k not in ("statement", "evidence")} == {
        "key": "zone-baotou-rare-earth-htz",
        "designee": "zone/baotou-rare-earth-htz",
        "designated_by": ["org/miit"],
        "program": "nkrdp-industrialization-pilot",
        "designation_type": "regional-pilot",
        "level": "national",
        "announced": {
            "value": "2026-01-30",
            "basis": "inferred-year",
            "note": "Resolved by the extractor (inferred-year; published 2026-02-02).",
        },
        "verification": "unverified",
    }
    assert record["claims"][0]["kind"] == "only-in-region"
    assert record["claims"][0]["region"] == "adm/150000"

    code, _, err = run("ingest", str(article), "--seeds", str(seeds))
    assert (code, err) == (
        1,
        f"error: {record_path}: already exists; not overwritten (choose another --slug)\n",
    )

    partial = DATA / "zh-ordos-region-level.txt"
    code, out, err = run(
        "ingest", str(partial), "--seeds", str(seeds), "--outlet", "org/baotou-daily"
    )
    draft = seeds / "records" / "zh-ordos-region-level.yaml"
    assert (code, out) == (0, f"wrote {draft}: 0 designations, 1 left\n")
    assert err.startswith("note: not included, designee, designated_by, program, designation_type")
    assert draft.read_text("utf-8").splitlines()[1].startswith("# not included, designee")

    store_dir = tmp_path / "store"
    code, _, _ = run("build", "--seeds", str(seeds), "--store", str(store_dir))
    assert code == 0
    rows = Store.open(store_dir).select(
        "SELECT ?doc ?p ?status WHERE { ?doc ?p ?status }",
        doc=ox.NamedNode(str(iris.document("en-baotou-pilot"))),
        p=ox.NamedNode(str(CND.reviewStatus)),
    )
    assert [r["status"] for r in rows] == [
        ox.NamedNode(str(concept("review-status", "unreviewed")))
    ]


def test_ingest_refuses_articles_without_designations(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path)
    article = DATA / "en-none-plan.txt"
    code, out, err = run("ingest", str(article), "--seeds", str(seeds))
    assert (code, out, err) == (1, "", f"error: {article}: no designation found; nothing written\n")
    assert sorted(p.name for p in (seeds / "records").iterdir()) == []


def test_ingest_needs_a_known_outlet(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path)
    article = DATA / "zh-hant-baotou-pilot.txt"
    code, _, err = run("ingest", str(article), "--seeds", str(seeds))
    assert (code, err) == (1, f"error: {article}: no known outlet named; give --outlet org/…\n")


@pytest.fixture(scope="module")
def seeds_now() -> Seeds:
    """The repository's seeds, with the catalogue, as the next build reads them."""
    return read_seeds(SEEDS_DIR)


@pytest.mark.parametrize(("set_name", "name"), [(s, n) for s in GOLD for n in GOLD[s]])
def test_every_labelled_extraction_is_a_valid_draft(
    seeds_now: Seeds, set_name: str, name: str
) -> None:
    """Every extraction over the labelled sets, drafted against the repository's reference
    data, is a record the build accepts, and every designation is written or noted."""
    article = LABELLED / set_name / f"{name}.txt"
    text = article.read_text("utf-8")
    published = GOLD[set_name][name]["published"]
    on = dt.date.fromisoformat(published) if published else None
    extraction = extract_text(text, load_gazetteer(SEEDS_DIR / "reference"), on)
    record, notes = draft(extraction, text, slugify(name), "org/xinhua", article.name)
    catalogue_batches(SEEDS_DIR, seeds_now, record)
    path = article.with_suffix(".yaml")
    assert draft_problems(SEEDS_DIR, seeds_now, path, parse_model(Record, record, path)) == []
    left = [n for n in notes if n.startswith("not included")]
    assert len(record["designations"]) + len(left) == len(extraction.designations)


def test_ingest_names_the_catalogue_batch_of_a_catalogue_zone(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR / "reference", seeds / "reference")
    (seeds / "records").mkdir()
    article = LABELLED / "dev3" / "zh-hubei-htz-2018.txt"
    code, out, err = run("ingest", str(article), "--seeds", str(seeds), "--outlet", "org/xinhua")
    path = seeds / "records" / "zh-hubei-htz-2018.yaml"
    assert (code, out, err) == (0, f"wrote {path}: 3 designations, 0 left\n", "")
    record = yaml.safe_load(path.read_text("utf-8"))
    assert [(d["designee"], d["batch"]) for d in record["designations"]] == [
        (f"zone/gbt37028-{code}", "national-high-tech-zones-gbt37028-2018")
        for code in ("42103012", "42103010", "42103011")
    ]
    assert path.read_text("utf-8").splitlines()[1] == (
        "# zone-gbt37028-42103012: batch national-high-tech-zones-gbt37028-2018, the "
        "catalogue's list of zone/gbt37028-42103012 under national-high-tech-zones"
    )
