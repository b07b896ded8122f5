"""Official lists in the built graph: the GB/T 37028-2018 catalogue counted per type and
province against figures written down from the source, zones merged with their catalogue
entry, designations resolving to the divisions of their time, and the Laiwu case."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from graph import Store
from graph.sparql.writers import term_text

ID = "https://w3id.org/china-designations/id/"
COUNTS = Path(__file__).parent / "data" / "gbt37028-2018-counts.tsv"


def source_counts() -> Counter[tuple[str, str]]:
    """Zones per (type, province) as counted from the transcription (tests/data)."""
    counts: Counter[tuple[str, str]] = Counter()
    for line in COUNTS.read_text("utf-8").splitlines():
        if line and not line.startswith(("#", "type\t")):
            kind, province, n = line.split("\t")
            counts[(kind, province)] = int(n)
    return counts


def rows(store: Store, sparql: str, **bindings: ox.NamedNode) -> list[dict[str, str]]:
    found = store.select(sparql, **bindings)
    return [{k: term_text(v) for k, v in row.items() if k not in bindings} for row in found]


CATALOGUE_ZONES = """
SELECT ?zone ?code ?type WHERE {
  ?zone a cnd:Zone ; skos:notation ?code ; cnd:zoneType/skos:notation ?type .
  FILTER (datatype(?code) = cnd:gbt37028)
}"""
LISTED = """
SELECT DISTINCT ?d ?code ?type ?level ?batch WHERE {
  ?d cnd:designee ?zone ; cnd:supportedBy/schema:appearance id:doc\\/gbt37028-2018 ;
     cnd:level ?level ; cnd:batch ?batch .
  ?zone skos:notation ?code ; cnd:zoneType/skos:notation ?type .
  FILTER (datatype(?code) = cnd:gbt37028)
}"""


def per_type_and_province(found: list[dict[str, str]]) -> Counter[tuple[str, str]]:
    return Counter((r["type"], r["code"][:2] + "0000") for r in found)


def test_catalogue_zones_per_type_and_province_match_the_source(built: Store) -> None:
    found = rows(built, CATALOGUE_ZONES)
    assert len(found) == 2606
    assert per_type_and_province(found) == source_counts()


def test_catalogue_listings_per_type_and_province_match_the_source(built: Store) -> None:
    found = rows(built, LISTED)
    assert per_type_and_province(found) == source_counts()
    levels = {(r["type"][0], r["level"].removeprefix(ID)) for r in found}
    assert levels == {
        ("1", "concept/designation-level/national"),
        ("2", "concept/designation-level/provincial"),
    }


def test_provincial_zones_are_designated_by_their_province(built: Store) -> None:
    sparql = """SELECT ?zone ?issuer WHERE {
      ?d cnd:designee ?zone ; cnd:designatedBy ?issuer ; cnd:level ?level }"""
    zone = ox.NamedNode(ID + "zone/gbt37028-15299006")  # 包头铝业产业园区
    assert rows(built, sparql, zone=zone) == [{"issuer": ID + "org/gov-inner-mongolia"}]


def test_baotou_zone_merges_with_its_catalogue_entry(built: Store) -> None:
    sparql = """SELECT ?zone WHERE { ?zone skos:notation "15103001"^^cnd:gbt37028 }"""
    assert rows(built, sparql) == [{"zone": ID + "zone/baotou-rare-earth-htz"}]
    claims = """SELECT ?zone ?program ?batch ?doc WHERE {
      ?d cnd:designee ?zone ; cnd:underProgram ?program ; cnd:batch ?batch ;
         cnd:supportedBy/schema:appearance ?doc } ORDER BY ?doc"""
    found = rows(
        built,
        claims,
        zone=ox.NamedNode(ID + "zone/baotou-rare-earth-htz"),
        program=ox.NamedNode(ID + "program/national-high-tech-zones"),
    )
    batch = ID + "batch/national-high-tech-zones-gbt37028-2018"
    assert [(r["batch"], r["doc"].removeprefix(ID)) for r in found] == [
        (batch, "doc/chinadaily-baotou-htz-2017"),
        (batch, "doc/chinadaily-baotou-htz-2023"),
        (batch, "doc/gbt37028-2018"),
        (batch, "doc/northnews-inner-mongolia-htz-2023"),
    ]


def test_the_catalogue_dates_its_list_not_the_approvals(built: Store) -> None:
    dated = """SELECT (COUNT(?date) AS ?n) WHERE {
      ?d cnd:supportedBy/schema:appearance id:doc\\/gbt37028-2018 .
      FILTER NOT EXISTS { ?d cnd:supportedBy/schema:appearance ?other
                          FILTER (?other != id:doc\\/gbt37028-2018) }
      ?d cnd:announcedOn|cnd:decisionDate|cnd:validFrom ?date }"""
    assert rows(built, dated) == [{"n": "0"}]
    batch = """SELECT ?issued ?asOf ?count ?coverage WHERE {
      id:batch\\/national-etdz-gbt37028-2018 dcterms:issued ?issued ; cnd:validAsOf ?asOf ;
        cnd:memberCount ?count ; cnd:coverage ?coverage }"""
    assert rows(built, batch) == [
        {
            "issued": "2018",
            "asOf": "2018",
            "count": "219",
            "coverage": ID + "concept/coverage/complete-official-list",
        }
    ]


def test_english_names_seen_or_generated(built: Store) -> None:
    sparql = """SELECT ?zone ?en ?basis WHERE {
      ?zone skos:prefLabel ?en ; cnd:labelBasis ?basis FILTER (lang(?en) = "en") }"""
    seen = rows(built, sparql, zone=ox.NamedNode(ID + "zone/gbt37028-11101001"))
    generated = rows(built, sparql, zone=ox.NamedNode(ID + "zone/gbt37028-36201005"))
    assert (seen, generated) == (
        [{"en": "Beijing E-Town", "basis": ID + "concept/label-basis/seen-in-source"}],
        [
            {
                "en": "Jiangxi Ganzhou Zhanggong Economic Development Zone",
                "basis": ID + "concept/label-basis/generated",
            }
        ],
    )


DATED = """
SELECT ?d ?when ?division ?from ?until WHERE {
  { SELECT ?d ?designee (COALESCE(?decided, ?announced, ?started, ?listed) AS ?when) WHERE {
      ?d a cnd:Designation ; cnd:designee ?designee .
      OPTIONAL { ?d cnd:decisionDate ?decided } OPTIONAL { ?d cnd:announcedOn ?announced }
      OPTIONAL { ?d cnd:validFrom ?started }
      OPTIONAL { ?d cnd:batch ?batch . ?batch dcterms:issued ?listed }
  } }
  ?designee schema:location?/schema:containedInPlace* ?division .
  ?division cnd:adminLevel ?level .
  OPTIONAL { ?division cnd:validFrom ?from } OPTIONAL { ?division cnd:validUntil ?until }
}"""
"""Each designation's date (its own, else its batch's) and every division its designee lies
in, with the years of validity of that division."""


def test_every_designee_lies_in_divisions_valid_at_the_designations_date(built: Store) -> None:
    found = [r | {"year": r["when"][:4]} for r in rows(built, DATED) if "when" in r]
    invalid = [
        r
        for r in found
        if ("from" in r and int(r["from"]) > int(r["year"]))
        or ("until" in r and int(r["until"]) < int(r["year"]))
    ]
    assert invalid == []
    assert len({r["d"] for r in found}) > 2600  # nearly every designation has a date to check


def test_laiwu_zone_resolves_to_laiwu_and_jinan_through_its_successor(built: Store) -> None:
    sparql = """SELECT ?zone ?division ?until ?successor ?listed WHERE {
      ?d cnd:designee ?zone ; cnd:batch/dcterms:issued ?listed .
      ?zone schema:containedInPlace ?division .
      ?division cnd:validUntil ?until ; dcterms:isReplacedBy ?successor }"""
    zone = ox.NamedNode(ID + "zone/gbt37028-37103011")  # 莱芜高新技术产业开发区
    assert rows(built, sparql, zone=zone) == [
        {
            "division": ID + "adm/371200",
            "until": "2018",
            "successor": ID + "adm/370100",
            "listed": "2018",
        }
    ]
    within = "ASK { ?zone schema:containedInPlace+ id:adm\\/370100 }"
    path = "schema:containedInPlace/(schema:containedInPlace|dcterms:isReplacedBy)*"
    followed = f"ASK {{ ?zone {path} id:adm\\/370100 }}"
    answers = [bool(built.query(q, {"zone": zone})) for q in (within, followed)]
    assert answers == [False, True]


def test_derived_results_count_ended_divisions_in_their_successors(built: Store) -> None:
    laiwu = "ASK { GRAPH id:graph\\/derived { ?x ?p id:adm\\/371200 } }"
    tally = """SELECT ?count WHERE { GRAPH id:graph\\/derived {
      ?t cnd:tallyOf id:adm\\/370100 ; cnd:designationCount ?count
      FILTER NOT EXISTS { ?t cnd:countScope ?scope } FILTER NOT EXISTS { ?t schema:startDate ?y }
    } }"""
    counted = """SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{
      ?d cnd:designee ?x . ?x schema:location?/{steps} id:adm\\/370100 }}"""
    follow = "(schema:containedInPlace|dcterms:isReplacedBy)*"
    with_successors = rows(built, counted.format(steps=follow))
    without = rows(built, counted.format(steps="schema:containedInPlace*"))
    assert bool(built.query(laiwu)) is False
    assert (rows(built, tally), with_successors, without) == (
        [{"count": "12"}],
        [{"n": "12"}],
        [{"n": "9"}],
    )
