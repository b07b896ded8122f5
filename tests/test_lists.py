"""REST lists as mature APIs have them, in process over ASGI: a total on every page, strict
parameters (unknown or contradictory ones are a 422 in the one error shape), CSV by Accept or
format=csv, facet counts, a name filter, and ids that go back in as filters in every form."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from api.cli import main
from tests.errors import error_of


@pytest.fixture(scope="module")
def built_dir(curated_dir: Path) -> Path:
    """The expected answers below are stated over the curated corpus (no catalogue)."""
    return curated_dir


@pytest.fixture(scope="module")
def asgi(curated_asgi: httpx.AsyncClient) -> httpx.AsyncClient:
    """The app over the curated corpus."""
    return curated_asgi


ID = "https://w3id.org/china-designations/id/"
MIIT = "Ministry of Industry and Information Technology"
YEARS = (("2024", 2), ("1992", 1), ("2015", 1), ("2017", 1), ("2020", 1), ("2026", 1))
LISTS = {
    "/api/zones": 44,
    "/api/organisations": 85,
    "/api/programs": 27,
    "/api/clusters": 19,
    "/api/regions": 7663,
    "/api/designations": 79,
    "/api/findings": 292,
    "/api/examples": 18,
    "/api/search": 19,
}
QUERY = {"/api/search": {"q": "baotou"}}
"""What a list needs besides paging."""


async def every_item(asgi: httpx.AsyncClient, path: str, **params: str) -> list[dict[str, str]]:
    """Every item of a list, following next links; each page's total must be the same."""
    body = (await asgi.get(path, params={**params, "limit": 200})).json()
    items, total = body["items"], body["total"]
    while body["next"]:
        body = (await asgi.get(body["next"])).json()
        assert body["total"] == total
        items += body["items"]
    assert len(items) == total
    return items


@pytest.mark.anyio
@pytest.mark.parametrize(("path", "total"), LISTS.items())
async def test_every_list_page_carries_the_total(
    asgi: httpx.AsyncClient, path: str, total: int
) -> None:
    asked = QUERY.get(path, {})
    first = (await asgi.get(path, params={**asked, "limit": 5})).json()
    last = (await asgi.get(path, params={**asked, "limit": 5, "offset": total - 1})).json()
    assert (first["total"], len(first["items"]), last["total"], len(last["items"])) == (
        total,
        min(5, total),
        total,
        1,
    )
    assert last["next"] is None


@pytest.mark.anyio
@pytest.mark.parametrize("path", [*LISTS, "/api/zones/baotou-rare-earth-htz"])
async def test_unknown_parameters_are_refused(asgi: httpx.AsyncClient, path: str) -> None:
    response = await asgi.get(path, params={**QUERY.get(path, {}), "regoin": "150000"})
    assert error_of(response) == (422, 422, "InvalidRequest")
    assert response.json()["message"] == "query.regoin: unknown parameter"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/api/designations", {"from": "2026", "to": "2025"}, "from (2026-01-01) is after to"),
        ("/api/designations", {"from": "2026-02", "to": "2026-01-31"}, "from (2026-02-01) is"),
        (
            "/api/export/d3",
            {"view": "subgraph", "since": "2026-01-02", "until": "2026-01-01"},
            "since (2026-01-02) is after until (2026-01-01)",
        ),
        ("/api/export/d3", {"view": "whole", "region": "150000"}, "region is for the subgraph"),
        ("/api/export/d3", {"view": "ego", "program": "torch-program"}, "program is for the"),
        ("/api/export/d3", {"view": "subgraph", "entity": "zone/x"}, "entity is for the ego"),
    ],
)
async def test_contradictory_parameters_are_refused(
    asgi: httpx.AsyncClient, path: str, params: dict[str, str], message: str
) -> None:
    response = await asgi.get(path, params=params)
    assert error_of(response) == (422, 422, "InvalidParameters")
    assert response.json()["message"].startswith(message)


@pytest.mark.anyio
@pytest.mark.parametrize("path", LISTS)
async def test_every_list_comes_as_csv_by_accept_or_by_format(
    asgi: httpx.AsyncClient, path: str
) -> None:
    asked = {**QUERY.get(path, {}), "limit": "3"}
    page = (await asgi.get(path, params=asked)).json()
    by_accept = await asgi.get(path, params=asked, headers={"Accept": "text/csv"})
    by_format = await asgi.get(path, params={**asked, "format": "csv"})
    assert by_accept.headers["content-type"] == "text/csv; charset=utf-8"
    assert (by_accept.text, by_accept.headers["x-total-count"]) == (
        by_format.text,
        str(page["total"]),
    )
    rows = list(csv.DictReader(io.StringIO(by_accept.text)))
    key = "name" if path == "/api/examples" else "id"
    assert [r[key] for r in rows] == [item[key] for item in page["items"]]
    assert by_accept.headers["link"] == f'<{page["next"]}>; rel="next"'
    following = httpx.URL(by_format.headers["link"].removeprefix("<").split(">;")[0])
    assert dict(following.params) == {**asked, "format": "csv", "offset": "3"}


@pytest.mark.anyio
async def test_csv_columns_flatten_links_into_ids_and_labels(asgi: httpx.AsyncClient) -> None:
    params = {"designee": "zone/baotou-rare-earth-htz", "issuer": "most", "format": "csv"}
    (row,) = csv.DictReader(io.StringIO((await asgi.get("/api/designations", params=params)).text))
    assert {k: v for k, v in row.items() if k not in ("sources", "findings")} == {
        "iri": ID + "designation/1fdf69bc49ee",
        "id": "designation/1fdf69bc49ee",
        "designee": "zone/baotou-rare-earth-htz",
        "designee_label": "Baotou Rare Earth High-Tech Industrial Development Zone",
        "program": "program/torch-industrialization-bases",
        "program_label": "National High-Tech Industrialization Bases",
        "designated_by": "org/most",
        "designated_by_label": "Ministry of Science and Technology",
        "type": "industrialization-base",
        "level": "national",
        "status": "unverified",
        "batch": "",
        "batch_label": "",
        "announced": "",
        "decided": "",
        "valid_from": "",
        "valid_until": "",
    }


@pytest.mark.anyio
async def test_facets_count_every_match_as_datasette_does(asgi: httpx.AsyncClient) -> None:
    params = [("region", "150000"), ("limit", "1")]
    params += [("facets", f) for f in ("province", "issuer", "level", "status", "year")]
    body = (await asgi.get("/api/designations", params=params)).json()
    assert (body["total"], len(body["items"])) == (14, 1)
    assert body["facets"] == {
        "province": [
            {"value": "adm/150000", "label": "Inner Mongolia", "count": 14},
            {"value": "adm/610000", "label": "Shaanxi", "count": 1},
            {"value": "adm/640000", "label": "Ningxia", "count": 1},
        ],
        "issuer": [
            {"value": "org/miit", "label": MIIT, "count": 9},
            {"value": "org/state-council", "label": "State Council", "count": 4},
            {"value": "org/mof", "label": "Ministry of Finance", "count": 1},
            {"value": "org/most", "label": "Ministry of Science and Technology", "count": 1},
        ],
        "level": [{"value": "national", "label": "national", "count": 14}],
        "status": [
            {"value": "unverified", "label": "unverified", "count": 8},
            {"value": "corroborated", "label": "corroborated", "count": 6},
        ],
        "year": [  # the designations with a date: announced, else decided, else valid from
            {"value": year, "label": None, "count": count} for year, count in YEARS
        ],
    }


@pytest.mark.anyio
@pytest.mark.parametrize("name", ["baotou", "Bāotóu", "包头", "包頭", "BAOTOU"])
async def test_the_name_filter_matches_the_designee_in_any_language(
    asgi: httpx.AsyncClient, name: str
) -> None:
    items = await every_item(asgi, "/api/designations", name=name)
    assert sorted({d["designee"]["id"] for d in items}) == [
        "adm/150200",
        "cluster/baotou-rare-earth-cluster",
        "org/baotou-rare-earth-research-institute",
        "zone/baotou-rare-earth-htz",
    ]


@pytest.mark.anyio
async def test_ids_the_api_returns_go_back_in_as_filters(asgi: httpx.AsyncClient) -> None:
    designations = await every_item(asgi, "/api/designations")
    # every 20th designation, each link in each form; a filter that matches hundreds is asked
    # beside the designee filter, so that the answer is short but both must hold
    for i, d in enumerate(designations[::20]):
        designee = {"designee": d["designee"]["id"]}
        checks = [("designee", d["designee"], {}), ("program", d["program"], designee)]
        checks += [("issuer", o, designee) for o in d["designated_by"]]
        for name, linked, beside in checks:
            forms = (linked["id"], linked["iri"], linked["id"].split("/", 1)[1])
            for form in forms if i % 5 == 0 else forms[:1]:
                found = await every_item(asgi, "/api/designations", **beside, **{name: form})
                assert d["id"] in [x["id"] for x in found], (name, form)
        for form in (d["id"], d["iri"], d["id"].split("/", 1)[1]):
            found = await every_item(asgi, "/api/findings", designation=form)
            assert {f["designation"]["id"] for f in found} <= {d["id"]}


@pytest.mark.anyio
async def test_region_ids_from_the_regions_list_go_back_in(asgi: httpx.AsyncClient) -> None:
    provinces = await every_item(asgi, "/api/regions", level="province")
    counts = {}
    for p in provinces:
        totals = set()
        for form in (p["id"], p["iri"], p["codes"][0]):
            body = (await asgi.get("/api/designations", params={"region": form})).json()
            totals.add(body["total"])
        (counts[p["id"]],) = totals
    assert sum(counts.values()) >= 68 and counts["adm/150000"] == 14


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"region": "zone/baotou-rare-earth-htz"}, "InvalidRequest"),
        ({"program": "org/miit"}, "InvalidRequest"),
        ({"designee": "designation/b8dbb2318c06"}, "InvalidRequest"),
    ],
)
async def test_ids_of_another_kind_are_refused(
    asgi: httpx.AsyncClient, params: dict[str, str], error: str
) -> None:
    assert error_of(await asgi.get("/api/designations", params=params)) == (422, 422, error)


def test_the_cli_takes_the_same_forms_as_the_api(built_dir: Path) -> None:
    outputs = set()
    for region, program in (
        ("150000", "nkrdp-industrialization-pilot"),
        ("adm/150000", "program/nkrdp-industrialization-pilot"),
        (ID + "adm/150000", ID + "program/nkrdp-industrialization-pilot"),
    ):
        args = ["export", "--store", str(built_dir), "--format", "d3", "--view", "subgraph"]
        result = CliRunner().invoke(main, [*args, "--region", region, "--program", program])
        assert (result.exit_code, result.stderr) == (0, "")
        outputs.add(result.stdout)
    assert len(outputs) == 1
    args = ["export", "--store", str(built_dir), "--format", "d3", "--view", "subgraph"]
    result = CliRunner().invoke(main, [*args, "--region", "zone/baotou-rare-earth-htz"])
    assert (result.exit_code, result.stderr) == (
        1,
        "error: 'zone/baotou-rare-earth-htz' is not a region id (adm/150000, or without its "
        "prefix)\n",
    )
