"""Synthetic designations at scale, shaped like the real graph, for the benchmarks.

Zones sit in real prefectures of the reference graph; programs are issued by organisations;
program popularity is skewed so that some programs have a single designation in a province
(what the only-in-region aggregate looks for). The same seed gives the same quads.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

import pyoxigraph as ox
from rdflib import RDF, SKOS, XSD, URIRef

from graph.iris import entity, hash12
from graph.namespaces import CND, ID, ORG, SCHEMA, concept, source_graph
from graph.store import Store

GRAPH = ox.NamedNode(str(source_graph("bench-synthetic")))
PREFECTURES = """SELECT ?p ?level ?top WHERE { ?p cnd:adminLevel ?level ;
  schema:containedInPlace ?province . ?province cnd:adminLevel ?top } ORDER BY ?p"""
LEVELS = ("national", "provincial")
STATUSES = ("verified", "unverified")


def _n(iri: URIRef | str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _quad(s: URIRef | str, p: URIRef, o: URIRef | str | ox.Literal) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal) else _n(o)
    return ox.Quad(_n(s), _n(p), obj, GRAPH)


def _label(text: str, lang: str) -> ox.Literal:
    return ox.Literal(text, language=lang)


def prefectures(store: Store) -> list[str]:
    """IRIs of the prefecture-level divisions of a built store."""
    rows = store.select(
        PREFECTURES,
        level=_n(concept("admin-level", "prefecture")),
        top=_n(concept("admin-level", "province")),
    )
    return [row["p"].value for row in rows if isinstance(row["p"], ox.NamedNode)]


def organisations(count: int) -> Iterator[ox.Quad]:
    """Issuing bodies."""
    for i in range(count):
        org = entity(f"org/bench-org-{i}")
        yield _quad(org, RDF.type, ORG.Organization)
        yield _quad(org, SKOS.prefLabel, _label(f"Bench Ministry {i}", "en"))
        yield _quad(org, SKOS.prefLabel, _label(f"基准部{i}", "zh-Hans"))


def programs(count: int, orgs: int) -> Iterator[ox.Quad]:
    """Programs, each issued by one organisation."""
    for i in range(count):
        program = entity(f"program/bench-program-{i}")
        yield _quad(program, RDF.type, CND.Program)
        yield _quad(program, CND.issuedBy, entity(f"org/bench-org-{i % orgs}"))
        yield _quad(program, SKOS.prefLabel, _label(f"Bench Pilot Program {i}", "en"))
        yield _quad(program, SKOS.prefLabel, _label(f"基准试点{i}", "zh-Hans"))


def zones(count: int, places: list[str], rng: random.Random) -> Iterator[ox.Quad]:
    """Zones in random prefectures, with Chinese, English and alternative labels."""
    for i in range(count):
        zone = entity(f"zone/bench-zone-{i}")
        yield _quad(zone, RDF.type, CND.Zone)
        yield _quad(zone, SCHEMA.containedInPlace, rng.choice(places))
        yield _quad(zone, SKOS.prefLabel, _label(f"Bench Hi-Tech Zone {i}", "en"))
        yield _quad(zone, SKOS.prefLabel, _label(f"基准高新区{i}", "zh-Hans"))
        yield _quad(zone, SKOS.altLabel, _label(f"BHTZ {i}", "en"))


def designations(
    count: int, n_zones: int, n_programs: int, orgs: int, rng: random.Random
) -> Iterator[ox.Quad]:
    """Designations of zones under programs, with skewed program popularity."""
    start = date(2005, 1, 1)
    for i in range(count):
        d = ID[f"designation/{hash12('bench', str(i))}"]
        p = min(int(rng.paretovariate(0.6)) - 1, n_programs - 1)
        day = start + timedelta(days=rng.randrange(7300))
        yield _quad(d, RDF.type, CND.Designation)
        yield _quad(d, CND.designee, entity(f"zone/bench-zone-{rng.randrange(n_zones)}"))
        yield _quad(d, CND.underProgram, entity(f"program/bench-program-{p}"))
        yield _quad(d, CND.designatedBy, entity(f"org/bench-org-{p % orgs}"))
        yield _quad(d, CND.level, concept("designation-level", rng.choice(LEVELS)))
        yield _quad(d, CND.verificationStatus, concept("verification-status", rng.choice(STATUSES)))
        yield _quad(d, CND.announcedOn, ox.Literal(day.isoformat(), datatype=_n(XSD.date)))


def synthetic(store: Store, n_designations: int, seed: int = 7) -> Iterator[ox.Quad]:
    """Every synthetic quad for a given number of designations (zones are a fifth of it)."""
    rng = random.Random(seed)
    n_zones, n_programs, n_orgs = max(n_designations // 5, 1), 400, 40
    yield from organisations(n_orgs)
    yield from programs(n_programs, n_orgs)
    yield from zones(n_zones, prefectures(store), rng)
    yield from designations(n_designations, n_zones, n_programs, n_orgs, rng)
