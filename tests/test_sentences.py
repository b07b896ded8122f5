"""Findings as sentences: the pure function over a finding's facts, in English and Chinese,
and the facts read from the built store for the Baotou pilot."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import Store
from graph.namespaces import ID
from graph.read.finding_facts import finding_sentence
from graph.read.findings import FindingFilter, findings
from graph.read.sentences import FindingFacts, Lang, Name, Report, sentence

CITY = Name(en="Suzhou", zh="苏州市")
CITY_TYPE = Name(en="pilot city", zh="试点城市")
SCOPE = Name(en="the 2022 list", zh="2022年名单")
REPORT = Report(
    outlet=Name(en="Xinhua", zh="新华社"), status=Name(en="corroborated", zh="多源印证")
)
CASES: list[tuple[FindingFacts, Lang, str]] = [
    (
        FindingFacts(
            kind="first-in-region", basis="reported", type=CITY_TYPE, region=CITY, reports=[REPORT]
        ),
        "en",
        "Reported: the first pilot city in Suzhou (Xinhua, corroborated).",
    ),
    (
        FindingFacts(
            kind="first-in-region", basis="reported", type=CITY_TYPE, region=CITY, reports=[REPORT]
        ),
        "zh",
        "报道：苏州市首个试点城市（新华社，多源印证）。",
    ),
    (
        FindingFacts(
            kind="only-in-region",
            basis="computed",
            type=CITY_TYPE,
            region=CITY,
            scope=SCOPE,
            candidate_count=1,
            coverage="complete-official-list",
        ),
        "en",
        "Computed: the only pilot city in Suzhou for the 2022 list; the official list is complete.",
    ),
    (
        FindingFacts(
            kind="only-in-region",
            basis="computed",
            type=CITY_TYPE,
            region=CITY,
            scope=SCOPE,
            candidate_count=1,
            coverage="complete-official-list",
        ),
        "zh",
        "计算：苏州市2022年名单唯一的试点城市；官方名单完整，结论成立。",
    ),
    (
        FindingFacts(
            kind="only-in-region",
            basis="computed",
            type=CITY_TYPE,
            region=CITY,
            candidate_count=2,
            coverage="partial-news-corpus",
        ),
        "en",
        "Computed: 2 pilot cities known in Suzhou; coverage partial, so the graph cannot tell.",
    ),
    (
        FindingFacts(
            kind="first-in-region",
            basis="computed",
            type=CITY_TYPE,
            region=CITY,
            scope=SCOPE,
            candidate_count=3,
            coverage="partial-news-corpus",
        ),
        "en",
        "Computed: the earliest pilot city known in Suzhou for the 2022 list (3 known); "
        "coverage partial, so it may not be the first.",
    ),
    (
        FindingFacts(
            kind="first-in-region",
            basis="computed",
            type=CITY_TYPE,
            region=CITY,
            candidate_count=3,
            coverage="complete-official-list",
        ),
        "zh",
        "计算：苏州市已知最早的试点城市（已知3个）；官方名单完整。",
    ),
    (
        FindingFacts(kind="claim-verdict", basis="computed", verdict="agrees"),
        "en",
        "Compared: the graph agrees with the report.",
    ),
    (
        FindingFacts(
            kind="claim-verdict", basis="computed", verdict="contradicts", candidate_count=2
        ),
        "zh",
        "对照：图与报道矛盾（已知2个）。",
    ),
    (
        FindingFacts(kind="claim-verdict", basis="computed", verdict="cannot-tell"),
        "en",
        "Compared: coverage is partial, so the graph cannot tell whether the report holds.",
    ),
    (
        FindingFacts(kind="only-in-region", basis="reported"),
        "en",
        "Reported: the only designation in its region.",
    ),
]


@pytest.mark.parametrize(("facts", "lang", "expected"), CASES)
def test_sentence(facts: FindingFacts, lang: Lang, expected: str) -> None:
    assert sentence(facts, lang) == expected


def test_name_falls_back_to_the_other_language() -> None:
    assert [Name(zh="包头").text("en"), Name(en="Baotou").text("zh"), Name().text("en")] == [
        "包头",
        "Baotou",
        "",
    ]


def test_the_baotou_pilot_in_words(built: Store) -> None:
    about = ox.NamedNode(str(ID["designation/b8dbb2318c06"]))
    reported = findings(built, FindingFilter(basis="reported", designation=about), 0, 10)
    computed = findings(
        built, FindingFilter(kind="only-in-region", basis="computed", designation=about), 0, 10
    )
    assert [finding_sentence(built, f, "en") for f in reported] == [
        "Reported: the only regional pilot in Inner Mongolia (Rare Earth Exchanges citing Baotou "
        "Daily, unverified, quote “makes the zone the only regional pilot selected in Inner "
        "Mongolia”)."
    ]
    province = [f for f in computed if f.region and f.region.id == "adm/150000"]
    assert sorted(finding_sentence(built, f, "zh") for f in province) == [
        "计算：图中已知内蒙古自治区2025年国家重点研发计划高新技术成果产业化试点名单的区域试点1个；"
        "覆盖不完整，图无法判断。",
        "计算：图中已知内蒙古自治区国家重点研发计划高新技术成果产业化试点的区域试点1个；"
        "覆盖不完整，图无法判断。",
    ]
