"""Settings of the service and the command line, read once from DESIGNATIONS_* variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.paths import DEFAULT_STORE
from graph.sparql.estimate import THRESHOLD


class Settings(BaseSettings):
    """Every setting, with its help text; environment variables use the DESIGNATIONS_ prefix."""

    model_config = SettingsConfigDict(env_prefix="DESIGNATIONS_", extra="ignore")

    store: Path = Field(DEFAULT_STORE, description="Directory of the Oxigraph store.")
    host: str = Field("127.0.0.1", description="Address the HTTP service listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port the HTTP service listens on.")
    update_token: str | None = Field(
        None,
        description="Bearer token that enables writes (SPARQL Update and Graph Store PUT, POST, "
        "DELETE); writes are refused without it.",
    )
    query_timeout: float = Field(
        30.0,
        gt=0,
        le=3600,
        description="Seconds a SPARQL query or update may run before its worker is killed; "
        "a request may lower it with the `timeout` parameter.",
    )
    workers: int = Field(
        4, ge=1, le=64, description="Worker processes that run SPARQL queries side by side."
    )
    max_rows: int = Field(
        10_000,
        ge=1,
        description="Most rows (or triples) a SPARQL answer carries; a longer answer is cut "
        "and says so (X-Designations-Truncated header, `truncated` in JSON results).",
    )
    max_graph_triples: int = Field(
        5_000_000,
        ge=1,
        description="Most triples a Graph Store GET of one graph carries (a graph is read "
        "whole, the derived graph among them); a longer graph is cut and says so as MAX_ROWS.",
    )
    max_body_bytes: int = Field(
        4 * 1024 * 1024,
        ge=1024,
        description="Largest request body accepted on /sparql, in bytes; larger bodies get 413.",
    )
    in_memory: bool = Field(
        False,
        description="Let each query worker copy the store into memory: several times faster "
        "joins and aggregates, at the cost of memory and a slower start after each update.",
    )
    replica: bool = Field(
        True,
        description="Answer costly joins and aggregates (SELECT over a basic graph pattern of "
        "variables and IRIs, with or without COUNT and GROUP BY) from a columnar copy of the "
        "store in DuckDB, written in the background at start and after each write; Oxigraph "
        "answers them until it is ready, and every other query.",
    )
    replica_threshold: float = Field(
        THRESHOLD,
        ge=0,
        description="Estimated cost to Oxigraph of a query's join (rows read, an index "
        "lookup counted as ten, from the replica's predicate counts) from which the columnar "
        "replica answers it; below it Oxigraph is faster. 0 sends every query of the "
        "replica's subset to the replica.",
    )
    allow_remote: bool = Field(
        False,
        description="Let SPARQL SERVICE and LOAD fetch remote addresses; refused (403) when off.",
    )
    cors_origins: list[str] = Field(
        ["*"], description="Origins allowed to call the API from a browser (CORS); [] for none."
    )
    cors_methods: list[str] = Field(
        ["GET"],
        description="Methods allowed cross-origin outside /reconcile (which always allows GET "
        "and POST from any origin, as the reconciliation spec requires).",
    )
    page_size: int = Field(20, ge=1, le=1000, description="Default page size of REST lists.")
    max_page_size: int = Field(200, ge=1, description="Largest page size a client may ask for.")
