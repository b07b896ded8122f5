"""The review queue: machine-extracted drafts in seeds/records/ that no person has decided on,
with their evidence in context; and a person's decision on one (accept, correct, reject),
written as a reviewed record beside the draft. The draft stays on disk as the extractor wrote
it; the build maps the reviewed record in its place (linked to it with prov:wasRevisionOf), or
nothing when it was rejected."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.build.parsing import dump_yaml, parse_model, read_yaml
from graph.build.records import Decision, Record
from graph.build.seeds import check_record, draft_of, read_records, read_seeds
from graph.extract.reading import ExtractError
from graph.files import write_new

CONTEXT = 40
MACHINE = "(machine-extracted)"
_DATE_FIELDS = ("announced", "decided", "valid_from", "valid_until")
_LIST_FIELDS = ("designated_by",)


@dataclass(frozen=True)
class Draft:
    """An unreviewed draft record: its id (the file name without .yaml), file, record, the
    notes its header lists and the text of its article when at hand."""

    id: str
    path: Path
    record: Record
    notes: list[str]
    text: str | None


def _notes(path: Path) -> list[str]:
    lines = path.read_text("utf-8").splitlines()
    return [line[2:] for line in lines[1:] if line.startswith("# ")]


def _text(path: Path, record: Record) -> str | None:
    if record.document.text_file is None:
        return None
    text_path = (path.parent / record.document.text_file).resolve()
    return text_path.read_text("utf-8") if text_path.exists() else None


def queue(seeds_dir: Path) -> list[Draft]:
    """The drafts awaiting review, in file order."""
    records = read_records(seeds_dir / "records")
    decided = {draft_of(p, r) for p, r in records.items()}
    return [
        Draft(path.stem, path, record, _notes(path), _text(path, record))
        for path, record in records.items()
        if record.review == "unreviewed" and path not in decided
    ]


def in_context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """A quote with the words around it, the quote marked: "…before [[quote]] after…"."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    before = ("…" if lo else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def _find(seeds_dir: Path, draft_id: str) -> Draft:
    for draft in queue(seeds_dir):
        if draft.id == draft_id:
            return draft
    folder = seeds_dir / "records"
    if (folder / f"{draft_id}.yaml").exists():
        raise ExtractError(f"{folder / draft_id}.yaml: not a draft awaiting review")
    raise ExtractError(f"{folder}: no draft {draft_id!r} awaiting review")


def _set(designation: dict[str, Any], field: str, value: str) -> None:
    if field in _LIST_FIELDS:
        designation[field] = [v.strip() for v in value.split(",") if v.strip()]
    elif field in _DATE_FIELDS:
        designation[field] = {"value": value, "basis": "stated"}
    else:
        designation[field] = value


def _corrected(data: dict[str, Any], changes: list[str], drops: list[str]) -> None:
    """Apply "KEY.FIELD=VALUE" changes and drop designations by key (with their claims)."""
    by_key = {d["key"]: d for d in data["designations"]}
    for change in changes:
        target, sep, value = change.partition("=")
        key, dot, field = target.partition(".")
        if not sep or not dot or key not in by_key:
            known = ", ".join(by_key) or "none"
            raise ExtractError(
                f"--set {change!r}: expected KEY.FIELD=VALUE with KEY one of {known}"
            )
        _set(by_key[key], field, value)
    unknown = [k for k in drops if k not in by_key]
    if unknown:
        raise ExtractError(f"--drop {unknown[0]!r}: no designation with that key")
    data["designations"] = [d for d in data["designations"] if d["key"] not in drops]
    data["claims"] = [c for c in data.get("claims", []) if c.get("about") not in drops]


def _reviewed(data: dict[str, Any], reviewer: str) -> None:
    """A draft's data as a person's record: statements no longer machine-extracted, and
    without the caveat that every value awaits review."""
    done = f"(reviewed by {reviewer})"
    for item in [*data["designations"], *data.get("claims", [])]:
        item["statement"] = str(item["statement"]).replace(MACHINE, done)
    caveats = [c for c in data["document"].get("caveats", []) if c["kind"] != "machine-extracted"]
    data["document"]["caveats"] = caveats


@dataclass(frozen=True)
class Decided:
    """What a person decided on a draft, and when."""

    decision: Decision
    reviewer: str
    at: dt.datetime
    note: str | None = None
    changes: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()
    replacement: Path | None = None


def _revision(draft: Draft, decided: Decided) -> dict[str, Any]:
    out: dict[str, Any] = {
        "of": draft.id,
        "decision": decided.decision,
        "reviewer": decided.reviewer,
        "at": decided.at.isoformat(),
    }
    if decided.note:
        out["note"] = decided.note
    return out


def _data(draft: Draft, decided: Decided) -> dict[str, Any]:
    """The reviewed record's data: the draft's, corrected as decided, or none for a rejection."""
    data: dict[str, Any] = copy.deepcopy(read_yaml(draft.path))
    if decided.decision == "rejected":
        data.update(review="rejected", designations=[], claims=[])
        return data
    if decided.replacement is not None:
        data = dict(read_yaml(decided.replacement))
    _corrected(data, list(decided.changes), list(decided.drops))
    _reviewed(data, decided.reviewer)
    data["review"] = "reviewed"
    return data


def _check(decided: Decided) -> None:
    edits = decided.changes or decided.drops or decided.replacement
    if decided.decision == "accepted" and edits:
        raise ExtractError("accept takes the draft as it is; give changes to correct instead")
    if decided.decision == "corrected" and not edits:
        raise ExtractError("correct needs a change: --set KEY.FIELD=VALUE, --drop KEY or --file")
    if decided.at.tzinfo is None:
        raise ExtractError(f"{decided.at.isoformat()}: give the time of the review with its offset")


def decide(seeds_dir: Path, draft_id: str, decided: Decided) -> Path:
    """Record a person's decision on a draft as a reviewed record beside it; never overwrites,
    never touches the draft."""
    _check(decided)
    draft = _find(seeds_dir, draft_id)
    data = _data(draft, decided)
    data["revision"] = _revision(draft, decided)
    path = draft.path.with_name(f"{draft.id}.review.yaml")
    if path.exists():
        raise ExtractError(f"{path}: already exists; not overwritten")
    model = parse_model(Record, _ordered(data), path)
    problems = check_record(read_seeds(seeds_dir), path, model)
    if problems:
        raise ExtractError("\n".join(problems))
    header = f"# {decided.decision.capitalize()} by {decided.reviewer} at {decided.at.isoformat()}"
    body = dump_yaml(_ordered(data))
    write_new(path, f"{header}: review of {draft.path.name}, which stays as drafted.\n{body}")
    return path


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The record's fields in the order the drafts use."""
    order = ("document", "verification", "review", "revision", "designations", "claims")
    return {k: data[k] for k in order if k in data} | {
        k: v for k, v in data.items() if k not in order
    }
