"""The `derive` and `export` commands, registered on the main group by api.cli.main."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click

from api.cli.options import failures, store_option
from graph import Store
from graph.derive import rederive
from graph.export import FORMATS, LANGUAGES, VIEWS, Selection, export
from graph.read.lookup import resolve_iri


@click.command("derive")
@store_option
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date at which designations must be valid (YYYY-MM-DD); default: the latest "
    "start date in the data.",
)
def derive_command(store_dir: Path, as_of: datetime.datetime | None) -> None:
    """Recompute the derived graph: findings, tallies, networks and verdicts.

    The store is copied beside itself, its derived graph recomputed there, and the copy
    swapped in: on any error the old store stays as it was."""
    day = as_of.date().isoformat() if as_of else None
    with failures():
        count = rederive(store_dir, day)
    click.echo(f"derived {count} triples into the derived graph of {store_dir}")


DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True)
@click.option("--view", type=click.Choice(VIEWS), default="whole", show_default=True)
@click.option("--lang", type=click.Choice(list(LANGUAGES)), default="en", show_default=True)
@click.option(
    "--entity",
    help="Ego view: the centre, by id (zone/baotou-rare-earth-htz), IRI or bare slug.",
)
@click.option("--hops", type=click.IntRange(min=0), default=1, show_default=True)
@click.option("--region", help="Subgraph view: a region, adm/150000 or 150000.")
@click.option(
    "--program",
    help="Subgraph view: a program, program/nkrdp-industrialization-pilot or its slug.",
)
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Subgraph view: from date."
)
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Subgraph view: to date.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
def export_command(
    store_dir: Path,
    fmt: str,
    view: str,
    lang: str,
    entity: str | None,
    hops: int,
    region: str | None,
    program: str | None,
    since: datetime.datetime | None,
    until: datetime.datetime | None,
    output: Path | None,
) -> None:
    """Export a view of the graph for Gephi, Cytoscape, D3, spreadsheets or RDF tools.

    --entity, --region and --program take the same forms as the REST API's filters."""
    with failures():
        store = Store.open(store_dir)
        selection = Selection(
            view=view,
            entity=resolve_iri(store, entity, "entity"),
            hops=hops,
            region=resolve_iri(store, region, "region"),
            program=resolve_iri(store, program, "program"),
            since=since.date().isoformat() if since else None,
            until=until.date().isoformat() if until else None,
        )
        data = export(store, fmt, selection, lang)
    if output is None:
        sys.stdout.buffer.write(data)
        return
    output.write_bytes(data)
    click.echo(f"wrote {len(data)} bytes of {fmt} to {output}")
