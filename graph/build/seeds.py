"""Read seed records and reference data from YAML, reporting every problem with file and field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from graph.build import record_checks
from graph.build.divisions import Division, load_divisions
from graph.build.record_checks import Known, read_document_text
from graph.build.records import Record
from graph.build.reference import Reference
from graph.errors import RecordError

M = TypeVar("M", bound=BaseModel)
REFERENCE_FILES = ("places", "organisations", "programs", "zones", "clusters")
MAX_RECORD_BYTES = 1024 * 1024
"""A record describes one document in a few kilobytes; a megabyte is a mistake or an attack."""
MAX_REFERENCE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Seeds:
    """Everything a build reads: records keyed by file, reference data and divisions."""

    records: dict[Path, Record]
    reference: Reference
    divisions: list[Division]


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(file)"


class _NoAliases(yaml.SafeLoader):
    """YAML without anchors and aliases: seeds never need them, and a few nested aliases
    expand to billions of nodes for whatever walks the result."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Refuse an alias where a node is expected."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.YAMLError(f"aliases (*{event.anchor}) are not allowed, {event.start_mark}")
        return super().compose_node(parent, index)


def read_yaml(path: Path, limit: int = MAX_REFERENCE_BYTES) -> Any:
    """Parse one YAML file of at most `limit` bytes, turning every problem into a RecordError
    naming the file."""
    size = path.stat().st_size
    if size > limit:
        raise RecordError([f"{path}: (file): {size} bytes; at most {limit} are allowed"])
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_NoAliases)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0]
        raise RecordError([f"{path}: (file): not valid YAML: {reason}"]) from exc
    except RecursionError:
        raise RecordError([f"{path}: (file): nested too deeply"]) from None


def parse_model(model: type[M], data: Any, path: Path) -> M:
    """Validate data against a model; raise RecordError with one line per problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {_field(e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise RecordError(lines) from exc


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
    if problems:
        raise RecordError(problems)
    return Reference.model_validate({k: [m.model_dump() for m in v] for k, v in merged.items()})


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
    """Read and cross-check seeds/records and seeds/reference under root; every problem of
    every file is reported together (a record that does not validate is still cross-checked
    for the rest)."""
    try:
        reference = read_reference(root / "reference")
    except RecordError as exc:
        _, _, problems = _read_records(root / "records")
        raise RecordError(exc.problems + problems) from None
    base = Seeds(records={}, reference=reference, divisions=load_divisions(reference.places))
    records, problems = read_checked_records(base, root / "records")
    problems = list(check_references(base, root / "reference")) + problems
    if problems:
        raise RecordError(_by_file(problems))
    return replace(base, records=records)


def read_checked_records(base: Seeds, folder: Path) -> tuple[dict[Path, Record], list[str]]:
    """The records in a folder that validate, and every problem of every record: validation,
    then the cross-checks against base's reference data (run on the raw data of a record that
    does not validate, too)."""
    records, invalid, problems = _read_records(folder)
    refs = known(base)
    checked = [(p, r.model_dump()) for p, r in records.items()]
    checked += [(p, d) for p, d in invalid.items() if isinstance(d, dict)]
    for path, data in sorted(checked, key=lambda pair: pair[0]):
        problems += record_checks.check_record(refs, path, data)
    return records, problems


def _by_file(problems: list[str]) -> list[str]:
    """Problems grouped by file (stable within each), each line once."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda line: line.split(": ", 1)[0])


def known_entities(seeds: Seeds) -> set[str]:
    """Every entity reference ("zone/…", "adm/…", "org/…", "cluster/…") that resolves."""
    ref = seeds.reference
    known = {f"adm/{d.code}" for d in seeds.divisions}
    known |= {f"org/{o.slug}" for o in ref.organisations}
    known |= {f"zone/{z.slug}" for z in ref.zones}
    known |= {f"cluster/{c.slug}" for c in ref.clusters}
    return known


def check_references(seeds: Seeds, folder: Path) -> Iterator[str]:
    """Problems in reference data: unknown parents, places, issuers or duplicate slugs."""
    ref, known = seeds.reference, known_entities(seeds)
    codes = {d.code for d in seeds.divisions}
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
    not match (graph/build/record_checks.py)."""
    return record_checks.check_record(known(seeds), path, record.model_dump())


def document_text(path: Path, record: Record) -> str | None:
    """The text of a record's document, when its text file is at hand."""
    if record.document.text_file is None:
        return None
    text_path = (path.parent / record.document.text_file).resolve()
    return read_document_text(path, text_path) if text_path.exists() else None
