"""The `extract` and `ingest` commands: article text in, draft designations out."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click
import yaml

from api.cli.options import seeds_dir_option
from graph.errors import DesignationsError
from graph.extract import Extraction, extract_text, load_gazetteer, read_article
from graph.extract.draft import draft, outlet_in, slugify, write_draft


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


published_option = click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="Publication date of the article; resolves relative and partial dates.",
)
seeds_option = seeds_dir_option(
    "Seeds directory whose reference/ gives the gazetteers (and records/ the target)."
)


def _run(
    path: Path, published: dt.date | None, seeds_dir: Path, text: str | None = None
) -> Extraction:
    text = read_article(path) if text is None else text
    return extract_text(text, load_gazetteer(seeds_dir.resolve() / "reference"), published)


def _fail(exc: DesignationsError) -> None:
    for line in str(exc).splitlines() or [type(exc).__name__]:
        click.echo(f"error: {line}", err=True)
    sys.exit(1)


def _as_text(result: dict[str, Any]) -> str:
    doc = result["document"]
    lines = [f"{doc['language']}  published {doc['published'] or '-'}  {doc['title'] or ''}"]
    for d in result["designations"]:
        issuers = ", ".join(i["label"] for i in d["designated_by"])
        region = d["region"]["code"] if d["region"] else "-"
        program = d["program"]["label"] if d["program"] else "-"
        lines.append(
            f"- {d['designee']['label']} [{d['designee']['kind']}] by {issuers}; {program}; "
            f"{d['designation_type'] or '-'}, {d['level'] or '-'}, region {region}, "
            f"date {d['date'] or '-'} ({d['date_basis'] or '-'}), confidence {d['confidence']}"
        )
    if not result["designations"]:
        lines.append("no designation found")
    return "\n".join(lines)


@click.command("extract")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@published_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "yaml", "text"]),
    default="json",
    show_default=True,
)
@seeds_option
def extract_command(file: Path, published: dt.date | None, fmt: str, seeds_dir: Path) -> None:
    """Print the designations an article (UTF-8 text, English or Chinese) states, with the
    offsets of the words that support them."""
    try:
        result = _run(file, published, seeds_dir).as_json()
    except DesignationsError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    elif fmt == "yaml":
        click.echo(yaml.safe_dump(result, allow_unicode=True, sort_keys=False), nl=False)
    else:
        click.echo(_as_text(result))


@click.command("ingest")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@published_option
@click.option("--slug", help="Record slug; defaults to one made from the file name.")
@click.option("--outlet", help='Publishing outlet ("org/…"); defaults to one the text names.')
@seeds_option
def ingest_command(
    file: Path, published: dt.date | None, slug: str | None, outlet: str | None, seeds_dir: Path
) -> None:
    """Write an article's designations as a draft record (machine-extracted, unreviewed) into
    seeds/records/, with the article text in seeds/texts/; never overwrites a file."""
    try:
        text = read_article(file).replace("\r\n", "\n").replace("\r", "\n")
        gaz = load_gazetteer(seeds_dir.resolve() / "reference")
        result = extract_text(text, gaz, published)
        if not result.designations:
            _fail(DesignationsError(f"{file}: no designation found; nothing written"))
        outlets = [(n, e.ref) for n, e in gaz.names_of("outlet")]
        outlet = outlet or outlet_in(text, outlets)
        if outlet is None:
            _fail(DesignationsError(f"{file}: no known outlet named; give --outlet org/…"))
        name = slug or slugify(file.stem)
        record, notes = draft(result, text, name, str(outlet), f"../texts/{name}.txt")
        path = write_draft(seeds_dir, name, text, record, notes)
    except DesignationsError as exc:
        _fail(exc)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"wrote {path}: {len(record['designations'])} designations, {len(notes)} left")
