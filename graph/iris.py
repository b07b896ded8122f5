"""Deterministic IRIs: slugs for named things, hashes of canonical keys for records."""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from graph.namespaces import ID


def hash12(*parts: str) -> str:
    """The first 12 hex digits of the SHA-256 of the parts joined by '|'."""
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:12]


def entity(ref: str) -> URIRef:
    """The IRI of an entity reference such as "zone/baotou-rare-earth-htz" or "adm/150200"."""
    return ID[ref]


def division(code: str) -> URIRef:
    """The IRI of an administrative division by its GB/T 2260 code."""
    return ID[f"adm/{code}"]


def program(slug: str) -> URIRef:
    """The IRI of a program."""
    return ID[f"program/{slug}"]


def batch(slug: str) -> URIRef:
    """The IRI of a batch."""
    return ID[f"batch/{slug}"]


def change_event(slug: str) -> URIRef:
    """The IRI of an organisational change event."""
    return ID[f"org/change/{slug}"]


def document(slug: str) -> URIRef:
    """The IRI of a source document."""
    return ID[f"doc/{slug}"]


def designation(designee: str, program_slug: str, kind: str, batch_slug: str | None) -> URIRef:
    """A designation's IRI from its canonical key: designee, program, type and batch."""
    return ID[f"designation/{hash12(designee, program_slug, kind, batch_slug or '')}"]


def claim(doc_slug: str, kind: str, *key: str) -> URIRef:
    """A claim's IRI from the document, the claim kind and what the claim is about."""
    return ID[f"claim/{hash12(doc_slug, kind, *key)}"]


def finding(*key: str) -> URIRef:
    """A finding's IRI from its canonical key (rule or claim, designation, region, level)."""
    return ID[f"finding/{hash12(*key)}"]


def annotation(claim_iri: str, quote: str, start: int | None) -> URIRef:
    """The IRI of an evidence annotation on a claim."""
    return ID[f"annotation/{hash12(claim_iri, quote, str(start))}"]


def run(kind: str, key: str) -> URIRef:
    """The IRI of an activity: a curation, extraction or derivation run."""
    return ID[f"run/{kind}-{key}"]


def agent(name: str) -> URIRef:
    """The IRI of a software or human agent."""
    return ID[f"agent/{name}"]


def rule(slug: str, version: int) -> URIRef:
    """The IRI of a versioned derivation rule (a prov:Plan)."""
    return ID[f"rule/{slug}-v{version}"]


def snapshot(digest: str) -> URIRef:
    """The IRI of a data snapshot, named by the hash of its canonical dump."""
    return ID[f"snapshot/{digest[:12]}"]
