"""`designations import-list`: official lists in four formats become a record and a list of the
batch; a bad row is reported with its number, text and reason, and then nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import Workbook

from api.cli import main
from graph.build.list_rows import read_rows
from graph.build.seeds import read_seeds
from graph.errors import RecordError
from graph.paths import SEEDS_DIR

SOURCE = "https://www.miit.gov.cn/example/list.html"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """The project's reference data without the catalogue (seconds to read) and without the
    lists already imported; no records."""
    root = tmp_path / "seeds"
    ignore = shutil.ignore_patterns("catalogue.yaml", "lists")
    shutil.copytree(SEEDS_DIR / "reference", root / "reference", ignore=ignore)
    (root / "records").mkdir()
    return root


def run(seeds: Path, path: Path, program: str, batch: str, *extra: str) -> tuple[int, str, str]:
    args = ["import-list", str(path), "--program", program, "--batch", batch]
    args += ["--issued", "2022-10-11", "--source", SOURCE, "--seeds", str(seeds), *extra]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def written(seeds: Path) -> list[str]:
    return sorted(
        str(p.relative_to(seeds))
        for p in seeds.rglob("*.yaml")
        if "lists" in p.parts or "records" in p.parts
    )


def test_numbered_lines_of_cities(seeds: Path, tmp_path: Path) -> None:
    path = tmp_path / "cities.txt"
    path.write_text("1. 杭州市\n2、武汉市\n（3）包头市\n", encoding="utf-8")
    code, out, err = run(seeds, path, "supply-chain-ecosystem-pilot", "supply-chain-test")
    assert (code, err) == (0, "")
    record = yaml.safe_load((seeds / "records" / "supply-chain-test.yaml").read_text("utf-8"))
    assert [(d["designee"], d["evidence"]) for d in record["designations"]] == [
        ("adm/330100", [{"quote": "杭州市"}]),
        ("adm/420100", [{"quote": "武汉市"}]),
        ("adm/150200", [{"quote": "包头市"}]),
    ]
    listed = yaml.safe_load((seeds / "reference" / "lists" / "supply-chain-test.yaml").read_text())
    assert listed["batch"] | {"names": None} == {
        "slug": "supply-chain-test",
        "names": None,
        "issued": {"value": "2022-10-11"},
        "member_count": 3,
        "coverage": "complete-official-list",
        "source": SOURCE,
    }
    assert out.splitlines()[0].endswith("records/supply-chain-test.yaml (3 designations)")
    seeds_read = read_seeds(seeds)
    batch = [
        b for p in seeds_read.reference.programs for b in p.batches if b.slug == "supply-chain-test"
    ]
    assert [b.coverage for b in batch] == ["complete-official-list"]


def test_a_table_as_csv_with_new_and_known_clusters(seeds: Path, tmp_path: Path) -> None:
    path = tmp_path / "clusters.csv"
    path.write_text(
        "序号,名称\n1,无锡市物联网集群\n2,赣州市稀土新材料及应用集群\n3,南通市、泰州市、扬州市海工装备和高技术船舶集群\n",
        encoding="utf-8",
    )
    code, _, err = run(seeds, path, "advanced-manufacturing-clusters", "clusters-test")
    assert (code, err) == (0, "")
    record = yaml.safe_load((seeds / "records" / "clusters-test.yaml").read_text("utf-8"))
    assert [d["designee"] for d in record["designations"]] == [
        "cluster/wuxi-wulianwang-cluster",
        "cluster/ganzhou-rare-earth-cluster",
        "cluster/nantong-taizhou-yangzhou-haigong-zhuangbei-he-gaoji-shuchuanbo-cluster",
    ]
    listed = yaml.safe_load((seeds / "reference" / "lists" / "clusters-test.yaml").read_text())
    assert [(c["names"]["zh"], c["located_in"], c["label_basis"]) for c in listed["clusters"]] == [
        ("无锡市物联网集群", ["adm/320200"], "generated"),
        (
            "南通市、泰州市、扬州市海工装备和高技术船舶集群",
            ["adm/320600", "adm/321200", "adm/321000"],
            "generated",
        ),
    ]
    assert len(read_seeds(seeds).records) == 1


def test_xlsx_rows(seeds: Path, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["序号", "名称", "所在地区"], [1, "杭州市", "浙江省"], [2, "宁德市", "福建省"]):
        sheet.append(row)
    path = tmp_path / "cities.xlsx"
    book.save(path)
    assert [(r.number, r.name, r.others) for r in read_rows(path)] == [
        (2, "杭州市", ("浙江省",)),
        (3, "宁德市", ("福建省",)),
    ]
    code, _, err = run(seeds, path, "supply-chain-ecosystem-pilot", "supply-chain-xlsx")
    assert (code, err) == (0, "")


def test_bad_rows_are_reported_one_line_each_and_nothing_is_written(
    seeds: Path, tmp_path: Path
) -> None:
    path = tmp_path / "list.txt"
    path.write_text("1. 杭州市\n2. 不存在市\n3. 朝阳区\n", encoding="utf-8")
    code, out, err = run(seeds, path, "supply-chain-ecosystem-pilot", "bad-list")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "error: row 2: 2. 不存在市: no pilot-city of that name in the reference data",
        "error: row 3: 3. 朝阳区: ambiguous: the name is that of adm/110105, adm/220104",
    ]
    assert written(seeds) == []


def test_a_new_cluster_needs_a_place(seeds: Path, tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("1. 新一代信息通信集群\n2. 无锡市物联网集群\n", encoding="utf-8")
    code, _, err = run(seeds, path, "advanced-manufacturing-clusters", "no-place")
    assert code == 1
    assert err.splitlines() == [
        "error: row 1: 1. 新一代信息通信集群: a new cluster needs one place; "
        "the row names no division"
    ]
    assert written(seeds) == []


def test_allow_unresolved_writes_the_rest_as_a_partial_batch(seeds: Path, tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("1. 新一代信息通信集群\n2. 无锡市物联网集群\n", encoding="utf-8")
    code, _, err = run(
        seeds, path, "advanced-manufacturing-clusters", "some-clusters", "--allow-unresolved"
    )
    assert code == 0
    assert err.splitlines() == [
        "left out: row 1: 1. 新一代信息通信集群: a new cluster needs one place; "
        "the row names no division"
    ]
    listed = yaml.safe_load((seeds / "reference" / "lists" / "some-clusters.yaml").read_text())
    assert (listed["batch"]["member_count"], listed["batch"]["coverage"]) == (
        2,
        "partial-news-corpus",
    )


def test_an_import_never_overwrites(seeds: Path, tmp_path: Path) -> None:
    path = tmp_path / "cities.txt"
    path.write_text("杭州市\n", encoding="utf-8")
    assert run(seeds, path, "supply-chain-ecosystem-pilot", "once")[0] == 0
    before = (seeds / "records" / "once.yaml").read_bytes()
    code, _, err = run(seeds, path, "supply-chain-ecosystem-pilot", "once")
    assert code == 1
    assert err.splitlines() == [
        f"error: {seeds / 'records' / 'once.yaml'}: already exists; an import never "
        "overwrites a file",
        f"error: {seeds / 'reference' / 'lists' / 'once.yaml'}: already exists; an import never "
        "overwrites a file",
    ]
    assert (seeds / "records" / "once.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00\x01binary", "not UTF-8 text (byte 0)"),
    ],
)
def test_malformed_files(seeds: Path, tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes(content)
    code, _, err = run(seeds, path, "supply-chain-ecosystem-pilot", "malformed")
    assert (code, err.splitlines()) == (1, [f"error: {path}: {reason}"])
    assert written(seeds) == []


def test_unknown_program_and_bad_options(seeds: Path, tmp_path: Path) -> None:
    path = tmp_path / "cities.txt"
    path.write_text("杭州市\n", encoding="utf-8")
    with pytest.raises(RecordError):
        read_rows(tmp_path / "missing.txt")
    args = ["import-list", str(path), "--program", "no-such", "--batch", "Bad Slug"]
    args += ["--issued", "October", "--source", "nowhere", "--seeds", str(seeds)]
    result = CliRunner().invoke(main, args)
    assert (result.exit_code, result.stderr.splitlines()) == (
        1,
        [
            "error: --program: unknown program no-such",
            "error: --batch: 'Bad Slug' is not a slug (lowercase letters, digits, hyphens)",
            "error: --slug: 'Bad Slug' is not a slug (lowercase letters, digits, hyphens)",
            "error: --issued: 'October' is not YYYY, YYYY-MM or YYYY-MM-DD",
            "error: --source: 'nowhere' is not an http(s) address",
        ],
    )
