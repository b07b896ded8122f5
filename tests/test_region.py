"""One meaning of "in a region" (graph.region): the same designations for Inner Mongolia from
the REST filter, the entity page, the example query, the README's pattern, the derivation and
the subgraph export; the rule with division history; the rule written down where it is told."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import networkx as nx
import pyoxigraph as ox
import pytest

from graph import Store, region
from graph.derive import project, regions_of
from graph.export import Selection, export
from graph.paths import ROOT
from graph.read.describe import page
from graph.read.examples import example


@pytest.fixture(scope="module")
def built_dir(curated_dir: Path) -> Path:
    """The region rule is checked route by route over the curated corpus (no catalogue):
    every designee of the catalogue's 2,606 listings would take minutes per route."""
    return curated_dir


@pytest.fixture(scope="module")
def asgi(curated_asgi: httpx.AsyncClient) -> httpx.AsyncClient:
    """The app over the curated corpus."""
    return curated_asgi


ID = "https://w3id.org/china-designations/id/"
INNER_MONGOLIA = ID + "adm/150000"
IN_INNER_MONGOLIA = sorted(
    "designation/" + key
    for key in (
        "2681a2b7083b",  # Hohhot Jinshan high-tech zone (listed in the 2018 catalogue batch)
        "1fdf69bc49ee",  # the Baotou zone, four times
        "a836b6d8f194",
        "b591ab067994",
        "b8dbb2318c06",
        "38cce982c10f",  # the innovation center, located in Baotou
        "4782ed145feb",  # Baotou, the city, twice
        "b4f85115a3fe",
        "68dedb75a7ad",  # the research institute, located in Baotou
        "8695e7144698",  # China Northern Rare Earth, located in Baotou
        "853775ac49ac",  # Ordos high-tech zone
        "f645eba6fdf2",  # the Ordos sustainable development agenda zone
        "cfb40eec8819",  # the Yulin-Ordos-Ningdong cluster, partly in Ordos
        "efd611f5e9da",  # the Baotou rare earth cluster
    )
)
README_RULE = """
SELECT DISTINCT ?d WHERE {
  ?d a cnd:Designation ; cnd:designee ?designee .
  ?designee schema:location?/schema:containedInPlace*
    <https://w3id.org/china-designations/id/adm/150000> .
}"""


def short(iri: str) -> str:
    return iri.removeprefix(ID)


@pytest.mark.anyio
async def test_the_rest_filter_gives_the_designations_in_the_region(
    asgi: httpx.AsyncClient,
) -> None:
    for form in ("150000", "adm/150000", INNER_MONGOLIA):
        body = (await asgi.get("/api/designations", params={"region": form})).json()
        ids = [d["id"] for d in body["items"]]
        while body["next"]:
            body = (await asgi.get(body["next"])).json()
            ids += [d["id"] for d in body["items"]]
        assert (sorted(ids), body["total"]) == (IN_INNER_MONGOLIA, 14)


def test_the_entity_page_shows_the_designations_in_the_region(built: Store) -> None:
    shown = page(built, INNER_MONGOLIA)
    assert (sorted(d.id for d in shown.designations), shown.designation_total) == (
        IN_INNER_MONGOLIA,
        14,
    )


def test_the_example_query_finds_the_designations_in_the_region(built: Store) -> None:
    # the example asks for the national high-tech zones among them
    rows = built.select(example("province-designations-with-sources").query)
    htz = ["designation/2681a2b7083b", "designation/853775ac49ac", "designation/a836b6d8f194"]
    assert sorted({short(r["designation"].value) for r in rows}) == htz
    assert set(htz) <= set(IN_INNER_MONGOLIA)
    per_province = built.select(example("designations-per-province").query)
    counts = {short(r["province"].value): r["designations"].value for r in per_province}
    assert counts["adm/150000"] == "14"


def test_the_readme_pattern_finds_the_designations_in_the_region(built: Store) -> None:
    found = sorted(short(r["d"].value) for r in built.select(README_RULE))
    assert found == IN_INNER_MONGOLIA
    readme = (ROOT / "README.md").read_text("utf-8")
    notes = (ROOT / "ontology" / "NOTES.md").read_text("utf-8")
    told = f"?designee {region.path()} ?region"
    assert (told in readme, told in notes) == (True, True)


def test_the_subgraph_export_holds_exactly_the_designations_in_the_region(built: Store) -> None:
    data = export(built, "graphml", Selection(view="subgraph", region=INNER_MONGOLIA))
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    drawn = [d["iri"] for _, _, k, d in g.edges(keys=True, data=True) if k == "designates"]
    designations = sorted(short(i) for iris in drawn for i in str(iris).split())
    assert designations == IN_INNER_MONGOLIA
    assert nx.number_weakly_connected_components(g) == 1
    inside = region.within(built, ox.NamedNode(INNER_MONGOLIA))
    outside = {n for n, d in g.nodes(data=True) if n not in inside}
    kinds = {g.nodes[n]["kind"] for n in outside}
    assert kinds == {"authority", "program"}


def test_the_derivation_places_each_designee_by_the_rule(built: Store) -> None:
    p = project(built)
    level = "province"
    for designee in sorted(set(p.designee)):
        iri = p.iris[designee].strip("<>")
        derived = {p.iris[r].strip("<>") for r in regions_of(p.places, designee, p.located)[level]}
        by_rule = {
            r["province"].value
            for r in built.select(
                f"SELECT ?province ?d ?level WHERE {{ {region.pattern('?d', '?province')} "
                "?province cnd:adminLevel ?level }",
                d=ox.NamedNode(iri),
                level=ox.NamedNode(ID + "concept/admin-level/province"),
            )
        }
        assert (iri, derived) == (iri, by_rule)


def test_the_fast_query_is_the_rule(built: Store) -> None:
    provinces = built.select(
        "SELECT ?p ?level WHERE { ?p cnd:adminLevel ?level }",
        level=ox.NamedNode(ID + "concept/admin-level/province"),
    )
    for row in provinces:
        slow = built.select(
            f"SELECT DISTINCT ?x ?r WHERE {{ {region.pattern('?x', '?r')} }}", r=row["p"]
        )
        assert region.within(built, row["p"]) == {r["x"].value for r in slow}


HISTORY = """
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix adm: <https://w3id.org/china-designations/id/adm/> .
@prefix zone: <https://w3id.org/china-designations/id/zone/> .
@prefix org: <https://w3id.org/china-designations/id/org/> .
adm:371200 schema:containedInPlace adm:370000 ; dcterms:isReplacedBy adm:370100 .
adm:370100 schema:containedInPlace adm:370000 .
zone:laiwu-htz schema:containedInPlace adm:371200 .
org:laiwu-steel schema:location zone:laiwu-htz .
"""


def test_division_history_takes_in_what_lay_in_a_predecessor() -> None:
    store = Store.memory()
    store.inner.load(HISTORY.encode(), format=ox.RdfFormat.TURTLE)
    jinan = ox.NamedNode(ID + "adm/370100")
    today = {short(x) for x in region.within(store, jinan)}
    with_history = {short(x) for x in region.within(store, jinan, include_history=True)}
    assert (today, with_history) == (
        {"adm/370100"},
        {"adm/370100", "adm/371200", "zone/laiwu-htz", "org/laiwu-steel"},
    )
    assert region.path(include_history=True) == (
        "schema:location?/(schema:containedInPlace|dcterms:isReplacedBy)*"
    )
