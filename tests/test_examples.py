"""The example queries: each runs against the seeds with exactly its expected answer, and
/api/examples lists them with a link that runs them at /sparql."""

from __future__ import annotations

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
            "recorded": "13",
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
            "batch": "batch/border-economic-cooperation-zones-gbt37028-2018",
            "program": "program/border-economic-cooperation-zones",
            "issued": "2018",
            "members": "17",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "17",
        },
        {
            "batch": "batch/cross-border-economic-cooperation-zones-gbt37028-2018",
            "program": "program/cross-border-economic-cooperation-zones",
            "issued": "2018",
            "members": "2",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "2",
        },
        {
            "batch": "batch/customs-special-supervision-areas-gbt37028-2018",
            "program": "program/customs-special-supervision-areas",
            "issued": "2018",
            "members": "137",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "137",
        },
        {
            "batch": "batch/independent-innovation-demonstration-zones-gbt37028-2018",
            "program": "program/independent-innovation-demonstration-zones",
            "issued": "2018",
            "members": "19",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "19",
        },
        {
            "batch": "batch/inland-open-economy-pilot-zones-gbt37028-2018",
            "program": "program/inland-open-economy-pilot-zones",
            "issued": "2018",
            "members": "2",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "2",
        },
        {
            "batch": "batch/key-development-opening-pilot-zones-gbt37028-2018",
            "program": "program/key-development-opening-pilot-zones",
            "issued": "2018",
            "members": "7",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "7",
        },
        {
            "batch": "batch/national-etdz-gbt37028-2018",
            "program": "program/national-etdz",
            "issued": "2018",
            "members": "219",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "219",
        },
        {
            "batch": "batch/national-high-tech-zones-gbt37028-2018",
            "program": "program/national-high-tech-zones",
            "issued": "2018",
            "members": "168",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "168",
        },
        {
            "batch": "batch/national-new-areas-gbt37028-2018",
            "program": "program/national-new-areas",
            "issued": "2018",
            "members": "19",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "19",
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
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "3",
        },
        {
            "batch": "batch/other-national-development-zones-gbt37028-2018",
            "program": "program/other-national-development-zones",
            "issued": "2018",
            "members": "23",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "23",
        },
        {
            "batch": "batch/other-provincial-development-zones-gbt37028-2018",
            "program": "program/other-provincial-development-zones",
            "issued": "2018",
            "members": "846",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "846",
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
            "batch": "batch/provincial-economic-development-zones-gbt37028-2018",
            "program": "program/provincial-economic-development-zones",
            "issued": "2018",
            "members": "987",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "987",
        },
        {
            "batch": "batch/provincial-high-tech-parks-gbt37028-2018",
            "program": "program/provincial-high-tech-parks",
            "issued": "2018",
            "members": "146",
            "coverage": "concept/coverage/complete-official-list",
            "recorded": "146",
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
            "members": "3",
            "coverage": "concept/coverage/complete-official-list",
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
            "claims": "2717",
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
        {"province": "adm/320000", "name": "Jiangsu", "designations": "184"},
        {"province": "adm/370000", "name": "Shandong", "designations": "181"},
        {"province": "adm/130000", "name": "Hebei", "designations": "155"},
        {"province": "adm/410000", "name": "Henan", "designations": "153"},
        {"province": "adm/440000", "name": "Guangdong", "designations": "141"},
    ],
    "document-caveats": [
        {"document": "doc/gbt37028-2018", "caveat": "concept/caveat/read-from-transcription"},
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
    "jinan-with-successors": [
        {
            "zone": "zone/gbt37028-37103011",
            "name": "莱芜高新技术产业开发区",
            "division": "adm/371200",
            "until": "2018",
        },
        {
            "zone": "zone/gbt37028-37201072",
            "name": "山东莱芜钢城经济开发区",
            "division": "adm/371203",
            "until": "2018",
        },
        {
            "zone": "zone/gbt37028-37299006",
            "name": "山东莱芜工业园区",
            "division": "adm/371200",
            "until": "2018",
        },
    ],
    "national-etdz-in-anhui": [
        {
            "zone": "zone/gbt37028-34101001",
            "code": "34101001",
            "name": "芜湖经济技术开发区",
            "division": "adm/340200",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101002",
            "code": "34101002",
            "name": "合肥经济技术开发区",
            "division": "adm/340100",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101003",
            "code": "34101003",
            "name": "马鞍山经济技术开发区",
            "division": "adm/340500",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101004",
            "code": "34101004",
            "name": "安庆经济技术开发区",
            "division": "adm/340800",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101005",
            "code": "34101005",
            "name": "铜陵经济技术开发区",
            "division": "adm/340700",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101006",
            "code": "34101006",
            "name": "滁州经济技术开发区",
            "division": "adm/341100",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101007",
            "code": "34101007",
            "name": "池州经济技术开发区",
            "division": "adm/341700",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101008",
            "code": "34101008",
            "name": "淮南经济技术开发区",
            "division": "adm/340400",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101009",
            "code": "34101009",
            "name": "六安经济技术开发区",
            "division": "adm/341500",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101010",
            "code": "34101010",
            "name": "宁国经济技术开发区",
            "division": "adm/341800",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101011",
            "code": "34101011",
            "name": "桐城经济技术开发区",
            "division": "adm/340800",
            "coverage": "concept/coverage/complete-official-list",
        },
        {
            "zone": "zone/gbt37028-34101012",
            "code": "34101012",
            "name": "宣城经济技术开发区",
            "division": "adm/341800",
            "coverage": "concept/coverage/complete-official-list",
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
    "only-national-new-area": [
        {
            "province": "adm/620000",
            "newAreas": "1",
            "finding": "finding/d690f1efb4df",
            "candidates": "1",
            "coverage": "concept/coverage/complete-official-list",
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
            "designation": "designation/53510c52fc0d",
            "designee": "zone/gbt37028-65103002",
            "program": "program/national-high-tech-zones",
            "document": "doc/gbt37028-2018",
            "quote": "昌吉高新技术产业开发区",
        },
        {
            "designation": "designation/685c00e064ec",
            "designee": "zone/gbt37028-65103001",
            "program": "program/national-high-tech-zones",
            "document": "doc/gbt37028-2018",
            "quote": "乌鲁木齐高新技术产业开发区",
        },
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
            "designation": "designation/a2b1d0c55a9c",
            "designee": "zone/gbt37028-65103003",
            "program": "program/national-high-tech-zones",
            "document": "doc/gbt37028-2018",
            "quote": "新疆生产建设兵团石河子高新技术产业开发区",
        },
    ],
    "provinces-with-one-national-htz": [
        {
            "province": "adm/110000",
            "name": "Beijing",
            "zones": "1",
            "only": "zone/gbt37028-11103001",
        },
        {
            "province": "adm/120000",
            "name": "Tianjin",
            "zones": "1",
            "only": "zone/gbt37028-12103001",
        },
        {
            "province": "adm/460000",
            "name": "Hainan",
            "zones": "1",
            "only": "zone/gbt37028-46103001",
        },
        {
            "province": "adm/630000",
            "name": "Qinghai",
            "zones": "1",
            "only": "zone/gbt37028-63103001",
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
        {"documents": "2", "outlets": "2", "claims": "2607"},
        {
            "tier": "concept/source-tier/aggregator",
            "documents": "13",
            "outlets": "13",
            "claims": "57",
        },
        {
            "tier": "concept/source-tier/central-state-media",
            "documents": "16",
            "outlets": "10",
            "claims": "47",
        },
        {
            "tier": "concept/source-tier/commercial",
            "documents": "6",
            "outlets": "5",
            "claims": "21",
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
    ],
    "unverified-evidence-only": [
        {
            "program": "program/advanced-manufacturing-clusters",
            "unverifiedOnly": "19",
            "designations": "19",
        },
        {
            "program": "program/border-economic-cooperation-zones",
            "unverifiedOnly": "17",
            "designations": "17",
        },
        {
            "program": "program/cross-border-economic-cooperation-zones",
            "unverifiedOnly": "2",
            "designations": "2",
        },
        {
            "program": "program/customs-special-supervision-areas",
            "unverifiedOnly": "137",
            "designations": "137",
        },
        {
            "program": "program/independent-innovation-demonstration-zones",
            "unverifiedOnly": "20",
            "designations": "20",
        },
        {
            "program": "program/inland-open-economy-pilot-zones",
            "unverifiedOnly": "2",
            "designations": "2",
        },
        {
            "program": "program/key-development-opening-pilot-zones",
            "unverifiedOnly": "7",
            "designations": "7",
        },
        {
            "program": "program/manufacturing-innovation-centers",
            "unverifiedOnly": "1",
            "designations": "1",
        },
        {"program": "program/national-etdz", "unverifiedOnly": "219", "designations": "219"},
        {
            "program": "program/national-high-tech-zones",
            "unverifiedOnly": "168",
            "designations": "168",
        },
        {"program": "program/national-new-areas", "unverifiedOnly": "19", "designations": "19"},
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
        {
            "program": "program/other-national-development-zones",
            "unverifiedOnly": "23",
            "designations": "23",
        },
        {
            "program": "program/other-provincial-development-zones",
            "unverifiedOnly": "846",
            "designations": "846",
        },
        {"program": "program/pilot-free-trade-zones", "unverifiedOnly": "21", "designations": "22"},
        {
            "program": "program/provincial-economic-development-zones",
            "unverifiedOnly": "987",
            "designations": "987",
        },
        {
            "program": "program/provincial-high-tech-parks",
            "unverifiedOnly": "146",
            "designations": "146",
        },
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
        {"zone": "zone/gbt37028-15101001", "city": "adm/150100"},
        {"zone": "zone/gbt37028-15104001", "city": "adm/150100"},
        {"zone": "zone/gbt37028-15201009", "city": "adm/150100"},
        {"zone": "zone/gbt37028-15299004", "city": "adm/150100"},
        {"zone": "zone/gbt37028-15299005", "city": "adm/150100"},
        {"zone": "zone/gbt37028-15299017", "city": "adm/150100"},
        {"zone": "zone/hohhot-jinshan-htz", "city": "adm/150100"},
        {"zone": "zone/baotou-rare-earth-htz", "city": "adm/150200"},
        {"zone": "zone/gbt37028-15299006", "city": "adm/150200"},
        {"zone": "zone/gbt37028-15299019", "city": "adm/150200"},
        {"zone": "zone/gbt37028-15299021", "city": "adm/150200"},
        {"zone": "zone/gbt37028-15299022", "city": "adm/150200"},
        {"zone": "zone/gbt37028-15299031", "city": "adm/150200"},
        {"zone": "zone/gbt37028-15299034", "city": "adm/150200"},
        {"zone": "zone/gbt37028-15201002", "city": "adm/150300"},
        {"zone": "zone/gbt37028-15202002", "city": "adm/150400"},
        {"zone": "zone/gbt37028-15299028", "city": "adm/150400"},
        {"zone": "zone/gbt37028-15201008", "city": "adm/150500"},
        {"zone": "zone/gbt37028-15104003", "city": "adm/150600"},
        {"zone": "zone/gbt37028-15201007", "city": "adm/150600"},
        {"zone": "zone/gbt37028-15201011", "city": "adm/150600"},
        {"zone": "zone/gbt37028-15299003", "city": "adm/150600"},
        {"zone": "zone/ordos-htz", "city": "adm/150600"},
        {"zone": "zone/ordos-sustainable-agenda-zone", "city": "adm/150600"},
        {"zone": "zone/gbt37028-15101003", "city": "adm/150700"},
        {"zone": "zone/gbt37028-15201012", "city": "adm/150700"},
        {"zone": "zone/gbt37028-15201013", "city": "adm/150700"},
        {"zone": "zone/gbt37028-15299001", "city": "adm/150700"},
        {"zone": "zone/gbt37028-15101002", "city": "adm/150800"},
        {"zone": "zone/gbt37028-15299026", "city": "adm/150800"},
        {"zone": "zone/gbt37028-15201010", "city": "adm/152500"},
        {"zone": "zone/gbt37028-15299029", "city": "adm/152500"},
        {"zone": "zone/gbt37028-15202001", "city": "adm/152900"},
    ],
    "zones-most-national": [
        {
            "zone": "zone/baotou-rare-earth-htz",
            "name": "Baotou Rare Earth High-Tech Industrial Development Zone",
            "designations": "4",
        },
        {
            "zone": "zone/ganzhou-htz",
            "name": "Ganzhou High-Tech Industrial Development Zone",
            "designations": "2",
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
    result = httpx.get(first["run"], headers={"Accept": "application/sparql-results+json"}).json()
    recorded = [b["recorded"]["value"] for b in result["results"]["bindings"]]
    assert recorded == [row["recorded"] for row in EXPECTED[first["name"]]]
    one = httpx.get(server + "/api/examples/zone-locations").json()
    assert (one["title"], one["description"]) == (
        "Where the zones are",
        "Each development zone of Inner Mongolia inside a prefecture-level city, with its city.",
    )
