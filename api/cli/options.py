"""Options and error handling shared by every command of the CLI."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from graph import DesignationsError
from graph.paths import DEFAULT_STORE, SEEDS_DIR
from graph.staging import reason

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
    """Turn library errors into one line per problem on stderr and exit status 1; so too an
    operating-system error (a full disk, a file that cannot be written), in one line."""
    try:
        yield
    except DesignationsError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            click.echo(f"error: {line}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: {reason(exc)}", err=True)
        sys.exit(1)


class InputError(click.ClickException):
    """Raised when a file given on the command line cannot be read; shown as one line."""

    def show(self, file: IO[Any] | None = None) -> None:
        """Print `error: message` on stderr, as every other failure."""
        click.echo(f"error: {self.format_message()}", err=True)


def read_text(path: Path) -> str:
    """A UTF-8 text file given on the command line; InputError (one line, exit 1) otherwise."""
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text (bad byte at offset {exc.start})") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {reason(exc)}") from None
