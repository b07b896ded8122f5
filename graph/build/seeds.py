"""Read seed records and reference data from YAML, reporting every problem with file and field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graph.build import catalogue, record_checks
from graph.build.divisions import Division, load_history
from graph.build.parsing import parse_model, read_yaml
from graph.build.record_checks import Known, read_document_text
from graph.build.records import Record
from graph.build.reference import ListReference, Reference
from graph.errors import RecordError

REFERENCE_FILES = ("places", "organisations", "programs", "zones", "clusters")
LISTS_FOLDER = "lists"
MAX_RECORD_BYTES = 1024 * 1024
"""A record describes one document in a few kilobytes; a megabyte is a mistake or an attack.
(The catalogue's 2,606 listings are a table of reference data, read apart from records.)"""


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
    records, _, problems = _read_records(folder)
    if problems:
        raise RecordError(problems)
    return records


def _read_records(folder: Path) -> tuple[dict[Path, Record], dict[Path, Any], list[str]]:
    """The records that validate, the raw data of those that do not, and their problems."""
    records: dict[Path, Record] = {}
    invalid: dict[Path, Any] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = read_yaml(path, MAX_RECORD_BYTES)
        except RecordError as exc:
            problems += exc.problems
            continue
        try:
            records[path] = parse_model(Record, data, path)
        except RecordError as exc:
            problems += exc.problems
            invalid[path] = data
    return records, invalid, problems


def read_seeds(root: Path) -> Seeds:
    """Read and cross-check seeds/records and seeds/reference under root, with the catalogue's
    zones added to the reference zones and its listings as one more record. Every problem of
    every file is reported together (a record that does not validate is still cross-checked
    for the rest)."""
    folder = root / "reference"
    try:
        reference = read_reference(folder)
        loaded = catalogue.read_catalogue(folder)
    except RecordError as exc:
        _, _, problems = _read_records(root / "records")
        raise RecordError(exc.problems + problems) from None
    divisions = load_history(reference.places, folder)
    problems = list(check_references(Seeds({}, reference, divisions), folder))
    records, invalid, record_problems = _read_records(root / "records")
    if loaded is not None:
        places = {f"adm/{d.key}" for d in divisions}
        problems += catalogue.problems(loaded, reference, records, places)
        if problems:  # the catalogue's zones and record cannot be made: no cross-checks
            raise RecordError(_by_file(problems + record_problems))
        zones = catalogue.zones(loaded, reference, divisions, folder)
        reference = reference.model_copy(update={"zones": zones})
        slugs = catalogue.zone_slugs(loaded, reference)
        records[loaded.path] = catalogue.record(loaded, reference, slugs)
    seeds = Seeds(records=records, reference=reference, divisions=divisions)
    problems += record_problems + _cross_checks(seeds, records, invalid)
    if problems:
        raise RecordError(_by_file(problems))
    return seeds


def read_checked_records(base: Seeds, folder: Path) -> tuple[dict[Path, Record], list[str]]:
    """The records in a folder that validate, and every problem of every record: validation,
    then the cross-checks against base's reference data (run on the raw data of a record that
    does not validate, too)."""
    records, invalid, problems = _read_records(folder)
    return records, problems + _cross_checks(base, records, invalid)


def _cross_checks(seeds: Seeds, records: dict[Path, Record], invalid: dict[Path, Any]) -> list[str]:
    """The record checks (graph/build/record_checks.py) of valid records and of the raw data
    of invalid ones, against the seeds' reference data."""
    refs = known(seeds)
    checked = [(p, r.model_dump()) for p, r in records.items()]
    checked += [(p, d) for p, d in invalid.items() if isinstance(d, dict)]
    problems: list[str] = []
    for path, data in sorted(checked, key=lambda pair: pair[0]):
        problems += record_checks.check_record(refs, path, data)
        if path in records:  # a review names a draft among the same records
            problems += _revision_problems(replace(seeds, records=records), path, records[path])
    return problems


def _by_file(problems: list[str]) -> list[str]:
    """Problems grouped by file (stable within each), each line once."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda line: line.split(": ", 1)[0])


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


def known(seeds: Seeds) -> Known:
    """What the seeds' reference data defines, for the record checks."""
    ref = seeds.reference
    return Known(
        entities=known_entities(seeds),
        unplaced={f"org/{o.slug}" for o in ref.organisations if not o.located_in},
        batches={p.slug: {b.slug for b in p.batches} for p in ref.programs},
    )


def check_record(seeds: Seeds, path: Path, record: Record) -> list[str]:
    """Problems in one valid record: references that do not resolve and evidence that does
    not match (graph/build/record_checks.py), and a review that names no draft of its own."""
    problems = record_checks.check_record(known(seeds), path, record.model_dump())
    return problems + _revision_problems(seeds, path, record)


def document_text(path: Path, record: Record) -> str | None:
    """The text of a record's document, when its text file is at hand."""
    if record.document.text_file is None:
        return None
    text_path = (path.parent / record.document.text_file).resolve()
    return read_document_text(path, text_path) if text_path.exists() else None
