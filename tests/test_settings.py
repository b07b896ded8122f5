"""Every setting has help text, and settings come from DESIGNATIONS_* variables."""

from __future__ import annotations

import re

import pytest

from api.settings import Settings
from graph.paths import ROOT


def test_every_setting_is_documented() -> None:
    undocumented = [n for n, f in Settings.model_fields.items() if not f.description]
    assert undocumented == []


def test_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNATIONS_CORS_ORIGINS", '["https://example.org"]')
    monkeypatch.setenv("DESIGNATIONS_PAGE_SIZE", "7")
    settings = Settings()
    assert (settings.cors_origins, settings.cors_methods, settings.page_size) == (
        ["https://example.org"],
        ["GET"],
        7,
    )


def test_every_setting_is_in_the_readme_table() -> None:
    rows = [line for line in (ROOT / "README.md").read_text("utf-8").splitlines()
            if line.startswith("| `")]  # fmt: skip
    named = {name for row in rows for name in re.findall(r"`([A-Z_]+)`", row.split(" | ")[0])}
    assert sorted(n.upper() for n in Settings.model_fields if n.upper() not in named) == []
