"""What a person's page about an entity shows beyond its statements: names in every language,
its designations with labelled types, levels and statuses, their findings in words with the
rule, snapshot and as-of date behind each, a program's batches with their coverage, and
points for a map."""

from __future__ import annotations

import pyoxigraph as ox

from graph.namespaces import CND, concept
from graph.read.describe import related
from graph.read.designations import designation
from graph.read.finding_facts import finding_facts, name
from graph.read.findings import FindingFilter, findings
from graph.read.geo import point
from graph.read.lookup import first, kind_of, labels, local_id, properties
from graph.read.sentences import Lang, Name, sentence
from graph.read.views import Designation, Finding, Labels, Ref, View
from graph.store import Store

LIMIT = 200
FILTER_OF = {"zone": "region", "cluster": "region", "region": "region", "program": "program"}
BATCH_QUERY = "SELECT ?batch ?d WHERE { ?d cnd:batch ?batch }"
BATCHES_QUERY = "SELECT ?program ?batch WHERE { ?batch dcterms:isPartOf ?program ; a cnd:Batch }"
PLAN_QUERY = """
SELECT ?run ?plan ?snapshot WHERE {
  ?run prov:qualifiedAssociation/prov:hadPlan ?plan . OPTIONAL { ?run prov:used ?snapshot }
}
"""
ALL_FINDINGS = {"zone", "cluster", "designation"}
"""Kinds whose pages list computed findings too; others list reports and verdicts."""
SCHEMES = {
    "type": "designation-type",
    "level": "designation-level",
    "status": "verification-status",
}


class Row(View):
    """A designation with its type, level and status as labels and its first known date."""

    designation: Designation
    type: Name | None = None
    level: Name | None = None
    status: Name | None = None
    date: str | None = None


class Line(View):
    """A finding in words, with the rule, snapshot and as-of date of a computed one."""

    finding: Finding
    text: str
    rule: str | None = None
    snapshot: str | None = None


class BatchLine(View):
    """A program's batch: its names, coverage and how many of its designations are known."""

    batch: Ref
    name: Name
    coverage: Name | None = None
    member_count: int | None = None
    known: int = 0


class Marker(View):
    """A point on a map: what stands there, its label and longitude and latitude."""

    iri: str
    label: str
    lon: float
    lat: float


class Profile(View):
    """The page model of an entity in one language."""

    iri: str
    id: str
    kind: str | None
    labels: Labels
    rows: list[Row] = []
    total: int = 0
    """How many designations the page's rows are the first of."""
    filter: str | None = None
    """The /api/designations filter that lists them all, when one does."""
    lines: list[Line] = []
    batches: list[BatchLine] = []
    markers: list[Marker] = []
    names: dict[str, Name] = {}


def _concept(store: Store, scheme: str, slug: str | None) -> Name | None:
    return name(store, str(concept(scheme, slug))) if slug else None


def row(store: Store, d: Designation) -> Row:
    """A designation with labels for its type, level and status."""
    names = {k: _concept(store, s, getattr(d, k)) for k, s in SCHEMES.items()}
    return Row(designation=d, date=d.announced or d.decided or d.valid_from, **names)


def line(store: Store, f: Finding, lang: Lang) -> Line:
    """A finding as a sentence with the rule and snapshot of the run that computed it."""
    rule = snapshot = None
    if f.generated_by:
        rows = store.select(PLAN_QUERY, run=ox.NamedNode(f.generated_by))
        if rows:
            rule = rows[0]["plan"].value
            snapshot = rows[0]["snapshot"].value if "snapshot" in rows[0] else None
    text = sentence(finding_facts(store, f), lang)
    return Line(finding=f, text=text, rule=rule, snapshot=snapshot)


def _designations(store: Store, iri: str, kind: str | None) -> tuple[list[Designation], int]:
    if kind == "batch":
        rows = store.select(BATCH_QUERY, batch=ox.NamedNode(iri))
        return [designation(store, r["d"].value) for r in rows[:LIMIT]], len(rows)
    return related(store, iri, LIMIT)


def batches(store: Store, program: str) -> list[BatchLine]:
    """A program's batches with coverage, stated member count and known designations."""
    out = []
    for r in store.select(BATCHES_QUERY, program=ox.NamedNode(program)):
        props = properties(store, r["batch"].value)
        coverage, count = first(props, str(CND.coverage)), first(props, str(CND.memberCount))
        known = len(store.select(BATCH_QUERY, batch=r["batch"]))
        out.append(
            BatchLine(
                batch=Ref(iri=r["batch"].value, id=local_id(r["batch"].value)),
                name=name(store, r["batch"].value),
                coverage=name(store, coverage.value) if coverage else None,
                member_count=int(count.value) if count else None,
                known=known,
            )
        )
    return sorted(out, key=lambda b: b.batch.id)


def markers(store: Store, iri: str, rows: list[Row]) -> list[Marker]:
    """The entity's own point (for a place) and those of the designees on its page."""
    places = [iri] if local_id(iri).startswith(("adm/", "zone/", "cluster/")) else []
    places += [r.designation.designee.iri for r in rows]
    out: dict[str, Marker] = {}
    for place in places:
        where = point(store, place)
        if where is not None and place not in out:
            text = name(store, place)
            label = text.en or text.zh or local_id(place)
            out[place] = Marker(iri=place, label=label, lon=where[0], lat=where[1])
    return list(out.values())


ORDER = {("reported", "only-in-region"): 0, ("reported", "first-in-region"): 1}
KIND_ORDER = {"claim-verdict": 2, "only-in-region": 3, "first-in-region": 4}


def _order(line: Line) -> int:
    """Reports first, then verdicts, then what the graph computed."""
    f = line.finding
    return ORDER.get((f.basis, f.kind), KIND_ORDER.get(f.kind, 5))


def kind_of_page(store: Store, iri: str) -> str | None:
    """The entity kind, with batches and designations named too."""
    known = kind_of(store, iri)
    if known is None and local_id(iri).startswith(("batch/", "designation/")):
        return local_id(iri).split("/", 1)[0]
    return known


def profile(store: Store, iri: str, lang: Lang = "en") -> Profile:
    """The page model of an entity: labels, designations, findings, batches and markers."""
    kind = kind_of_page(store, iri)
    shown, total = _designations(store, iri, kind)
    rows = [row(store, d) for d in shown]
    every = kind in ALL_FINDINGS
    lines = sorted(
        (
            line(store, f, lang)
            for r in rows[:50]
            for f in findings(
                store, FindingFilter(designation=ox.NamedNode(r.designation.iri)), 0, 50
            )
            if every or f.basis == "reported" or f.kind == "claim-verdict"
        ),
        key=_order,
    )
    return Profile(
        iri=iri,
        id=local_id(iri),
        kind=kind,
        labels=labels(properties(store, iri)),
        rows=rows,
        total=total,
        filter=FILTER_OF.get(kind or ""),
        lines=lines,
        batches=batches(store, iri) if kind == "program" else [],
        markers=markers(store, iri, rows),
        names=_names(store, rows),
    )


def _names(store: Store, rows: list[Row]) -> dict[str, Name]:
    """Both languages' labels of every entity the rows link to."""
    linked = {
        r.iri
        for row in rows
        for r in [row.designation.designee, row.designation.program, *row.designation.designated_by]
        + ([row.designation.batch] if row.designation.batch else [])
    }
    return {iri: name(store, iri) for iri in sorted(linked)}


class Gloss(View):
    """What a results table shows for an IRI: its label, and a point when it has one."""

    label: str | None = None
    lon: float | None = None
    lat: float | None = None


def glosses(store: Store, iris: list[str], lang: Lang = "en") -> dict[str, Gloss]:
    """Labels (in the language asked for, else the other) and points of IRIs; an IRI the
    store cannot hold gets an empty gloss."""
    return {iri: _gloss(store, iri, lang) for iri in iris}


def _gloss(store: Store, iri: str, lang: Lang) -> Gloss:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return Gloss()
    where = point(store, iri)
    lon, lat = where if where else (None, None)
    return Gloss(label=name(store, iri).text(lang) or None, lon=lon, lat=lat)


__all__ = ["Gloss", "Profile", "glosses", "profile"]
