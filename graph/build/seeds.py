"""Read seed records and reference data from YAML, reporting every problem with file and field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.build import catalogue
from graph.build.divisions import Division, load_history
from graph.build.parsing import parse_model, read_yaml
from graph.build.records import Evidence, Record, quotes
from graph.build.reference import ListReference, Reference
from graph.errors import RecordError

REFERENCE_FILES = ("places", "organisations", "programs", "zones", "clusters")
LISTS_FOLDER = "lists"


@dataclass(frozen=True)
class Seeds:
    """Everything a build reads: records keyed by file, reference data and divisions."""

    records: dict[Path, Record]
    reference: Reference
    divisions: list[Division]


def read_reference(folder: Path) -> Reference:
    """Merge the reference files in a folder into one validated Reference."""
    merged: dict[str, list[Any]] = {}
    problems: list[str] = []
    for name in REFERENCE_FILES:
        path = folder / f"{name}.yaml"
        if path.exists():
            try:
                data = read_yaml(path) or {}
                part = parse_model(Reference, data, path)
            except RecordError as exc:
                problems += exc.problems
                continue
            for key in Reference.model_fields:
                merged.setdefault(key, []).extend(getattr(part, key))
    problems += _add_lists(folder / LISTS_FOLDER, merged)
    if problems:
        raise RecordError(problems)
    return Reference.model_validate({k: [m.model_dump() for m in v] for k, v in merged.items()})


def _add_lists(folder: Path, merged: dict[str, list[Any]]) -> list[str]:
    """Add what each imported list holds (its batch, its new entities) to the merged data."""
    problems: list[str] = []
    programs = {p.slug: i for i, p in enumerate(merged.get("programs", []))}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            part = parse_model(ListReference, read_yaml(path), path)
        except RecordError as exc:
            problems += exc.problems
            continue
        if part.program not in programs:
            problems.append(f"{path}: program: unknown program {part.program}")
            continue
        if part.batch is not None:
            program = merged["programs"][programs[part.program]]
            batches = [*program.batches, part.batch]
            merged["programs"][programs[part.program]] = program.model_copy(
                update={"batches": batches}
            )
        merged.setdefault("clusters", []).extend(part.clusters)
        merged.setdefault("zones", []).extend(part.zones)
    return problems


def read_records(folder: Path) -> dict[Path, Record]:
    """Every record file in a folder, validated; all problems are reported together."""
    records: dict[Path, Record] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            records[path] = parse_model(Record, read_yaml(path), path)
        except RecordError as exc:
            problems += exc.problems
    if problems:
        raise RecordError(problems)
    return records


def read_seeds(root: Path) -> Seeds:
    """Read and cross-check seeds/records and seeds/reference under root, with the catalogue's
    zones added to the reference zones and its listings as one more record."""
    folder = root / "reference"
    reference = read_reference(folder)
    records = read_records(root / "records")
    divisions = load_history(reference.places, folder)
    problems = list(check_references(Seeds(records, reference, divisions), folder))
    loaded = catalogue.read_catalogue(folder)
    if loaded is not None:
        places = {f"adm/{d.key}" for d in divisions}
        problems += catalogue.problems(loaded, reference, records, places)
        if problems:
            raise RecordError(problems)
        zones = catalogue.zones(loaded, reference, divisions, folder)
        reference = reference.model_copy(update={"zones": zones})
        slugs = catalogue.zone_slugs(loaded, reference)
        records[loaded.path] = catalogue.record(loaded, reference, slugs)
    seeds = Seeds(records=records, reference=reference, divisions=divisions)
    known = known_entities(seeds)
    for path, record in records.items():
        problems += check_record(seeds, path, record, known)
    if problems:
        raise RecordError(problems)
    return seeds


def draft_of(path: Path, record: Record) -> Path | None:
    """The draft record a reviewed record revises (a file beside it), when it revises one."""
    if record.revision is None:
        return None
    return path.with_name(f"{record.revision.of}.yaml")


def mapped(seeds: Seeds) -> dict[Path, tuple[Record, Record | None]]:
    """The records a build maps, each with the draft it revises: a draft that a person
    reviewed gives way to the reviewed record (it stays on disk), and a rejected one maps
    to nothing."""
    revised = {draft_of(p, r) for p, r in seeds.records.items()} - {None}
    out: dict[Path, tuple[Record, Record | None]] = {}
    for path, record in seeds.records.items():
        if path in revised or record.review == "rejected":
            continue
        draft = draft_of(path, record)
        out[path] = (record, None if draft is None else seeds.records.get(draft))
    return out


def _revision_problems(seeds: Seeds, path: Path, record: Record) -> list[str]:
    """A review must name an unreviewed draft of the same document beside it, once."""
    draft_path = draft_of(path, record)
    if draft_path is None:
        return []
    draft = seeds.records.get(draft_path)
    at = f"{path}: revision.of"
    if draft is None:
        return [f"{at}: no draft record {draft_path.name} beside it"]
    if draft.review != "unreviewed":
        return [f"{at}: {draft_path.name} is not an unreviewed draft"]
    if draft.document.slug != record.document.slug:
        return [f"{at}: {draft_path.name} describes another document ({draft.document.slug})"]
    others = [p for p, r in seeds.records.items() if p != path and draft_of(p, r) == draft_path]
    if others:
        return [f"{at}: {draft_path.name} is also reviewed by {others[0].name}"]
    return []


def known_entities(seeds: Seeds) -> set[str]:
    """Every entity reference ("zone/…", "adm/…", "org/…", "cluster/…") that resolves."""
    ref = seeds.reference
    known = {f"adm/{d.key}" for d in seeds.divisions}
    known |= {f"org/{o.slug}" for o in ref.organisations}
    known |= {f"zone/{z.slug}" for z in ref.zones}
    known |= {f"cluster/{c.slug}" for c in ref.clusters}
    return known


def check_references(seeds: Seeds, folder: Path) -> Iterator[str]:
    """Problems in reference data: unknown parents, places, issuers or duplicate slugs."""
    ref, known = seeds.reference, known_entities(seeds)
    codes = {d.key for d in seeds.divisions}
    programs = {p.slug for p in ref.programs}
    for i, place in enumerate(ref.places):
        if place.code not in codes:
            yield f"{folder / 'places.yaml'}: places.{i}.code: unknown division {place.code}"
    for i, org in enumerate(ref.organisations):
        for field, value in (("parent", org.parent), ("located_in", org.located_in)):
            if value and value not in known:
                yield f"{folder / 'organisations.yaml'}: organisations.{i}.{field}: unknown {value}"
    for i, prog in enumerate(ref.programs):
        for issuer in prog.issuers:
            if issuer not in known:
                yield f"{folder / 'programs.yaml'}: programs.{i}.issuers: unknown {issuer}"
        if prog.parent and prog.parent not in programs:
            yield f"{folder / 'programs.yaml'}: programs.{i}.parent: unknown program {prog.parent}"
    for i, zone in enumerate(ref.zones):
        if zone.located_in not in known:
            yield f"{folder / 'zones.yaml'}: zones.{i}.located_in: unknown {zone.located_in}"
    for i, cluster in enumerate(ref.clusters):
        for where in cluster.located_in:
            if where not in known:
                yield f"{folder / 'clusters.yaml'}: clusters.{i}.located_in: unknown {where}"
    yield from _change_events(seeds, folder)
    yield from _duplicates(seeds, folder)


def _change_events(seeds: Seeds, folder: Path) -> Iterator[str]:
    ref, known = seeds.reference, known_entities(seeds)
    programs = {p.slug for p in ref.programs}
    for i, event in enumerate(ref.change_events):
        at = f"{folder / 'organisations.yaml'}: change_events.{i}"
        for field, orgs in (("original", event.original), ("resulting", event.resulting)):
            yield from (f"{at}.{field}: unknown {o}" for o in orgs if o not in known)
        unknown = [p for p in event.concerns if p not in programs]
        yield from (f"{at}.concerns: unknown program {p}" for p in unknown)


def _duplicates(seeds: Seeds, folder: Path) -> Iterator[str]:
    ref = seeds.reference
    groups = {
        "organisations": [o.slug for o in ref.organisations],
        "programs": [p.slug for p in ref.programs],
        "batches": [b.slug for p in ref.programs for b in p.batches],
        "zones": [z.slug for z in ref.zones],
        "clusters": [c.slug for c in ref.clusters],
        "change_events": [e.slug for e in ref.change_events],
    }
    for name, slugs in groups.items():
        for slug in sorted({s for s in slugs if slugs.count(s) > 1}):
            yield f"{folder}: {name}: slug {slug} is defined more than once"


def check_record(
    seeds: Seeds, path: Path, record: Record, known: set[str] | None = None
) -> list[str]:
    """Problems in one record: references that do not resolve and evidence that does not match
    (known: the entity references that resolve, when the caller has them already)."""
    known = known if known is not None else known_entities(seeds)
    programs = {p.slug: p for p in seeds.reference.programs}
    unplaced = {f"org/{o.slug}" for o in seeds.reference.organisations if not o.located_in}
    problems: list[str] = []

    def need(field: str, value: str | None) -> None:
        if value is not None and value not in known:
            problems.append(f"{path}: {field}: unknown {value.split('/')[0]} {value}")

    doc = record.document
    need("document.outlet", doc.outlet)
    for i, cited in enumerate(doc.cites):
        need(f"document.cites.{i}.outlet", cited.outlet)
    for i, d in enumerate(record.designations):
        at = f"designations.{i}"
        need(f"{at}.designee", d.designee)
        if d.designee in unplaced:
            problems.append(f"{path}: {at}.designee: {d.designee} has no located_in to place it")
        for j, org in enumerate(d.designated_by):
            need(f"{at}.designated_by.{j}", org)
        program = programs.get(d.program)
        if program is None:
            problems.append(f"{path}: {at}.program: unknown program {d.program}")
        elif d.batch and d.batch not in {b.slug for b in program.batches}:
            problems.append(f"{path}: {at}.batch: {d.batch} is not a batch of {d.program}")
    for i, c in enumerate(record.claims):
        need(f"claims.{i}.region", c.region)
    problems += check_evidence(path, record)
    return problems + _revision_problems(seeds, path, record)


def check_evidence(path: Path, record: Record) -> list[str]:
    """Evidence offsets must select the quote exactly in the document text, when it is at hand."""
    if record.document.text_file is None:
        return []
    text_path = (path.parent / record.document.text_file).resolve()
    if not text_path.exists():
        return []
    text = text_path.read_text(encoding="utf-8")
    spans: list[tuple[str, Evidence]] = []
    for i, d in enumerate(record.designations):
        spans += [(f"designations.{i}.evidence.{j}", e) for j, e in enumerate(quotes(d.evidence))]
    for i, c in enumerate(record.claims):
        spans += [(f"claims.{i}.evidence.{j}", e) for j, e in enumerate(quotes(c.evidence))]
    problems = []
    for field, ev in spans:
        if ev.start is None:
            if ev.quote not in text:
                problems.append(f"{path}: {field}.quote: not found in {text_path.name}")
        elif text[ev.start : ev.end] != ev.quote:
            found = text[ev.start : ev.end]
            problems.append(
                f"{path}: {field}: offsets {ev.start}-{ev.end} select {found!r}, not the quote"
            )
    return problems


def document_text(path: Path, record: Record) -> str | None:
    """The text of a record's document, when its text file is at hand."""
    if record.document.text_file is None:
        return None
    text_path = (path.parent / record.document.text_file).resolve()
    return text_path.read_text(encoding="utf-8") if text_path.exists() else None
