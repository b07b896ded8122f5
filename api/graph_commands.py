"""The `derive` and `export` commands, registered on the main group by api.cli."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from api.options import failures, store_option
from graph import Store
from graph.derive import rederive


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
    """Recompute the derived graph in place: findings, tallies, networks and verdicts."""
    day = as_of.date().isoformat() if as_of else None
    with failures():
        count = rederive(Store.open(store_dir, read_only=False), day)
    click.echo(f"derived {count} quads into the derived graph of {store_dir}")
