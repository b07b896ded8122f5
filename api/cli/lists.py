"""The `import-list` command: an official list (名单) in, one record and its list out."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli.articles import seeds_option
from api.cli.options import failures
from graph.build.list_import import ListSpec, import_list


@click.command("import-list")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--program", required=True, help="Slug of the program the list belongs to.")
@click.option("--batch", required=True, help="Slug of the batch the list is (new or existing).")
@click.option("--issued", required=True, metavar="YYYY[-MM[-DD]]", help="Date of the list.")
@click.option("--source", required=True, metavar="URL", help="Address of the list's document.")
@click.option("--slug", default=None, help="Slug of the record to write (default: the batch's).")
@click.option("--title", default=None, help="Title of the list's document and batch.")
@click.option("--outlet", default=None, help="Publisher (org/…; default: the program's issuer).")
@click.option(
    "--level", type=click.Choice(["national", "provincial", "municipal"]), default="national"
)
@click.option(
    "--kind",
    type=click.Choice(["official-notice", "news-article", "web-page", "report"]),
    default="official-notice",
    show_default=True,
    help="What the list's document is.",
)
@click.option("--partial", is_flag=True, help="The file holds part of the list only.")
@click.option(
    "--allow-unresolved",
    is_flag=True,
    help="Write the rows that resolve and leave out the others (the batch is then partial).",
)
@seeds_option
def import_list_command(
    file: Path,
    program: str,
    batch: str,
    issued: str,
    source: str,
    slug: str | None,
    title: str | None,
    outlet: str | None,
    level: str,
    kind: str,
    partial: bool,
    allow_unresolved: bool,
    seeds_dir: Path,
) -> None:
    """Import an official list: numbered lines, a table pasted as text, CSV or XLSX.

    Every row resolves to an existing zone, cluster, organisation or division by its name,
    or becomes a new cluster or zone placed in the divisions it names. Writes one record
    (seeds/records/SLUG.yaml) and, for a new batch or new entities,
    seeds/reference/lists/SLUG.yaml; never overwrites a file. Any row that fails is reported
    (row number, text, reason) and nothing is written, unless --allow-unresolved.
    """
    spec = ListSpec(
        program=program,
        batch=batch,
        issued=issued,
        source=source,
        slug=slug or batch,
        title=title,
        outlet=outlet,
        level=level,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        partial=partial,
        allow_unresolved=allow_unresolved,
    )
    with failures():
        written = import_list(file, spec, seeds_dir)
    for problem in written.left_out:
        click.echo(f"left out: {problem.line()}", err=True)
    click.echo(f"wrote {written.record} ({written.rows} designations)")
    if written.reference is not None:
        click.echo(f"wrote {written.reference}")
