"""Turn an official list (名单) into seeds: one record of the document that gives the list, and,
under seeds/reference/lists/, the list's batch and the entities it names that the reference
data did not hold.

Each row resolves to one designee: an entity whose name (or alternative name) is exactly the
row's, else a new cluster or zone named by the row and placed in every division the row names.
A row that resolves to several entities, or names no division for a new one, fails with its
number, text and reason; then nothing is written, unless unresolved rows are allowed (they are
left out, and the batch is not called complete). Nothing is ever overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml

from graph.build.labels import plain_word
from graph.build.list_rows import ListRow, read_rows
from graph.build.records import DATE_PATTERN, SLUG_PATTERN, DesignationType, DocumentKind, Level
from graph.build.reference import Program
from graph.build.seeds import LISTS_FOLDER, Seeds, read_seeds
from graph.build.zone_names import Namer, place_words, read_terms
from graph.errors import RecordError
from graph.extract.gazetteer import Entry, Gazetteer, gazetteer_of
from graph.extract.normalise import key, normalise

DESIGNEE_KINDS = ("zone", "cluster", "org", "division")
# Designation types whose designees are zones; clusters get clusters, the others must exist.
NOT_ZONES = frozenset({"cluster", "pilot-unit", "pilot-city", "innovation-center", "access-list"})
ZONE_TYPES = frozenset(get_args(DesignationType)) - NOT_ZONES
_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class ListSpec:
    """What the command line says about the list: its program, batch, date, source and the
    record to write."""

    program: str
    batch: str
    issued: str
    source: str
    slug: str
    title: str | None = None
    outlet: str | None = None
    level: Level = "national"
    kind: DocumentKind = "official-notice"
    partial: bool = False
    allow_unresolved: bool = False


@dataclass(frozen=True)
class Problem:
    """A row that could not be resolved, and why."""

    row: ListRow
    reason: str

    def line(self) -> str:
        """The report line: row number, text, reason."""
        return f"row {self.row.number}: {self.row.text}: {self.reason}"


@dataclass
class Outcome:
    """What resolving a list found: each resolved row's designee, new entities, problems."""

    designees: list[tuple[ListRow, str]] = field(default_factory=list)
    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Written:
    """The files an import wrote, and the rows it left out."""

    record: Path
    reference: Path | None
    rows: int
    left_out: list[Problem]


def import_list(path: Path, spec: ListSpec, root: Path) -> Written:
    """Import a list file into the seeds under root; RecordError (one line per problem) when
    the options, the file or any row fails and unresolved rows are not allowed."""
    seeds = read_seeds(root)
    program = _check_spec(spec, seeds, root)
    rows = read_rows(path)
    if not rows:
        raise RecordError([f"{path}: no rows with a name"])
    outcome = resolve(rows, seeds, program, root / "reference")
    if outcome.problems and not spec.allow_unresolved:
        raise RecordError([p.line() for p in outcome.problems])
    if not outcome.designees:
        raise RecordError([f"{path}: no row resolved; nothing to write"])
    return _write(spec, seeds, program, rows, outcome, root, path)


def _check_spec(spec: ListSpec, seeds: Seeds, root: Path) -> Program:
    programs = {p.slug: p for p in seeds.reference.programs}
    problems = []
    program = programs.get(spec.program)
    if program is None:
        problems.append(f"--program: unknown program {spec.program}")
    for name, value in (("--batch", spec.batch), ("--slug", spec.slug)):
        if not _SLUG.match(value):
            problems.append(f"{name}: {value!r} is not a slug (lowercase letters, digits, hyphens)")
    if not re.match(DATE_PATTERN, spec.issued):
        problems.append(f"--issued: {spec.issued!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if not re.match(r"^https?://\S+$", spec.source):
        problems.append(f"--source: {spec.source!r} is not an http(s) address")
    for target in _targets(spec, root):
        if target.exists():
            problems.append(f"{target}: already exists; an import never overwrites a file")
    batches = {b.slug: p.slug for p in seeds.reference.programs for b in p.batches}
    if spec.batch in batches and batches[spec.batch] != spec.program:
        problems.append(f"--batch: {spec.batch} is a batch of {batches[spec.batch]}")
    if problems or program is None:
        raise RecordError(problems)
    return program


def _targets(spec: ListSpec, root: Path) -> tuple[Path, Path]:
    return (
        root / "records" / f"{spec.slug}.yaml",
        root / "reference" / LISTS_FOLDER / f"{spec.slug}.yaml",
    )


def resolve(rows: list[ListRow], seeds: Seeds, program: Program, folder: Path) -> Outcome:
    """Resolve each row to a designee, minting new clusters or zones where the program's
    designees are clusters or zones and the row names the divisions they lie in."""
    current = [d for d in seeds.divisions if d.current]
    gaz = gazetteer_of(seeds.reference, current)
    namer = Namer(read_terms(folder), place_words(current))
    taken = _taken_slugs(seeds)
    outcome = Outcome()
    for row in rows:
        found = _existing(gaz, row.name)
        if len(found) > 1:
            refs = ", ".join(sorted(e.ref for e in found))
            outcome.problems.append(Problem(row, f"ambiguous: the name is that of {refs}"))
        elif found:
            outcome.designees.append((row, found[0].ref))
        else:
            _new(row, program, gaz, namer, taken, outcome)
    return outcome


def _existing(gaz: Gazetteer, name: str) -> list[Entry]:
    entries = gaz.by_key.get(key(name), [])
    unique = {e.ref: e for e in entries if e.kind in DESIGNEE_KINDS}
    return list(unique.values())


def _new(
    row: ListRow, program: Program, gaz: Gazetteer, namer: Namer, taken: set[str], out: Outcome
) -> None:
    kind = "cluster" if program.designation_type == "cluster" else None
    if kind is None and program.designation_type in ZONE_TYPES:
        kind = "zone"
    if kind is None:
        reason = f"no {program.designation_type or 'designee'} of that name in the reference data"
        out.problems.append(Problem(row, reason))
        return
    places = _divisions_named(gaz, " ".join((row.name, *row.others)))
    if not places or (kind == "zone" and len(places) > 1):
        what = "names no division" if not places else f"names {len(places)} divisions"
        out.problems.append(Problem(row, f"a new {kind} needs one place; the row {what}"))
        return
    slug = _slug(row.name, namer, kind, taken)
    taken.add(slug)
    named = namer.name(row.name)
    entity: dict[str, Any] = {
        "slug": slug,
        "names": {"zh": row.name, "en": named.en, "pinyin": named.pinyin},
        "located_in": places if kind == "cluster" else places[0],
        "label_basis": "generated",
    }
    out.new[f"{kind}/{slug}"] = entity
    out.designees.append((row, f"{kind}/{slug}"))


def _divisions_named(gaz: Gazetteer, text: str) -> list[str]:
    """The divisions a text names, in order; a province only when nothing inside it is named."""
    refs: list[str] = []
    for mention in gaz.scan(normalise(text), text):
        found = [e.ref for e in mention.entries if e.kind == "division"]
        if len(found) == 1 and found[0] not in refs:
            refs.append(found[0])
    inner = {r[4:6] for r in refs if not r.endswith("0000")}
    return [r for r in refs if not (r.endswith("0000") and r[4:6] in inner)]


def _slug(name: str, namer: Namer, kind: str, taken: set[str]) -> str:
    words = [plain_word(w) for w in re.findall(r"[\u3400-\u9fff]+|[A-Za-z0-9]+", name)]
    base = "-".join(namer.name(name).en.lower().replace("'", "").split()) or "-".join(words)
    base = re.sub(r"[^a-z0-9]+", "-", base).strip("-")[:70].strip("-") or kind
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _taken_slugs(seeds: Seeds) -> set[str]:
    ref = seeds.reference
    return {z.slug for z in ref.zones} | {c.slug for c in ref.clusters}


def _write(
    spec: ListSpec,
    seeds: Seeds,
    program: Program,
    rows: list[ListRow],
    outcome: Outcome,
    root: Path,
    path: Path,
) -> Written:
    record_path, reference_path = _targets(spec, root)
    reference = _reference(spec, seeds, program, rows, outcome)
    record = _record(spec, program, outcome, path, len(rows))
    record_path.parent.mkdir(parents=True, exist_ok=True)
    _dump(record_path, record, f"Imported by `designations import-list` from {path.name}.")
    written = None
    if reference is not None:
        reference_path.parent.mkdir(parents=True, exist_ok=True)
        _dump(reference_path, reference, f"The list of {record_path.name}: its batch and names.")
        written = reference_path
    return Written(record_path, written, len(outcome.designees), outcome.problems)


def _reference(
    spec: ListSpec, seeds: Seeds, program: Program, rows: list[ListRow], outcome: Outcome
) -> dict[str, Any] | None:
    known = {b.slug for p in seeds.reference.programs for b in p.batches}
    data: dict[str, Any] = {"program": program.slug}
    if spec.batch not in known:
        complete = not spec.partial and not outcome.problems
        data["batch"] = {
            "slug": spec.batch,
            "names": {"zh": spec.title or program.names.zh, "en": spec.title or program.names.en},
            "issued": {"value": spec.issued},
            "member_count": len(rows),
            "coverage": "complete-official-list" if complete else "partial-news-corpus",
            "source": spec.source,
        }
    for ref, entity in outcome.new.items():
        data.setdefault(ref.split("/")[0] + "s", []).append(entity)
    return data if len(data) > 1 else None


def _record(
    spec: ListSpec, program: Program, outcome: Outcome, path: Path, rows: int
) -> dict[str, Any]:
    outlet = spec.outlet or program.issuers[0]
    # An official notice's date is the designations' announcement; a report's is only its own.
    official = spec.kind == "official-notice"
    announced = {"announced": {"value": spec.issued}} if official else {}
    designations = [
        {
            "key": f"row-{row.number}",
            "designee": designee,
            "designated_by": list(program.issuers),
            "program": program.slug,
            "designation_type": program.designation_type,
            "batch": spec.batch,
            "level": spec.level,
            **announced,
            "statement": f"Row {row.number} of the list names {row.name}.",
            "evidence": [{"quote": row.name}],
        }
        for row, designee in outcome.designees
    ]
    return {
        "document": {
            "slug": spec.slug,
            "title": spec.title or f"{program.names.zh}名单",
            "kind": spec.kind,
            "outlet": outlet,
            "url": spec.source,
            "published": {"value": spec.issued},
            "language": "zh",
            "summary": f"A list of {rows} rows under {program.names.en}, imported from "
            f"{path.name}; {len(designations)} rows resolved.",
        },
        "verification": "unverified",
        "designations": designations,
    }


def _dump(path: Path, data: dict[str, Any], comment: str) -> None:
    """Write YAML to a new file (exclusive creation: never over an existing one)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    with path.open("x", encoding="utf-8") as out:
        out.write(f"# {comment}\n{text}")


__all__ = ["ListSpec", "Problem", "Written", "import_list", "resolve"]
