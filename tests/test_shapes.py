"""SHACL shapes: the built seeds conform; counter-examples fail with clear messages."""

from __future__ import annotations

import pytest
from rdflib import Graph

from graph import Store, check
from graph.build.shapes import load_shapes, violations

PREFIXES = """
@prefix cnd: <https://w3id.org/china-designations/def#> .
@prefix id: <https://w3id.org/china-designations/id/> .
@prefix c: <https://w3id.org/china-designations/id/concept/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
"""

CONCEPTS = """
c:designation-type\\/regional-pilot skos:inScheme c:designation-type .
c:verification-status\\/unverified skos:inScheme c:verification-status .
"""

PLACES = """
id:adm\\/150000 a cnd:AdminDivision ; skos:notation "150000"^^cnd:gbt2260 ;
    cnd:adminLevel c:admin-level\\/province ;
    skos:prefLabel "内蒙古自治区"@zh-Hans , "Inner Mongolia"@en .
id:adm\\/160200 a cnd:AdminDivision ; skos:notation "160200"^^cnd:gbt2260 ;
    cnd:adminLevel c:admin-level\\/prefecture ; schema:containedInPlace id:adm\\/150000 ;
    skos:prefLabel "包头市"@zh-Hans , "Baotou"@en , "Paotow"@en .
id:zone\\/z a cnd:Zone ; schema:containedInPlace id:adm\\/160200 ; skos:prefLabel "Zone"@en .
id:org\\/miit a org:Organization ; skos:prefLabel "工业和信息化部"@zh-Hans .
id:program\\/p a cnd:Program ; cnd:issuedBy id:org\\/miit ; skos:prefLabel "试点"@zh-Hans ;
    cnd:coverage c:coverage\\/partial-news-corpus .
"""

DESIGNATION = """
id:designation\\/d a cnd:Designation ; cnd:designee id:zone\\/z ; cnd:designatedBy id:org\\/miit ;
    cnd:underProgram id:program\\/p ; cnd:designationType c:designation-type\\/regional-pilot ;
    cnd:level c:designation-level\\/national ;
    cnd:verificationStatus c:verification-status\\/unverified .
"""

ID = "https://w3id.org/china-designations/id/"


def test_built_seeds_conform(built: Store) -> None:
    assert check(built) == []


def test_counter_examples_fail_with_clear_messages() -> None:
    data = Graph().parse(data=PREFIXES + CONCEPTS + PLACES + DESIGNATION, format="turtle")
    assert violations(data, load_shapes()) == [
        f"{ID}adm/160200 <http://www.w3.org/2004/02/skos/core#prefLabel>: Labels: one prefLabel "
        "per language (zh-Hans, en, zh-Latn-pinyin), zh-Hans required.",
        f"{ID}adm/160200 <https://schema.org/containedInPlace>: The parent division's code is "
        "not a prefix of this division's code.",
        f"{ID}designation/d <https://w3id.org/china-designations/def#supportedBy>: A designation "
        "needs at least one supporting claim (source evidence).",
        f"{ID}zone/z <http://www.w3.org/2004/02/skos/core#prefLabel>: Labels: one prefLabel per "
        "language (zh-Hans, en, zh-Latn-pinyin), zh-Hans required.",
    ]


def test_designation_without_level_or_program_is_named() -> None:
    broken = DESIGNATION.replace("cnd:underProgram id:program\\/p ;", "").replace(
        "cnd:level c:designation-level\\/national ;", ""
    )
    data = Graph().parse(data=PREFIXES + CONCEPTS + PLACES + broken, format="turtle")
    lines = [v for v in violations(data, load_shapes()) if "designation/d" in v]
    assert lines == [
        f"{ID}designation/d <https://w3id.org/china-designations/def#level>: A designation needs "
        "exactly one level: national, provincial or municipal.",
        f"{ID}designation/d <https://w3id.org/china-designations/def#supportedBy>: A designation "
        "needs at least one supporting claim (source evidence).",
        f"{ID}designation/d <https://w3id.org/china-designations/def#underProgram>: A designation "
        "needs exactly one program.",
    ]


CLAIM = """
c:claim-kind\\/designation skos:inScheme c:claim-kind .
id:doc\\/a a prov:Entity .
id:run\\/r a prov:Activity .
id:claim\\/c a cnd:Claim ; schema:appearance id:doc\\/a ; cnd:claimKind c:claim-kind\\/designation ;
    cnd:verificationStatus c:verification-status\\/unverified ; prov:wasGeneratedBy id:run\\/r .
"""
QUOTE = """
id:annotation\\/a a oa:Annotation ; oa:hasBody id:claim\\/c .
"""
NONE_AT_HAND = """
id:claim\\/c cnd:evidenceAvailability c:evidence-availability\\/none-at-hand .
"""


@pytest.mark.parametrize(
    ("evidence", "conforms"),
    [("", False), (QUOTE, True), (NONE_AT_HAND, True), (QUOTE + NONE_AT_HAND, False)],
    ids=["neither", "a quote", "none at hand", "both"],
)
def test_a_claim_has_a_quote_or_says_none_is_at_hand(evidence: str, conforms: bool) -> None:
    prefixes = PREFIXES + "@prefix oa: <http://www.w3.org/ns/oa#> .\n"
    data = Graph().parse(data=prefixes + CONCEPTS + CLAIM + evidence, format="turtle")
    found = [v for v in violations(data, load_shapes()) if "claim/c" in v]
    expected = [
        f"{ID}claim/c: A claim carries at least one evidence quote, or says that no wording of "
        "the source was at hand (cnd:evidenceAvailability none-at-hand); never both, never "
        "neither."
    ]
    assert found == ([] if conforms else expected)
