"""Ontology lint: clean on the project's files, and each rule fires on a counter-example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.build.lint import lint
from graph.namespaces import CND
from graph.paths import ONTOLOGY_DIR

CND_NS = "https://w3id.org/china-designations/def#"
S = URIRef("https://w3id.org/china-designations/id/zone/x")


@pytest.fixture
def ontology(tmp_path: Path) -> Path:
    """A private copy of the ontology folder to break."""
    shutil.copytree(ONTOLOGY_DIR, tmp_path / "ontology")
    return tmp_path / "ontology"


def test_project_ontology_is_clean() -> None:
    assert lint() == []


def test_cnd_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = CND.designeee


def test_undeclared_cnd_term_in_data() -> None:
    data = [(S, URIRef(CND_NS + "approvedBy"), S)]
    assert lint(data) == [
        f"{CND_NS}approvedBy: cnd: term is used but not declared in ontology/cnd.ttl"
    ]


def test_http_schema_org_in_data() -> None:
    data = [(S, URIRef("http://schema.org/containedInPlace"), S)]
    assert lint(data) == [
        "http://schema.org/containedInPlace: uses http://schema.org/; "
        "the project uses https://schema.org/"
    ]


@pytest.mark.parametrize(
    "iri",
    [
        "http://www.w3.org/ns/prov#wasApprovedBy",
        "https://schema.org/containedInRegion",
        "http://www.w3.org/2004/02/skos/core#preferredLabel",
        "http://www.w3.org/ns/oa#hasQuote",
    ],
)
def test_reused_term_that_does_not_exist(iri: str) -> None:
    ns = iri.rsplit("#", 1)[0] + "#" if "#" in iri else iri.rsplit("/", 1)[0] + "/"
    assert lint([(S, URIRef(iri), Literal("x"))]) == [f"{iri}: no such term in {ns}"]


def test_term_without_chinese_label_or_definition(ontology: Path) -> None:
    path = ontology / "cnd.ttl"
    text = path.read_text("utf-8")
    text = text.replace(' , "批次序号"@zh-Hans', "")
    text = text.replace(
        'skos:definition "The number of a batch within its program, as in the Nth batch."@en .',
        'rdfs:comment "no definition"@en .',
    )
    path.write_text(text, "utf-8")
    assert lint(ontology_dir=ontology) == [
        f"{CND_NS}ordinal: no rdfs:label in zh-Hans",
        f"{CND_NS}ordinal: no skos:definition in en",
    ]


def test_header_without_license(ontology: Path) -> None:
    path = ontology / "cnd.ttl"
    text = path.read_text("utf-8").replace(
        "    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;\n", ""
    )
    path.write_text(text, "utf-8")
    assert lint(ontology_dir=ontology) == [
        "https://w3id.org/china-designations/def: header lacks http://purl.org/dc/terms/license"
    ]


def test_http_schema_org_in_an_ontology_file(ontology: Path) -> None:
    (ontology / "extra.md").write_text("see http://schema.org/Place", "utf-8")
    assert lint(ontology_dir=ontology) == ["extra.md: mentions http://schema.org/"]
