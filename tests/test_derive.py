"""Derivation on the built seeds and on tmp copies of them: the computed only-in-region finding
for the Baotou zone, the verdict on the seed's reported claim, a second pilot in Inner Mongolia
that contradicts it, and a complete official list that lets a verdict agree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib.namespace import RDF

import graph.derive
from api.cli import main
from graph import Store, build
from graph.build.pipeline import as_graph
from graph.build.shapes import load_shapes, violations
from graph.derive import DERIVED, derive, derive_into, project, regions_of
from graph.derive.reader import Reader
from graph.derive.rollup import rollup_status
from graph.namespaces import CND, DERIVED_GRAPH
from graph.sparql.writers import term_text
from tests.conftest import curated_seeds

ID = "https://w3id.org/china-designations/id/"
BAOTOU = ID + "zone/baotou-rare-earth-htz"

COMPUTED_ONLY = """
SELECT ?designee ?count ?coverage ?asOf ?plan ?version ?snapshot ?scope WHERE {
  ?f a cnd:OnlyInRegionFinding ; cnd:aboutDesignation ?d ; cnd:withinRegion id:adm\\/150000 ;
     cnd:regionLevel <https://w3id.org/china-designations/id/concept/admin-level/province> ;
     cnd:candidateCount ?count ; cnd:coverage ?coverage ; cnd:validAsOf ?asOf ;
     cnd:countScope ?scope ;
     prov:wasGeneratedBy ?run .
  ?run prov:qualifiedAssociation/prov:hadPlan ?plan ; prov:used ?snapshot .
  ?plan a prov:Plan ; dcterms:hasVersion ?version .
  ?snapshot a cnd:Snapshot .
  ?d cnd:designee ?designee .
  FILTER (?scope IN (id:batch\\/nkrdp-industrialization-pilot-2025,
                     id:program\\/nkrdp-industrialization-pilot))
} ORDER BY ?scope"""

VERDICT = """
SELECT ?designee ?verdict ?count ?coverage ?computed ?claimText ?scope WHERE {
  ?v a cnd:ClaimVerdict ; cnd:aboutClaim ?reported ; cnd:verdict ?verdict ;
     cnd:candidateCount ?count ; cnd:coverage ?coverage ; cnd:countScope ?scope .
  OPTIONAL { ?v cnd:computedFinding ?computed }
  ?reported cnd:supportedBy ?claim ; cnd:withinRegion id:adm\\/150000 ;
      cnd:aboutDesignation/cnd:designee ?designee .
  ?claim rdfs:comment ?claimText .
}"""

ORDOS_ZONE = """
  - slug: test-ordos-pilot-zone
    names: {zh: 鄂尔多斯测试园区, en: Ordos Test Zone}
    located_in: adm/150600
"""
ORDOS_RECORD = """
document:
  slug: test-ordos-pilot
  title: Test item on a second pilot region in Inner Mongolia
  outlet: org/rare-earth-exchanges
  language: en
designations:
  - key: ordos
    designee: zone/test-ordos-pilot-zone
    designated_by: [org/miit]
    program: nkrdp-industrialization-pilot
    designation_type: regional-pilot
    batch: nkrdp-industrialization-pilot-2025
    announced: {value: "2026-01-15"}
    statement: A test zone in Ordos is a pilot region of the same list.
    evidence: none-at-hand
"""
COMPLETE_PROGRAM = """
  - slug: test-supply-chain-pilot-cities
    names: {zh: 测试供应链试点城市, en: Test Supply Chain Pilot Cities}
    issuers: [org/miit]
    designation_type: pilot-city
    batches:
      - slug: test-supply-chain-pilot-cities-2022
        names: {zh: 测试供应链试点城市名单, en: Test Supply Chain Pilot City List}
        ordinal: 1
        member_count: 2
        coverage: complete-official-list
"""
COMPLETE_RECORD = """
document:
  slug: test-supply-chain-list
  title: Test complete list of supply chain pilot cities
  kind: official-notice
  outlet: org/miit
  language: zh
designations:
  - key: baotou
    designee: adm/150200
    designated_by: [org/miit]
    program: test-supply-chain-pilot-cities
    designation_type: pilot-city
    batch: test-supply-chain-pilot-cities-2022
    announced: {value: "2022-10"}
    statement: Baotou is on the test list.
    evidence: none-at-hand
  - key: taiyuan
    designee: adm/140100
    designated_by: [org/miit]
    program: test-supply-chain-pilot-cities
    designation_type: pilot-city
    batch: test-supply-chain-pilot-cities-2022
    announced: {value: "2022-10"}
    statement: Taiyuan is on the test list.
    evidence: none-at-hand
claims:
  - kind: only-in-region
    about: baotou
    region: adm/150000
    region_level: province
    statement: The list names Baotou as the only city in Inner Mongolia.
    evidence: none-at-hand
"""


CLAIM = "The report says the zone is the only regional pilot selected in Inner Mongolia."


def rows(store: Store, sparql: str, designee: str | None = None) -> list[dict[str, str]]:
    """Rows as text; with a designee, bound to it (and left out of the rows)."""
    bound = {"designee": ox.NamedNode(designee)} if designee else {}
    found = [{k: term_text(v) for k, v in row.items()} for row in store.select(sparql, **bound)]
    return [{k: v for k, v in row.items() if not (designee and k == "designee")} for row in found]


def seeds_copy(tmp_path: Path) -> Path:
    """The curated seeds (no catalogue, whose 2,606 zones these tests do not need)."""
    return curated_seeds(tmp_path)


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, encoding="utf-8")


def test_seed_only_in_region_finding_and_verdict(built: Store) -> None:
    found = rows(built, COMPUTED_ONLY)
    assert {r.pop("designee") for r in found} == {BAOTOU}
    [snapshot] = {r.pop("snapshot") for r in found}
    assert snapshot.startswith(ID + "snapshot/")
    partial = ID + "concept/coverage/partial-news-corpus"
    common = {"count": "1", "coverage": partial, "asOf": "2026-01-30"}
    common |= {"plan": ID + "rule/only-in-region-v3", "version": "3"}
    assert found == [
        common | {"scope": ID + "batch/nkrdp-industrialization-pilot-2025"},
        common | {"scope": ID + "program/nkrdp-industrialization-pilot"},
    ]
    [verdict] = rows(built, VERDICT, BAOTOU)
    assert verdict.pop("computed").startswith(ID + "finding/")
    assert verdict == {
        "verdict": ID + "concept/verdict/cannot-tell",
        "count": "1",
        "coverage": partial,
        "claimText": CLAIM,
        "scope": ID + "batch/nkrdp-industrialization-pilot-2025",
    }


def test_verdict_links_the_computed_finding(built: Store) -> None:
    linked = """SELECT ?designee WHERE { ?v cnd:computedFinding ?f .
        ?f a cnd:OnlyInRegionFinding ; cnd:aboutDesignation/cnd:designee ?designee ;
           prov:wasGeneratedBy/prov:qualifiedAssociation/prov:hadPlan ?plan .
        FILTER (?plan = id:rule\\/only-in-region-v3) }"""
    assert sorted(r["designee"] for r in rows(built, linked)) == [ID + "adm/150200", BAOTOU]


def test_second_pilot_in_inner_mongolia_contradicts(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path)
    append(seeds / "reference" / "zones.yaml", ORDOS_ZONE)
    (seeds / "records" / "test-ordos-pilot.yaml").write_text(ORDOS_RECORD, "utf-8")
    build(tmp_path / "store", seeds)
    store = Store.open(tmp_path / "store")
    [verdict] = rows(store, VERDICT, BAOTOU)
    assert verdict == {
        "verdict": ID + "concept/verdict/contradicts",
        "count": "2",
        "coverage": ID + "concept/coverage/partial-news-corpus",
        "claimText": CLAIM,
        "scope": ID + "batch/nkrdp-industrialization-pilot-2025",
    }
    assert [r["designee"] for r in rows(store, COMPUTED_ONLY)] == []


def test_pilot_units_are_not_counted_with_the_pilot_region(built: Store) -> None:
    units = """SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {
        ?d cnd:batch id:batch\\/nkrdp-industrialization-pilot-2025 ;
           cnd:designationType id:concept\\/designation-type\\/pilot-unit }"""
    assert rows(built, units) == [{"n": "2"}]
    [verdict] = rows(built, VERDICT, BAOTOU)
    assert (verdict["verdict"], verdict["count"]) == (ID + "concept/verdict/cannot-tell", "1")


def test_corpus_complete_list_makes_baotou_city_agree(built: Store) -> None:
    [verdict] = rows(built, VERDICT, ID + "adm/150200")
    assert verdict.pop("computed").startswith(ID + "finding/")
    assert verdict == {
        "verdict": ID + "concept/verdict/agrees",
        "count": "1",
        "coverage": ID + "concept/coverage/complete-official-list",
        "claimText": "The report says Baotou is the only city in Inner Mongolia on the list.",
        "scope": ID + "batch/supply-chain-ecosystem-pilot-2022",
    }


def test_complete_official_list_lets_the_verdict_agree(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path)
    append(seeds / "reference" / "programs.yaml", COMPLETE_PROGRAM)
    (seeds / "records" / "test-supply-chain-list.yaml").write_text(COMPLETE_RECORD, "utf-8")
    build(tmp_path / "store", seeds)
    store = Store.open(tmp_path / "store")
    complete = ID + "concept/coverage/complete-official-list"
    verdicts = {r["scope"]: r for r in rows(store, VERDICT, ID + "adm/150200")}
    assert verdicts[ID + "batch/test-supply-chain-pilot-cities-2022"] | {"computed": ""} == {
        "verdict": ID + "concept/verdict/agrees",
        "count": "1",
        "coverage": complete,
        "claimText": "The list names Baotou as the only city in Inner Mongolia.",
        "scope": ID + "batch/test-supply-chain-pilot-cities-2022",
        "computed": "",
    }
    corroborated = """SELECT ?coverage WHERE { ?f cnd:corroborates ?reported ;
        cnd:coverage ?coverage ; cnd:aboutDesignation/cnd:designee id:adm\\/150200 }"""
    assert rows(store, corroborated) == [{"coverage": complete}, {"coverage": complete}]
    # A complete first batch does not make its program complete: the program says nothing.
    program = """SELECT ?coverage WHERE { ?f a cnd:OnlyInRegionFinding ;
        cnd:countScope id:program\\/test-supply-chain-pilot-cities ; cnd:coverage ?coverage ;
        cnd:aboutDesignation/cnd:designee id:adm\\/150200 ; cnd:withinRegion id:adm\\/150000 }"""
    partial = ID + "concept/coverage/partial-news-corpus"
    assert rows(store, program) == [{"coverage": partial}]


def test_as_of_before_the_designation_counts_nothing(built_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(built_dir, copy)
    result = CliRunner().invoke(main, ["derive", "--store", str(copy), "--as-of", "2025-12-31"])
    assert (result.exit_code, result.stderr) == (0, "")
    store = Store.open(copy)
    assert rows(store, COMPUTED_ONLY) == []
    [verdict] = rows(store, VERDICT, BAOTOU)
    assert (verdict["verdict"], verdict["count"]) == (ID + "concept/verdict/cannot-tell", "0")
    as_of = "SELECT DISTINCT ?d WHERE { GRAPH id:graph\\/derived { ?x cnd:validAsOf ?d } }"
    assert rows(store, as_of) == [{"d": "2025-12-31"}]


def test_derive_command_recomputes_the_same_graph(built_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(built_dir, copy)
    result = CliRunner().invoke(main, ["derive", "--store", str(copy)])
    assert result.exit_code == 0, result.output
    assert Store.open(copy).canonical_nquads() == Store.open(built_dir).canonical_nquads()


def test_a_failed_derive_leaves_the_store_as_it_was(
    built_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "store"
    shutil.copytree(built_dir, copy)
    before = Store.open(copy).canonical_nquads()

    def broken(store: Store, as_of: str | None = None) -> int:
        store.load_triples(b'<https://example.org/half> <https://example.org/p> "1" .\n', DERIVED)
        raise OSError("disk full")

    monkeypatch.setattr(graph.derive, "derive_into", broken)
    with pytest.raises(OSError, match="disk full"):
        graph.derive.rederive(copy)
    assert (Store.open(copy).canonical_nquads(), sorted(p.name for p in tmp_path.iterdir())) == (
        before,
        ["store"],
    )


def test_derive_is_deterministic(built: Store) -> None:
    first = derive(built)
    assert first == derive(built)
    assert b"OnlyInRegionFinding" in first


def test_bad_as_of_date_is_one_line(built_dir: Path) -> None:
    result = CliRunner().invoke(main, ["derive", "--store", str(built_dir), "--as-of", "2026-13"])
    assert result.exit_code == 2
    assert "Invalid value for '--as-of'" in result.stderr


def test_administrative_closure_of_the_baotou_zone(built: Store) -> None:
    p = project(built)
    found = regions_of(p.places, p.index[f"<{BAOTOU}>"])
    assert {level: [p.iris[r] for r in ids] for level, ids in found.items()} == {
        "prefecture": [f"<{ID}adm/150200>"],
        "province": [f"<{ID}adm/150000>"],
    }


INDEPENDENT_COUNTS = {
    "zone/baotou-rare-earth-htz": "?d cnd:designee ?of",
    "adm/150000": "?d cnd:designee/schema:location?/schema:containedInPlace* ?of",
    "org/miit": "?d cnd:designatedBy ?of",
}


@pytest.mark.parametrize(
    ("tally_of", "count", "start"),
    [
        ("zone/baotou-rare-earth-htz", "4", "1992-01-01"),
        ("adm/150000", "94", "1992-01-01"),
        ("org/miit", "39", "2015-01-01"),
    ],
)
def test_tallies(built: Store, tally_of: str, count: str, start: str) -> None:
    plain = f"SELECT ?of (COUNT(DISTINCT ?d) AS ?n) WHERE {{ {INDEPENDENT_COUNTS[tally_of]} }}"
    plain += " GROUP BY ?of"
    [checked] = built.select(plain, of=ox.NamedNode(ID + tally_of))
    assert term_text(checked["n"]) == count
    sparql = """SELECT ?of ?count ?start WHERE { ?t a cnd:Tally ; cnd:tallyOf ?of ;
        cnd:designationCount ?count ; schema:startDate ?start }"""
    found = [
        {k: term_text(v) for k, v in r.items()}
        for r in built.select(sparql, of=ox.NamedNode(ID + tally_of))
    ]
    assert found == [{"of": ID + tally_of, "count": count, "start": start}]


def test_verdict_without_its_count_violates_the_shapes(built: Store) -> None:
    data = as_graph(built)
    verdict = sorted(data.subjects(RDF.type, CND.ClaimVerdict))[0]
    data.remove((verdict, CND.candidateCount, None))
    assert [
        v for v in violations(data, load_shapes()) if "ClaimVerdict" in v or "#candidateCount" in v
    ] == [
        f"{verdict} <{CND.candidateCount}>: A verdict needs exactly one candidate count: the "
        "designations behind it."
    ]


CLAIMS = """SELECT ?d ?status ?doc ?origin ?retracted WHERE {
  ?d a cnd:Designation ; cnd:supportedBy ?claim .
  ?claim cnd:verificationStatus ?status ; schema:appearance ?doc .
  OPTIONAL {
    ?doc prov:wasQuotedFrom+ ?origin . FILTER NOT EXISTS { ?origin prov:wasQuotedFrom ?up }
  }
  OPTIONAL { ?d cnd:retracted ?retracted }
}"""
COMPUTED = (
    """SELECT ?d ?status ?derived WHERE { GRAPH ?derived { ?d cnd:verificationStatus ?status } }"""
)


def test_every_rolled_up_status_follows_rollup_status(built: Store) -> None:
    statuses: dict[str, set[str]] = {}
    origins: dict[str, set[str]] = {}
    retracted: dict[str, bool] = {}
    for row in built.select(CLAIMS):
        d = row["d"].value
        statuses.setdefault(d, set()).add(row["status"].value.rsplit("/", 1)[-1])
        origins.setdefault(d, set()).add((row.get("origin") or row["doc"]).value)
        retracted[d] = retracted.get(d, False) or "retracted" in row
    expected = {d: rollup_status(statuses[d], origins[d], retracted[d]) for d in statuses}
    derived = ox.NamedNode(str(DERIVED_GRAPH))
    computed = {
        row["d"].value: row["status"].value.rsplit("/", 1)[-1]
        for row in built.select(COMPUTED, derived=derived)
    }
    assert computed == expected
    assert set(expected.values()) >= {"unverified", "corroborated"}


def test_snapshot_and_findings_do_not_depend_on_the_store_order(built: Store) -> None:
    backwards = ox.Store()
    backwards.extend(reversed(list(built.inner)))  # in memory, every quad inserted backwards
    assert sorted(derive(Store(backwards)).splitlines()) == sorted(derive(built).splitlines())


def _without_derived(built: Store) -> list[ox.Quad]:
    derived = ox.NamedNode(str(DERIVED_GRAPH))
    return [q for q in built.inner if q.graph_name != derived]


def _derived(store: Store) -> set[ox.Triple]:
    derived = ox.NamedNode(str(DERIVED_GRAPH))
    quads = store.inner.quads_for_pattern(None, None, None, derived)
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


@pytest.mark.parametrize("on_disk", [False, True], ids=["memory", "disk"])
def test_derive_into_loads_what_derive_returns(built: Store, tmp_path: Path, on_disk: bool) -> None:
    path = tmp_path / "store" if on_disk else None
    store = Store(ox.Store() if path is None else ox.Store(str(path)), path)
    store.extend(_without_derived(built))
    data = derive(store)
    reference = Store.memory()  # the store keeps integer counts as xsd:integer
    reference.load_triples(data, ox.NamedNode(str(DERIVED_GRAPH)))
    written = derive_into(store, chunk=2_048)  # many chunks, loaded in the background
    assert (written, _derived(store)) == (data.count(b"\n"), _derived(reference))


def test_loader_raises_a_failed_load_at_the_end(tmp_path: Path) -> None:
    store = Store.memory()
    graph = ox.NamedNode("https://example.org/g")
    good = b"<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n"
    with pytest.raises(SyntaxError), store.loader(graph) as load:
        load(good)
        load(b"<https://example.org/a> not N-Triples\n")
    assert list(store.inner.quads_for_pattern(None, None, None, graph)) == [
        ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
                ox.NamedNode("https://example.org/b"), graph)
    ]  # fmt: skip


def test_reading_ahead_gives_the_projection_read_one_query_at_a_time(
    built: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead = project(built)
    monkeypatch.setattr(Reader, "AHEAD", 0)  # nothing started ahead: each query when asked
    one_by_one = project(built)
    fields = ("iris", "designation", "columns", "start", "until", "issuers", "support_status")
    assert [getattr(ahead, f) for f in fields] == [getattr(one_by_one, f) for f in fields]
    assert (ahead.digest, sorted(ahead.places.edges)) == (
        one_by_one.digest,
        sorted(one_by_one.places.edges),
    )
