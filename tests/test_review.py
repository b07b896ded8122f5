"""The review queue end to end: ingest drafts, list them with their evidence in context, correct
one and reject another, build, and find the reviewed designation with its revision link and
reviewer, the rejected one left out, and both machine drafts on disk as they were written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from api.cli import main
from graph import Store, iris
from graph.namespaces import CND, concept

DATA = Path(__file__).parent / "data" / "extract" / "dev"
SNAPSHOT = Path(__file__).parent / "data" / "extract" / "seeds"
AT = "2026-03-01T10:00:00+00:00"
REVIEWED = """
SELECT ?zone ?designation ?basis ?machine ?reviewer ?at WHERE {
  ?designation cnd:designee ?zone ; cnd:announcedOnBasis ?basis ; cnd:supportedBy ?claim .
  ?claim prov:wasRevisionOf ?machine ; prov:wasAttributedTo ?person ;
         prov:wasGeneratedBy ?run .
  ?person rdfs:label ?reviewer .
  ?run prov:endedAtTime ?at .
}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A seeds directory with the reference snapshot and two ingested drafts."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SNAPSHOT, seeds)
    (seeds / "records" / ".keep").unlink()
    pilot = DATA / "en-baotou-pilot.txt"
    units = DATA / "zh-pilot-units.txt"
    assert run("ingest", str(pilot), "--published", "2026-02-02", "--seeds", str(seeds))[0] == 0
    outlet = ("--outlet", "org/baotou-daily")
    assert run("ingest", str(units), "--seeds", str(seeds), *outlet)[0] == 0
    return seeds


def test_the_queue_lists_drafts_with_evidence_in_context(seeds: Path) -> None:
    code, out, err = run("review", "--seeds", str(seeds), "--format", "json")
    queued = json.loads(out)
    assert (code, err) == (0, "")
    assert [q["id"] for q in queued] == ["en-baotou-pilot", "zh-pilot-units"]
    (pilot,) = queued[0]["designations"]
    assert {k: pilot[k] for k in ("key", "designee", "designated_by", "program", "announced")} == {
        "key": "zone-baotou-rare-earth-htz",
        "designee": "zone/baotou-rare-earth-htz",
        "designated_by": ["org/miit"],
        "program": "nkrdp-industrialization-pilot",
        "announced": "2026-01-30",
    }
    context = pilot["evidence"][0]["context"]
    assert f"[[{pilot['evidence'][0]['quote']}]]" in context
    text = (DATA / "en-baotou-pilot.txt").read_text("utf-8")
    start = pilot["evidence"][0]["start"]
    assert context.startswith("…") == (start > 40)
    code, out, _ = run("review", "--seeds", str(seeds))
    assert (code, out.splitlines()[-1]) == (0, "2 drafts awaiting review")
    assert text[start : pilot["evidence"][0]["end"]] == pilot["evidence"][0]["quote"]


def test_correct_and_reject_then_build(seeds: Path, tmp_path: Path) -> None:
    records = seeds / "records"
    drafts = {p.name: p.read_bytes() for p in records.glob("*.yaml")}
    key = "zone-baotou-rare-earth-htz"
    code, out, err = run(
        "review", "correct", "en-baotou-pilot", "--seeds", str(seeds), "--reviewer", "Li Wei",
        "--at", AT, "--set", f"{key}.announced=2026-01-30", "--note", "Year checked.",
    )  # fmt: skip
    reviewed = records / "en-baotou-pilot.review.yaml"
    assert (code, out, err) == (0, f"wrote {reviewed}: corrected by Li Wei\n", "")
    code, out, _ = run(
        "review", "reject", "zh-pilot-units", "--seeds", str(seeds), "--reviewer", "Li Wei",
        "--at", AT,
    )  # fmt: skip
    assert code == 0
    assert run("review", "--seeds", str(seeds))[1] == "0 drafts awaiting review\n"
    assert {p.name: p.read_bytes() for p in records.glob("*.yaml") if p.name in drafts} == drafts

    store_dir = tmp_path / "store"
    code, out, err = run("build", "--seeds", str(seeds), "--store", str(store_dir))
    assert code == 0, err
    store = Store.open(store_dir)
    rows = store.select(REVIEWED, zone=ox.NamedNode(str(iris.entity(f"zone/{key[5:]}"))))
    assert [
        (r["basis"].value, r["reviewer"].value, r["at"].value, "/claim/" in r["machine"].value)
        for r in rows
    ] == [(str(concept("date-basis", "stated")), "Li Wei", "2026-03-01T10:00:00Z", True)]
    machine = rows[0]["machine"]
    assert store.select("SELECT ?m ?run WHERE { ?m prov:wasGeneratedBy ?run }", m=machine) != []
    units = store.select(
        "SELECT ?org ?d WHERE { ?d cnd:designee ?org }",
        org=ox.NamedNode(str(iris.entity("org/china-northern-rare-earth"))),
    )
    assert units == []
    status = store.select(
        "SELECT ?doc ?p ?s WHERE { ?doc ?p ?s }",
        doc=ox.NamedNode(str(iris.document("en-baotou-pilot"))),
        p=ox.NamedNode(str(CND.reviewStatus)),
    )
    assert [r["s"] for r in status] == [ox.NamedNode(str(concept("review-status", "reviewed")))]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("accept", "nothing-here"), "no draft 'nothing-here' awaiting review"),
        (
            ("accept", "en-baotou-pilot", "--set", "x.level=national"),
            "No such option '--set'",
        ),
        (("correct", "en-baotou-pilot"), "correct needs a change"),
        (
            ("correct", "en-baotou-pilot", "--set", "nokey.level=provincial"),
            "--set 'nokey.level=provincial': expected KEY.FIELD=VALUE with KEY one of "
            "zone-baotou-rare-earth-htz",
        ),
        (
            ("correct", "en-baotou-pilot", "--set", "zone-baotou-rare-earth-htz.level=global"),
            "designations.0.level: Input should be 'national', 'provincial' or 'municipal'",
        ),
    ],
)
def test_bad_decisions_are_clear_errors_and_write_nothing(
    seeds: Path, args: tuple[str, ...], message: str
) -> None:
    before = sorted(p.name for p in (seeds / "records").iterdir())
    code, _, err = run("review", *args, "--seeds", str(seeds), "--reviewer", "Li Wei")
    assert code != 0
    assert message in err
    assert sorted(p.name for p in (seeds / "records").iterdir()) == before


def test_a_draft_is_decided_once(seeds: Path) -> None:
    first = run("review", "accept", "en-baotou-pilot", "--seeds", str(seeds), "--reviewer", "A")
    second = run("review", "reject", "en-baotou-pilot", "--seeds", str(seeds), "--reviewer", "B")
    assert (first[0], second[0]) == (0, 1)
    assert second[2] == (
        f"error: {seeds / 'records'}/en-baotou-pilot.yaml: not a draft awaiting review\n"
    )


def test_a_review_of_no_draft_fails_the_build_naming_file_and_field(
    seeds: Path, tmp_path: Path
) -> None:
    records = seeds / "records"
    assert (
        run("review", "accept", "en-baotou-pilot", "--seeds", str(seeds), "--reviewer", "A")[0] == 0
    )
    review = records / "en-baotou-pilot.review.yaml"
    moved = records / "other.review.yaml"
    moved.write_text(
        review.read_text("utf-8").replace("of: en-baotou-pilot", "of: missing"), "utf-8"
    )
    review.unlink()
    code, _, err = run("build", "--seeds", str(seeds), "--store", str(tmp_path / "store"))
    assert (code, err.splitlines()[-1]) == (
        1,
        f"error: {moved}: revision.of: no draft record missing.yaml beside it",
    )
