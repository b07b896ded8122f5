"""China Designations Graph: the library. Builds, stores, validates and queries the graph.

Imports rdflib, pyoxigraph, networkx and pydantic; never fastapi.
"""

from graph.build.pipeline import BuildReport, build, check
from graph.build.records import Record, record_json_schema
from graph.build.seeds import read_seeds
from graph.errors import (
    DesignationsError,
    ExportError,
    LoadError,
    NotFound,
    QueryError,
    RecordError,
    ShapeViolation,
    StoreError,
)
from graph.read.stats import stats
from graph.store import Store

__all__ = [
    "BuildReport",
    "DesignationsError",
    "ExportError",
    "LoadError",
    "NotFound",
    "QueryError",
    "Record",
    "RecordError",
    "ShapeViolation",
    "Store",
    "StoreError",
    "build",
    "check",
    "read_seeds",
    "record_json_schema",
    "stats",
]
