"""The example queries: each runs against the seeds with exactly its expected answer, and
/api/examples lists them with a link that runs them at /sparql."""

from __future__ import annotations

import httpx
import pytest

from graph import Store
from graph.examples import examples
from graph.results import term_text

ID = "https://w3id.org/china-designations/id/"
D = "designation/b8dbb2318c06"
ZONE = "zone/baotou-rare-earth-htz"
PILOT = "program/nkrdp-industrialization-pilot"
DOC = "doc/rex-baotou-nkrdp-pilot"
QUOTE = (
    "approved the Baotou Rare Earth High-Tech Zone as a national pilot region for "
    "commercializing high-tech developed under China’s National Key R&D Program"
)
UNVERIFIED = "concept/verification-status/unverified"
EXPECTED: dict[str, list[dict[str, str]]] = {
    "batches": [
        {
            "batch": "batch/nkrdp-industrialization-pilot-2025",
            "program": PILOT,
            "issued": "2026-01",
            "coverage": "concept/coverage/partial-news-corpus",
            "recorded": "1",
        }
    ],
    "claims-by-kind-and-status": [
        {"kind": "concept/claim-kind/designation", "status": UNVERIFIED, "claims": "1"},
        {"kind": "concept/claim-kind/only-in-region", "status": UNVERIFIED, "claims": "1"},
    ],
    "designations-per-province": [
        {"province": "adm/150000", "name": "Inner Mongolia", "designations": "1"}
    ],
    "document-caveats": [
        {"document": DOC, "caveat": "concept/caveat/not-independently-verified"},
        {"document": DOC, "caveat": "concept/caveat/state-affiliated-origin"},
    ],
    "inferred-dates": [
        {"designation": D, "announced": "2026-01-30", "basis": "concept/date-basis/inferred-year"}
    ],
    "only-in-province": [
        {
            "finding": "finding/cfd27ed9250b",
            "designation": D,
            "province": "adm/150000",
            "basis": "reported",
            "status": UNVERIFIED,
        }
    ],
    "program-hierarchy": [
        {
            "program": "program/national-key-rd-program",
            "name": "National Key R&D Program",
            "issuer": "org/most",
        },
        {
            "program": PILOT,
            "name": "National Key R&D Program High-Tech Achievements Industrialization Pilot",
            "issuer": "org/miit",
            "parent": "program/national-key-rd-program",
        },
    ],
    "programs-by-issuer-over-time": [
        {"issuer": "org/miit", "program": PILOT, "year": "2026", "designations": "1"}
    ],
    "province-designations-with-sources": [
        {"designation": D, "designee": ZONE, "program": PILOT, "document": DOC, "quote": QUOTE},
        {
            "designation": D,
            "designee": ZONE,
            "program": PILOT,
            "document": DOC,
            "quote": "published January 30 by Baotou Daily",
        },
    ],
    "reporting-chains": [
        {
            "document": DOC,
            "quotedFrom": "doc/baotou-daily-nkrdp-pilot",
            "origin": "doc/baotou-daily-nkrdp-pilot",
        }
    ],
    "sources-by-outlet-tier": [
        {
            "document": DOC,
            "outlet": "org/rare-earth-exchanges",
            "tier": "concept/source-tier/commercial",
            "claims": "2",
        }
    ],
    "unverified-evidence-only": [{"designation": D, "designee": ZONE, "claims": "1"}],
    "zone-locations": [{"zone": ZONE, "city": "adm/150200", "province": "adm/150000"}],
    "zones-most-national": [
        {
            "zone": ZONE,
            "name": "Baotou Rare Earth High-Tech Industrial Development Zone",
            "designations": "1",
        }
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
    assert [b["recorded"]["value"] for b in result["results"]["bindings"]] == ["1"]
    one = httpx.get(server + "/api/examples/zone-locations").json()
    assert (one["title"], one["description"]) == (
        "Where the zones are",
        "Each development zone with its city and province.",
    )
