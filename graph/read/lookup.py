"""Entity lookups over SPARQL: describe one entity, list entities of a kind, in stable order."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
from rdflib.namespace import RDF, SKOS

from graph import iris
from graph.errors import InvalidReference, NotFound
from graph.namespaces import CND, ID, ORG, SCHEMA, concept
from graph.read.cache import remembered
from graph.read.search import KIND_OF_TYPE
from graph.read.views import Entity, Labels, Ref
from graph.store import Store
from graph.terms import OxTerm

Properties = dict[str, list[OxTerm]]
TYPE_OF_KIND = {kind: iri for iri, kind in KIND_OF_TYPE.items()}
PROPERTIES_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
LABEL_QUERY = """
SELECT ?s ?l WHERE { ?s skos:prefLabel|dcterms:title|rdfs:label ?l }
ORDER BY DESC(LANGMATCHES(LANG(?l), "en")) DESC(LANGMATCHES(LANG(?l), "zh")) ?l
"""
KIND_QUERY = "SELECT ?e ?type WHERE { ?e a ?type }"
REGION_KIND_QUERY = """
SELECT ?e ?type ?level WHERE { ?e a ?type ; cnd:adminLevel ?level }
"""
TYPES_QUERY = "SELECT ?s ?type WHERE { ?s a ?type }"
PREF = str(SKOS.prefLabel)
RDF_TYPE = str(RDF.type)


def local_id(iri: str) -> str:
    """The id of an IRI under id/ ("zone/baotou-rare-earth-htz"); other IRIs stay whole."""
    return iri[len(ID) :] if iri.startswith(str(ID)) else iri


def slug(term: OxTerm | None) -> str | None:
    """The last path segment of a concept IRI ("national"), or a literal's value."""
    if term is None:
        return None
    return term.value.rsplit("/", 1)[-1] if isinstance(term, ox.NamedNode) else term.value


def properties(store: Store, iri: str) -> Properties:
    """Every property of a subject, in any graph, as lists of objects in a stable order."""
    out: Properties = defaultdict(list)
    rows = store.query(PROPERTIES_QUERY, {"s": ox.NamedNode(iri)})
    assert isinstance(rows, ox.QuerySolutions)
    for p, o in sorted({(row["p"].value, row["o"]) for row in rows}, key=_order):
        out[p].append(o)
    return dict(out)


def _order(pair: tuple[str, OxTerm]) -> tuple[str, str]:
    return pair[0], str(pair[1])


def first(props: Properties, predicate: str) -> OxTerm | None:
    """The first value of a predicate, or None."""
    values = props.get(str(predicate))
    return values[0] if values else None


def value(props: Properties, predicate: str) -> str | None:
    """The text of the first value of a predicate, or None."""
    term = first(props, str(predicate))
    return term.value if term is not None else None


def label(store: Store, iri: str) -> str | None:
    """An entity's English label, else Chinese, else a document's title, else None."""
    return remembered(store, "label", iri, lambda: _label(store, iri))


def _label(store: Store, iri: str) -> str | None:
    rows = store.select(LABEL_QUERY, s=ox.NamedNode(iri))
    return rows[0]["l"].value if rows else None


def ref(store: Store, term: OxTerm | None) -> Ref | None:
    """A link to an entity with its label."""
    if term is None:
        return None
    return Ref(iri=term.value, id=local_id(term.value), label=label(store, term.value))


def refs(store: Store, terms: list[OxTerm] | None) -> list[Ref]:
    """Links to several entities, in the order given."""
    return [r for r in (ref(store, t) for t in terms or []) if r is not None]


def kind_of(store: Store, iri: str) -> str | None:
    """The kind (zone, organisation, program, region, cluster) of an entity, if it is one."""
    rows = store.select(TYPES_QUERY, s=ox.NamedNode(iri))
    return kind_in([row["type"] for row in rows])


def kind_in(types: list[OxTerm]) -> str | None:
    """The kind named by the first of these rdf:type values that names one."""
    return next((KIND_OF_TYPE[t.value] for t in types if t.value in KIND_OF_TYPE), None)


def labels(props: Properties) -> Labels:
    """Preferred labels per language and alternative labels, from a subject's properties."""
    pref = {
        (t.language or "").lower(): t.value
        for t in props.get(PREF, [])
        if isinstance(t, ox.Literal)
    }
    alt = [t.value for t in props.get(str(SKOS.altLabel), [])]
    zh, pinyin = pref.get("zh-hans"), pref.get("zh-latn-pinyin")
    return Labels(zh=zh, en=pref.get("en"), pinyin=pinyin, alt=alt)


def entity(store: Store, iri: str, kind: str | None = None) -> Entity:
    """One zone, organisation, program, region or cluster; NotFound when it is none of them."""
    return remembered(store, "entity", (iri, kind), lambda: _entity(store, iri, kind))


def _entity(store: Store, iri: str, kind: str | None) -> Entity:
    props = properties(store, iri)
    kind = kind or kind_in(props.get(RDF_TYPE, []))
    if kind is None:
        raise NotFound(f"no zone, organisation, program, region or cluster {local_id(iri)}")
    parents = props.get(str(ORG.subOrganizationOf), []) + props.get(
        "http://purl.org/dc/terms/isPartOf", []
    )
    return Entity(
        iri=iri,
        id=local_id(iri),
        kind=kind,
        labels=labels(props),
        codes=[t.value for t in props.get(str(SKOS.notation), [])],
        level=slug(first(props, str(CND.adminLevel))),
        located_in=refs(store, props.get(str(SCHEMA.containedInPlace))),
        part_of=refs(store, parents),
        issuers=refs(store, props.get(str(CND.issuedBy))),
    )


def entity_of_kind(store: Store, iri: str, kind: str) -> Entity:
    """One entity that must be of the given kind; NotFound otherwise."""
    try:
        found = entity(store, iri)
    except NotFound:
        found = None
    if found is None or found.kind != kind:
        raise NotFound(f"no {kind} {local_id(iri)}")
    return found


def entities(
    store: Store, kind: str, offset: int, limit: int, level: str | None = None
) -> list[Entity]:
    """A page of entities of a kind in the store's order (the same for the same data; no
    sort); regions may be filtered by level."""
    page = entity_iris(store, kind, level)[offset : offset + limit]
    return [entity(store, iri, kind) for iri in page]


def entity_total(store: Store, kind: str, level: str | None = None) -> int:
    """How many entities of a kind (and, for regions, of a level) there are."""
    return len(entity_iris(store, kind, level))


def entity_iris(store: Store, kind: str, level: str | None = None) -> tuple[str, ...]:
    """Every entity of a kind (regions of a level) in the store's order (remembered)."""
    key = (kind, level)
    return remembered(store, "entity-lists", key, lambda: _entity_iris(store, kind, level))


def _entity_iris(store: Store, kind: str, level: str | None) -> tuple[str, ...]:
    type_ = ox.NamedNode(TYPE_OF_KIND[kind])
    if level is None:
        rows = store.query(KIND_QUERY, {"type": type_})
    else:
        level_iri = ox.NamedNode(concept("admin-level", level))
        rows = store.query(REGION_KIND_QUERY, {"type": type_, "level": level_iri})
    assert isinstance(rows, ox.QuerySolutions)
    return tuple(dict.fromkeys(row["e"].value for row in rows))


EXISTS_QUERY = "SELECT ?s ?p WHERE { ?s ?p ?o } LIMIT 1"


def resolve(store: Store, text: str | None, kind: str) -> ox.NamedNode | None:
    """The IRI a filter value names (see graph.iris.parse_id), None for None: a bare slug
    that several kinds of entity could have goes to the one the store holds; InvalidReference
    when it holds more than one, and the first guess when it holds none (so the filter
    matches nothing)."""
    if text is None:
        return None
    candidates = [ox.NamedNode(str(ID[c])) for c in iris.parse_id(text, kind)]
    if len(candidates) == 1:
        return candidates[0]
    known = [c for c in candidates if store.select(EXISTS_QUERY, s=c)]
    if len(known) > 1:
        ids = ", ".join(local_id(c.value) for c in known)
        raise InvalidReference(f"{text!r} names more than one entity ({ids}); give its id")
    return (known or candidates)[0]


def resolve_iri(store: Store, text: str | None, kind: str) -> str | None:
    """The IRI a filter value or option names, as text (see resolve)."""
    node = resolve(store, text, kind)
    return node.value if node is not None else None
