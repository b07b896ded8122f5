"""The curated corpus, asked through SPARQL over the built store: divisions, programs,
designations with their sources, complete lists, reported claims and organisational change."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from graph import Store
from graph.namespaces import concept
from graph.sparql.writers import term_text

ID = "https://w3id.org/china-designations/id/"
PROVINCE = ox.NamedNode(str(concept("admin-level", "province")))
PREFECTURE = ox.NamedNode(str(concept("admin-level", "prefecture")))


def rows(store: Store, sparql: str, **bindings: ox.NamedNode) -> list[dict[str, str]]:
    """Rows as text; bound variables are projected (Oxigraph needs that) but left out here."""
    found = store.select(sparql, **bindings)
    return [{k: term_text(v) for k, v in row.items() if k not in bindings} for row in found]


DESIGNEE_PROVINCES = """
SELECT DISTINCT ?d ?designee ?code ?level WHERE {
  ?d a cnd:Designation ; cnd:designee ?designee .
  OPTIONAL {
    ?designee schema:location?/schema:containedInPlace* ?p .
    ?p a cnd:AdminDivision ; cnd:adminLevel ?level ; skos:notation ?code .
    FILTER (datatype(?code) = cnd:gbt2260)
  }
}"""


def designee_provinces(store: Store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, DESIGNEE_PROVINCES):
        found[row["designee"]] |= {row["code"]} if row.get("level") == PROVINCE.value else set()
    return found


def test_every_designee_resolves_to_its_provinces(built: Store) -> None:
    found = designee_provinces(built)
    multi = {k: v for k, v in found.items() if len(v) != 1}
    assert multi == {ID + "cluster/yuening-coal-chemical-cluster": {"150000", "610000", "640000"}}
    assert found[ID + "adm/150200"] == {"150000"}
    assert found[ID + "zone/baotou-rare-earth-htz"] == {"150000"}
    assert found[ID + "org/china-northern-rare-earth"] == {"150000"}
    assert found[ID + "cluster/ganzhou-rare-earth-cluster"] == {"360000"}
    assert found[ID + "zone/ftz-xinjiang"] == {"650000"}


def test_multi_province_cluster_lists_each_division(built: Store) -> None:
    sparql = "SELECT ?c ?p WHERE { ?c schema:containedInPlace ?p } ORDER BY ?p"
    cluster = ox.NamedNode(ID + "cluster/yuening-coal-chemical-cluster")
    assert [r["p"] for r in rows(built, sparql, c=cluster)] == [
        ID + "adm/150600",
        ID + "adm/610800",
        ID + "adm/640100",
    ]


PROVINCES = """
SELECT ?level ?code ?en WHERE {
  ?p cnd:adminLevel ?level ; skos:notation ?code ; skos:prefLabel ?en .
  FILTER (datatype(?code) = cnd:gbt2260 && lang(?en) = "en")
} ORDER BY ?code"""


def test_thirty_four_provinces(built: Store) -> None:
    found = rows(built, PROVINCES, level=PROVINCE)
    assert len(found) == 34
    assert found[:5] == [
        {"code": "110000", "en": "Beijing"},
        {"code": "120000", "en": "Tianjin"},
        {"code": "130000", "en": "Hebei"},
        {"code": "140000", "en": "Shanxi"},
        {"code": "150000", "en": "Inner Mongolia"},
    ]
    assert {"code": "610000", "en": "Shaanxi"} in found
    assert found[-3:] == [
        {"code": "710000", "en": "Taiwan"},
        {"code": "810000", "en": "Hong Kong"},
        {"code": "820000", "en": "Macao"},
    ]


PREFECTURE_LABELS = """
SELECT ?p (COUNT(DISTINCT lang(?label)) AS ?langs) ?level (BOUND(?end) AS ?past) WHERE {
  ?p cnd:adminLevel ?level ; skos:prefLabel ?label .
  OPTIONAL { ?p cnd:validUntil ?end }
  FILTER (lang(?label) IN ("zh-hans", "en", "zh-latn-pinyin"))
} GROUP BY ?p ?level ?end"""


def test_every_prefecture_has_labels_in_three_languages(built: Store) -> None:
    found = rows(built, PREFECTURE_LABELS, level=PREFECTURE)
    assert sum(r["past"] == "false" for r in found) == 340
    assert sum(r["past"] == "true" for r in found) == 259
    assert {r["langs"] for r in found} == {"3"}


LABELS = "SELECT ?s ?label WHERE { ?s skos:prefLabel ?label } ORDER BY ?label"


def labels(store: Store, iri: str) -> list[tuple[str, str | None]]:
    found = store.select(LABELS, s=ox.NamedNode(iri))
    return sorted((r["label"].value, getattr(r["label"], "language", None)) for r in found)


def test_division_labels_codes_and_parents(built: Store) -> None:
    assert labels(built, ID + "adm/150000") == [
        ("Inner Mongolia", "en"),
        ("Nèi Měnggǔ Zìzhìqū", "zh-latn-pinyin"),
        ("内蒙古自治区", "zh-hans"),
    ]
    assert labels(built, ID + "adm/230200") == [
        ("Qiqihar", "en"),
        ("Qíqíhā'ěr Shì", "zh-latn-pinyin"),
        ("齐齐哈尔市", "zh-hans"),
    ]
    sparql = """SELECT ?d ?code ?parent WHERE {
      ?d skos:notation ?code ; schema:containedInPlace ?parent .
      FILTER (datatype(?code) = cnd:gbt2260) }"""
    for child, parent in (("150200", "150000"), ("360700", "360000"), ("654004", "654000")):
        found = rows(built, sparql, d=ox.NamedNode(ID + f"adm/{child}"))
        assert found == [{"code": child, "parent": ID + f"adm/{parent}"}]


def test_zone_has_nbs_code_as_typed_notation(built: Store) -> None:
    sparql = (
        "SELECT ?z ?code ?type WHERE { ?z skos:notation ?code BIND (datatype(?code) AS ?type) }"
    )
    found = rows(built, sparql, z=ox.NamedNode(ID + "zone/baotou-rare-earth-htz"))
    assert sorted((r["code"], r["type"]) for r in found) == [
        ("150271", "https://w3id.org/china-designations/def#nbsStatCode"),
        ("15103001", "https://w3id.org/china-designations/def#gbt37028"),
    ]


PROGRAMS = """
SELECT ?p ?zh ?en WHERE {
  ?p a cnd:Program ; skos:prefLabel ?zh , ?en .
  FILTER (lang(?zh) = "zh-hans" && lang(?en) = "en")
} ORDER BY ?p"""


def test_programs_have_chinese_and_english_names(built: Store) -> None:
    found = {r["p"]: (r["zh"], r["en"]) for r in rows(built, PROGRAMS)}
    assert len(found) == 27
    assert found[ID + "program/supply-chain-ecosystem-pilot"] == (
        "产业链供应链生态体系建设试点",
        "Industrial Chain and Supply Chain Ecosystem Construction Pilot",
    )
    nidz = found[ID + "program/independent-innovation-demonstration-zones"]
    agenda = found[ID + "program/sustainable-development-agenda-zones"]
    assert (nidz[0], agenda[0]) == ("国家自主创新示范区", "国家可持续发展议程创新示范区")


SOURCED = """
SELECT ?d ?doc ?url WHERE {
  ?d a cnd:Designation ; cnd:supportedBy ?claim .
  ?claim schema:appearance ?doc .
  ?doc schema:url ?url .
}"""


def test_every_designation_is_supported_by_a_sourced_claim(built: Store) -> None:
    total = rows(built, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cnd:Designation }")
    found = rows(built, SOURCED)
    assert total == [{"n": "2660"}]
    assert len({r["d"] for r in found}) == 2660
    assert len({r["doc"] for r in found}) == 39


BATCH = """
SELECT DISTINCT ?batch ?designee ?count ?coverage WHERE {
  ?d cnd:batch ?batch ; cnd:designee ?designee .
  ?batch cnd:memberCount ?count ; cnd:coverage ?coverage .
} ORDER BY ?designee"""


def test_supply_chain_batch_is_a_complete_list_of_twelve(built: Store) -> None:
    batch = ox.NamedNode(ID + "batch/supply-chain-ecosystem-pilot-2022")
    found = rows(built, BATCH, batch=batch)
    codes = [r["designee"].removeprefix(ID + "adm/") for r in found]
    twelve = "330100 420100 510100 350900 320600 370700 340100 430200 440100 440300 150200 230200"
    assert codes == sorted(twelve.split())
    assert {(r["count"], r["coverage"]) for r in found} == {
        ("12", ID + "concept/coverage/complete-official-list")
    }


def test_free_trade_zone_batch_holds_all_twenty_two(built: Store) -> None:
    found = rows(built, BATCH, batch=ox.NamedNode(ID + "batch/pilot-free-trade-zones-22"))
    assert len(found) == 22
    assert found[0]["designee"] == ID + "zone/ftz-anhui"
    assert found[-1]["designee"] == ID + "zone/ftz-zhejiang"
    assert {(r["count"], r["coverage"]) for r in found} == {
        ("22", ID + "concept/coverage/complete-official-list")
    }


def test_shanghai_ftz_dates_from_two_sources(built: Store) -> None:
    sparql = """SELECT ?decided ?from (COUNT(DISTINCT ?claim) AS ?claims) ?z WHERE {
      ?d cnd:designee ?z ; cnd:decisionDate ?decided ; cnd:validFrom ?from ;
         cnd:supportedBy ?claim } GROUP BY ?decided ?from ?z"""
    found = rows(built, sparql, z=ox.NamedNode(ID + "zone/ftz-shanghai"))
    # Three articles and the 2018 catalogue support the one designation.
    assert [(r["decided"], r["from"], r["claims"]) for r in found] == [
        ("2013-08-22", "2013-09-29", "4")
    ]


REPORTED = """
SELECT DISTINCT ?class ?designee ?region ?doc WHERE {
  ?f a ?class ; cnd:aboutDesignation ?d ; cnd:withinRegion ?region ; cnd:supportedBy ?c .
  ?d cnd:designee ?designee .
  ?c schema:appearance ?doc .
} ORDER BY ?class ?doc"""


def test_reported_only_and_first_in_region_claims(built: Store) -> None:
    cnd = "https://w3id.org/china-designations/def#"
    assert rows(built, REPORTED) == [
        {
            "class": cnd + "ReportedFirstInRegionFinding",
            "designee": ID + "cluster/ganzhou-rare-earth-cluster",
            "region": ID + "adm/360000",
            "doc": ID + "doc/cdsnjd-ganzhou-cluster-2022",
        },
        {
            "class": cnd + "ReportedOnlyInRegionFinding",
            "designee": ID + "zone/baotou-rare-earth-htz",
            "region": ID + "adm/150000",
            "doc": ID + "doc/rex-baotou-nkrdp-pilot",
        },
        {
            "class": cnd + "ReportedOnlyInRegionFinding",
            "designee": ID + "adm/150200",
            "region": ID + "adm/150000",
            "doc": ID + "doc/zcxmhw-baotou-supply-chain-2022",
        },
    ]


def test_uncertain_dates_stay_uncertain(built: Store) -> None:
    sparql = """SELECT ?z ?date ?basis WHERE {
      ?d cnd:designee ?z ; cnd:announcedOn ?date ; cnd:announcedOnBasis ?basis }"""
    found = rows(built, sparql, z=ox.NamedNode(ID + "zone/ganzhou-htz"))
    assert found == [{"date": "2018-02-24", "basis": ID + "concept/date-basis/inferred-year"}]


CHANGE = """
SELECT DISTINCT ?original ?resulting ?date ?basis ?status ?program WHERE {
  ?e a org:ChangeEvent ; org:originalOrganization ?original ;
     org:resultingOrganization ?resulting ; dcterms:date ?date ; cnd:dateBasis ?basis ;
     cnd:verificationStatus ?status ; dcterms:subject ?program .
  ?original org:changedBy ?e .
}"""


def test_high_tech_zone_guidance_moved_from_most_to_miit(built: Store) -> None:
    change = {
        "original": ID + "org/most",
        "resulting": ID + "org/miit",
        "date": "2023-03-07",
        "basis": ID + "concept/date-basis/stated",
        "status": ID + "concept/verification-status/unverified",
    }
    assert sorted(rows(built, CHANGE), key=lambda r: r["program"]) == [
        change | {"program": ID + "program/independent-innovation-demonstration-zones"},
        change | {"program": ID + "program/national-high-tech-zones"},
    ]


def test_outlets_carry_their_tiers(built: Store) -> None:
    sparql = "SELECT ?o ?tier WHERE { ?o cnd:sourceTier ?tier }"
    tiers = {
        slug: rows(built, sparql, o=ox.NamedNode(ID + f"org/{slug}"))[0]["tier"]
        for slug in ("xinhua", "baotou-daily", "rare-earth-exchanges", "gov-cn", "fx361")
    }
    assert {k: v.removeprefix(ID + "concept/source-tier/") for k, v in tiers.items()} == {
        "xinhua": "central-state-media",
        "baotou-daily": "local-state-media",
        "rare-earth-exchanges": "commercial",
        "gov-cn": "issuing-authority",
        "fx361": "aggregator",
    }
