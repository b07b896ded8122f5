"""Settings of the service and the command line, read once from DESIGNATIONS_* variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.paths import DEFAULT_STORE


class Settings(BaseSettings):
    """Every setting, with its help text; environment variables use the DESIGNATIONS_ prefix."""

    model_config = SettingsConfigDict(env_prefix="DESIGNATIONS_", extra="ignore")

    store: Path = Field(DEFAULT_STORE, description="Directory of the Oxigraph store.")
    host: str = Field("127.0.0.1", description="Address the HTTP service listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port the HTTP service listens on.")
    update_token: str | None = Field(
        None, description="Bearer token that enables SPARQL Update; updates are refused without it."
    )
