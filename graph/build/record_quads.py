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
    Revision,
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


def claim_iri(record: Record, kind: str, *key: str) -> URIRef:
    """A claim's IRI; a machine draft's claims are told apart from a person's review of them."""
    machine = ("machine",) if record.review == "unreviewed" else ()
    return iris.claim(record.document.slug, kind, *key, *machine)


def run_of(record: Record) -> URIRef:
    """The activity that recorded a record's claims: a curation, a review or an extraction."""
    kind = "extraction" if record.review == "unreviewed" else "curation"
    return iris.run("review" if record.revision else kind, record.document.slug)


def claim_triples(
    claim: URIRef, record: Record, kind: str, statement: str, status: str | None
) -> Triples:
    """A claim: which document states it, what kind it is, its status and the recording run."""
    doc = record.document.slug
    run = run_of(record)
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
    claim = claim_iri(record, "designation", str(s))
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
    claim = claim_iri(record, c.kind, *key)
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
    """The curation, review or extraction activity that recorded the document's claims."""
    reviewed = record.review == "reviewed"
    run = run_of(record)
    agent = iris.agent("curator" if reviewed else "extractor")
    out: Triples = [
        (run, RDF.type, PROV.Activity),
        (run, PROV.used, iris.document(record.document.slug)),
    ]
    if record.revision is None:
        kind = PROV.SoftwareAgent if not reviewed else PROV.Agent
        return [*out, (run, PROV.wasAssociatedWith, agent), (agent, RDF.type, kind)]
    return out + review_triples(run, record.revision)


def reviewer_iri(name: str) -> URIRef:
    """The IRI of a person who reviews drafts, from their name."""
    return iris.agent(f"reviewer-{iris.hash12(' '.join(name.split()))}")


def review_triples(run: URIRef, revision: Revision) -> Triples:
    """A person's review of a draft: who, when, what was decided."""
    person = reviewer_iri(revision.reviewer)
    out: Triples = [
        (run, PROV.wasAssociatedWith, person),
        (run, PROV.endedAtTime, Literal(revision.at.isoformat(), datatype=XSD.dateTime)),
        (
            run,
            RDFS.label,
            Literal(f"review of draft {revision.of}: {revision.decision}", lang="en"),
        ),
        (person, RDF.type, PROV.Person),
        (person, RDF.type, PROV.Agent),
        (person, RDFS.label, Literal(revision.reviewer)),
    ]
    if revision.note:
        out.append((run, RDFS.comment, Literal(revision.note, lang="en")))
    return out


def revision_triples(record: Record, draft: Record) -> Triples:
    """Each reviewed designation's claim as a revision of the machine draft's claim for the
    same designation key, the draft's claim described as what the extractor generated."""
    machine = {
        d.key: claim_iri(draft, "designation", str(designation_iri(d))) for d in draft.designations
    }
    extraction = iris.run("extraction", draft.document.slug)
    person = reviewer_iri(record.revision.reviewer) if record.revision else None
    out: Triples = [
        (extraction, RDF.type, PROV.Activity),
        (extraction, PROV.wasAssociatedWith, iris.agent("extractor")),
        (iris.agent("extractor"), RDF.type, PROV.SoftwareAgent),
    ]
    for d in record.designations:
        claim = claim_iri(record, "designation", str(designation_iri(d)))
        if person is not None:
            out.append((claim, PROV.wasAttributedTo, person))
        if d.key in machine:
            out += [
                (claim, PROV.wasRevisionOf, machine[d.key]),
                (machine[d.key], RDF.type, PROV.Entity),
                (machine[d.key], PROV.wasGeneratedBy, extraction),
            ]
    return out


def map_record(record: Record, text: str | None = None, draft: Record | None = None) -> list[Quad]:
    """Every quad one record yields, in the document's named graph; a reviewed record is
    linked to the machine draft it revises."""
    triples = document_triples(record.document, record.review, text)
    triples += activity_triples(record)
    for d in record.designations:
        triples += designation_triples(record, d)
    for c in record.claims:
        triples += reported_triples(record, c)
    if draft is not None:
        triples += revision_triples(record, draft)
    return in_graph(triples, source_graph(record.document.slug))
