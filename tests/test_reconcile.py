"""The Reconciliation Service API, versions 0.2 and 1.0-draft, validated against the JSON
Schemas in ../shared/conformance/reconciliation/ (read from there, never copied)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft7Validator
from referencing import Registry
from referencing.jsonschema import DRAFT7

from tests.conftest import CONFORMANCE, needs_conformance
from tests.errors import error_of

SCHEMAS = CONFORMANCE / "reconciliation"
ZONE_ID = "zone/baotou-rare-earth-htz"
NAMES = ["包头稀土高新区", "Baotou Rare Earth Hi-Tech Zone"]


def registry() -> Registry:
    """Every schema of both versions, by its $id, so relative $refs resolve."""
    resources = []
    for path in sorted(SCHEMAS.glob("*/*.json")):
        contents = json.loads(path.read_text("utf-8"))
        if "$id" in contents:
            resources.append((contents["$id"].rstrip("#"), DRAFT7.create_resource(contents)))
    return Registry().with_resources(resources)  # type: ignore[no-any-return]


REGISTRY = registry()


def check(version: str, schema: str, instance: Any) -> None:
    """Fail with every error when the instance does not validate (when the schemas are at
    hand: CI requires them, see tests/conftest.py)."""
    if not SCHEMAS.is_dir():
        return
    contents = json.loads((SCHEMAS / version / f"{schema}.json").read_text("utf-8"))
    validator = Draft7Validator(contents, registry=REGISTRY)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(instance)]
    assert errors == []


def batch_02(server: str, queries: dict[str, Any], method: str = "POST") -> Any:
    data = {"queries": json.dumps(queries)}
    if method == "POST":
        response = httpx.post(server + "/reconcile", data=data)
    else:
        response = httpx.get(server + "/reconcile", params=data)
    assert response.status_code == 200
    body = response.json()
    check("0.2", "reconciliation-result-batch", body)
    return body


def test_manifest_02(server: str) -> None:
    body = httpx.get(server + "/reconcile").json()
    check("0.2", "manifest", body)
    assert body["versions"] == ["0.2", "1.0-draft"]
    assert body["preview"]["url"] == server + "/reconcile/preview?id={{id}}"


def test_manifest_10(server: str) -> None:
    body = httpx.get(server + "/reconcile/1.0").json()
    check("1.0-draft", "manifest", body)
    assert body["view"] == {"url": "https://w3id.org/china-designations/id/{id}"}


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_batch_02_matches_the_zone_first_by_chinese_and_english_names(
    server: str, method: str
) -> None:
    queries = {f"q{i}": {"query": name} for i, name in enumerate(NAMES)}
    queries["q2"] = {"query": "Baotou", "type": "zone", "limit": 2}
    queries["q3"] = {"query": "Rare Earth Zone", "properties": [{"pid": "province", "v": "150000"}]}
    check("0.2", "reconciliation-query-batch", queries)
    body = batch_02(server, queries, method)
    firsts = {k: (v["result"][0]["id"], v["result"][0]["match"]) for k, v in body.items()}
    assert firsts == {
        "q0": (ZONE_ID, True),
        "q1": (ZONE_ID, True),
        "q2": (ZONE_ID, False),
        "q3": (ZONE_ID, False),
    }
    assert body["q0"]["result"] == [
        {
            "id": ZONE_ID,
            "name": "Baotou Rare Earth High-Tech Industrial Development Zone",
            "description": "Development zone; matched “包头稀土高新区”",
            "score": 100.0,
            "match": True,
            "type": [{"id": "zone", "name": "Development zone"}],
            "features": [{"id": "name", "value": 1.0}],
        },
        {
            "id": "org/baotou-rare-earth-research-institute",
            "name": "Baotou Rare Earth Research Institute",
            "description": "Organisation; matched “包头稀土研究院”",
            "score": 37.5,
            "match": False,
            "type": [{"id": "organisation", "name": "Organisation"}],
            "features": [{"id": "name", "value": 0.375}],
        },
    ]


def test_property_constraints_reorder_candidates(server: str) -> None:
    queries = {
        "in": {"query": "Baotou", "properties": [{"pid": "province", "v": "Inner Mongolia"}]},
        "out": {"query": "Baotou", "properties": [{"pid": "province", "v": "110000"}]},
        "code": {"query": "Baotou", "properties": [{"pid": "code", "v": "150271"}]},
    }
    body = batch_02(server, queries)
    summary = {k: [(c["id"], c["score"]) for c in v["result"][:2]] for k, v in body.items()}
    assert summary == {
        "in": [("adm/150200", 100.0), ("org/baogang-group", 88.18)],
        "out": [("adm/150200", 50.0), ("org/baogang-group", 44.09)],
        "code": [(ZONE_ID, 85.0), ("adm/150200", 50.0)],
    }


def test_match_10_matches_the_zone_first(server: str) -> None:
    queries = [{"conditions": [{"matchType": "name", "propertyValue": n}]} for n in NAMES]
    queries.append(
        {
            "type": "zone",
            "limit": 1,
            "conditions": [
                {"matchType": "name", "propertyValue": "稀土高新区"},
                {"matchType": "property", "propertyId": "province", "propertyValue": "150000"},
            ],
        }
    )
    request = {"queries": queries}
    check("1.0-draft", "reconciliation-query-batch", request)
    response = httpx.post(server + "/reconcile/1.0/match", json=request)
    body = response.json()
    check("1.0-draft", "reconciliation-result-batch", body)
    assert [[(c["id"], c["match"]) for c in r["candidates"]][:1] for r in body["results"]] == [
        [(ZONE_ID, True)],
        [(ZONE_ID, True)],
        [(ZONE_ID, True)],
    ]
    assert body["results"][2]["candidates"][0]["features"] == [
        {"id": "name", "name": "name", "value": 1.0},
        {"id": "province", "name": "Province (GB/T 2260 code or name)", "value": True},
    ]


@pytest.mark.parametrize(
    ("base", "version"), [("/reconcile", "0.2"), ("/reconcile/1.0", "1.0-draft")]
)
def test_suggest(server: str, base: str, version: str) -> None:
    entity = httpx.get(server + base + "/suggest/entity", params={"prefix": "包头稀土高"}).json()
    check(version, "suggest-entities-response", entity)
    assert entity["result"][0] == {
        "id": ZONE_ID,
        "name": "包头稀土高新区",
        "description": "Development zone",
        "notable": [{"id": "zone", "name": "Development zone"}],
    }
    shorter = httpx.get(server + base + "/suggest/entity", params={"prefix": "包头稀土"}).json()
    assert [(e["id"], e["name"]) for e in shorter["result"][:2]] == [
        ("org/baotou-rare-earth-research-institute", "包头稀土研究院"),
        (ZONE_ID, "包头稀土高新区"),
    ]
    types = httpx.get(server + base + "/suggest/type", params={"prefix": "zon"}).json()
    check(version, "suggest-types-response", types)
    assert types == {"result": [{"id": "zone", "name": "Development zone"}]}
    props = httpx.get(server + base + "/suggest/property", params={"prefix": "prov"}).json()
    check(version, "suggest-properties-response", props)
    assert props == {"result": [{"id": "province", "name": "Province (GB/T 2260 code or name)"}]}


@pytest.mark.parametrize("base", ["/reconcile", "/reconcile/1.0"])
def test_preview(server: str, base: str) -> None:
    response = httpx.get(server + base + "/preview", params={"id": ZONE_ID})
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "<strong>包头稀土高新技术产业开发区</strong>" in response.text
    assert "Development zone · Baotou · 150271, 15103001" in response.text
    missing = httpx.get(server + base + "/preview", params={"id": "zone/nothing"})
    assert error_of(missing) == (404, 404, "NotFound")


EXTEND = {
    "ids": [ZONE_ID, "zone/nothing"],
    "properties": [{"id": "province"}, {"id": "code"}, {"id": "designations"}],
}


def test_extend_02(server: str) -> None:
    check("0.2", "data-extension-query", EXTEND)
    body = httpx.post(server + "/reconcile", data={"extend": json.dumps(EXTEND)}).json()
    check("0.2", "data-extension-response", body)
    assert body["rows"] == {
        ZONE_ID: {
            "province": [{"id": "adm/150000", "name": "Inner Mongolia"}],
            "code": [{"str": "150271"}, {"str": "15103001"}],
            "designations": [{"int": 4}],
        },
        "zone/nothing": {"province": [], "code": [], "designations": [{"int": 0}]},
    }


def test_extend_10_and_propose(server: str) -> None:
    check("1.0-draft", "data-extension-query", EXTEND)
    body = httpx.post(server + "/reconcile/1.0/extend", json=EXTEND).json()
    check("1.0-draft", "data-extension-response", body)
    assert body["rows"][0] == {
        "id": ZONE_ID,
        "properties": [
            {"id": "province", "values": [{"id": "adm/150000", "name": "Inner Mongolia"}]},
            {"id": "code", "values": [{"str": "150271"}, {"str": "15103001"}]},
            {"id": "designations", "values": [{"int": 4}]},
        ],
    }
    for path, version in (
        ("/reconcile/propose_properties", "0.2"),
        ("/reconcile/1.0/extend/propose", "1.0-draft"),
    ):
        proposal = httpx.get(server + path, params={"type": "zone", "limit": 2}).json()
        check(version, "data-extension-property-proposal", proposal)
        assert proposal["properties"] == [
            {"id": "province", "name": "Province (GB/T 2260 code or name)"},
            {"id": "code", "name": "Code (GB/T 2260, statistical or standard code)"},
        ]


def test_jsonp_callback(server: str) -> None:
    response = httpx.get(server + "/reconcile", params={"callback": "cb"})
    assert response.headers["content-type"] == "application/javascript"
    assert response.text.startswith('cb({"versions": ["0.2", "1.0-draft"]')
    bad = httpx.get(server + "/reconcile", params={"callback": "alert(1)//"})
    assert error_of(bad) == (400, 400, "InvalidCallback")


@pytest.mark.parametrize("queries", ["not json", '{"q0": {"nonsense": 1}}', "[1, 2]"])
def test_bad_batches_get_400_in_the_error_shape(server: str, queries: str) -> None:
    response = httpx.post(server + "/reconcile", data={"queries": queries})
    assert error_of(response) == (400, 400, "InvalidReconciliationRequest")


def test_bad_match_10_gets_422_in_the_error_shape(server: str) -> None:
    response = httpx.post(server + "/reconcile/1.0/match", json={"queries": [{"conditions": 1}]})
    assert error_of(response) == (422, 422, "InvalidRequest")


def test_cors_allows_post_from_any_origin(server: str) -> None:
    headers = {
        "Origin": "https://openrefine.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    preflight = httpx.options(server + "/reconcile/1.0/match", headers=headers)
    assert (preflight.status_code, preflight.headers["access-control-allow-origin"]) == (200, "*")
    assert "POST" in preflight.headers["access-control-allow-methods"]
    post = httpx.post(
        server + "/reconcile",
        data={"queries": "{}"},
        headers={"Origin": "https://openrefine.example"},
    )
    assert (post.json(), post.headers["access-control-allow-origin"]) == ({}, "*")


@needs_conformance
def test_schemas_are_read_from_the_shared_folder() -> None:
    assert Path(SCHEMAS / "0.2" / "manifest.json").is_file()
