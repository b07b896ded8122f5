"""Shared fixtures: the project's seeds built once per session (read-only), and paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import Store, build
from graph.paths import ROOT, SEEDS_DIR

SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seeds" / "000_1e630bb68aec604c.txt"


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the project's seeds; tests must only read it."""
    store_dir = tmp_path_factory.mktemp("built") / "store"
    build(store_dir, SEEDS_DIR)
    return store_dir


@pytest.fixture
def built(built_dir: Path) -> Iterator[Store]:
    """The built store, opened read-only."""
    yield Store.open(built_dir)


@pytest.fixture(scope="session")
def server(built_dir: Path) -> Iterator[str]:
    """Base URL of a real uvicorn server over the built store, for tests that cross the wire."""
    from tests.server import running_server

    with running_server(built_dir) as base:
        yield base
