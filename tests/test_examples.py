"""The example queries: each runs against the seeds with exactly its expected answer, and
/api/examples lists them with a link that runs them at /sparql."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from graph import Store, region
from graph.read.examples import examples
from graph.sparql.writers import term_text

ID = "https://w3id.org/china-designations/id/"
EXPECTED: dict[str, list[dict[str, str]]] = json.loads(
    (Path(__file__).parent / "data" / "examples.json").read_text("utf-8")
)
"""Each example's answer, row by row, IRIs shortened to their ids."""


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
    listed = httpx.get(server + "/api/examples", params={"limit": 100}).json()["items"]
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
        "Each development zone of Inner Mongolia inside a prefecture-level city, with its city.",
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_iri_in_an_answer_has_its_label_beside_it(built: Store, name: str) -> None:
    (example,) = [e for e in examples() if e.name == name]
    unlabelled = {
        k
        for row in built.select(example.query)
        for k, v in row.items()
        if term_text(v).startswith(ID) and not row.get(f"{k}Label")
    }
    assert unlabelled == set()


def test_examples_that_ask_about_a_region_use_the_one_rule() -> None:
    asking = {
        e.name: e.query for e in examples() if "?designee" in e.query and "InPlace" in e.query
    }
    assert sorted(asking) == ["designations-per-province", "province-designations-with-sources"]
    for query in asking.values():
        assert f"?designee {region.path()} " in query
