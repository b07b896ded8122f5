"""Counts that describe a built store."""

from __future__ import annotations

import pyoxigraph as ox

from graph.namespaces import CND, ORG, concept
from graph.read.cache import remembered
from graph.store import Store

LEVELS = {"provinces": "province", "prefectures": "prefecture", "counties": "county"}
CLASSES = {
    "organisations": ORG.Organization,
    "programs": CND.Program,
    "batches": CND.Batch,
    "zones": CND.Zone,
    "clusters": CND.Cluster,
    "designations": CND.Designation,
    "claims": CND.Claim,
    "only_in_region_findings": CND.OnlyInRegionFinding,
    "first_in_region_findings": CND.FirstInRegionFinding,
    "reported_only_in_region": CND.ReportedOnlyInRegionFinding,
    "reported_first_in_region": CND.ReportedFirstInRegionFinding,
}
# Oxigraph binds only projected variables, so bound variables are grouped and projected.
LEVEL_QUERY = """SELECT ?level (COUNT(*) AS ?n) WHERE {
  ?x a cnd:AdminDivision ; cnd:adminLevel ?level FILTER NOT EXISTS { ?x cnd:validUntil ?end }
} GROUP BY ?level"""
PAST_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?x a cnd:AdminDivision ; cnd:validUntil ?end }"
DESIGNATED_ZONES = """SELECT (COUNT(DISTINCT ?z) AS ?n) WHERE {
  ?d cnd:designee ?z ; cnd:level ?level . ?z a cnd:Zone .
  FILTER (?level IN (id:concept\\/designation-level\\/national,
                     id:concept\\/designation-level\\/provincial))
}"""
COMPLETE_PROGRAMS = """SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
  ?b a cnd:Batch ; dcterms:isPartOf ?p .
  FILTER NOT EXISTS {
    ?other dcterms:isPartOf ?p ; cnd:coverage id:concept\\/coverage\\/partial-news-corpus
  }
}"""
CLASS_QUERY = "SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?class } GROUP BY ?class"
DOCUMENT_QUERY = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?c schema:appearance ?d }"


def _count(store: Store, sparql: str, **bindings: ox.NamedNode) -> int:
    rows = store.select(sparql, **bindings)
    value = rows[0]["n"] if rows else None
    return int(value.value) if isinstance(value, ox.Literal) else 0


def quad_count(store: Store) -> int:
    """The number of quads in the store, counted once per store (counting reads them all)."""
    return remembered(store, "quads", None, lambda: len(store))


def stats(store: Store) -> dict[str, int]:
    """Quads, named graphs and entity counts of a store, in a fixed order: divisions that exist
    today by level and past ones; entities by class; zones with a national or provincial
    designation; programs all of whose batches are complete official lists."""
    out = {"quads": len(store), "named_graphs": len(store.named_graphs())}
    for name, level in LEVELS.items():
        out[name] = _count(store, LEVEL_QUERY, level=ox.NamedNode(concept("admin-level", level)))
    out["past_divisions"] = _count(store, PAST_QUERY)
    for name, cls in CLASSES.items():
        out[name] = _count(store, CLASS_QUERY, **{"class": ox.NamedNode(cls)})
    out["documents"] = _count(store, DOCUMENT_QUERY)
    out["zones_designated_national_or_provincial"] = _count(store, DESIGNATED_ZONES)
    out["programs_with_complete_lists"] = _count(store, COMPLETE_PROGRAMS)
    return out


# Oxigraph binds only projected variables; ?coverage is bound through a grouped projection.
COMPLETE_QUERY = """SELECT ?coverage (COUNT(DISTINCT ?b) AS ?n)
WHERE { ?b a cnd:Batch ; cnd:coverage ?coverage } GROUP BY ?coverage"""


def overview(store: Store) -> dict[str, int]:
    """What the landing page counts: designations, programs, zones, source documents and
    batches that are complete official lists."""
    return remembered(store, "overview", None, lambda: _overview(store))


def _overview(store: Store) -> dict[str, int]:
    complete = ox.NamedNode(concept("coverage", "complete-official-list"))
    return {
        "designations": _count(store, CLASS_QUERY, **{"class": ox.NamedNode(CND.Designation)}),
        "programs": _count(store, CLASS_QUERY, **{"class": ox.NamedNode(CND.Program)}),
        "zones": _count(store, CLASS_QUERY, **{"class": ox.NamedNode(CND.Zone)}),
        "sources": _count(store, DOCUMENT_QUERY),
        "complete-lists": _count(store, COMPLETE_QUERY, coverage=complete),
    }
