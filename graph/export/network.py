"""The graphs that exports draw: nodes and edges read from the store with SPARQL, held in a
networkx MultiDiGraph whose node ids are IRIs and whose attributes a viewer needs (label in
one language, kind, region code, dates, counts, IRI)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import networkx as nx
import pyoxigraph as ox
from rdflib.namespace import RDF

from graph.derive.projection import end_day, start_day
from graph.namespaces import CND, ONTOLOGY_GRAPH, ORG
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


def designation_network(store: Store) -> Network:
    """issuer -> program -> designee -> region: one edge per designation, dated."""
    g = Network()
    for r in store.select(DESIGNATIONS):
        d, designee, program = (_text(r, k) for k in ("d", "designee", "program"))
        began = _text(r, "from") or _text(r, "announced") or _text(r, "decided")
        until = _text(r, "until")
        g.add_edge(_text(r, "issuer"), program, key=f"{d}#issuer", kind="issues", iri=d)
        edge = {"kind": "designates", "iri": d}
        edge |= {"since": start_day(began)} if began else {}
        edge |= {"until": end_day(until)} if until else {}
        g.add_edge(program, designee, key=d, **edge)
    add_containment(store, g)
    return g


def add_containment(store: Store, g: Network) -> None:
    """Edges from every place in the graph up to its province: designee -> county -> city."""
    parents = dict(pairs(store, PARENTS))
    todo = [n for n in g.nodes if n in parents]
    while todo:
        child = todo.pop()
        parent = parents[child]
        if not g.has_edge(child, parent, key="located-in"):
            fresh = parent not in g
            g.add_edge(child, parent, key="located-in", kind="located-in")
            if fresh and parent in parents:
                todo.append(parent)


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
    """Give every node its IRI, label in the language, kind, region code, count and dates."""
    labels = _labels(store, LANGUAGES[lang])
    kinds = _kinds(store)
    codes = dict(pairs(store, CODES))
    parents = dict(pairs(store, PARENTS))
    for node, data in g.nodes(data=True):
        data["iri"] = node
        data["label"] = labels.get(node, node.rsplit("/", 1)[-1])
        data["kind"] = kinds.get(node, "resource")
        code = codes.get(node) or codes.get(parents.get(node, ""), "")
        if code:
            data["code"] = code
        _dates_and_count(g, node, data)


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
    """Every resource outside the ontology graph, and every IRI-to-IRI triple but rdf:type."""
    g = Network()
    for r in store.select(WHOLE):
        if _text(r, "g") == str(ONTOLOGY_GRAPH):
            continue
        s, p, o = _text(r, "s"), _text(r, "p"), r["o"]
        g.add_node(s)
        if isinstance(o, ox.NamedNode) and p != str(RDF.type):
            g.add_edge(s, o.value, key=p, kind=p, iri=p)
    return g


def _kinds(store: Store) -> dict[str, str]:
    found: dict[str, str] = {}
    ranked = list(KINDS)
    typed = sorted(pairs(store, TYPES), key=lambda p: ranked.index(p[1]) if p[1] in KINDS else 99)
    for x, cls in typed:
        found.setdefault(x, KINDS.get(cls, cls.rsplit("/", 1)[-1].rsplit("#", 1)[-1]))
    return found


def _dates_and_count(g: Network, node: str, data: dict[str, object]) -> None:
    """Designations received (designees) or made (programs): count and first/last dates."""
    edges = [e for e in g.in_edges(node, data=True) if e[2].get("kind") == "designates"]
    edges += [e for e in g.out_edges(node, data=True) if e[2].get("kind") == "designates"]
    if not edges:
        return
    data["count"] = len(edges)
    dates = sorted(str(e[2]["since"]) for e in edges if "since" in e[2])
    if dates:
        data["since"], data["last"] = dates[0], dates[-1]
