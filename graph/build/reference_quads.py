"""Map reference data (divisions, organisations, programs, batches, zones, clusters) to quads."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graph import iris
from graph.build.divisions import Division
from graph.build.quads import Quad, date_literal, in_graph, label_triples
from graph.build.reference import (
    Batch,
    ChangeEvent,
    Cluster,
    Organisation,
    Program,
    Reference,
    Zone,
)
from graph.namespaces import CND, GEO, ORG, REFERENCE_GRAPH, SCHEMA, concept

Triples = list[tuple[Node, Node, Node]]
LABEL_BASIS = {True: concept("label-basis", "curated"), False: concept("label-basis", "generated")}

ORG_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "government": (ORG.FormalOrganization, SCHEMA.GovernmentOrganization),
    "ministry": (ORG.FormalOrganization, SCHEMA.GovernmentOrganization),
    "agency": (ORG.FormalOrganization, SCHEMA.GovernmentOrganization),
    "department": (ORG.OrganizationalUnit, SCHEMA.GovernmentOrganization),
    "committee": (ORG.OrganizationalUnit, SCHEMA.GovernmentOrganization),
    "outlet": (ORG.FormalOrganization, SCHEMA.NewsMediaOrganization),
    "enterprise": (ORG.FormalOrganization, SCHEMA.Corporation),
    "institute": (ORG.FormalOrganization, SCHEMA.ResearchOrganization),
    "association": (ORG.FormalOrganization, SCHEMA.NGO),
}


def division_triples(d: Division) -> Triples:
    """An administrative division with code, level, parent, labels, years of validity, successors
    and point geometry. A unit GB/T 2260 does not list has a code of its own datatype."""
    s = iris.division(d.key)
    code_type = CND.gbt2260 if d.statutory else CND.nonStandardDivisionCode
    out: Triples = [
        (s, RDF.type, CND.AdminDivision),
        (s, SKOS.notation, Literal(d.code, datatype=code_type)),
        (s, CND.adminLevel, concept("admin-level", d.level)),
        (s, SKOS.prefLabel, Literal(d.zh, lang="zh-Hans")),
        (s, SKOS.prefLabel, Literal(d.en, lang="en")),
        (s, SKOS.prefLabel, Literal(d.pinyin, lang="zh-Latn-pinyin")),
        (s, CND.labelBasis, LABEL_BASIS[d.curated]),
    ]
    out += [(s, SKOS.altLabel, Literal(t, lang="en")) for t in d.alt_en]
    if d.parent:
        out.append((s, SCHEMA.containedInPlace, iris.division(d.parent)))
    if d.valid_from is not None:
        out.append((s, CND.validFrom, Literal(str(d.valid_from), datatype=XSD.gYear)))
    if d.valid_until is not None:
        out.append((s, CND.validUntil, Literal(str(d.valid_until), datatype=XSD.gYear)))
    out += [(s, DCTERMS.isReplacedBy, iris.division(k)) for k in d.successors]
    if d.iso:
        out.append((s, SKOS.notation, Literal(d.iso, datatype=CND.iso3166)))
    if d.longitude is not None and d.latitude is not None:
        geometry = URIRef(f"{s}/geometry")
        wkt = f"POINT({d.longitude} {d.latitude})"
        out += [
            (s, GEO.hasGeometry, geometry),
            (geometry, RDF.type, GEO.Geometry),
            (geometry, GEO.asWKT, Literal(wkt, datatype=GEO.wktLiteral)),
        ]
    return out


def organisation_triples(o: Organisation) -> Triples:
    """An organisation with its classes, labels, parent and, for outlets, source tier."""
    s = iris.entity(f"org/{o.slug}")
    out: Triples = [(s, RDF.type, ORG.Organization)]
    out += [(s, RDF.type, c) for c in ORG_CLASSES[o.kind]]
    out += label_triples(s, o.names)
    if o.parent:
        out.append((s, ORG.subOrganizationOf, iris.entity(o.parent)))
    if o.tier:
        out.append((s, CND.sourceTier, concept("source-tier", o.tier)))
    if o.located_in:
        out.append((s, SCHEMA.location, iris.entity(o.located_in)))
    if o.url:
        out.append((s, SCHEMA.url, Literal(o.url, datatype=XSD.anyURI)))
    if o.note:
        out.append((s, RDFS.comment, Literal(o.note, lang="en")))
    return out


def batch_triples(b: Batch, program_slug: str) -> Triples:
    """A batch of a program, with its date, size and coverage."""
    s = iris.batch(b.slug)
    out: Triples = [
        (s, RDF.type, CND.Batch),
        (s, DCTERMS.isPartOf, iris.program(program_slug)),
        (s, CND.coverage, concept("coverage", b.coverage)),
    ]
    out += label_triples(s, b.names)
    if b.ordinal is not None:
        out.append((s, CND.ordinal, Literal(b.ordinal, datatype=XSD.positiveInteger)))
    if b.issued:
        out += [
            (s, DCTERMS.issued, date_literal(b.issued)),
            (s, CND.issuedBasis, concept("date-basis", b.issued.basis)),
        ]
        if b.issued.note:
            out.append((s, SKOS.editorialNote, Literal(b.issued.note, lang="en")))
    if b.member_count is not None:
        out.append((s, CND.memberCount, Literal(b.member_count, datatype=XSD.positiveInteger)))
    if b.valid_as_of:
        out.append((s, CND.validAsOf, date_literal(b.valid_as_of)))
    if b.source:
        out.append((s, DCTERMS.source, URIRef(b.source)))
    if b.note:
        out.append((s, RDFS.comment, Literal(" ".join(b.note.split()), lang="en")))
    return out


def program_triples(p: Program) -> Triples:
    """A program with its issuers, parent, designation type, sources and batches."""
    s = iris.program(p.slug)
    out: Triples = [(s, RDF.type, CND.Program), (s, CND.coverage, concept("coverage", p.coverage))]
    out += label_triples(s, p.names)
    out += [(s, CND.issuedBy, iris.entity(i)) for i in p.issuers]
    out += [(s, DCTERMS.source, URIRef(u)) for u in p.sources]
    if p.parent:
        out.append((s, DCTERMS.isPartOf, iris.program(p.parent)))
    if p.designation_type:
        out.append((s, CND.designationType, concept("designation-type", p.designation_type)))
    if p.note:
        out.append((s, RDFS.comment, Literal(p.note, lang="en")))
    for b in p.batches:
        out += batch_triples(b, p.slug)
    return out


def zone_triples(z: Zone) -> Triples:
    """A development zone located in its division, with its statistical codes."""
    s = iris.entity(f"zone/{z.slug}")
    out: Triples = [
        (s, RDF.type, CND.Zone),
        (s, SCHEMA.containedInPlace, iris.entity(z.located_in)),
    ]
    out += label_triples(s, z.names)
    out.append((s, CND.labelBasis, concept("label-basis", z.label_basis)))
    if z.location_basis:
        out.append((s, CND.locationBasis, concept("location-basis", z.location_basis)))
    if z.zone_type:
        out.append((s, CND.zoneType, concept("zone-type", z.zone_type)))
    if z.nbs_code:
        out.append((s, SKOS.notation, Literal(z.nbs_code, datatype=CND.nbsStatCode)))
    if z.gbt37028:
        out.append((s, SKOS.notation, Literal(z.gbt37028, datatype=CND.gbt37028)))
    out += [(s, DCTERMS.source, URIRef(u)) for u in z.sources]
    if z.note:
        out.append((s, RDFS.comment, Literal(z.note, lang="en")))
    return out


def cluster_triples(c: Cluster) -> Triples:
    """An industrial cluster located in each of its divisions."""
    s = iris.entity(f"cluster/{c.slug}")
    out: Triples = [(s, RDF.type, CND.Cluster)]
    out += [(s, SCHEMA.containedInPlace, iris.entity(p)) for p in c.located_in]
    out += label_triples(s, c.names)
    out.append((s, CND.labelBasis, concept("label-basis", c.label_basis)))
    out += [(s, DCTERMS.source, URIRef(u)) for u in c.sources]
    if c.note:
        out.append((s, RDFS.comment, Literal(c.note, lang="en")))
    return out


def change_event_triples(e: ChangeEvent) -> Triples:
    """An org:ChangeEvent: the organisations before and after, its date, and what it concerns."""
    s = iris.change_event(e.slug)
    out: Triples = [(s, RDF.type, ORG.ChangeEvent), (s, RDF.type, PROV.Activity)]
    out += label_triples(s, e.names)
    out += [(s, ORG.originalOrganization, iris.entity(o)) for o in e.original]
    out += [(s, ORG.resultingOrganization, iris.entity(o)) for o in e.resulting]
    out += [(iris.entity(o), ORG.changedBy, s) for o in sorted({*e.original, *e.resulting})]
    out += [(s, DCTERMS.subject, iris.program(p)) for p in e.concerns]
    out.append((s, DCTERMS.description, Literal(" ".join(e.description.split()), lang="en")))
    if e.date:
        out += [
            (s, DCTERMS.date, date_literal(e.date)),
            (s, CND.dateBasis, concept("date-basis", e.date.basis)),
        ]
        if e.date.note:
            out.append((s, SKOS.editorialNote, Literal(e.date.note, lang="en")))
    if e.verification:
        out.append((s, CND.verificationStatus, concept("verification-status", e.verification)))
    out += [(s, DCTERMS.source, URIRef(u)) for u in e.sources]
    return out


def map_reference(reference: Reference, divisions: list[Division]) -> Iterator[Quad]:
    """Every reference quad, in the reference graph."""
    for d in divisions:
        yield from in_graph(division_triples(d), REFERENCE_GRAPH)
    for o in reference.organisations:
        yield from in_graph(organisation_triples(o), REFERENCE_GRAPH)
    for p in reference.programs:
        yield from in_graph(program_triples(p), REFERENCE_GRAPH)
    for z in reference.zones:
        yield from in_graph(zone_triples(z), REFERENCE_GRAPH)
    for c in reference.clusters:
        yield from in_graph(cluster_triples(c), REFERENCE_GRAPH)
    for e in reference.change_events:
        yield from in_graph(change_event_triples(e), REFERENCE_GRAPH)
