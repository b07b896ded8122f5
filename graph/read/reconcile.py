"""Reconciliation: match names (with optional type and property constraints) to entities,
and fetch property values for data extension. Version-neutral; api/ shapes each version."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph import iris
from graph.namespaces import ID, concept
from graph.read.lookup import label, local_id
from graph.read.search import LabelIndex, normalise
from graph.store import Store

TYPES: dict[str, str] = {
    "zone": "Development zone",
    "organisation": "Organisation",
    "program": "Program",
    "region": "Administrative division (GB/T 2260)",
}
PROPERTIES: dict[str, str] = {
    "province": "Province (GB/T 2260 code or name)",
    "code": "Code (GB/T 2260, statistical or standard code)",
    "located_in": "Located in (city or county)",
    "label_zh": "Chinese name",
    "label_en": "English name",
    "label_pinyin": "Pinyin name",
    "designations": "Number of designations",
}
CONSTRAINTS = ("province", "code")
FACTS_QUERY = """
SELECT ?e ?top ?province ?located ?code ?zh ?en ?pinyin WHERE {
  OPTIONAL { ?e schema:location?/schema:containedInPlace* ?province .
             ?province cnd:adminLevel ?top }
  OPTIONAL { ?e schema:containedInPlace|schema:location ?located }
  OPTIONAL { ?e skos:notation ?code }
  OPTIONAL { ?e skos:prefLabel ?zh FILTER(LANGMATCHES(LANG(?zh), "zh-Hans")) }
  OPTIONAL { ?e skos:prefLabel ?en FILTER(LANGMATCHES(LANG(?en), "en")) }
  OPTIONAL { ?e skos:prefLabel ?pinyin FILTER(LANGMATCHES(LANG(?pinyin), "zh-Latn-pinyin")) }
}
"""
COUNT_QUERY = """
SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE {
  ?d a cnd:Designation .
  { ?d cnd:designee ?e } UNION { ?d cnd:designatedBy ?e } UNION { ?d cnd:underProgram ?e }
} GROUP BY ?e
"""
CODE = re.compile(r"^[0-9]{6}$")


@dataclass(frozen=True)
class MatchQuery:
    """One query: a name, the kinds it may be, property constraints and how many to return."""

    text: str
    kinds: frozenset[str] = frozenset()
    constraints: tuple[tuple[str, str], ...] = ()
    limit: int = 5


@dataclass
class Candidate:
    """An entity that may be the one meant, scored 0 to 100, with per-feature evidence."""

    id: str
    name: str
    kind: str
    score: float
    match: bool = False
    description: str = ""
    features: dict[str, float | bool] = field(default_factory=dict)


@dataclass
class Facts:
    """The property values of one entity used for constraints and data extension."""

    province: set[str] = field(default_factory=set)
    located_in: set[str] = field(default_factory=set)
    code: set[str] = field(default_factory=set)
    label_zh: set[str] = field(default_factory=set)
    label_en: set[str] = field(default_factory=set)
    label_pinyin: set[str] = field(default_factory=set)


def facts(store: Store, iri: str) -> Facts:
    """The property values of an entity, read over SPARQL."""
    out = Facts()
    top = ox.NamedNode(str(concept("admin-level", "province")))
    for row in store.select(FACTS_QUERY, e=ox.NamedNode(iri), top=top):
        for name, var in (("province", "province"), ("located_in", "located"), ("code", "code")):
            if var in row:
                getattr(out, name).add(row[var].value)
        for name, var in (("label_zh", "zh"), ("label_en", "en"), ("label_pinyin", "pinyin")):
            if var in row:
                getattr(out, name).add(row[var].value)
    return out


def designation_count(store: Store, iri: str) -> int:
    """How many designations an entity is party to (designee, issuer or program)."""
    rows = store.select(COUNT_QUERY, e=ox.NamedNode(iri))
    return int(rows[0]["n"].value) if rows else 0


def satisfies(index: LabelIndex, f: Facts, pid: str, value: str) -> bool:
    """Whether an entity's facts satisfy a constraint: a province by code or name, a code."""
    if pid == "code":
        return value.strip() in f.code
    if CODE.match(value.strip()):
        return str(iris.division(value.strip())) in f.province
    hits = index.search(value, frozenset({"region"}), limit=5)
    return any(h.iri in f.province and h.score >= 0.8 for h in hits)


def match(store: Store, index: LabelIndex, query: MatchQuery) -> list[Candidate]:
    """Candidates best first; a candidate is a match when its name is exact, it meets every
    constraint and no other candidate scores as high."""
    hits = index.search(query.text, query.kinds, limit=max(query.limit * 4, 20))
    out = []
    for hit in hits:
        features: dict[str, float | bool] = {"name": hit.score}
        score = hit.score * 100
        f = facts(store, hit.iri) if query.constraints else Facts()
        for pid, value in query.constraints:
            ok = satisfies(index, f, pid, value)
            features[pid] = ok
            score = score if ok else score * 0.5
        name = label(store, hit.iri) or hit.label
        out.append(
            Candidate(
                local_id(hit.iri),
                name,
                hit.kind,
                round(score, 2),
                False,
                f"{TYPES.get(hit.kind, hit.kind)}; matched “{hit.label}”",
                features,
            )
        )
    out.sort(key=lambda c: (-c.score, c.id))
    out = out[: query.limit]
    if out and out[0].score >= 99.99 and (len(out) == 1 or out[1].score < out[0].score):
        out[0].match = True
    return out


def is_known_constraint(pid: str) -> bool:
    """Whether a property can constrain a match."""
    return pid in CONSTRAINTS


def extend(store: Store, ids: list[str], pids: list[str]) -> dict[str, dict[str, list[str]]]:
    """Property values per entity id and property id (entity values as ids under id/)."""
    out: dict[str, dict[str, list[str]]] = {}
    for id_ in ids:
        iri = str(ID[id_])
        f = facts(store, iri)
        values: dict[str, list[str]] = {}
        for pid in pids:
            if pid == "designations":
                values[pid] = [str(designation_count(store, iri))]
            elif pid in ("province", "located_in"):
                values[pid] = sorted(local_id(v) for v in getattr(f, pid))
            elif pid in PROPERTIES:
                values[pid] = sorted(getattr(f, pid))
            else:
                values[pid] = []
        out[id_] = values
    return out


def suggest_types(prefix: str) -> list[tuple[str, str]]:
    """Types whose id or name starts with (or contains) the prefix."""
    key = normalise(prefix)
    return [(t, n) for t, n in TYPES.items() if key in normalise(t) or key in normalise(n)]


def suggest_properties(prefix: str) -> list[tuple[str, str]]:
    """Properties whose id or name contains the prefix."""
    key = normalise(prefix)
    return [(p, n) for p, n in PROPERTIES.items() if key in normalise(p) or key in normalise(n)]
