"""Example SPARQL queries: .rq files with a title and a one-line description on top."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from graph.errors import NotFound, RecordError
from graph.paths import ROOT

EXAMPLES_DIR = ROOT / "queries"


class Example(BaseModel):
    """One example query: its name (file stem), title, description and text."""

    name: str
    title: str
    description: str
    query: str


def read_example(path: Path) -> Example:
    """An example from its file; the first two lines must be `# title:` and `# description:`."""
    text = path.read_text("utf-8")
    header = dict(line[2:].split(":", 1) for line in text.splitlines()[:2] if line.startswith("# "))
    if set(header) != {"title", "description"}:
        raise RecordError([f"{path.name}: first lines must be '# title:' and '# description:'"])
    return Example(
        name=path.stem,
        title=header["title"].strip(),
        description=header["description"].strip(),
        query=text,
    )


def examples(directory: Path = EXAMPLES_DIR) -> list[Example]:
    """Every example, by name."""
    return [read_example(p) for p in sorted(directory.glob("*.rq"))]


def example(name: str, directory: Path = EXAMPLES_DIR) -> Example:
    """One example by name; NotFound when there is no such file."""
    for e in examples(directory):
        if e.name == name:
            return e
    raise NotFound(f"no example query {name}")
