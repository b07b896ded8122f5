"""The REST API over the wire: search, entities, designations with filters, findings, paging
and the one error shape."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.errors import error_of


@pytest.fixture(scope="module")
def server(curated_server: str) -> str:
    """The expected answers below are stated over the curated corpus (no catalogue)."""
    return curated_server


ID = "https://w3id.org/china-designations/id/"
DESIGNATION = "designation/b8dbb2318c06"


def ref(id_: str, label: str | None) -> dict[str, Any]:
    return {"iri": ID + id_, "id": id_, "label": label}


ZONE = {
    "iri": ID + "zone/baotou-rare-earth-htz",
    "id": "zone/baotou-rare-earth-htz",
    "kind": "zone",
    "labels": {
        "zh": "包头稀土高新技术产业开发区",
        "en": "Baotou Rare Earth High-Tech Industrial Development Zone",
        "pinyin": "Bāotóu Xītǔ Gāoxīn Jìshù Chǎnyè Kāifāqū",
        "alt": [
            "Baotou Rare Earth Hi-Tech Zone",
            "Baotou Rare Earth High-Tech Zone",
            "Baotou Rare-Earth Hi-Tech Industrial Development Zone",
            "包头稀土高新区",
            "稀土高新区",
        ],
    },
    "codes": ["150271", "15103001"],
    "level": None,
    "located_in": [ref("adm/150200", "Baotou")],
    "part_of": [],
    "issuers": [],
}
DOCUMENT = ref(
    "doc/rex-baotou-nkrdp-pilot",
    "China designates Baotou Rare Earth High-Tech Zone as national commercialization pilot",
)
QUOTE = (
    "approved the Baotou Rare Earth High-Tech Zone as a national pilot region for "
    "commercializing high-tech developed under China’s National Key R&D Program"
)
THE_DESIGNATION = {
    "iri": ID + DESIGNATION,
    "id": DESIGNATION,
    "designee": ref("zone/baotou-rare-earth-htz", ZONE["labels"]["en"]),  # type: ignore[index]
    "program": ref(
        "program/nkrdp-industrialization-pilot",
        "National Key R&D Program High-Tech Achievements Industrialization Pilot",
    ),
    "designated_by": [ref("org/miit", "Ministry of Industry and Information Technology")],
    "type": "regional-pilot",
    "level": "national",
    "status": "unverified",
    "batch": ref(
        "batch/nkrdp-industrialization-pilot-2025",
        "2025 National Key R&D Program High-Tech Achievements Industrialization Pilot List",
    ),
    "announced": "2026-01-30",
    "decided": None,
    "valid_from": None,
    "valid_until": None,
    "sources": [
        {
            "claim": ID + "claim/0700acd8f464",
            "document": DOCUMENT,
            "status": "unverified",
            "evidence": [
                {"quote": QUOTE, "start": 589, "end": 740},
                {"quote": "published January 30 by Baotou Daily", "start": 760, "end": 796},
            ],
        }
    ],
}
THE_FINDING = {
    "iri": ID + "finding/cfd27ed9250b",
    "id": "finding/cfd27ed9250b",
    "kind": "only-in-region",
    "basis": "reported",
    "designation": ref(DESIGNATION, None),
    "region": ref("adm/150000", "Inner Mongolia"),
    "region_level": "province",
    "candidate_count": None,
    "valid_as_of": None,
    "coverage": None,
    "verdict": None,
    "judges": None,
    "compared_with": None,
    "generated_by": None,
    "sentence": {
        "en": "Reported: the only regional pilot in Inner Mongolia (Rare Earth Exchanges citing "
        "Baotou Daily, unverified, quote “makes the zone the only regional pilot selected in "
        "Inner Mongolia”).",
        "zh": "报道：内蒙古自治区唯一的区域试点（稀土交易所资讯援引包头日报，未核实，"
        "原文“makes the zone the only regional pilot selected in Inner Mongolia”）。",
    },
    "judged_by": None,
    "sources": [
        {
            "claim": ID + "claim/518796df343d",
            "document": DOCUMENT,
            "status": "unverified",
            "evidence": [
                {
                    "quote": "makes the zone the only regional pilot selected in Inner Mongolia",
                    "start": 798,
                    "end": 863,
                }
            ],
        }
    ],
}


def page(
    items: list[Any], total: int | None = None, limit: int = 20, next_: str | None = None
) -> Any:
    count = len(items) if total is None else total
    return {"items": items, "total": count, "limit": limit, "offset": 0, "next": next_}


def test_zone_by_slug(server: str) -> None:
    response = httpx.get(server + "/api/zones/baotou-rare-earth-htz")
    assert (response.status_code, response.json()) == (200, ZONE)


def test_zones_list(server: str) -> None:
    body = httpx.get(server + "/api/zones", params={"limit": 100}).json()
    assert (len(body["items"]), body["next"]) == (44, None)
    assert [z for z in body["items"] if z["id"] == ZONE["id"]] == [ZONE]


@pytest.mark.parametrize(
    ("path", "ids"),
    [
        (
            "/api/organisations",
            ["org/gov-xinjiang", "org/gov-shandong", "org/gov-qinghai"],
        ),
        (
            "/api/programs",
            [
                "program/nkrdp-industrialization-pilot",
                "program/advanced-manufacturing-clusters",
                "program/provincial-economic-development-zones",
            ],
        ),
        (
            "/api/clusters",
            [
                "cluster/shanghai-jicheng-dianlu-cluster",
                "cluster/jinbailanwu-nonferrous-cluster",
                "cluster/yuening-coal-chemical-cluster",
            ],
        ),
    ],
)
def test_entity_lists_are_in_the_stores_stable_order(
    server: str, path: str, ids: list[str]
) -> None:
    body = httpx.get(server + path, params={"limit": 3}).json()
    assert [e["id"] for e in body["items"]] == ids
    assert body == httpx.get(server + path, params={"limit": 3}).json()


@pytest.mark.parametrize(
    ("path", "count"), [("/api/organisations", 85), ("/api/programs", 27), ("/api/clusters", 19)]
)
def test_entity_lists_hold_every_entity_of_the_reference_data(
    server: str, path: str, count: int
) -> None:
    body = httpx.get(server + path, params={"limit": 100}).json()
    assert (len({e["id"] for e in body["items"]}), body["next"]) == (count, None)


def test_region_by_code(server: str) -> None:
    assert httpx.get(server + "/api/regions/150000").json() == {
        "iri": ID + "adm/150000",
        "id": "adm/150000",
        "kind": "region",
        "labels": {
            "zh": "内蒙古自治区",
            "en": "Inner Mongolia",
            "pinyin": "Nèi Měnggǔ Zìzhìqū",
            "alt": ["Inner Mongolia Autonomous Region", "Nei Mongol"],
        },
        "codes": ["150000", "CN-NM"],
        "level": "province",
        "located_in": [],
        "part_of": [],
        "issuers": [],
    }


def test_regions_page_with_next_link_that_continues_in_order(server: str) -> None:
    first = httpx.get(server + "/api/regions", params={"level": "province", "limit": 3}).json()
    assert [e["id"] for e in first["items"]] == ["adm/430000", "adm/330000", "adm/620000"]
    assert first["next"] == server + "/api/regions?level=province&limit=3&offset=3"
    second = httpx.get(first["next"]).json()
    assert [e["id"] for e in second["items"]] == ["adm/530000", "adm/220000", "adm/520000"]
    last = httpx.get(server + "/api/regions", params={"level": "province", "offset": 33}).json()
    assert ([e["id"] for e in last["items"]], last["next"]) == (["adm/810000"], None)
    again = httpx.get(server + "/api/regions", params={"level": "province", "limit": 3}).json()
    assert again == first


def test_search_pages_and_kinds(server: str) -> None:
    response = httpx.get(server + "/api/search", params={"q": "包头稀土高新区", "kind": "zone"})
    hit = {
        "iri": ID + "zone/baotou-rare-earth-htz",
        "id": "zone/baotou-rare-earth-htz",
        "kind": "zone",
        "label": "包头稀土高新区",
        "match": "exact",
        "score": 1.0,
    }
    assert response.json() == page([hit])
    assert httpx.get(server + "/api/search", params={"q": "baotou"}).json()["total"] == 19
    two = httpx.get(server + "/api/search", params={"q": "baotou", "limit": 2}).json()
    assert [h["id"] for h in two["items"]] == ["adm/150200", "org/baogang-group"]
    assert two["next"] == server + "/api/search?q=baotou&limit=2&offset=2"


def test_designation_by_key(server: str) -> None:
    response = httpx.get(server + "/api/designations/b8dbb2318c06")
    assert (response.status_code, response.json()) == (200, WITH_FINDINGS)


BAOTOU_ZONE = ["1fdf69bc49ee", "b591ab067994", "a836b6d8f194", "b8dbb2318c06"]


@pytest.mark.parametrize(
    ("params", "keys"),
    [
        ({"designee": "zone/baotou-rare-earth-htz"}, BAOTOU_ZONE),
        ({"region": "150200", "designee": "zone/baotou-rare-earth-htz"}, BAOTOU_ZONE),
        ({"region": "110000"}, ["d5c9318466ff", "10062aff0293"]),
        (
            {"region": "150000", "program": "nkrdp-industrialization-pilot"},
            ["68dedb75a7ad", "8695e7144698", "b8dbb2318c06"],
        ),
        ({"region": "110000", "program": "nkrdp-industrialization-pilot"}, []),
        (
            {"program": "nkrdp-industrialization-pilot"},
            ["68dedb75a7ad", "8695e7144698", "b8dbb2318c06"],
        ),
        ({"program": "national-key-rd-program"}, []),
        ({"issuer": "most"}, ["1fdf69bc49ee"]),
        ({"issuer": "most", "region": "110000"}, []),
        (
            {"designee": "zone/baotou-rare-earth-htz", "issuer": "miit"},
            ["b591ab067994", "b8dbb2318c06"],
        ),
        ({"level": "provincial"}, []),
        ({"status": "confirmed-primary"}, ["9b757d191919"]),
        ({"from": "2026", "to": "2026"}, ["b8dbb2318c06"]),
        ({"from": "2026-01-30", "to": "2026-01-30"}, ["b8dbb2318c06"]),
        ({"from": "2026-01-31"}, []),
        ({"to": "2012"}, ["d5c9318466ff", "a836b6d8f194"]),
        ({"designee": "zone/baotou-rare-earth-htz", "to": "2025-12"}, ["a836b6d8f194"]),
        (
            {"region": "150000", "issuer": "miit", "level": "national", "from": "2025"},
            ["b8dbb2318c06"],
        ),
    ],
)
def test_designation_filters(server: str, params: dict[str, str], keys: list[str]) -> None:
    body = httpx.get(server + "/api/designations", params={**params, "limit": 100}).json()
    assert ([d["id"] for d in body["items"]], body["next"]) == (
        [f"designation/{k}" for k in keys],
        None,
    )


def test_designation_filters_give_whole_designations(server: str) -> None:
    params = {"region": "150000", "issuer": "miit", "level": "national", "from": "2025"}
    body = httpx.get(server + "/api/designations", params=params).json()
    assert body == page([WITH_FINDINGS]) | {"facets": {}}


def test_designations_page_on(server: str) -> None:
    everything = httpx.get(server + "/api/designations", params={"limit": 100}).json()
    assert (len(everything["items"]), everything["next"]) == (79, None)
    first = httpx.get(server + "/api/designations", params={"limit": 30}).json()
    assert first["next"] == server + "/api/designations?limit=30&offset=30"
    rest = httpx.get(server + "/api/designations", params={"limit": 60, "offset": 30}).json()
    assert (first["items"] + rest["items"], rest["next"]) == (everything["items"], None)


RUN = ID + "run/derivation-6437e092759a-"
PILOT_EN = "National Key R&D Program High-Tech Achievements Industrialization Pilot"
PILOT_ZH = "国家重点研发计划高新技术成果产业化试点"
PLACES = {"150000": ("Inner Mongolia", "内蒙古自治区"), "150200": ("Baotou", "包头市")}
SCOPES = {
    "program": (PILOT_EN, PILOT_ZH),
    "list": (f"2025 {PILOT_EN} List", f"2025年{PILOT_ZH}名单"),
}


def computed(key: str, kind: str, rule: str, code: str = "150000", scope: str = "") -> Any:
    """A computed finding about the seed designation, as the API shows it, with its sentence
    (only and first findings counted over the program or its 2025 list)."""
    (place, place_zh), level = PLACES[code], "province" if code == "150000" else "prefecture"
    what, what_zh = SCOPES.get(scope, ("", ""))
    said = {
        "only-in-region": {
            "en": f"Computed: 1 regional pilot known in {place} for {what}; coverage partial, "
            "so the graph cannot tell.",
            "zh": f"计算：图中已知{place_zh}{what_zh}的区域试点1个；覆盖不完整，图无法判断。",
        },
        "first-in-region": {
            "en": f"Computed: the earliest regional pilot known in {place} for {what} (1 known); "
            "coverage partial, so it may not be the first.",
            "zh": f"计算：{place_zh}{what_zh}已知最早的区域试点（已知1个）；"
            "覆盖不完整，未必是首个。",
        },
        "claim-verdict": {
            "en": "Compared: coverage is partial, so the graph cannot tell whether the report "
            "holds.",
            "zh": "对照：覆盖不完整，图无法判断报道是否属实。",
        },
    }[kind]
    return {
        "iri": ID + "finding/" + key,
        "id": "finding/" + key,
        "kind": kind,
        "basis": "computed",
        "designation": ref(DESIGNATION, None),
        "region": ref(f"adm/{code}", place),
        "region_level": level,
        "candidate_count": 1,
        "valid_as_of": "2026-01-30",
        "coverage": "partial-news-corpus",
        "verdict": None,
        "judges": None,
        "compared_with": None,
        "generated_by": RUN + rule + "-v3",
        "sources": [],
        "sentence": said,
        "judged_by": None,
    }


# Only in Inner Mongolia within its program and within its 2025 list (two scopes), the first
# there, and the verdict on the seed's own claim: cannot tell, since the list is partial.
ONLY_IN_PROGRAM = computed("f75f3ea34ffd", "only-in-region", "only-in-region", scope="program")
ONLY_IN_LIST = computed("53aacda332c0", "only-in-region", "only-in-region", scope="list")
FIRST = computed("e5a8af9574f5", "first-in-region", "first-in-region", scope="program")
THE_VERDICT = computed("6713dc365483", "claim-verdict", "reported-versus-computed") | {
    "verdict": "cannot-tell",
    "judges": ref("finding/cfd27ed9250b", None),
    "compared_with": ref("finding/53aacda332c0", None),
}
JUDGED = THE_FINDING | {"judged_by": THE_VERDICT}
IN_BAOTOU = [
    computed("14418f0efb73", "only-in-region", "only-in-region", "150200", "program"),
    computed("08c77f90f78e", "only-in-region", "only-in-region", "150200", "list"),
    computed("4550bf7c5341", "first-in-region", "first-in-region", "150200", "program"),
]
WITH_FINDINGS = THE_DESIGNATION | {
    "findings": [
        IN_BAOTOU[1],
        ONLY_IN_LIST,
        IN_BAOTOU[0],
        ONLY_IN_PROGRAM,
        JUDGED,
        IN_BAOTOU[2],
        FIRST,
    ]
}


def test_findings_of_a_designation_are_reported_computed_and_judged(server: str) -> None:
    params = {"region": "150000", "designation": "b8dbb2318c06"}
    body = httpx.get(server + "/api/findings", params=params).json()
    assert body == page([*WITH_FINDINGS["findings"], THE_VERDICT])


@pytest.mark.parametrize(
    ("params", "keys"),
    [
        (
            {"kind": "only-in-region", "designation": "b8dbb2318c06"},
            ["08c77f90f78e", "53aacda332c0", "14418f0efb73", "f75f3ea34ffd", "cfd27ed9250b"],
        ),
        ({"basis": "reported"}, ["ffeca7d9bfaf", "cfd27ed9250b", "d17f05ab9119"]),
        ({"kind": "first-in-region", "basis": "reported"}, ["d17f05ab9119"]),
        ({"kind": "claim-verdict"}, ["d8f795258068", "f3f21b58116a", "6713dc365483"]),
        ({"kind": "claim-verdict", "region": "150000"}, ["d8f795258068", "6713dc365483"]),
        ({"kind": "claim-verdict", "basis": "reported"}, []),
        (
            {"designation": "b8dbb2318c06"},
            [
                *("08c77f90f78e", "53aacda332c0", "14418f0efb73", "f75f3ea34ffd"),
                *("cfd27ed9250b", "4550bf7c5341", "e5a8af9574f5", "6713dc365483"),
            ],
        ),
        (
            {"region": "110000"},
            [
                *("f8154066c76b", "855d369e3ec1", "a3ce16606aa9"),
                *("9523c2ff7124", "91e71a5c1246", "f4ed89455d1f"),
            ],
        ),
        ({"region": "110000", "designation": "b8dbb2318c06"}, []),
    ],
)
def test_findings(server: str, params: dict[str, str], keys: list[str]) -> None:
    body = httpx.get(server + "/api/findings", params={**params, "limit": 100}).json()
    assert ([f["id"] for f in body["items"]], body["next"]) == (
        [f"finding/{k}" for k in keys],
        None,
    )


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/api/zones/no-such-zone", {}, (404, 404, "NotFound")),
        ("/api/regions/999999", {}, (404, 404, "NotFound")),
        ("/api/organisations/baotou-rare-earth-htz", {}, (404, 404, "NotFound")),
        ("/api/designations/000000000000", {}, (404, 404, "NotFound")),
        ("/api/no-such-route", {}, (404, 404, "NotFound")),
        ("/api/regions/15", {}, (422, 422, "InvalidRequest")),
        ("/api/designations", {"from": "2026-13"}, (422, 422, "InvalidRequest")),
        ("/api/designations", {"level": "galactic"}, (422, 422, "InvalidRequest")),
        ("/api/search", {}, (422, 422, "InvalidRequest")),
        ("/api/zones", {"limit": "0"}, (422, 422, "InvalidRequest")),
    ],
)
def test_errors_have_the_one_shape(
    server: str, path: str, params: dict[str, str], expected: tuple[int, int, str]
) -> None:
    assert error_of(httpx.get(server + path, params=params)) == expected


def test_validation_message_names_the_field(server: str) -> None:
    body = httpx.get(server + "/api/designations", params={"level": "galactic"}).json()
    assert body["message"].startswith("query.level: Input should be 'national'")


def test_cors_is_open_for_get_and_closed_for_other_methods(server: str) -> None:
    origin = {"Origin": "https://example.org"}
    get = httpx.get(server + "/api/zones", headers=origin)
    assert get.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(
        server + "/api/zones", headers={**origin, "Access-Control-Request-Method": "DELETE"}
    )
    assert error_of(preflight) == (400, 400, "CORSRefused")
    assert preflight.json()["message"] == "Disallowed CORS method"
