"""Hostile data in the store renders as text, and every HTML page carries the security headers
(defect: a triple with object <javascript:alert(1)> rendered as a live link on /id pages, and
HTML had no Content-Security-Policy or nosniff header)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from api.links import href
from graph import Store
from tests.server import running_server

ID = "https://w3id.org/china-designations/id/"
SCRIPT = "<script>alert('label')</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
HOSTILE_IRIS = ["javascript:alert(1)", "JaVaScRiPt:alert(2)", "data:text/html;base64,PHNjcmlwdD4="]
SKOS = "http://www.w3.org/2004/02/skos/core#"
CND = "https://w3id.org/china-designations/def#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
HTML = {"Accept": "text/html"}
SLOW = 180  # seconds: a region's page takes tens of them from a cold cache on a busy machine


def hostile_quads() -> list[ox.Quad]:
    """A zone whose labels are markup and whose links are scripts, linked from a real zone."""
    evil, graph = ox.NamedNode(ID + "zone/evil"), ox.NamedNode(ID + "graph/upload/evil")
    see_also = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
    quads = [
        ox.Quad(evil, ox.NamedNode(RDF_TYPE), ox.NamedNode(CND + "Zone"), graph),
        ox.Quad(evil, ox.NamedNode(SKOS + "prefLabel"), ox.Literal(SCRIPT, language="en"), graph),
        ox.Quad(evil, ox.NamedNode(SKOS + "altLabel"), ox.Literal(ATTRIBUTE, language="en"), graph),
        ox.Quad(ox.NamedNode(ID + "zone/baotou-rare-earth-htz"), see_also, evil, graph),
    ]
    quads += [ox.Quad(evil, see_also, ox.NamedNode(iri), graph) for iri in HOSTILE_IRIS]
    return quads


@pytest.fixture(scope="module")
def hostile(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the built store plus the hostile quads."""
    store_dir = tmp_path_factory.mktemp("hostile") / "store"
    shutil.copytree(built_dir, store_dir)
    store = Store.open(store_dir, read_only=False)
    store.extend(hostile_quads())
    store.flush()
    del store
    with running_server(store_dir) as base:
        yield base


class Markup(HTMLParser):
    """What in a page could run script: inline scripts (a JSON data block does not run, and
    Jinja's tojson escapes `<` in it), event attributes, and links or sources whose scheme is
    neither http(s) nor a path on this server."""

    def __init__(self) -> None:
        super().__init__()
        self.unsafe: list[str] = []
        self._script_without_src = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note unsafe tags and attributes."""
        named = dict(attrs)
        kind = (named.get("type") or "text/javascript").lower()
        runs = kind in ("module", "text/javascript", "application/javascript")
        if tag == "script" and runs and not named.get("src"):
            self._script_without_src = True
        for name, value in attrs:
            if name.startswith("on"):
                self.unsafe.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and value is not None:
                target = value.strip().lower()
                if ":" in target.split("/")[0] and not target.startswith(("http:", "https:")):
                    self.unsafe.append(f"<{tag} {name}={value}>")

    def handle_data(self, data: str) -> None:
        """Inline script with any content is unsafe."""
        if self._script_without_src and data.strip():
            self.unsafe.append(f"inline script: {data.strip()[:40]}")

    def handle_endtag(self, tag: str) -> None:
        """A script ends."""
        if tag == "script":
            self._script_without_src = False


def unsafe_markup(html: str) -> list[str]:
    """Everything in a page that could run script."""
    parser = Markup()
    parser.feed(html)
    return parser.unsafe


def test_a_hostile_entity_page_shows_its_labels_and_iris_as_text(hostile: str) -> None:
    response = httpx.get(hostile + "/id/zone/evil", headers=HTML, timeout=SLOW)
    html = response.text
    assert (response.status_code, unsafe_markup(html)) == (200, [])
    for shown in (
        "&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;",
        "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
        *HOSTILE_IRIS,
    ):
        assert shown in html


def test_a_page_linking_to_a_hostile_entity_escapes_its_label(hostile: str) -> None:
    html = httpx.get(hostile + "/id/zone/baotou-rare-earth-htz", headers=HTML, timeout=SLOW)
    assert unsafe_markup(html.text) == []
    assert '<a href="/id/zone/evil">&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;</a>' in (
        html.text
    )


def test_the_reconciliation_preview_escapes_labels(hostile: str) -> None:
    html = httpx.get(hostile + "/reconcile/preview", params={"id": "zone/evil"}, timeout=SLOW).text
    assert unsafe_markup(html) == []
    assert "&lt;script&gt;" in html


HTML_PAGES = [
    "/",
    "/?lang=zh",
    "/sparql",
    "/id/zone/baotou-rare-earth-htz",
    "/id/designation/b8dbb2318c06",
    "/id/adm/150000",
    "/id/org/miit",
    "/def",
    "/docs",
    "/reconcile/preview?id=zone/baotou-rare-earth-htz",
]


@pytest.mark.parametrize("path", HTML_PAGES)
def test_every_html_page_carries_the_security_headers_and_no_inline_script(
    server: str, path: str
) -> None:
    response = httpx.get(server + path, headers=HTML, timeout=SLOW)
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert (
        response.headers["x-content-type-options"],
        response.headers["referrer-policy"],
        unsafe_markup(response.text),
    ) == ("nosniff", "strict-origin-when-cross-origin", [])


@pytest.mark.parametrize(
    "path",
    # a query from a client that is no browser is answered ahead of FastAPI's middleware
    ["/api/zones", "/sparql?query=ASK%7B%7D", "/sparql?query=SELEC"],
)
def test_other_responses_are_not_sniffed_and_carry_no_page_policy(server: str, path: str) -> None:
    response = httpx.get(server + path, timeout=SLOW)
    assert (
        response.headers["x-content-type-options"],
        "content-security-policy" in response.headers,
    ) == ("nosniff", False)


@pytest.mark.parametrize(
    ("iri", "target"),
    [
        (ID + "zone/x", "/id/zone/x"),
        (CND + "Zone", "/def#Zone"),
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
        *[(iri, None) for iri in HOSTILE_IRIS],
        ("vbscript:msgbox(1)", None),
        ("urn:isbn:0451450523", None),
        ("mailto:someone@example.org", None),
    ],
)
def test_only_http_and_the_projects_own_iris_become_links(iri: str, target: str | None) -> None:
    assert href(iri) == target
