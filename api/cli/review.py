"""The `review` commands: the queue of machine-extracted drafts awaiting a person, and the
person's decision on one (accept, correct, reject)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from api.cli.options import failures, seeds_dir_option
from graph.extract.review import Decided, Draft, decide, in_context, queue

seeds_option = seeds_dir_option("Seeds directory whose records/ holds the drafts.")


def _when(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        at = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 time") from None
    if at.tzinfo is None:
        raise click.BadParameter(f"{value!r} has no UTC offset (e.g. 2026-03-01T10:00:00Z)")
    return at


def _decision_options(command: Any) -> Any:
    for option in reversed(
        [
            click.argument("draft_id", metavar="ID"),
            click.option("--reviewer", required=True, help="Who decides (your name)."),
            click.option(
                "--at",
                callback=_when,
                metavar="TIME",
                help="When the decision was made (ISO 8601 with offset); defaults to now.",
            ),
            click.option("--note", help="Why, in a sentence."),
            seeds_option,
        ]
    ):
        command = option(command)
    return command


def _designation(d: Any, text: str | None) -> dict[str, Any]:
    evidence = [
        {
            "quote": e.quote,
            "start": e.start,
            "end": e.end,
            "context": None
            if text is None or e.start is None
            else in_context(text, e.start, e.end),
        }
        for e in d.evidence
    ]
    return {
        "key": d.key,
        "designee": d.designee,
        "designated_by": d.designated_by,
        "program": d.program,
        "designation_type": d.designation_type,
        "batch": d.batch,
        "level": d.level,
        "announced": None if d.announced is None else d.announced.value,
        "evidence": evidence,
    }


def _as_json(draft: Draft) -> dict[str, Any]:
    return {
        "id": draft.id,
        "file": str(draft.path),
        "title": draft.record.document.title,
        "designations": [_designation(d, draft.text) for d in draft.record.designations],
        "notes": draft.notes,
    }


def _as_text(item: dict[str, Any]) -> list[str]:
    lines = [f"{item['id']}  {item['title']}  ({item['file']})"]
    for d in item["designations"]:
        issuers = ", ".join(d["designated_by"])
        lines.append(
            f"  {d['key']}: {d['designee']} by {issuers}; program {d['program']}; "
            f"{d['designation_type']}, {d['level']}, announced {d['announced'] or '-'}"
        )
        lines += [f"    {e['context'] or e['quote']}" for e in d["evidence"]]
    lines += [f"  # {n}" for n in item["notes"]]
    return lines


@click.group("review", invoke_without_command=True)
@seeds_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_context
def review_group(ctx: click.Context, seeds_dir: Path, fmt: str) -> None:
    """List the machine-extracted drafts in seeds/records/ awaiting review, with the evidence
    of each designation in context ([[quote]]); `review accept|correct|reject ID` decides."""
    if ctx.invoked_subcommand is not None:
        return
    with failures():
        items = [_as_json(d) for d in queue(seeds_dir)]
    if fmt == "json":
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    for item in items:
        click.echo("\n".join(_as_text(item)))
    click.echo(f"{len(items)} draft{'s' if len(items) != 1 else ''} awaiting review")


def _decide(seeds_dir: Path, draft_id: str, decided: Decided) -> None:
    with failures():
        path = decide(seeds_dir, draft_id, decided)
    click.echo(f"wrote {path}: {decided.decision} by {decided.reviewer}")


@review_group.command("accept")
@_decision_options
def accept_command(
    draft_id: str, reviewer: str, at: dt.datetime, note: str | None, seeds_dir: Path
) -> None:
    """Accept a draft as the extractor wrote it."""
    _decide(seeds_dir, draft_id, Decided("accepted", reviewer, at, note))


@review_group.command("reject")
@_decision_options
def reject_command(
    draft_id: str, reviewer: str, at: dt.datetime, note: str | None, seeds_dir: Path
) -> None:
    """Reject a draft: the build leaves its designations out; the draft stays on disk."""
    _decide(seeds_dir, draft_id, Decided("rejected", reviewer, at, note))


@review_group.command("correct")
@_decision_options
@click.option(
    "--set",
    "changes",
    multiple=True,
    metavar="KEY.FIELD=VALUE",
    help="Change a field of the designation KEY (designee, program, designated_by as a comma "
    "list, designation_type, batch, level, announced as YYYY[-MM[-DD]], verification).",
)
@click.option("--drop", "drops", multiple=True, metavar="KEY", help="Leave out a designation.")
@click.option(
    "--file",
    "replacement",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="A corrected copy of the draft record (YAML) to take instead of the draft.",
)
def correct_command(
    draft_id: str,
    reviewer: str,
    at: dt.datetime,
    note: str | None,
    seeds_dir: Path,
    changes: tuple[str, ...],
    drops: tuple[str, ...],
    replacement: Path | None,
) -> None:
    """Correct a draft: its reviewed version takes the changes; the draft stays as it was."""
    decided = Decided("corrected", reviewer, at, note, changes, drops, replacement)
    _decide(seeds_dir, draft_id, decided)
