"""The graphs that exports draw: nodes and edges read from the store with SPARQL, held in a
networkx MultiDiGraph whose node ids are IRIs and whose attributes a viewer needs (label in
one language, kind, region code, dates, counts, IRI)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import pyoxigraph as ox
from rdflib.namespace import RDF

from graph.derive.projection import end_day, start_day
from graph.namespaces import CND, GEO, ONTOLOGY_GRAPH, ORG, SCHEMA
from graph.store import Store

if TYPE_CHECKING:
    Network = nx.MultiDiGraph[str]
else:
    Network = nx.MultiDiGraph
LANGUAGES = {"en": "en", "zh": "zh-Hans", "pinyin": "zh-Latn-pinyin"}
KINDS = {
    str(CND.Zone): "zone",
    str(CND.AdminDivision): "region",
    str(CND.Cluster): "cluster",
    str(CND.Program): "program",
    str(CND.Batch): "batch",
    str(SCHEMA.GovernmentOrganization): "authority",
    str(SCHEMA.Corporation): "enterprise",
    str(SCHEMA.ResearchOrganization): "institute",
    str(SCHEMA.NewsMediaOrganization): "outlet",
    str(SCHEMA.NGO): "association",
    str(ORG.Organization): "organisation",
    str(CND.Designation): "designation",
    str(CND.Claim): "claim",
    str(CND.OnlyInRegionFinding): "only-in-region-finding",
    str(CND.FirstInRegionFinding): "first-in-region-finding",
    str(CND.ReportedOnlyInRegionFinding): "reported-only-in-region-finding",
    str(CND.ReportedFirstInRegionFinding): "reported-first-in-region-finding",
    str(CND.ClaimVerdict): "verdict",
    str(CND.Tally): "tally",
    str(CND.CoDesignation): "co-designation",
}
"""Node kinds by class, most telling first: an organisation's kind says what it is (an issuing
authority, an enterprise or institute that is designated, an outlet that reports)."""
EDGE_KINDS = {
    str(SCHEMA.containedInPlace): "located-in",
    str(SCHEMA.location): "located-in",
}
"""Edge kinds of the whole view whose short name is not their property's own (in kebab case);
the designation views' edges are issues, designates and located-in."""
DESIGNATIONS = """
SELECT ?d ?designee ?program ?issuer ?from ?announced ?decided ?until WHERE {
  ?d a cnd:Designation ; cnd:designee ?designee ; cnd:underProgram ?program ;
     cnd:designatedBy ?issuer .
  OPTIONAL { ?d cnd:validFrom ?from } OPTIONAL { ?d cnd:announcedOn ?announced }
  OPTIONAL { ?d cnd:decisionDate ?decided } OPTIONAL { ?d cnd:validUntil ?until }
  FILTER NOT EXISTS { ?d cnd:retracted true }
}"""
LABELS = "SELECT ?x ?label WHERE { { ?x skos:prefLabel ?label } UNION { ?x rdfs:label ?label } }"
TYPES = "SELECT ?x ?type WHERE { ?x a ?type }"
CODES = """SELECT ?x ?code WHERE {
  ?x skos:notation ?code FILTER (datatype(?code) = cnd:gbt2260) }"""
PARENTS = "SELECT ?x ?parent WHERE { ?x schema:containedInPlace ?parent }"
LOCATIONS = "SELECT ?x ?place WHERE { ?x schema:location ?place }"
WHOLE = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER (isIRI(?s)) }"
CO_DESIGNATIONS = """
SELECT ?c ?a ?b ?weight ?level WHERE {
  ?c a cnd:CoDesignation ; cnd:coDesignee ?a , ?b ; cnd:sharedPrograms ?weight .
  OPTIONAL { ?c cnd:regionLevel ?level }
  FILTER (STR(?a) < STR(?b))
}"""


def _text(row: Mapping[str, object], name: str) -> str:
    term = row.get(name)
    return str(getattr(term, "value", "")) if term is not None else ""


def pairs(store: Store, sparql: str) -> list[tuple[str, str]]:
    """Two-column rows of a SELECT as (value, value) strings."""
    rows = store.select(sparql)
    return [(str(r["x"].value), _text(r, next(k for k in r if k != "x"))) for r in rows]


@dataclass(frozen=True)
class Record:
    """One designation as the network draws it: who designated whom under what, and when."""

    iri: str
    designee: str
    program: str
    issuers: tuple[str, ...]
    since: str = ""
    until: str = ""


def records(store: Store) -> list[Record]:
    """Every designation that is not retracted, in IRI order."""
    found: dict[str, Record] = {}
    for r in store.select(DESIGNATIONS):
        d = _text(r, "d")
        began = _text(r, "from") or _text(r, "announced") or _text(r, "decided")
        until = _text(r, "until")
        issuers = found[d].issuers if d in found else ()
        found[d] = Record(
            iri=d,
            designee=_text(r, "designee"),
            program=_text(r, "program"),
            issuers=tuple(sorted({*issuers, _text(r, "issuer")})),
            since=start_day(began) if began else "",
            until=end_day(until) if until else "",
        )
    return [found[d] for d in sorted(found)]


def designation_network(
    store: Store, chosen: list[Record] | None = None, places: frozenset[str] | None = None
) -> Network:
    """issuer -> program -> designee -> region, one edge per pair and kind with the count of
    the designations behind it (their IRIs, earliest start, and latest end when all end); the
    designees' places up the tree (only those in `places` when given). Designees and programs
    carry their count and first and last start."""
    chosen = records(store) if chosen is None else chosen
    g = Network()
    behind: dict[tuple[str, str, str], list[Record]] = {}
    for rec in chosen:
        for issuer in rec.issuers:
            behind.setdefault((issuer, rec.program, "issues"), []).append(rec)
        behind.setdefault((rec.program, rec.designee, "designates"), []).append(rec)
    for (u, v, kind), recs in behind.items():
        g.add_edge(u, v, key=kind, kind=kind, **_merged(recs))
    for node, recs in _received(chosen).items():
        starts = sorted(r.since for r in recs if r.since)
        g.nodes[node].update(count=len(recs))
        g.nodes[node].update({"since": starts[0], "last": starts[-1]} if starts else {})
    add_containment(store, g, places)
    return g


def _merged(recs: list[Record]) -> dict[str, object]:
    """The attributes of an edge standing for several designations."""
    out: dict[str, object] = {"iri": " ".join(r.iri for r in recs), "count": len(recs)}
    starts = [r.since for r in recs if r.since]
    if starts:
        out["since"] = min(starts)
    if all(r.until for r in recs):
        out["until"] = max(r.until for r in recs)
    return out


def _received(chosen: list[Record]) -> dict[str, list[Record]]:
    """The designations each designee received and each program made."""
    found: dict[str, list[Record]] = {}
    for rec in chosen:
        found.setdefault(rec.designee, []).append(rec)
        found.setdefault(rec.program, []).append(rec)
    return found


def add_containment(store: Store, g: Network, places: frozenset[str] | None = None) -> None:
    """Edges from every designee up its places by the region rule (graph.region): its location
    or the place it lies in, then each place's parent up to its province; only through
    `places` when given."""
    parents: dict[str, list[str]] = {}
    for child, parent in pairs(store, PARENTS):
        parents.setdefault(child, []).append(parent)
    located: dict[str, list[str]] = {}
    for child, place in pairs(store, LOCATIONS):
        located.setdefault(child, []).append(place)
    todo = [(n, located.get(n, []) + parents.get(n, [])) for n in g.nodes]
    while todo:
        child, ups = todo.pop()
        for parent in ups:
            if places is not None and parent not in places:
                continue
            if not g.has_edge(child, parent, key="located-in"):
                fresh = parent not in g
                g.add_edge(child, parent, key="located-in", kind="located-in", count=1)
                if fresh:
                    todo.append((parent, parents.get(parent, [])))


def co_designation_network(store: Store) -> Network:
    """Designees or regions linked by the derived co-designations, weighted."""
    g = Network()
    for r in store.select(CO_DESIGNATIONS):
        level = _text(r, "level").rsplit("/", 1)[-1]
        kind = f"co-designation-{level}" if level else "co-designation"
        weight = int(_text(r, "weight"))
        g.add_edge(_text(r, "a"), _text(r, "b"), key=_text(r, "c"), kind=kind, weight=weight)
        g.edges[_text(r, "a"), _text(r, "b"), _text(r, "c")]["iri"] = _text(r, "c")
    return g


def describe(store: Store, g: Network, lang: str) -> None:
    """Give every node its IRI, label in the language, kind and region code: its own GB/T
    2260 code, else that of the first division up from the places it is drawn in
    (located-in), then from those it lies in or is located in."""
    labels = _labels(store, LANGUAGES[lang])
    kinds = _kinds(store)
    codes = dict(pairs(store, CODES))
    places: dict[str, list[str]] = {}
    for child, place in sorted(pairs(store, LOCATIONS) + pairs(store, PARENTS)):
        places.setdefault(child, []).append(place)
    for node, data in g.nodes(data=True):
        data["iri"] = node
        data["label"] = labels.get(node, node.rsplit("/", 1)[-1])
        data["kind"] = kinds.get(node, "resource")
        drawn = sorted(v for _, v, k in g.out_edges(node, keys=True) if k == "located-in")
        code = _code([node, *drawn, *places.get(node, [])], places, codes)
        if code:
            data["code"] = code


def _code(start: list[str], places: dict[str, list[str]], codes: dict[str, str]) -> str:
    """The GB/T 2260 code of the first division met going up from these places, in order."""
    todo, seen = list(start), set()
    while todo:
        place = todo.pop(0)
        if place in codes:
            return codes[place]
        if place not in seen:
            seen.add(place)
            todo += places.get(place, [])
    return ""


def _labels(store: Store, tag: str) -> dict[str, str]:
    """Each resource's label in the language, else in English, else any."""
    best: dict[str, tuple[int, str]] = {}
    for r in store.select(LABELS):
        lang = str(getattr(r["label"], "language", None)).lower()  # Oxigraph lowercases tags
        rank = 0 if lang == tag.lower() else 1 if lang == "en" else 2
        x, label = str(r["x"].value), str(r["label"].value)
        if x not in best or (rank, label) < best[x]:
            best[x] = (rank, label)
    return {x: label for x, (_, label) in best.items()}


def whole_network(store: Store) -> Network:
    """Every resource outside the ontology graph but geometries (points and shapes are
    attributes of a place, not nodes), and every IRI-to-IRI triple but rdf:type between them,
    its kind the property's short name."""
    g = Network()
    geometries = {x for x, cls in pairs(store, TYPES) if cls == str(GEO.Geometry)}
    for r in store.select(WHOLE):
        s, p, o = _text(r, "s"), _text(r, "p"), r["o"]
        if _text(r, "g") == str(ONTOLOGY_GRAPH) or s in geometries:
            continue
        g.add_node(s)
        if isinstance(o, ox.NamedNode) and p != str(RDF.type) and o.value not in geometries:
            kind = short_name(p, EDGE_KINDS)
            g.add_edge(s, o.value, key=kind, kind=kind, iri=p)
    return g


def short_name(iri: str, names: Mapping[str, str]) -> str:
    """The short name of a class or property: from the table, else its local name in kebab
    case.

    >>> short_name("https://schema.org/NewsArticle", {})
    'news-article'
    """
    if iri in names:
        return names[iri]
    local = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", local).lower()


def _kinds(store: Store) -> dict[str, str]:
    found: dict[str, str] = {}
    ranked = list(KINDS)
    typed = sorted(pairs(store, TYPES), key=lambda p: ranked.index(p[1]) if p[1] in KINDS else 99)
    for x, cls in typed:
        found.setdefault(x, short_name(cls, KINDS))
    return found
