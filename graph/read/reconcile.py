"""Reconciliation (W3C Reconciliation Service API, versions 0.2 and 1.0-draft): match names
(with optional type and property constraints) to entities, fetch property values for data
extension, suggest entities, types and properties, and preview an entity. The candidate and
value shapes both versions share are made here; api/routes/reconcile.py reads requests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

import pyoxigraph as ox

from graph import iris
from graph.namespaces import ID
from graph.read import lookup
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
ENTITY_PROPERTIES = ("province", "located_in")
PREVIEW = {"width": 400, "height": 160}
MAX_LIMIT = 50
ENTITY_ID = re.compile(r"^[a-z]+/[A-Za-z0-9-]{1,100}$")
FACTS_QUERY = r"""
SELECT ?e ?located ?code ?zh ?en ?pinyin WHERE {
  OPTIONAL { ?e schema:containedInPlace|schema:location ?located }
  OPTIONAL { ?e skos:notation ?code }
  OPTIONAL { ?e skos:prefLabel ?zh FILTER(LANGMATCHES(LANG(?zh), "zh-Hans")) }
  OPTIONAL { ?e skos:prefLabel ?en FILTER(LANGMATCHES(LANG(?en), "en")) }
  OPTIONAL { ?e skos:prefLabel ?pinyin FILTER(LANGMATCHES(LANG(?pinyin), "zh-Latn-pinyin")) }
}
"""
# Bindings (pyoxigraph substitutions) are not where Oxigraph's planner starts: a path joined
# with another pattern, or inside OPTIONAL, is evaluated for every node first (100 ms, not
# 0.4 ms). The path is kept alone in a subquery so that it starts from the bound ?e.
PROVINCE_QUERY = """
SELECT ?e ?province WHERE {
  { SELECT ?e ?province WHERE { ?e schema:location?/schema:containedInPlace* ?province } }
  ?province cnd:adminLevel id:concept\\/admin-level\\/province
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
    e = ox.NamedNode(iri)
    out.province = {row["province"].value for row in store.select(PROVINCE_QUERY, e=e)}
    for row in store.select(FACTS_QUERY, e=e):
        for name, var in (("located_in", "located"), ("code", "code")):
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


def wanted(index: LabelIndex, pid: str, value: str) -> frozenset[str]:
    """What a constraint accepts: the codes it names, or the provinces (IRIs) a province
    constraint names by code or by a name that matches well."""
    if pid == "code":
        return frozenset({value.strip()})
    if CODE.match(value.strip()):
        return frozenset({str(iris.division(value.strip()))})
    hits = index.search(value, frozenset({"region"}), limit=5)
    return frozenset(h.iri for h in hits if h.score >= 0.8)


def satisfies(f: Facts, pid: str, accepted: frozenset[str]) -> bool:
    """Whether an entity's facts meet a constraint: a province by code or name, a code."""
    return bool((f.code if pid == "code" else f.province) & accepted)


def match(store: Store, index: LabelIndex, query: MatchQuery) -> list[Candidate]:
    """Candidates best first; a candidate is a match when its name is exact, it meets every
    constraint and no other candidate scores as high."""
    hits = index.search(query.text, query.kinds, limit=max(query.limit * 4, 20))
    constraints = [(pid, wanted(index, pid, value)) for pid, value in query.constraints]
    out = []
    for hit in hits:
        features: dict[str, float | bool] = {"name": hit.score}
        score = hit.score * 100
        f = facts(store, hit.iri) if query.constraints else Facts()
        for pid, accepted in constraints:
            ok = satisfies(f, pid, accepted)
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


def values_of(v: Any) -> list[str]:
    """A property value (string, number, entity object or a list of those) as strings."""
    if isinstance(v, list):
        return [s for item in v for s in values_of(item)]
    if isinstance(v, dict):
        return [str(v.get("id", v.get("name", "")))]
    return [str(v).lower() if isinstance(v, bool) else str(v)]


def match_query(
    text: str, kinds: list[str], constraints: list[tuple[str, Any]], limit: int | None
) -> MatchQuery:
    """A query from a version's fields; unknown types and properties are ignored."""
    return MatchQuery(
        text=text,
        kinds=frozenset(k for k in kinds if k in TYPES),
        constraints=tuple(
            (pid, s) for pid, v in constraints if is_known_constraint(pid) for s in values_of(v)
        ),
        limit=min(max(limit or 5, 1), MAX_LIMIT),
    )


def type_object(kind: str) -> dict[str, str]:
    """A type as {id, name}."""
    return {"id": kind, "name": TYPES.get(kind, kind)}


def candidate_object(c: Candidate, feature_names: bool) -> dict[str, Any]:
    """A candidate as both versions show it (1.0-draft names its features)."""
    features = [
        {"id": k, **({"name": PROPERTIES.get(k, k)} if feature_names else {}), "value": v}
        for k, v in c.features.items()
    ]
    return {
        "id": c.id,
        "name": c.name,
        "description": c.description,
        "score": c.score,
        "match": c.match,
        "type": [type_object(c.kind)],
        "features": features,
    }


def entity_suggestions(index: LabelIndex, prefix: str, kind: str | None) -> list[dict[str, Any]]:
    """Entities whose names start with (or nearly match) the prefix."""
    kinds = frozenset({kind}) if kind in TYPES else frozenset()
    hits = index.search(prefix, kinds, limit=10) if prefix.strip() else []
    return [
        {
            "id": local_id(h.iri),
            "name": h.label,
            "description": TYPES.get(h.kind, h.kind),
            "notable": [type_object(h.kind)],
        }
        for h in hits
    ]


def preview(store: Store, id_: str) -> str:
    """A small HTML card of an entity, for an iframe; every value escaped."""
    e = lookup.entity(store, str(ID[id_]))
    names = [n for n in (e.labels.zh, e.labels.en, e.labels.pinyin) if n] or [id_]
    where = ", ".join(r.label or r.id for r in e.located_in)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(id_)}</title></head>"
        "<body style='font-family:sans-serif;margin:.5rem'>"
        f"<strong>{escape(names[0])}</strong>"
        f"<div>{'<br>'.join(escape(n) for n in names[1:])}</div>"
        f"<div style='color:#666'>{escape(TYPES.get(e.kind, e.kind))}"
        f"{' · ' + escape(where) if where else ''} · {escape(', '.join(e.codes))}</div>"
        f"<a href='/id/{escape(id_)}' target='_blank'>{escape(id_)}</a></body></html>"
    )


def _extension_value(pid: str, value: str, store: Store) -> dict[str, Any]:
    """One extension value: an entity {id, name}, an {int} or a {str}."""
    if pid in ENTITY_PROPERTIES:
        return {"id": value, "name": label(store, str(ID[value])) or value}
    if pid == "designations":
        return {"int": int(value)}
    return {"str": value}


def extension(store: Store, ids: list[str], pids: list[str]) -> dict[str, dict[str, list[Any]]]:
    """Extension values per id and property, shaped as the specification's value objects."""
    raw = extend(store, [i for i in ids if ENTITY_ID.match(i)], pids)
    return {
        i: {p: [_extension_value(p, v, store) for v in raw.get(i, {}).get(p, [])] for p in pids}
        for i in ids
    }


def property_meta(pids: list[str]) -> list[dict[str, str]]:
    """The `meta` of an extension response: each property with its name."""
    return [{"id": p, "name": PROPERTIES.get(p, p)} for p in pids]


def proposals(kind: str, limit: int) -> dict[str, Any]:
    """Properties worth fetching for entities of a type."""
    props = [{"id": p, "name": n} for p, n in PROPERTIES.items()][:limit]
    return {"type": kind, "properties": props, "limit": limit}
