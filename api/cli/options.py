"""Options and error handling shared by every command of the CLI."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from graph import DesignationsError
from graph.paths import DEFAULT_STORE, SEEDS_DIR

F = TypeVar("F", bound=Callable[..., Any])

store_option = click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_STORE,
    show_default=True,
    envvar="DESIGNATIONS_STORE",
    help="Directory of the Oxigraph store.",
)


def seeds_dir_option(help_text: str) -> Callable[[F], F]:
    """The --seeds option of the commands that read or write seeds/, with what they use it for."""
    return click.option(
        "--seeds",
        "seeds_dir",
        type=click.Path(path_type=Path, file_okay=False, exists=True),
        default=SEEDS_DIR,
        show_default="the project's seeds/",
        help=help_text,
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
