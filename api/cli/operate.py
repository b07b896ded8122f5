"""The `backup` and `restore` commands, registered on the main group by api.cli.main."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli.options import failures, store_option
from graph.backup import backup, restore

DIRECTORY = click.Path(path_type=Path, file_okay=False)


@click.command("backup")
@store_option
@click.argument("target", type=DIRECTORY)
def backup_command(store_dir: Path, target: Path) -> None:
    """Write a consistent snapshot of the store into TARGET, a new directory; safe while the
    store is being served (and written to)."""
    with failures():
        quads = backup(store_dir, target)
    click.echo(f"backed up {quads} quads from {store_dir} into {target}")


@click.command("restore")
@store_option
@click.argument("source", type=DIRECTORY)
def restore_command(store_dir: Path, source: Path) -> None:
    """Replace the store with the backup in SOURCE (which stays as it is); on any error the
    store stays as it was. A running server goes on serving what it opened: restart it."""
    with failures():
        quads = restore(source, store_dir)
    click.echo(f"restored {quads} quads from {source} into {store_dir}")
