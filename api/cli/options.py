"""Options and error handling shared by every command of the CLI."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from graph import DesignationsError
from graph.paths import DEFAULT_STORE

store_option = click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_STORE,
    show_default=True,
    envvar="DESIGNATIONS_STORE",
    help="Directory of the Oxigraph store.",
)


@contextmanager
def failures() -> Iterator[None]:
    """Turn library errors into one line per problem on stderr and exit status 1."""
    try:
        yield
    except DesignationsError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            click.echo(f"error: {line}", err=True)
        sys.exit(1)
