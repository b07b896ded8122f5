"""Where the project's files are, relative to the installed source tree."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SEEDS_DIR = ROOT / "seeds"
DEFAULT_STORE = Path("data/store")
ONTOLOGY_FILES = ("cnd.ttl", "concepts.ttl")
SHAPES_FILE = "shapes.ttl"
CONTEXT_FILE = "context.jsonld"
