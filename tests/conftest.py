"""Shared fixtures: the project's seeds built once per session (read-only), and paths.

The W3C and reconciliation conformance suites and the seed article's text live outside the
project (default `../shared/`). Tests that need them skip with one line when they are absent;
`DESIGNATIONS_CONFORMANCE` and `DESIGNATIONS_SEED_TEXT` point elsewhere, and
`DESIGNATIONS_REQUIRE_SHARED=1` (set by `.ci/run`) turns their absence into an error.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from graph import Store, build
from graph.paths import ROOT, SEEDS_DIR

SHARED = ROOT.parent / "shared"
CONFORMANCE = Path(os.environ.get("DESIGNATIONS_CONFORMANCE") or SHARED / "conformance")
SEED_TEXT = Path(
    os.environ.get("DESIGNATIONS_SEED_TEXT") or SHARED / "seeds" / "000_1e630bb68aec604c.txt"
)
needs_conformance = pytest.mark.skipif(
    not CONFORMANCE.is_dir(),
    reason=f"conformance suites not found in {CONFORMANCE} (set DESIGNATIONS_CONFORMANCE)",
)
needs_seed_text = pytest.mark.skipif(
    not SEED_TEXT.is_file(),
    reason=f"the seed article's text is not at {SEED_TEXT} (set DESIGNATIONS_SEED_TEXT)",
)


def pytest_configure(config: pytest.Config) -> None:
    """With DESIGNATIONS_REQUIRE_SHARED=1 (CI), stop at once when a shared suite is missing."""
    if os.environ.get("DESIGNATIONS_REQUIRE_SHARED") == "1":
        missing = [str(p) for p in (CONFORMANCE, SEED_TEXT) if not p.exists()]
        if missing:
            raise pytest.UsageError(f"DESIGNATIONS_REQUIRE_SHARED=1 but missing: {missing}")


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


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    """Async tests (marked anyio) run on asyncio."""
    return "asyncio"


@pytest.fixture(scope="session")
async def asgi(built_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app over the built store, in process (ASGI), for tests that need no
    wire."""
    from tests.asgi import asgi_client

    async with asgi_client(built_dir) as client:
        yield client
