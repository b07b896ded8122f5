"""The project's namespaces: one closed `cnd:` vocabulary and the instance base."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/china-designations/"
ID = Namespace(BASE + "id/")
ONTOLOGY_IRI = URIRef(BASE + "def")

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")


class CND(DefinedNamespace):
    """The China Designations vocabulary; every name here is declared in ontology/cnd.ttl."""

    _fail = True
    _NS = Namespace(BASE + "def#")

    # classes
    Designation: URIRef
    Program: URIRef
    Batch: URIRef
    Zone: URIRef
    Cluster: URIRef
    AdminDivision: URIRef
    Claim: URIRef
    OnlyInRegionFinding: URIRef
    FirstInRegionFinding: URIRef
    ReportedOnlyInRegionFinding: URIRef
    ReportedFirstInRegionFinding: URIRef
    ClaimVerdict: URIRef
    Tally: URIRef
    CoDesignation: URIRef
    DerivationRun: URIRef
    Snapshot: URIRef

    # designation record
    designee: URIRef
    designatedBy: URIRef
    underProgram: URIRef
    designationType: URIRef
    batch: URIRef
    announcedOn: URIRef
    decisionDate: URIRef
    validFrom: URIRef
    validUntil: URIRef
    announcedOnBasis: URIRef
    decisionDateBasis: URIRef
    validFromBasis: URIRef
    validUntilBasis: URIRef
    level: URIRef
    verificationStatus: URIRef
    supportedBy: URIRef
    retracted: URIRef

    # programs, batches, places, organisations, documents
    issuedBy: URIRef
    ordinal: URIRef
    memberCount: URIRef
    coverage: URIRef
    adminLevel: URIRef
    sourceTier: URIRef
    caveat: URIRef
    issuedBasis: URIRef
    dateBasis: URIRef
    reviewStatus: URIRef
    labelBasis: URIRef
    locationBasis: URIRef
    zoneType: URIRef
    evidenceAvailability: URIRef

    # claims and findings
    claimKind: URIRef
    aboutDesignation: URIRef
    withinRegion: URIRef
    regionLevel: URIRef
    candidateCount: URIRef
    validAsOf: URIRef
    corroborates: URIRef
    contradicts: URIRef
    verdict: URIRef
    aboutClaim: URIRef
    computedFinding: URIRef

    # derived tallies and networks
    countScope: URIRef
    designationCount: URIRef
    tallyOf: URIRef
    rank: URIRef
    coDesignee: URIRef
    sharedPrograms: URIRef

    # datatypes
    gbt2260: URIRef
    nonStandardDivisionCode: URIRef
    nbsStatCode: URIRef
    gbt37028: URIRef
    iso3166: URIRef


def graph_iri(name: str) -> URIRef:
    """The IRI of a named graph: ontology, reference, derived or source/{slug}."""
    return ID[f"graph/{name}"]


ONTOLOGY_GRAPH = graph_iri("ontology")
REFERENCE_GRAPH = graph_iri("reference")
DERIVED_GRAPH = graph_iri("derived")


def source_graph(doc_slug: str) -> URIRef:
    """The named graph holding what one source document states."""
    return graph_iri(f"source/{doc_slug}")


def concept(scheme: str, slug: str) -> URIRef:
    """A SKOS concept IRI: id/concept/{scheme}/{slug}."""
    return ID[f"concept/{scheme}/{slug}"]


def scheme(name: str) -> URIRef:
    """A SKOS concept scheme IRI: id/concept/{scheme}."""
    return ID[f"concept/{name}"]


PREFIXES: dict[str, str] = {
    "cnd": str(CND._NS),
    "id": str(ID),
    "org": str(ORG),
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": str(SCHEMA),
    "oa": str(OA),
    "geo": str(GEO),
    "dcat": str(DCAT),
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "void": str(VOID),
}


def sparql_prologue() -> str:
    """PREFIX declarations for every namespace the project uses."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
