"""The pages in a real browser: headless Chromium over the real server (tests/server.py).

Each step saves a screenshot under test-output/screenshots/; every page must pass axe-core
with no serious or critical violation, and no request may leave 127.0.0.1. The landing
page's transferred bytes and first render time are logged, not asserted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest

from graph import Store
from graph.namespaces import ID
from graph.read.examples import example
from graph.read.finding_facts import finding_sentence
from graph.read.findings import FindingFilter, findings
from graph.read.stats import overview
from tests.browser.chromium import CHROMIUM, browser, outside, page_weight, serious, shot

REQUIRED = os.environ.get("DESIGNATIONS_REQUIRE_BROWSER") == "1"
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not REQUIRED,
    reason="browser tests need /usr/bin/chromium (apt-get install chromium)",
)
ZONE = "zone/baotou-rare-earth-htz"
PILOT = "designation/b8dbb2318c06"
COUNT_QUERY = """SELECT ?program (COUNT(?d) AS ?n) WHERE {
  ?d a cnd:Designation ; cnd:underProgram ?program } GROUP BY ?program ORDER BY ?program"""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as launched:
        yield launched


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh browser page; afterwards, no request it made may have left 127.0.0.1."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert outside(requests) == []
    assert errors == []


def log(request: pytest.FixtureRequest, line: str) -> None:
    """A line in the test output even while output is captured."""
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


def test_landing_page_counts(
    page: Any, server: str, built: Store, request: pytest.FixtureRequest
) -> None:
    page.goto(server + "/")
    page.wait_for_load_state("load")
    shown = {
        li.get_attribute("data-count"): int(li.locator(".n").inner_text())
        for li in page.locator("[data-count]").all()
    }
    assert shown == overview(built)
    weight = page_weight(page)
    log(
        request,
        f"landing page: {weight['bytes'] / 1024:.1f} KB transferred (target < 500 KB), "
        f"first render {weight['first_paint_ms']:.0f} ms (target < 1000 ms)",
    )
    shot(page, "01-landing")
    assert serious(page) == []


def test_search_as_you_type_finds_the_zone(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.fill("#hero-search", "包头")
    option = page.locator(f"#hero-search-hits [role=option] a[href='/id/{ZONE}']")
    option.wait_for()
    shot(page, "02-search-baotou")
    option.click()
    page.wait_for_url(f"**/id/{ZONE}")
    assert page.locator("h1").inner_text() == (
        "Baotou Rare Earth High-Tech Industrial Development Zone"
    )


def test_zone_page_reads_findings_as_sentences(page: Any, server: str, built: Store) -> None:
    about = ox.NamedNode(str(ID[PILOT]))
    reported = findings(built, FindingFilter(basis="reported", designation=about), 0, 10)[0]
    verdict = findings(built, FindingFilter(kind="claim-verdict", designation=about), 0, 10)[0]
    page.goto(f"{server}/id/{ZONE}")
    first = page.locator(".finding").first
    assert first.locator("p").first.inner_text() == finding_sentence(built, reported, "en")
    assert first.locator("blockquote").inner_text() == (
        "“makes the zone the only regional pilot selected in Inner Mongolia” [798–863]"
    )
    texts = page.locator(".finding > p:first-child").all_inner_texts()
    assert finding_sentence(built, verdict, "en") in texts
    computed = page.locator(".finding[data-basis=computed][data-kind=only-in-region] details").first
    computed.locator("summary").click()
    assert computed.locator("a").first.get_attribute("href") == "/id/rule/only-in-region-v3"
    page.locator("#map svg circle").first.wait_for()
    page.locator("#ego canvas").first.wait_for()
    shot(page, "03-zone-findings")
    assert serious(page) == []


def editor_rows(page: Any) -> Any:
    page.locator("#run").click()
    page.locator("#status", has_text="rows").wait_for()
    return page.locator("#output tbody tr")


def test_example_query_gives_a_labelled_table(page: Any, server: str, built: Store) -> None:
    page.goto(server + "/sparql")
    page.select_option("#examples", "zone-locations")
    rows = editor_rows(page)
    expected = built.select(example("zone-locations").query)
    assert rows.count() == len(expected)
    link = page.locator("#output tbody a", has_text="Baotou Rare Earth High-Tech").first
    assert link.get_attribute("href") == f"/id/{ZONE}"
    shot(page, "04-editor-table")
    assert serious(page) == []


def test_count_query_as_a_chart(page: Any, server: str, built: Store) -> None:
    page.goto(f"{server}/sparql#query={quote(COUNT_QUERY)}")
    page.locator("#status", has_text="rows").wait_for()
    page.get_by_role("tab", name="Chart").click()
    bars = page.locator("#output .chart rect.bar")
    assert bars.count() == len(built.select(COUNT_QUERY))
    shot(page, "05-editor-chart")


def test_results_with_places_on_a_map(page: Any, server: str, built: Store) -> None:
    query = example("designations-per-province").query
    page.goto(f"{server}/sparql#query={quote(query)}")
    page.locator("#status", has_text="rows").wait_for()
    page.get_by_role("tab", name="Map").click()
    markers = page.locator("#output svg circle.marker")
    assert markers.count() == len(built.select(query))
    shot(page, "06-editor-map")
    assert serious(page) == []


def test_share_link_reopens_the_query(page: Any, server: str, chromium: Any) -> None:
    query = "SELECT ?zone WHERE { ?zone a cnd:Zone } ORDER BY ?zone LIMIT 3"
    page.goto(server + "/sparql")
    page.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(query)
    editor_rows(page)
    link = page.locator("#share-link").input_value()
    other = chromium.new_page()
    other.goto(link)
    other.locator("#status", has_text="rows").wait_for()
    assert other.locator(".cm-content").inner_text() == query
    assert other.locator("#output tbody tr").count() == 3
    shot(other, "07-share-link")
    other.close()


def test_switching_to_chinese_persists(page: Any, server: str, built: Store) -> None:
    page.goto(server + "/")
    page.locator("header a.lang").click()
    page.wait_for_url("**/?lang=zh")
    assert page.locator("h1").inner_text() == "中国产业政策认定图谱"
    page.goto(f"{server}/id/{ZONE}")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    reported = findings(
        built, FindingFilter(basis="reported", designation=ox.NamedNode(str(ID[PILOT]))), 0, 10
    )[0]
    assert page.locator(".finding p").first.inner_text() == finding_sentence(built, reported, "zh")
    shot(page, "08-chinese")
    assert serious(page) == []


def operations(server: str) -> int:
    spec = httpx.get(server + "/openapi.json").json()
    methods = {"get", "post", "put", "delete", "patch", "head", "options"}
    return sum(1 for item in spec["paths"].values() for m in item if m in methods)


def test_docs_render_every_route(page: Any, server: str) -> None:
    page.goto(server + "/docs")
    blocks = page.locator(".opblock")
    blocks.first.wait_for()
    assert blocks.count() == operations(server)
    shot(page, "09-docs")
    assert serious(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/sparql?lang=zh",
        "/id/program/nkrdp-industrialization-pilot",
        "/id/adm/150000",
        "/id/org/miit",
        "/id/batch/nkrdp-industrialization-pilot-2025",
        f"/id/{PILOT}",
        "/id/doc/rex-baotou-nkrdp-pilot",
        "/def",
    ],
)
def test_every_page_passes_axe(page: Any, server: str, path: str) -> None:
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
    shot(page, f"10-{name}")
    assert serious(page) == []


def test_docs_assets_are_swagger_ui_5(server: str) -> None:
    bundle = httpx.get(server + "/static/docs/swagger-ui-bundle.js").text
    assert '"5.35.0"' in bundle or "5.35.0" in bundle[:2000] or "swagger-ui" in bundle[:200]
    assert json.loads(httpx.get(server + "/openapi.json").text)["openapi"].startswith("3.1")
