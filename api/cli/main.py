"""The core commands of `designations` (build, load, query, validate, stats, serve), and the
group that gathers every command."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
import pyoxigraph as ox
from tqdm import tqdm

from api.cli.articles import extract_command, ingest_command
from api.cli.derived import derive_command, export_command
from api.cli.lists import import_list_command
from api.cli.operate import backup_command, restore_command
from api.cli.options import failures, read_text, store_option
from api.cli.review import review_group
from graph import Store, build, check, stats
from graph.sparql.writers import OUTPUT_FORMATS, serialise
from graph.store import load_files

BUILD_STEPS = 5


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """China Designations Graph: build, query and serve a knowledge graph of China's
    industrial-policy designations, with provenance for every fact."""


@main.command("build")
@store_option
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="Seeds directory (records/ and reference/); defaults to the project's seeds/.",
)
def build_command(store_dir: Path, seeds_dir: Path | None) -> None:
    """Build the store from the seeds: validate, map, derive, check, then swap it in."""
    extra: dict[str, Any] = {"seeds_dir": seeds_dir} if seeds_dir else {}
    with failures(), tqdm(total=BUILD_STEPS, unit="step", file=sys.stderr, disable=None) as bar:

        def step(name: str) -> None:
            bar.set_description(name)
            bar.update(1)

        report = build(store_dir, progress=step, **extra)
    click.echo(
        f"built {store_dir}: {report.quads} quads in {report.graphs} named graphs "
        f"from {report.records} records in {report.seconds:.1f} s"
    )


@main.command("load")
@store_option
@click.option("--graph", "graph_iri", required=True, help="IRI of the named graph to load into.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
def load_command(store_dir: Path, graph_iri: str, files: tuple[Path, ...]) -> None:
    """Bulk-load N-Triples, N-Quads, Turtle or TriG files into a named graph.

    The files go into a copy of the store, swapped in when all have loaded: on any error the
    store stays as it was. Writes made through the service meanwhile are not carried over."""
    if not _is_iri(graph_iri):
        raise click.BadParameter(f"not an absolute IRI: {graph_iri}", param_hint="--graph")
    graph = ox.NamedNode(graph_iri)

    def done(path: Path, count: int) -> None:
        click.echo(f"loaded {count} quads from {path} into <{graph_iri}>")

    with failures():
        load_files(store_dir, tqdm(files, unit="file", file=sys.stderr, disable=None), graph, done)


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return ":" in text


@main.command("query")
@store_option
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path, exists=True))
@click.option(
    "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True
)
def query_command(store_dir: Path, sparql: str | None, query_file: Path | None, fmt: str) -> None:
    """Run a SPARQL query (a string, or -f FILE) against the store."""
    if (sparql is None) == (query_file is None):
        raise click.UsageError("give a SPARQL query string or -f FILE, not both or neither")
    text = read_text(query_file) if query_file else str(sparql)
    with failures():
        result = Store.open(store_dir).query(text)
        sys.stdout.buffer.write(serialise(result, fmt))


@main.command("validate")
@store_option
def validate_command(store_dir: Path) -> None:
    """Check the store against the SHACL shapes and the ontology lint."""
    with failures():
        problems = check(Store.open(store_dir))
    for line in problems:
        click.echo(f"violation: {line}", err=True)
    if problems:
        sys.exit(1)
    click.echo(f"{store_dir}: conforms to the shapes and the ontology lint")


@main.command("stats")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats_command(store_dir: Path, as_json: bool) -> None:
    """Print quad, graph and entity counts of the store."""
    with failures():
        counts = stats(Store.open(store_dir))
    if as_json:
        click.echo(json.dumps(counts, indent=2))
    else:
        for name, value in counts.items():
            click.echo(f"{name.replace('_', ' '):<42}{value:>10}")


@main.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--update-token",
    envvar="DESIGNATIONS_UPDATE_TOKEN",
    default=None,
    help="Enable writes (SPARQL Update; Graph Store PUT, POST, DELETE on /sparql) for requests "
    "bearing this token (or DESIGNATIONS_UPDATE_TOKEN).",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    envvar="DESIGNATIONS_ALLOW_EMPTY_STORE",
    help="Serve a missing or empty store as an empty store (created if need be), instead of "
    "refusing to start (or DESIGNATIONS_ALLOW_EMPTY_STORE=true).",
)
def serve_command(
    store_dir: Path, host: str, port: int, update_token: str | None, allow_empty: bool
) -> None:
    """Serve the store over HTTP: SPARQL endpoint, REST API and Linked Data."""
    import uvicorn

    from api.app import create_app
    from api.settings import Settings

    if not allow_empty:
        with failures():
            Store.require_data(store_dir)
    settings = Settings(
        store=store_dir,
        host=host,
        port=port,
        update_token=update_token,
        allow_empty_store=allow_empty,
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


main.add_command(derive_command)
main.add_command(export_command)
main.add_command(extract_command)
main.add_command(ingest_command)
main.add_command(review_group)
main.add_command(import_list_command)
main.add_command(backup_command)
main.add_command(restore_command)
