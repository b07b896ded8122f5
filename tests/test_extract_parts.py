"""The parts of the extraction pipeline on small inline texts: the lexicons, well-formed names
and their repair, places an approval acts on, names sharing a head noun, cluster names from
city initials, batches, the layout of a page and dates resolved from a dateline."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.extract import extract_text, lexicon, wellformed
from graph.extract.batches import batch_of
from graph.extract.candidate import Candidate
from graph.extract.designation import Batch
from graph.extract.gazetteer import Gazetteer, iri_of, load_gazetteer
from graph.extract.layout import read_layout
from graph.extract.normalise import key, normalise
from graph.extract.places import initials_province
from graph.paths import SEEDS_DIR

REFERENCE = Path(__file__).parent / "data" / "extract" / "seeds" / "reference"


@pytest.fixture
def gaz() -> Gazetteer:
    return load_gazetteer(REFERENCE.resolve())


def test_every_lexicon_list_is_strings_and_compiles() -> None:
    for lang in lexicon.LANGUAGES:
        for name, value in lexicon.data(lang).items():
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                assert lexicon.cue(name).pattern, name


def test_a_lexicon_entry_that_is_not_a_string_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = {"approve": [{"among(?": "them)?"}]}
    monkeypatch.setattr(lexicon, "data", lambda lang: broken)
    with pytest.raises(ValueError) as caught:
        lexicon.entries("en", "approve")
    assert (
        str(caught.value) == "en.yaml: approve: entries must be strings, not {'among(?': 'them)?'}"
    )


@pytest.mark.parametrize(
    ("label", "problems"),
    [
        ("河北省（雄安新区）", []),
        ("China (Xinjiang) Pilot Free Trade Zone", []),
        ("河北省（雄安新区", ["unbalanced brackets"]),
        ("District) and Nanjing Jiangning Zone", ["unbalanced brackets"]),
        ("的高新区", ["does not start at a name"]),
        ("关于推动高新区", ["does not start at a name"]),
        ("包头和", ["does not end at a name"]),
        ("and Wuxi", ["does not start at a name"]),
        ("Wuxi and", ["does not end at a name"]),
        ("x", ["too short"]),
    ],
)
def test_problems_of_names(label: str, problems: list[str]) -> None:
    assert wellformed.problems(label) == problems


def test_screen_repairs_from_the_text_and_drops_fragments(gaz: Gazetteer) -> None:
    raw = "并向河北省（雄安新区）等6个国家数字经济创新发展试验区授牌"
    unclosed = Candidate(2, 10, "zone", None)
    at = raw.index("国家数字")
    fragment = Candidate(at + 5, at + 13, "zone", None)
    program = ((at, at + 13), raw[at : at + 13])
    kept, notes = wellformed.screen(raw, [unclosed, fragment], [program], gaz)
    assert kept == [Candidate(2, 11, "zone", None)]
    assert notes == [
        "repaired '河北省（雄安新区' at 2 to '河北省（雄安新区）': unbalanced brackets",
        "dropped '济创新发展试验区' at 19: part of the program name '国家数字经济创新发展试验区'",
    ]


def test_screen_cuts_a_stray_closing_bracket(gaz: Gazetteer) -> None:
    raw = "(Xinwu District) and Nanjing Jiangning Economic and Technological Development Zone"
    kept, notes = wellformed.screen(raw, [Candidate(7, len(raw), "zone", None)], [], gaz)
    assert [raw[c.start : c.end] for c in kept] == [
        "Nanjing Jiangning Economic and Technological Development Zone"
    ]
    assert notes[0].startswith("repaired 'District) and Nanjing")


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("金白兰武有色金属集群", "620000"),
        ("成德绵自凉航空航天集群", "510000"),
        ("青烟威船舶与海洋工程装备集群", "370000"),
        ("榆鄂宁现代煤化工集群", None),
        ("新材料集群", None),
    ],
)
def test_cluster_names_from_city_initials(gaz: Gazetteer, name: str, province: str | None) -> None:
    assert initials_province(name, gaz) == province


def _batch(text: str, gaz: Gazetteer) -> Batch | None:
    return batch_of(text, normalise(text), [(0, len(text))], None, gaz)


@pytest.mark.parametrize(
    ("text", "batch"),
    [
        ("工信部公布第三批专精特新名单", Batch(3, None, "第三批", None)),
        ("公布第十二批国家级示范基地", Batch(12, None, "第十二批", None)),
        ("首批试点城市", Batch(1, None, "首批", None)),
        ("the fifth batch of little giants", Batch(5, None, "fifth batch", None)),
        ("the 10th batch of national bases", Batch(10, None, "10th batch", None)),
        ("公布2024年度国家先进制造业集群名单", Batch(None, 2024, "2024", None)),
        ("国务院批复同意", None),
    ],
)
def test_batches(gaz: Gazetteer, text: str, batch: Batch | None) -> None:
    assert _batch(text, gaz) == batch


def test_layout_of_an_official_reply() -> None:
    text = (
        "国务院关于同意承德市建设国家可持续发展议程创新示范区的批复\n\n"
        "河北省人民政府、科技部：\n\n一、同意承德市建设示范区。\n\n国务院\n2019年5月6日\n"
    )
    layout = read_layout(text, normalise(text), None)
    title, addressees = layout.title_issuer_span, layout.addressees
    assert (text[title[0] : title[1]] if title else None) == "国务院"
    assert [text[a:b] for a, b in addressees] == ["河北省人民政府、科技部："]
    assert layout.signed is not None and layout.signed[1] == "2019-05-06"


def test_layout_of_a_page_with_a_header_and_a_table() -> None:
    text = (
        "标题\n发布时间：2024-11-14 10:02 来源：某厅\n\n以下城市入选：\n"
        "序号  城市  时间\n1  深圳市  2018年2月\n2  太原市  2018年2月\n"
    )
    layout = read_layout(text, normalise(text), None)
    assert layout.printed == dt.date(2024, 11, 14)
    assert [[text[a:b] for a, b in row] for row in layout.rows] == [
        ["序号", "城市", "时间"],
        ["1", "深圳市", "2018年2月"],
        ["2", "太原市", "2018年2月"],
    ]


def test_a_weekday_resolves_from_the_dateline(gaz: Gazetteer) -> None:
    text = (
        "Xinjiang zone opens\n\nURUMQI, Nov. 1 (Xinhua) -- The China (Xinjiang) Pilot Free Trade "
        "Zone started operations on Wednesday.\n\nThe State Council on Tuesday issued a general "
        "plan for establishing the zone.\n"
    )
    found = extract_text(text, gaz, dt.date(2023, 11, 3)).designations
    assert [(d.designee.label, d.date, d.date_basis) for d in found] == [
        ("China (Xinjiang) Pilot Free Trade Zone", "2023-10-31", "relative-to-published")
    ]


def test_background_is_not_news(gaz: Gazetteer) -> None:
    text = (
        "The State Council has approved the Changchun High-tech Industrial Development Zone to "
        "build a national independent innovation demonstration zone, according to a reply "
        "released on Friday.\n\nChina's first such zone, Zhongguancun in Beijing, was approved "
        "in 2009.\n"
    )
    found = extract_text(text, gaz, dt.date(2022, 4, 16)).designations
    assert [(d.designee.label, d.date) for d in found] == [
        ("Changchun High-tech Industrial Development Zone", "2022-04-15")
    ]


def test_members_introduced_by_those_in(gaz: Gazetteer) -> None:
    text = (
        "The Ministry of Industry and Information Technology on Wednesday published a list of 45 "
        "national advanced manufacturing clusters, including those in Shenzhen in Guangdong "
        "province, Wuxi in Jiangsu province and Shanghai.\n"
    )
    found = extract_text(text, gaz, dt.date(2022, 12, 1)).designations
    assert [(d.designee.label, d.region.code if d.region else None) for d in found] == [
        ("Shenzhen", "440000"),
        ("Wuxi", "320000"),
        ("Shanghai", "310000"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "工业和信息化部日前公布第八批制造业单项冠军企业名单，恒远精工、华拓电子入选。\n",
            ["恒远精工", "华拓电子"],
        ),
        (
            "Hengyuan Precision and Huatuo Electronics were named national manufacturing single "
            "champion enterprises by the Ministry of Industry and Information Technology.\n",
            ["Hengyuan Precision", "Huatuo Electronics"],
        ),
        ("工业和信息化部日前公布名单，甘肃省唯一入选的是某园区。\n", []),
    ],
)
def test_names_without_an_ending_word_as_the_subject_of_a_designation(
    gaz: Gazetteer, text: str, names: list[str]
) -> None:
    found = extract_text(text, gaz, dt.date(2024, 1, 10)).designations
    assert [d.designee.label for d in found] == names


@pytest.fixture(scope="module")
def catalogued() -> Gazetteer:
    """The gazetteer of the real reference data, with the GB/T 37028-2018 catalogue's zones."""
    return load_gazetteer(SEEDS_DIR / "reference")


@pytest.mark.parametrize(
    ("name", "ref"),
    [
        # Catalogue zones by their full names, and by variants of their generic words.
        ("潜江高新技术产业开发区", "zone/gbt37028-42103010"),
        ("潜江高新技术产业园区", "zone/gbt37028-42103010"),
        ("Lanzhou New Area", "zone/gbt37028-62102001"),
        # A name that opens with its city ("南京江宁…") is the zone named without it.
        ("南京江宁经济技术开发区", "zone/gbt37028-32101009"),
        # A variant never changes the place it opens with, though a word may be misspelt.
        ("Ganjiang New Area", "zone/gbt37028-36102001"),
        ("Boatou Rare Earth Hi-Tech Zone", "zone/baotou-rare-earth-htz"),
        # A name without its place is the one zone named with a place before it.
        ("Rare Earth High-Tech Zone", "zone/baotou-rare-earth-htz"),
        ("无锡经济开发区", "zone/gbt37028-32201053"),
        ("高新技术产业开发区", None),
    ],
)
def test_catalogue_zones_resolve(catalogued: Gazetteer, name: str, ref: str | None) -> None:
    entry = catalogued.fuzzy(name, ("zone",))
    assert (entry.ref if entry else None) == ref


def test_catalogue_short_names_are_not_names(catalogued: Gazetteer) -> None:
    zones = {
        short: [e.ref for e in catalogued.by_key.get(key(short), []) if e.kind == "zone"]
        for short in ("园区", "高新区", "开发区", "新区")
    }
    assert zones == {"园区": [], "高新区": [], "开发区": [], "新区": []}
    found = extract_text("国务院批复同意设立高新区。\n", catalogued, None).designations
    assert found == []


def test_a_part_of_a_scanned_text_is_scanned_as_a_part(catalogued: Gazetteer) -> None:
    raw = "国务院批复同意遵义高新技术产业开发区升级。"
    norm = normalise(raw)
    whole = catalogued.scan(norm, raw)
    head = raw.index("高新")
    part = catalogued.scan(norm, raw, raw.index("遵义"), head)
    assert [(m.entry.ref, raw[m.start : m.end]) for m in whole if m.entry.kind == "zone"] == [
        ("zone/gbt37028-52202001", "遵义高新技术产业开发区")
    ]
    assert [(m.entry.kind, raw[m.start : m.end]) for m in part] == [("division", "遵义")]


def test_a_short_name_is_the_catalogue_zone_its_place_extends(catalogued: Gazetteer) -> None:
    text = "国务院日前批复同意设立江西赣江新区，赣江新区成为全国第18个国家级新区。\n"
    found = extract_text(text, catalogued, None).designations
    assert [(d.designee.label, d.designee.iri) for d in found] == [
        ("江西赣江新区", iri_of("zone/gbt37028-36102001"))
    ]


def test_a_fuzzy_match_does_not_depend_on_set_order(catalogued: Gazetteer) -> None:
    """Hundreds of catalogue names share the pairs of "…高新技术产业园区": the one with the same
    place is among the candidates whatever the order of a set of strings (PYTHONHASHSEED)."""
    code = (
        "from graph.extract import load_gazetteer\n"
        "from graph.paths import SEEDS_DIR\n"
        "gaz = load_gazetteer(SEEDS_DIR / 'reference')\n"
        "print(gaz.fuzzy('荆州高新技术产业园区', ('org', 'zone', 'cluster')).ref)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(3)
    ]
    assert runs == ["zone/gbt37028-42103012\n"] * 3
