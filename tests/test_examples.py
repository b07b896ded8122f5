"""The example queries: each runs against the seeds with exactly its expected answer, and
/api/examples lists them with a link that runs them at /sparql."""

from __future__ import annotations

from urllib.parse import urlencode

import httpx
import pytest

from graph import Store
from graph.read.examples import examples
from graph.sparql.writers import term_text

ID = "https://w3id.org/china-designations/id/"
EXPECTED: dict[str, list[dict[str, str]]] = {
    "batches": [
        {
            "batch": "batch/advanced-manufacturing-clusters-2022",
            "program": "program/advanced-manufacturing-clusters",
            "issued": "2022-11",
            "members": "45",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "1",
        },
        {
            "batch": "batch/advanced-manufacturing-clusters-2024",
            "program": "program/advanced-manufacturing-clusters",
            "issued": "2024-12",
            "members": "35",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "6",
        },
        {
            "batch": "batch/new-industrialization-demonstration-bases-8",
            "program": "program/new-industrialization-demonstration-bases",
            "issued": "2018-02-24",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "1",
        },
        {
            "batch": "batch/new-industrialization-demonstration-bases-10",
            "program": "program/new-industrialization-demonstration-bases",
            "issued": "2022-01",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "0",
        },
        {
            "batch": "batch/nkrdp-industrialization-pilot-2025",
            "program": "program/nkrdp-industrialization-pilot",
            "issued": "2026-01",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "3",
        },
        {
            "batch": "batch/pilot-free-trade-zones-22",
            "program": "program/pilot-free-trade-zones",
            "issued": "2023-10-31",
            "members": "22",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "22",
        },
        {
            "batch": "batch/rare-earth-access-list-1",
            "program": "program/rare-earth-access-list",
            "members": "7",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "0",
        },
        {
            "batch": "batch/strategic-emerging-industry-clusters-1",
            "program": "program/strategic-emerging-industry-clusters",
            "members": "66",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "0",
        },
        {
            "batch": "batch/supply-chain-ecosystem-pilot-2022",
            "program": "program/supply-chain-ecosystem-pilot",
            "issued": "2022-10",
            "members": "12",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "12",
        },
        {
            "batch": "batch/sustainable-development-agenda-zones-2018",
            "program": "program/sustainable-development-agenda-zones",
            "issued": "2018",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "3",
        },
        {
            "batch": "batch/sustainable-development-agenda-zones-2019",
            "program": "program/sustainable-development-agenda-zones",
            "issued": "2019",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "1",
        },
    ],
    "claims-by-kind-and-status": [
        {
            "kind": "concept/claim-kind/count",
            "status": "concept/verification-status/confirmed-primary",
            "claims": "1",
        },
        {
            "kind": "concept/claim-kind/count",
            "status": "concept/verification-status/unverified",
            "claims": "11",
        },
        {
            "kind": "concept/claim-kind/designation",
            "status": "concept/verification-status/confirmed-primary",
            "claims": "1",
        },
        {
            "kind": "concept/claim-kind/designation",
            "status": "concept/verification-status/unverified",
            "claims": "99",
        },
        {
            "kind": "concept/claim-kind/first-in-region",
            "status": "concept/verification-status/unverified",
            "claims": "1",
        },
        {
            "kind": "concept/claim-kind/first-of-kind",
            "status": "concept/verification-status/unverified",
            "claims": "5",
        },
        {
            "kind": "concept/claim-kind/only-in-region",
            "status": "concept/verification-status/unverified",
            "claims": "2",
        },
    ],
    "designations-per-province": [
        {"province": "adm/150000", "name": "Inner Mongolia", "designations": "11"},
        {"province": "adm/440000", "name": "Guangdong", "designations": "5"},
        {"province": "adm/510000", "name": "Sichuan", "designations": "4"},
        {"province": "adm/320000", "name": "Jiangsu", "designations": "3"},
        {"province": "adm/340000", "name": "Anhui", "designations": "3"},
    ],
    "document-caveats": [
        {
            "document": "doc/rex-baogang-units-nkrdp-pilot",
            "caveat": "concept/caveat/not-independently-verified",
        },
        {
            "document": "doc/rex-baotou-nkrdp-pilot",
            "caveat": "concept/caveat/not-independently-verified",
        },
        {
            "document": "doc/rex-baotou-nkrdp-pilot",
            "caveat": "concept/caveat/state-affiliated-origin",
        },
    ],
    "inferred-dates": [
        {
            "designation": "designation/b8dbb2318c06",
            "announced": "2026-01-30",
            "basis": "concept/date-basis/inferred-year",
        },
        {
            "designation": "designation/cfbb32574bd7",
            "announced": "2018-02-24",
            "basis": "concept/date-basis/inferred-year",
        },
    ],
    "only-in-province": [
        {
            "finding": "finding/ffeca7d9bfaf",
            "designation": "designation/b4f85115a3fe",
            "province": "adm/150000",
            "status": "concept/verification-status/unverified",
            "verdict": "concept/verdict/agrees",
            "candidates": "1",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "finding": "finding/cfd27ed9250b",
            "designation": "designation/b8dbb2318c06",
            "province": "adm/150000",
            "status": "concept/verification-status/unverified",
            "verdict": "concept/verdict/cannot-tell",
            "candidates": "1",
            "coverage": "concept/coverage/partial-news-corpus",
        },
    ],
    "program-hierarchy": [
        {
            "program": "program/national-high-tech-zones",
            "name": "National High-Tech Industrial Development Zones",
            "issuer": "org/state-council",
            "parent": "program/torch-program",
        },
        {
            "program": "program/nkrdp-industrialization-pilot",
            "name": "National Key R&D Program High-Tech Achievements Industrialization Pilot",
            "issuer": "org/miit",
            "parent": "program/national-key-rd-program",
        },
        {
            "program": "program/torch-industrialization-bases",
            "name": "National High-Tech Industrialization Bases",
            "issuer": "org/most",
            "parent": "program/torch-program",
        },
    ],
    "programs-by-issuer-over-time": [
        {
            "issuer": "org/miit",
            "program": "program/new-industrialization-demonstration-bases",
            "designations": "2",
        },
        {
            "issuer": "org/miit",
            "program": "program/nkrdp-industrialization-pilot",
            "designations": "2",
        },
        {
            "issuer": "org/miit",
            "program": "program/supply-chain-ecosystem-pilot",
            "designations": "12",
        },
        {
            "issuer": "org/miit",
            "program": "program/rare-earth-transformation-pilot",
            "year": "2015",
            "designations": "1",
        },
        {
            "issuer": "org/miit",
            "program": "program/new-industrialization-demonstration-bases",
            "year": "2018",
            "designations": "1",
        },
        {
            "issuer": "org/miit",
            "program": "program/manufacturing-innovation-centers",
            "year": "2020",
            "designations": "1",
        },
        {
            "issuer": "org/miit",
            "program": "program/advanced-manufacturing-clusters",
            "year": "2022",
            "designations": "1",
        },
        {
            "issuer": "org/miit",
            "program": "program/advanced-manufacturing-clusters",
            "year": "2024",
            "designations": "6",
        },
        {
            "issuer": "org/miit",
            "program": "program/nkrdp-industrialization-pilot",
            "year": "2026",
            "designations": "1",
        },
        {
            "issuer": "org/mof",
            "program": "program/rare-earth-transformation-pilot",
            "year": "2015",
            "designations": "1",
        },
        {
            "issuer": "org/most",
            "program": "program/torch-industrialization-bases",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/independent-innovation-demonstration-zones",
            "designations": "6",
        },
        {
            "issuer": "org/state-council",
            "program": "program/national-high-tech-zones",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/sustainable-development-agenda-zones",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/national-high-tech-zones",
            "year": "1992",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/independent-innovation-demonstration-zones",
            "year": "2009",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/pilot-free-trade-zones",
            "year": "2013",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/independent-innovation-demonstration-zones",
            "year": "2014",
            "designations": "2",
        },
        {
            "issuer": "org/state-council",
            "program": "program/pilot-free-trade-zones",
            "year": "2015",
            "designations": "3",
        },
        {
            "issuer": "org/state-council",
            "program": "program/national-high-tech-zones",
            "year": "2017",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/pilot-free-trade-zones",
            "year": "2017",
            "designations": "7",
        },
        {
            "issuer": "org/state-council",
            "program": "program/independent-innovation-demonstration-zones",
            "year": "2018",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/pilot-free-trade-zones",
            "year": "2018",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/sustainable-development-agenda-zones",
            "year": "2018",
            "designations": "3",
        },
        {
            "issuer": "org/state-council",
            "program": "program/pilot-free-trade-zones",
            "year": "2019",
            "designations": "6",
        },
        {
            "issuer": "org/state-council",
            "program": "program/sustainable-development-agenda-zones",
            "year": "2019",
            "designations": "1",
        },
        {
            "issuer": "org/state-council",
            "program": "program/pilot-free-trade-zones",
            "year": "2020",
            "designations": "3",
        },
        {
            "issuer": "org/state-council",
            "program": "program/pilot-free-trade-zones",
            "year": "2023",
            "designations": "1",
        },
    ],
    "province-designations-with-sources": [
        {
            "designation": "designation/9b757d191919",
            "designee": "zone/ftz-xinjiang",
            "program": "program/pilot-free-trade-zones",
            "document": "doc/bjreview-xinjiang-ftz-2023",
        },
        {
            "designation": "designation/9b757d191919",
            "designee": "zone/ftz-xinjiang",
            "program": "program/pilot-free-trade-zones",
            "document": "doc/govcn-xinjiang-ftz-2023",
        },
        {
            "designation": "designation/b635d89673d7",
            "designee": "zone/wuchangshi-nidz",
            "program": "program/independent-innovation-demonstration-zones",
            "document": "doc/globaltimes-wuchangshi-2018",
        },
    ],
    "reporting-chains": [
        {
            "document": "doc/cflp-advanced-manufacturing-clusters-2024",
            "quotedFrom": "doc/xinhua-advanced-manufacturing-clusters-2024",
            "origin": "doc/xinhua-advanced-manufacturing-clusters-2024",
        },
        {
            "document": "doc/rex-baogang-units-nkrdp-pilot",
            "quotedFrom": "doc/acrei-nkrdp-pilot-units",
            "origin": "doc/acrei-nkrdp-pilot-units",
        },
        {
            "document": "doc/rex-baotou-nkrdp-pilot",
            "quotedFrom": "doc/baotou-daily-nkrdp-pilot",
            "origin": "doc/baotou-daily-nkrdp-pilot",
        },
        {
            "document": "doc/tomorrow-never-dies-ganzhou-base",
            "quotedFrom": "doc/china-mining-news-ganzhou-base",
            "origin": "doc/china-mining-news-ganzhou-base",
        },
    ],
    "sources-by-outlet-tier": [
        {
            "tier": "concept/source-tier/aggregator",
            "documents": "13",
            "outlets": "13",
            "claims": "57",
        },
        {
            "tier": "concept/source-tier/central-state-media",
            "documents": "14",
            "outlets": "9",
            "claims": "34",
        },
        {
            "tier": "concept/source-tier/commercial",
            "documents": "7",
            "outlets": "6",
            "claims": "22",
        },
        {
            "tier": "concept/source-tier/local-state-media",
            "documents": "1",
            "outlets": "1",
            "claims": "4",
        },
        {
            "tier": "concept/source-tier/issuing-authority",
            "documents": "1",
            "outlets": "1",
            "claims": "2",
        },
        {"documents": "1", "outlets": "1", "claims": "1"},
    ],
    "unverified-evidence-only": [
        {
            "program": "program/advanced-manufacturing-clusters",
            "unverifiedOnly": "7",
            "designations": "7",
        },
        {
            "program": "program/independent-innovation-demonstration-zones",
            "unverifiedOnly": "10",
            "designations": "10",
        },
        {
            "program": "program/manufacturing-innovation-centers",
            "unverifiedOnly": "1",
            "designations": "1",
        },
        {"program": "program/national-high-tech-zones", "unverifiedOnly": "3", "designations": "3"},
        {
            "program": "program/new-industrialization-demonstration-bases",
            "unverifiedOnly": "3",
            "designations": "3",
        },
        {
            "program": "program/nkrdp-industrialization-pilot",
            "unverifiedOnly": "3",
            "designations": "3",
        },
        {"program": "program/pilot-free-trade-zones", "unverifiedOnly": "21", "designations": "22"},
        {
            "program": "program/rare-earth-transformation-pilot",
            "unverifiedOnly": "1",
            "designations": "1",
        },
        {
            "program": "program/supply-chain-ecosystem-pilot",
            "unverifiedOnly": "12",
            "designations": "12",
        },
        {
            "program": "program/sustainable-development-agenda-zones",
            "unverifiedOnly": "5",
            "designations": "5",
        },
        {
            "program": "program/torch-industrialization-bases",
            "unverifiedOnly": "1",
            "designations": "1",
        },
    ],
    "zone-locations": [
        {"zone": "zone/hohhot-jinshan-htz", "city": "adm/150100", "province": "adm/150000"},
        {"zone": "zone/baotou-rare-earth-htz", "city": "adm/150200", "province": "adm/150000"},
        {"zone": "zone/ordos-htz", "city": "adm/150600", "province": "adm/150000"},
        {"zone": "zone/ganzhou-htz", "city": "adm/360700", "province": "adm/360000"},
        {"zone": "zone/wuhan-east-lake-nidz", "city": "adm/420100", "province": "adm/420000"},
        {"zone": "zone/shenzhen-nidz", "city": "adm/440300", "province": "adm/440000"},
        {"zone": "zone/chengdu-nidz", "city": "adm/510100", "province": "adm/510000"},
    ],
    "zones-most-national": [
        {
            "zone": "zone/baotou-rare-earth-htz",
            "name": "Baotou Rare Earth High-Tech Industrial Development Zone",
            "designations": "4",
        },
        {
            "zone": "zone/changzhutan-nidz",
            "name": "Changsha-Zhuzhou-Xiangtan National Independent Innovation Demonstration Zone",
            "designations": "1",
        },
        {
            "zone": "zone/chengdu-nidz",
            "name": "Chengdu National Independent Innovation Demonstration Zone",
            "designations": "1",
        },
        {
            "zone": "zone/ftz-anhui",
            "name": "China (Anhui) Pilot Free Trade Zone",
            "designations": "1",
        },
        {
            "zone": "zone/ftz-beijing",
            "name": "China (Beijing) Pilot Free Trade Zone",
            "designations": "1",
        },
    ],
}


def test_there_are_at_least_twelve_examples_each_with_an_expected_answer() -> None:
    assert sorted(e.name for e in examples()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 12


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_answers_exactly(built: Store, name: str) -> None:
    (example,) = [e for e in examples() if e.name == name]
    rows = [
        {k: term_text(v).removeprefix(ID) for k, v in row.items()}
        for row in built.select(example.query)
    ]
    assert rows == EXPECTED[name]


def test_examples_are_listed_with_a_link_that_runs_them(server: str) -> None:
    listed = httpx.get(server + "/api/examples").json()
    assert [(e["name"], e["title"]) for e in listed] == [(e.name, e.title) for e in examples()]
    first = listed[0]
    assert first["run"].startswith(server + "/sparql?query=")
    assert first["open"] == server + "/sparql#" + urlencode({"query": first["query"]})
    result = httpx.get(first["run"], headers={"Accept": "application/sparql-results+json"}).json()
    recorded = [b["recorded"]["value"] for b in result["results"]["bindings"]]
    assert recorded == [row["recorded"] for row in EXPECTED[first["name"]]]
    one = httpx.get(server + "/api/examples/zone-locations").json()
    assert (one["title"], one["description"]) == (
        "Where the zones are",
        "Each development zone inside a prefecture-level city, with its city and province.",
    )
