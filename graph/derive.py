"""Derivation: compute relations over the built graph and write them, with provenance, into
the derived graph. Recomputed from scratch on every build; same seeds, same derived graph."""

from __future__ import annotations

import hashlib

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF
from rdflib.term import Node

from graph import iris
from graph.mapping.terms import Quad, in_graph
from graph.namespaces import CND, DERIVED_GRAPH
from graph.rollup import RULE as ROLLUP_RULE
from graph.rollup import rollup
from graph.store import Store

AGENT = iris.agent("deriver")


def snapshot_digest(store: Store) -> str:
    """SHA-256 of the canonical N-Quads of every graph except the derived one."""
    derived = f"<{DERIVED_GRAPH}>"
    digest = hashlib.sha256()
    for line in store.canonical_nquads().decode("utf-8").splitlines(keepends=True):
        if not line.rstrip().endswith(f"{derived} ."):
            digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def run_triples(
    run: URIRef, snapshot: URIRef, digest: str, rules: list[URIRef]
) -> list[tuple[Node, Node, Node]]:
    """The derivation run: the snapshot it used and, per rule, a qualified association."""
    out: list[tuple[Node, Node, Node]] = [
        (run, RDF.type, CND.DerivationRun),
        (run, RDF.type, PROV.Activity),
        (run, PROV.used, snapshot),
        (snapshot, RDF.type, CND.Snapshot),
        (snapshot, DCTERMS.identifier, Literal(f"sha256:{digest}")),
        (AGENT, RDF.type, PROV.SoftwareAgent),
    ]
    for rule in rules:
        association = URIRef(f"{run}/association/{rule.rsplit('/', 1)[-1]}")
        out += [
            (run, PROV.qualifiedAssociation, association),
            (association, RDF.type, PROV.Association),
            (association, PROV.agent, AGENT),
            (association, PROV.hadPlan, rule),
        ]
    return out


def derive(store: Store) -> list[Quad]:
    """Every derived quad for the store's current data."""
    digest = snapshot_digest(store)
    run = iris.run("derivation", digest[:12])
    triples = run_triples(run, iris.snapshot(digest), digest, [ROLLUP_RULE])
    triples += rollup(store)
    return in_graph(triples, DERIVED_GRAPH)
