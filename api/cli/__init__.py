"""The `designations` command line: thin adapters over the graph library, one module per
group of commands (main: build, load, query, validate, stats, serve; derived: derive,
export; articles: extract, ingest; review: the queue of drafts and decisions on them;
operate: backup, restore)."""

from api.cli.main import main

__all__ = ["main"]
