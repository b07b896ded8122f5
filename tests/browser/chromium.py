"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright,
with every request recorded (none may leave 127.0.0.1), axe-core injected on demand and
screenshots saved under test-output/screenshots/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from graph.paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).with_name("axe.min.js")
SCREENSHOTS = ROOT / "test-output" / "screenshots"
LOCAL_SCHEMES = {"data", "blob", "about"}


def outside(urls: list[str]) -> list[str]:
    """The URLs that go anywhere but 127.0.0.1 (data:, blob: and about: stay in the page).

    >>> outside(["http://127.0.0.1:8000/", "data:,", "https://cdn.example/x.js"])
    ['https://cdn.example/x.js']
    """
    return [
        u
        for u in urls
        if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).hostname != "127.0.0.1"
    ]


def serious(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]


def shot(page: Any, name: str) -> None:
    """Save a screenshot of the page for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def page_weight(page: Any) -> dict[str, float]:
    """Bytes transferred for the page and its resources, and its first contentful paint (ms)."""
    figures: dict[str, float] = json.loads(
        page.evaluate(
            """() => JSON.stringify({
              bytes: performance.getEntriesByType('navigation').concat(
                performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0),
              first_paint_ms: (performance.getEntriesByName('first-contentful-paint')[0]
                || {}).startTime || -1
            })"""
        )
    )
    return figures
