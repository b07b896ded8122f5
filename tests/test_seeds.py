"""Reading seeds: every problem is one line naming file, field and reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from graph.build.seeds import read_seeds
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
