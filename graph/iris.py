"""Deterministic IRIs: slugs for named things, hashes of canonical keys for records."""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from graph.errors import InvalidReference
from graph.namespaces import ID

SLUG = "[a-z0-9][a-z0-9-]{0,99}"
KEYS = {"adm": "[0-9]{6}", "designation": "[0-9a-f]{12}", "finding": "[0-9a-f]{12}"}
"""What follows each prefix of an id: a GB/T 2260 code, a hash, else a slug."""
KINDS: dict[str, tuple[str, ...]] = {
    "region": ("adm",),
    "program": ("program",),
    "issuer": ("org",),
    "designee": ("zone", "org", "cluster", "adm"),
    "designation": ("designation",),
    "finding": ("finding",),
    "entity": ("zone", "org", "cluster", "program", "adm"),
}
"""The id prefixes each kind of filter or option accepts."""


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


def _key(prefix: str) -> str:
    return KEYS.get(prefix, SLUG)


def id_pattern(kind: str) -> str:
    """The regular expression of every form a filter of this kind takes: an id the API returns
    ("adm/150000"), its IRI, or the bare code, hash or slug ("150000").

    >>> import re
    >>> [bool(re.fullmatch(id_pattern("region"), t)) for t in ("adm/150000", "150000", "zone/x")]
    [True, True, False]
    """
    base = re.escape(str(ID))
    groups: dict[str, list[str]] = {}
    for prefix in KINDS[kind]:
        groups.setdefault(_key(prefix), []).append(prefix)
    forms = [f"(?:{base})?(?:(?:{'|'.join(p)})/)?{key}" for key, p in groups.items()]
    return "^(?:" + "|".join(forms) + ")$"


def parse_id(text: str, kind: str) -> list[str]:
    """The ids a filter value may mean, most likely first: one for an id, an IRI, a code or a
    hash; one per prefix for a bare slug of a kind with several (the store decides, see
    graph.read.lookup.resolve). InvalidReference when the text is no form of the kind.

    >>> parse_id("150000", "designee"), parse_id("miit", "issuer"), parse_id("adm/150000", "region")
    (['adm/150000'], ['org/miit'], ['adm/150000'])
    >>> parse_id("baotou-rare-earth-htz", "designee")
    ['zone/baotou-rare-earth-htz', 'org/baotou-rare-earth-htz', 'cluster/baotou-rare-earth-htz']
    """
    if not re.fullmatch(id_pattern(kind), text):
        raise InvalidReference(f"{text!r} is not {_forms(kind)}")
    local = text.removeprefix(str(ID))
    prefix, slash, _ = local.partition("/")
    if slash and prefix in KINDS[kind]:
        return [local]
    fitting = [p for p in KINDS[kind] if re.fullmatch(_key(p), local)]
    specific = [p for p in fitting if p in KEYS]  # a code or a hash before a slug
    return [f"{p}/{local}" for p in specific or fitting]


def _forms(kind: str) -> str:
    examples = {"adm": "150000", "designation": "b8dbb2318c06", "finding": "cfd27ed9250b"}
    shown = [f"{p}/{examples.get(p, 'slug')}" for p in KINDS[kind]]
    return f"a {kind} id ({', '.join(shown)}, or without its prefix)"
