"""Offline ontology lint: declared terms, labels, definitions, header, reused terms, schema.org."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    GEO,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    VANN,
    VOID,
    XSD,
    DefinedNamespace,
)
from rdflib.term import Node

from graph.namespaces import CND, OA, ONTOLOGY_IRI
from graph.paths import ONTOLOGY_DIR, ONTOLOGY_FILES, SHAPES_FILE
from graph.store import Store

CND_NS = str(CND._NS)
REUSED: tuple[type[DefinedNamespace], ...] = (
    PROV,
    SKOS,
    DCTERMS,
    ORG,
    SDO,
    RDF,
    RDFS,
    OWL,
    XSD,
    DCAT,
    GEO,
    SH,
    VANN,
    VOID,
)
HEADER = (DCTERMS.title, DCTERMS.description, DCTERMS.license, OWL.versionIRI)
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype)


def vocabulary_terms(ontology_dir: Path = ONTOLOGY_DIR) -> dict[str, frozenset[str]]:
    """Known local names per reused namespace: rdflib's copies plus the shipped OA list."""
    known = {
        str(ns._NS): frozenset(ns.__annotations__) | frozenset(getattr(ns, "_extras", ()))
        for ns in REUSED
    }
    lines = (ontology_dir / "vocabularies" / "oa.txt").read_text("utf-8").splitlines()
    known[str(OA)] = frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))
    return known


def load_ontology(ontology_dir: Path = ONTOLOGY_DIR) -> Graph:
    """The T-box and concept schemes as one graph."""
    g = Graph()
    for name in ONTOLOGY_FILES:
        g.parse(ontology_dir / name, format="turtle")
    return g


def declared_terms(ontology: Graph) -> set[URIRef]:
    """Every cnd: term the ontology declares as a class, property or datatype."""
    return {
        s
        for t in TERM_TYPES
        for s in ontology.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(CND_NS)
    }


def iris_in(triples: Iterable[tuple[Node, ...]]) -> set[URIRef]:
    """Every IRI in a collection of triples or quads, datatypes included."""
    found: set[URIRef] = set()
    for triple in triples:
        for term in triple:
            if isinstance(term, URIRef):
                found.add(term)
            datatype = getattr(term, "datatype", None)
            if datatype is not None:
                found.add(URIRef(datatype))
    return found


USED_TERMS = """
SELECT DISTINCT ?term WHERE {
  { ?s ?term ?o }
  UNION { ?s a ?term }
  UNION { ?s ?p ?o FILTER (isLiteral(?o)) BIND (datatype(?o) AS ?term) }
  UNION { ?s ?p ?term FILTER (isIRI(?term) && !STRSTARTS(STR(?term), STR(id:))) }
}"""


def used_terms(store: Store) -> set[URIRef]:
    """Every IRI a store uses as a predicate, class, datatype or object outside the project's
    instance namespace: what the lint checks against the vocabularies, read by one query."""
    return {URIRef(row["term"].value) for row in store.select(USED_TERMS) if "term" in row}


def check_terms(ontology: Graph, used: set[URIRef]) -> Iterator[str]:
    """Used cnd: terms must be declared; reused namespaces' terms must exist."""
    declared = declared_terms(ontology)
    for iri in sorted(used):
        text = str(iri)
        if text.startswith("http://schema.org/"):
            yield f"{iri}: uses http://schema.org/; the project uses https://schema.org/"
        elif text.startswith(CND_NS) and iri not in declared:
            yield f"{iri}: cnd: term is used but not declared in ontology/cnd.ttl"
    known = vocabulary_terms()
    for iri in sorted(used):
        for ns, names in known.items():
            local = str(iri)[len(ns) :]
            if str(iri).startswith(ns) and local and "/" not in local and local not in names:
                yield f"{iri}: no such term in {ns}"


def check_declarations(ontology: Graph) -> Iterator[str]:
    """Every declared term has English and Chinese labels and an English definition."""
    for term in sorted(declared_terms(ontology)):
        langs = {getattr(label, "language", None) for label in ontology.objects(term, RDFS.label)}
        for lang in ("en", "zh-Hans"):
            if lang not in langs:
                yield f"{term}: no rdfs:label in {lang}"
        defs = {getattr(d, "language", None) for d in ontology.objects(term, SKOS.definition)}
        if "en" not in defs:
            yield f"{term}: no skos:definition in en"


def check_header(ontology: Graph) -> Iterator[str]:
    """The ontology header names title, description, license and version IRI."""
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in ontology:
        yield f"{ONTOLOGY_IRI}: no owl:Ontology declaration"
    for p in HEADER:
        if ontology.value(ONTOLOGY_IRI, p) is None:
            yield f"{ONTOLOGY_IRI}: header lacks {p}"


def check_namespace_class(ontology: Graph) -> Iterator[str]:
    """The Python vocabulary and the ontology file declare the same names."""
    in_python = {URIRef(CND_NS + n) for n in CND.__annotations__}
    declared = declared_terms(ontology)
    for iri in sorted(in_python - declared):
        yield f"{iri}: in graph.namespaces.CND but not declared in ontology/cnd.ttl"
    for iri in sorted(declared - in_python):
        yield f"{iri}: declared in ontology/cnd.ttl but missing from graph.namespaces.CND"


def check_no_blank_nodes(ontology: Graph) -> Iterator[str]:
    """Ontology graphs loaded into the store carry no blank nodes (dumps must be stable)."""
    for s, p, o in ontology:
        if isinstance(s, BNode) or isinstance(o, BNode):
            yield f"{s} {p}: blank node in an ontology file loaded into the store"
            return


def lint(data: Iterable[tuple[Node, ...]] = (), ontology_dir: Path = ONTOLOGY_DIR) -> list[str]:
    """Every lint problem in the ontology files and the given data; empty when clean."""
    ontology = load_ontology(ontology_dir)
    shapes = Graph().parse(ontology_dir / SHAPES_FILE, format="turtle")
    used = iris_in(ontology) | iris_in(shapes) | iris_in(data)
    problems = list(check_header(ontology))
    problems += check_declarations(ontology)
    problems += check_namespace_class(ontology)
    problems += check_terms(ontology, used)
    problems += check_no_blank_nodes(ontology)
    for path in sorted(ontology_dir.rglob("*")):
        if path.is_file() and "http://schema.org/" in path.read_text("utf-8", errors="replace"):
            problems.append(f"{path.name}: mentions http://schema.org/")
    return problems
