"""Map one validated source record to quads in that document's named graph."""

from __future__ import annotations

import hashlib

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graph import iris
from graph.build.quads import Quad, date_literal, in_graph
from graph.build.records import (
    CitedDocument,
    DateValue,
    Designation,
    Document,
    Evidence,
    Record,
    quotes,
)
from graph.build.records import ReportedClaim as ReportedClaimModel
from graph.namespaces import CND, OA, SCHEMA, concept, source_graph

Triples = list[tuple[Node, Node, Node]]

DOCUMENT_CLASSES = {
    "news-article": SCHEMA.NewsArticle,
    "official-notice": SCHEMA.Article,
    "web-page": SCHEMA.WebPage,
    "report": SCHEMA.Report,
    "standard": SCHEMA.CreativeWork,
}
FINDING_CLASSES = {
    "only-in-region": CND.ReportedOnlyInRegionFinding,
    "first-in-region": CND.ReportedFirstInRegionFinding,
}
NONE_AT_HAND = concept("evidence-availability", "none-at-hand")
DATE_FIELDS = (
    ("announced", CND.announcedOn, CND.announcedOnBasis),
    ("decided", CND.decisionDate, CND.decisionDateBasis),
    ("valid_from", CND.validFrom, CND.validFromBasis),
    ("valid_until", CND.validUntil, CND.validUntilBasis),
)


def dated(s: URIRef, date: DateValue, value_p: URIRef, basis_p: URIRef) -> Triples:
    """A date at its precision, how it was obtained and, when not stated, the note saying how."""
    out: Triples = [
        (s, value_p, date_literal(date)),
        (s, basis_p, concept("date-basis", date.basis)),
    ]
    if date.note:
        out.append((s, SKOS.editorialNote, Literal(date.note, lang="en")))
    return out


def cited_triples(c: CitedDocument) -> Triples:
    """A document that the recorded one cites, and what it cites in turn."""
    s = iris.document(c.slug)
    out: Triples = [
        (s, RDF.type, SCHEMA.NewsArticle),
        (s, RDF.type, PROV.Entity),
        (s, DCTERMS.publisher, iris.entity(c.outlet)),
    ]
    if c.title:
        out.append((s, DCTERMS.title, Literal(c.title, lang=c.language or "en")))
    if c.url:
        out.append((s, SCHEMA.url, Literal(c.url, datatype=XSD.anyURI)))
    if c.language:
        out.append((s, DCTERMS.language, Literal(c.language, datatype=XSD.language)))
    if c.published:
        out += dated(s, c.published, DCTERMS.issued, CND.issuedBasis)
    for inner in c.cites:
        out += [(s, PROV.wasQuotedFrom, iris.document(inner.slug)), *cited_triples(inner)]
    return out


def document_triples(doc: Document, review: str, text: str | None) -> Triples:
    """The document with its outlet, date, language, caveats and chain of reporting."""
    s = iris.document(doc.slug)
    out: Triples = [
        (s, RDF.type, DOCUMENT_CLASSES[doc.kind]),
        (s, RDF.type, PROV.Entity),
        (s, DCTERMS.title, Literal(doc.title, lang=doc.language)),
        (s, DCTERMS.publisher, iris.entity(doc.outlet)),
        (s, DCTERMS.language, Literal(doc.language, datatype=XSD.language)),
        (s, CND.reviewStatus, concept("review-status", review)),
    ]
    if doc.url:
        out.append((s, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.published:
        out += dated(s, doc.published, DCTERMS.issued, CND.issuedBasis)
    if doc.summary:
        out.append((s, DCTERMS.abstract, Literal(doc.summary.strip(), lang="en")))
    for caveat in doc.caveats:
        out.append((s, CND.caveat, concept("caveat", caveat.kind)))
        if caveat.note:
            out.append((s, SKOS.scopeNote, Literal(caveat.note, lang="en")))
    for cited in doc.cites:
        out += [(s, PROV.wasQuotedFrom, iris.document(cited.slug)), *cited_triples(cited)]
    if text is not None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        out.append((s, DCTERMS.identifier, Literal(f"sha256:{digest}")))
    return out


def evidence_triples(claim: URIRef, doc: URIRef, ev: Evidence) -> Triples:
    """A Web Annotation tying a claim to a quote (and its position) in the document."""
    a = iris.annotation(str(claim), ev.quote, ev.start)
    target, quote = URIRef(f"{a}/target"), URIRef(f"{a}/quote")
    out: Triples = [
        (a, RDF.type, OA.Annotation),
        (a, OA.motivatedBy, OA.describing),
        (a, OA.hasBody, claim),
        (a, OA.hasTarget, target),
        (target, RDF.type, OA.SpecificResource),
        (target, OA.hasSource, doc),
        (target, OA.hasSelector, quote),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, Literal(ev.quote)),
    ]
    if ev.start is not None and ev.end is not None:
        position = URIRef(f"{a}/position")
        out += [
            (target, OA.hasSelector, position),
            (position, RDF.type, OA.TextPositionSelector),
            (position, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)),
            (position, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)),
        ]
    return out


def claim_triples(
    claim: URIRef, record: Record, kind: str, statement: str, status: str | None
) -> Triples:
    """A claim: which document states it, what kind it is, its status and the recording run."""
    doc = record.document.slug
    run = iris.run("curation" if record.review == "reviewed" else "extraction", doc)
    return [
        (claim, RDF.type, CND.Claim),
        (claim, SCHEMA.appearance, iris.document(doc)),
        (claim, CND.claimKind, concept("claim-kind", kind)),
        (
            claim,
            CND.verificationStatus,
            concept("verification-status", status or record.verification),
        ),
        (claim, RDFS.comment, Literal(" ".join(statement.split()), lang="en")),
        (claim, PROV.wasGeneratedBy, run),
    ]


def designation_iri(d: Designation) -> URIRef:
    """The designation's IRI from its canonical key."""
    return iris.designation(d.designee, d.program, d.designation_type, d.batch)


def designation_triples(record: Record, d: Designation) -> Triples:
    """A designation node, the claim that supports it, and that claim's evidence."""
    s = designation_iri(d)
    claim = iris.claim(record.document.slug, "designation", str(s))
    out: Triples = [
        (s, RDF.type, CND.Designation),
        (s, CND.designee, iris.entity(d.designee)),
        (s, CND.underProgram, iris.program(d.program)),
        (s, CND.designationType, concept("designation-type", d.designation_type)),
        (s, CND.level, concept("designation-level", d.level)),
        (s, CND.supportedBy, claim),
    ]
    out += [(s, CND.designatedBy, iris.entity(o)) for o in d.designated_by]
    if d.batch:
        out.append((s, CND.batch, iris.batch(d.batch)))
    for field, value_p, basis_p in DATE_FIELDS:
        date = getattr(d, field)
        if date is not None:
            out += dated(s, date, value_p, basis_p)
    if d.retracted:
        out.append((s, CND.retracted, Literal(True)))
    out += claim_triples(claim, record, "designation", d.statement, d.verification)
    out += evidence_of(claim, iris.document(record.document.slug), d.evidence)
    return out


def evidence_of(claim: URIRef, doc: URIRef, evidence: list[Evidence] | str) -> Triples:
    """A claim's quotes, or the statement that no wording of the source was at hand."""
    if isinstance(evidence, str):
        return [(claim, CND.evidenceAvailability, NONE_AT_HAND)]
    return [t for ev in quotes(evidence) for t in evidence_triples(claim, doc, ev)]


def reported_triples(record: Record, c: ReportedClaimModel) -> Triples:
    """A reported claim ("only", "first", a count) and, for only/first, its reported finding."""
    keyed = {d.key: designation_iri(d) for d in record.designations}
    about = keyed[c.about] if c.about else None
    key = [str(about or ""), c.region or "", c.region_level or "", str(c.count or "")]
    claim = iris.claim(record.document.slug, c.kind, *key)
    out = claim_triples(claim, record, c.kind, c.statement, c.verification)
    if about is not None:
        out.append((claim, SCHEMA.about, about))
    if c.count is not None:
        out.append((claim, CND.memberCount, Literal(c.count, datatype=XSD.nonNegativeInteger)))
    finding_class = FINDING_CLASSES.get(c.kind)
    if finding_class is not None and about is not None and c.region and c.region_level:
        f = iris.finding("reported", str(claim))
        out += [
            (f, RDF.type, finding_class),
            (f, CND.aboutDesignation, about),
            (f, CND.withinRegion, iris.entity(c.region)),
            (f, CND.regionLevel, concept("admin-level", c.region_level)),
            (f, CND.supportedBy, claim),
        ]
    out += evidence_of(claim, iris.document(record.document.slug), c.evidence)
    return out


def activity_triples(record: Record) -> Triples:
    """The curation or extraction activity that recorded the document's claims."""
    reviewed = record.review == "reviewed"
    run = iris.run("curation" if reviewed else "extraction", record.document.slug)
    agent = iris.agent("curator" if reviewed else "extractor")
    return [
        (run, RDF.type, PROV.Activity),
        (run, PROV.used, iris.document(record.document.slug)),
        (run, PROV.wasAssociatedWith, agent),
        (agent, RDF.type, PROV.SoftwareAgent if not reviewed else PROV.Agent),
    ]


def map_record(record: Record, text: str | None = None) -> list[Quad]:
    """Every quad one record yields, in the document's named graph."""
    triples = document_triples(record.document, record.review, text)
    triples += activity_triples(record)
    for d in record.designations:
        triples += designation_triples(record, d)
    for c in record.claims:
        triples += reported_triples(record, c)
    return in_graph(triples, source_graph(record.document.slug))
