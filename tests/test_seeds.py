"""Reading seeds: every problem is one line naming file, field and reason."""

from __future__ import annotations

import copy
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from graph.build.parsing import parse_model
from graph.build.records import Record
from graph.build.seeds import MAX_RECORD_BYTES, read_seeds
from graph.errors import RecordError
from graph.paths import SEEDS_DIR

RECORD = {
    "document": {
        "slug": "doc-a",
        "title": "A report",
        "outlet": "org/baotou-daily",
        "language": "en",
        "text_file": "doc-a.txt",
    },
    "designations": [
        {
            "key": "d1",
            "designee": "zone/baotou-rare-earth-htz",
            "designated_by": ["org/miit"],
            "program": "nkrdp-industrialization-pilot",
            "designation_type": "regional-pilot",
            "statement": "MIIT named the zone a pilot region.",
            "evidence": [{"quote": "named a pilot", "start": 9, "end": 22}],
        }
    ],
}
TEXT = "The zone named a pilot region."


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A seeds folder with the project's reference data and no records yet."""
    # Without the catalogue: these tests are about records, and it takes seconds to read.
    ignore = shutil.ignore_patterns("catalogue.yaml")
    shutil.copytree(SEEDS_DIR / "reference", tmp_path / "reference", ignore=ignore)
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "doc-a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def write(seeds: Path, data: object, name: str = "doc-a.yaml") -> Path:
    path = seeds / "records" / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def problems(seeds: Path) -> list[str]:
    with pytest.raises(RecordError) as info:
        read_seeds(seeds)
    return info.value.problems


def test_good_record_reads(seeds: Path) -> None:
    path = write(seeds, RECORD)
    assert list(read_seeds(seeds).records) == [path]


def test_offsets_that_select_other_text(seeds: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["designations"][0]["evidence"] = [{"quote": "named a pilot", "start": 4, "end": 17}]
    path = write(seeds, data)
    assert problems(seeds) == [
        f"{path}: designations.0.evidence.0: offsets 4-17 select 'zone named a ', not the quote"
    ]


def test_unknown_organisation_and_program(seeds: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["designations"][0]["designated_by"] = ["org/ministry-of-magic"]
    data["designations"][0]["program"] = "no-such-program"
    path = write(seeds, data)
    assert problems(seeds) == [
        f"{path}: designations.0.designated_by.0: unknown org org/ministry-of-magic",
        f"{path}: designations.0.program: unknown program no-such-program",
    ]


def test_every_broken_file_is_reported(seeds: Path) -> None:
    one = yaml.safe_load(yaml.safe_dump(RECORD))
    del one["designations"][0]["designee"]
    two = yaml.safe_load(yaml.safe_dump(RECORD))
    two["designations"][0]["announced"] = {"value": "30 January"}
    first, second = write(seeds, one, "a.yaml"), write(seeds, two, "b.yaml")
    got = problems(seeds)
    assert got[0] == f"{first}: designations.0.designee: Field required"
    assert got[1].startswith(f"{second}: designations.0.announced.value: String should match")
    assert len(got) == 2


def test_yaml_syntax_error_names_the_file(seeds: Path) -> None:
    path = seeds / "records" / "bad.yaml"
    path.write_text("document: [unclosed\n", encoding="utf-8")
    got = problems(seeds)
    assert len(got) == 1
    assert got[0].startswith(f"{path}: (file): not valid YAML: ")


def test_unknown_region_in_claim(seeds: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["claims"] = [
        {
            "kind": "only-in-region",
            "about": "d1",
            "region": "adm/990000",
            "region_level": "province",
            "statement": "Only one.",
            "evidence": "none-at-hand",
        }
    ]
    path = write(seeds, data)
    assert problems(seeds) == [f"{path}: claims.0.region: unknown adm adm/990000"]


def test_batch_of_another_program(seeds: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["designations"][0]["batch"] = "some-other-batch"
    path = write(seeds, data)
    assert problems(seeds) == [
        f"{path}: designations.0.batch: some-other-batch is not a batch of "
        "nkrdp-industrialization-pilot"
    ]


def test_organisation_designee_needs_a_place(seeds: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["designations"][0]["designee"] = "org/miit"
    path = write(seeds, data)
    assert problems(seeds) == [
        f"{path}: designations.0.designee: org/miit has no located_in to place it"
    ]


def test_several_problems_in_one_record_are_reported_together(seeds: Path) -> None:
    """A malformed field no longer hides the record's other problems (they used to surface
    one fix at a time)."""
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    first = data["designations"][0]
    first["announced"] = {"value": "30 January"}
    first["designated_by"] = ["org/ministry-of-magic"]
    first["evidence"] = [{"quote": "named a pilot", "start": 4, "end": 17}]
    second = copy.deepcopy(first) | {"key": "d2", "designee": "zone/atlantis"}
    second["program"] = "no-such-program"
    del second["announced"]
    second["evidence"] = "none-at-hand"
    second["statement"] = "x" * 2001
    data["designations"].append(second)
    path = write(seeds, data)
    assert problems(seeds) == [
        f"{path}: designations.0.announced.value: String should match pattern "
        "'^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'",
        f"{path}: designations.1.statement: String should have at most 2000 characters",
        f"{path}: designations.0.designated_by.0: unknown org org/ministry-of-magic",
        f"{path}: designations.1.designee: unknown zone zone/atlantis",
        f"{path}: designations.1.designated_by.0: unknown org org/ministry-of-magic",
        f"{path}: designations.1.program: unknown program no-such-program",
        f"{path}: designations.0.evidence.0: offsets 4-17 select 'zone named a ', not the quote",
    ]


def test_every_problem_of_one_piece_of_evidence_is_named(seeds: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["designations"][0]["evidence"] = [{"quote": "word " * 30, "start": 1}]
    path = write(seeds, data)
    assert problems(seeds) == [
        f"{path}: designations.0.evidence.0: Value error, quote has 30 words; at most 25 are "
        "allowed; give both start and end offsets, or neither",
        f"{path}: designations.0.evidence.0.quote: not found in doc-a.txt",
    ]


def test_reference_and_record_problems_are_reported_together(seeds: Path) -> None:
    zones = seeds / "reference" / "zones.yaml"
    zones.write_text(zones.read_text("utf-8") + "\nunknown_section: 1\n", "utf-8")
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["designations"][0]["announced"] = {"value": "soon"}
    path = write(seeds, data)
    got = problems(seeds)
    assert [line.split(": ")[:2] for line in got] == [
        [str(zones), "unknown_section"],
        [str(path), "designations.0.announced.value"],
    ]


@pytest.mark.parametrize(
    ("field", "size", "limit"),
    [
        ("summary", 50_000, "String should have at most 5000 characters"),
        ("title", 501, "String should have at most 500 characters"),
        ("url", 3000, "String should have at most 2048 characters"),
    ],
)
def test_field_lengths_are_limited(seeds: Path, field: str, size: int, limit: str) -> None:
    data = yaml.safe_load(yaml.safe_dump(RECORD))
    data["document"][field] = ("https://e.org/" if field == "url" else "") + "a" * size
    path = write(seeds, data)
    assert problems(seeds) == [f"{path}: document.{field}: {limit}"]


def test_a_record_file_over_the_size_limit_is_one_line(seeds: Path) -> None:
    """A 50 MB summary used to build (in 64 s, into 457 MB); the file is refused unread."""
    path = seeds / "records" / "huge.yaml"
    path.write_text("document:\n  summary: " + "a" * (MAX_RECORD_BYTES + 1) + "\n", "utf-8")
    size = path.stat().st_size
    assert problems(seeds) == [
        f"{path}: (file): {size} bytes; at most {MAX_RECORD_BYTES} are allowed"
    ]


def test_yaml_aliases_are_refused(seeds: Path) -> None:
    """A few nested aliases ('billion laughs') expand to billions of nodes."""
    laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    laughs += [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in pairwise("abcdefghi")]
    path = seeds / "records" / "laughs.yaml"
    path.write_text("\n".join(laughs) + "\n", "utf-8")
    got = problems(seeds)
    assert got == [
        f"{path}: (file): not valid YAML: aliases are not allowed "
        "(one repeats the node at line 1, column 4)"
    ]


def test_deep_nesting_is_one_line(seeds: Path) -> None:
    path = seeds / "records" / "deep.yaml"
    path.write_text("document: " + "[" * 100_000 + "]" * 100_000 + "\n", "utf-8")
    assert problems(seeds) == [f"{path}: (file): nested too deeply"]


def test_a_text_file_that_is_not_utf8_is_one_line(seeds: Path) -> None:
    (seeds / "records" / "doc-a.txt").write_bytes(b"The zone \xff named a pilot region.")
    path = write(seeds, RECORD)
    assert problems(seeds) == [f"{path}: document.text_file: not UTF-8 (bad byte at offset 9)"]


def test_evidence_problems_name_the_field_not_the_union() -> None:
    """Evidence is quotes or "none-at-hand": a problem names the field as written, and the
    alternative the value is not even of the kind of is left out when the other one says more."""
    path = Path("r.yaml")

    def lines(evidence: object) -> list[str]:
        data = yaml.safe_load(yaml.safe_dump(RECORD))
        data["designations"][0]["evidence"] = evidence
        with pytest.raises(RecordError) as caught:
            parse_model(Record, data, path)
        return caught.value.problems

    at = f"{path}: designations.0.evidence"
    assert lines([]) == [f"{at}: List should have at least 1 item after validation, not 0"]
    assert lines([{"quote": "a"}, "x"]) == [
        f"{at}.1: Input should be a valid dictionary or instance of Evidence"
    ]
    assert lines("none") == [
        f"{at}: Input should be a valid list",
        f"{at}: Input should be 'none-at-hand'",
    ]
