"""What every rule shares: the rule as a versioned prov:Plan, the run and its snapshot, the
as-of date, the rows valid at that date, and the writer of derived quads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from graph import iris
from graph.derive.closure import closure
from graph.derive.projection import COMPLETE, Projection
from graph.namespaces import CND, DERIVED_GRAPH, concept
from graph.store import Store

AGENT = iris.agent("deriver")
DATE = ox.NamedNode(str(XSD.date))
INTEGER = ox.NamedNode(str(XSD.nonNegativeInteger))
DERIVED = ox.NamedNode(str(DERIVED_GRAPH))


@dataclass(frozen=True)
class Rule:
    """A derivation rule: a prov:Plan with a slug, a version and a description."""

    slug: str
    version: int
    description: str

    @property
    def iri(self) -> str:
        """The rule's IRI (graph.iris.rule)."""
        return str(iris.rule(self.slug, self.version))


class Out:
    """The derived quads being written, all in the derived graph."""

    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []

    def add(self, s: str, p: str, o: str | ox.Literal) -> None:
        """Add one triple; a str object is an IRI."""
        obj = ox.NamedNode(o) if isinstance(o, str) else o
        self.quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, DERIVED))

    def count(self, s: str, p: str, n: int) -> None:
        """Add a count as xsd:nonNegativeInteger."""
        self.add(s, p, ox.Literal(str(n), datatype=INTEGER))


@dataclass
class Context:
    """The projection plus everything a rule needs to qualify its results."""

    p: Projection
    as_of: str
    key: str
    valid: list[bool] = field(default_factory=list)
    regions: dict[int, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    complete: dict[int, bool] = field(default_factory=dict)

    def rule_run(self, rule: Rule) -> str:
        """The IRI of the part of the run that applied one rule."""
        return str(iris.run("derivation", f"{self.key}-{rule.slug}-v{rule.version}"))

    @property
    def run(self) -> str:
        """The IRI of the whole run."""
        return str(iris.run("derivation", self.key))

    def result(self, out: Out, node: str, cls: str, rule: Rule) -> None:
        """A result node: its class, the rule run that generated it and the as-of date."""
        out.add(node, str(RDF.type), cls)
        out.add(node, str(PROV.wasGeneratedBy), self.rule_run(rule))
        out.add(node, str(CND.validAsOf), ox.Literal(self.as_of, datatype=DATE))


def is_valid(start: str, until: str, retracted: bool, as_of: str) -> bool:
    """Whether a designation holds on a day: started, not yet expired, and not retracted.

    >>> is_valid("2026-01-30", "", False, "2026-01-30"), is_valid("2027-01-01", "", False, "2026")
    (True, False)
    """
    return not retracted and start <= as_of and (not until or until >= as_of)


def latest_date(p: Projection) -> str:
    """The deterministic default as-of date: the latest start date in the data."""
    dated = [s for s in p.start if s]
    return max(dated) if dated else "1949-10-01"


def context(p: Projection, as_of: str | None, digest: str) -> Context:
    """The shared context of one run over a projection."""
    day = as_of or latest_date(p)
    valid = [is_valid(s, u, r, day) for s, u, r in zip(p.start, p.until, p.retracted, strict=True)]
    regions = closure(p.places, p.designee)
    return Context(p, day, digest[:12], valid, regions, complete_scopes(p))


def complete_scopes(p: Projection) -> dict[int, bool]:
    """Whether the graph holds every member of each batch and program.

    A batch is complete when its coverage says so; a program when all its batches are
    complete and every designation under it names one of them.
    """
    complete = dict(p.batch_complete)
    unbatched = {prog for prog, b in zip(p.program, p.batch, strict=True) if b < 0}
    for prog in set(p.program):
        batches = p.program_batches.get(prog, [])
        complete[prog] = (
            bool(batches) and prog not in unbatched and all(p.batch_complete[b] for b in batches)
        )
    return complete


def coverage(complete: bool) -> str:
    """The coverage concept for a complete or partial count."""
    return str(concept("coverage", COMPLETE if complete else "partial-news-corpus"))


def snapshot_digest(store: Store) -> str:
    """SHA-256 of the sorted N-Quads of every graph except the derived one."""
    digest = hashlib.sha256()
    for graph in sorted(store.named_graphs()):
        if graph == str(DERIVED_GRAPH):
            continue
        dump = store.inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        digest.update(f"<{graph}>\n".encode())
        digest.update(b"\n".join(sorted((dump or b"").splitlines())))
    return digest.hexdigest()


def run_quads(ctx: Context, digest: str, rules: list[Rule], out: Out) -> None:
    """The run, the snapshot it used and, per rule, the rule run with its plan."""
    snapshot = str(iris.snapshot(digest))
    out.add(ctx.run, str(RDF.type), str(CND.DerivationRun))
    out.add(ctx.run, str(RDF.type), str(PROV.Activity))
    out.add(ctx.run, str(PROV.used), snapshot)
    out.add(ctx.run, str(CND.validAsOf), ox.Literal(ctx.as_of, datatype=DATE))
    out.add(snapshot, str(RDF.type), str(CND.Snapshot))
    out.add(snapshot, str(DCTERMS.identifier), ox.Literal(f"sha256:{digest}"))
    out.add(str(AGENT), str(RDF.type), str(PROV.SoftwareAgent))
    for rule in rules:
        part = ctx.rule_run(rule)
        association = f"{part}/association"
        out.add(part, str(RDF.type), str(CND.DerivationRun))
        out.add(part, str(RDF.type), str(PROV.Activity))
        out.add(part, str(DCTERMS.isPartOf), ctx.run)
        out.add(part, str(PROV.used), snapshot)
        out.add(part, str(PROV.qualifiedAssociation), association)
        out.add(association, str(RDF.type), str(PROV.Association))
        out.add(association, str(PROV.agent), str(AGENT))
        out.add(association, str(PROV.hadPlan), rule.iri)
        out.add(rule.iri, str(RDF.type), str(PROV.Plan))
        label = f"{rule.slug.replace('-', ' ')}, version {rule.version}"
        out.add(rule.iri, str(RDFS.label), ox.Literal(label, language="en"))
        out.add(rule.iri, str(DCTERMS.description), ox.Literal(rule.description, language="en"))
        out.add(rule.iri, str(DCTERMS.hasVersion), ox.Literal(str(rule.version)))
