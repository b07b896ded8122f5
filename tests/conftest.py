"""Shared fixtures: the project's seeds built once per session (read-only), and paths.

The W3C and reconciliation conformance suites and the seed article's text live outside the
project (default `../shared/`). Tests that need them skip with one line when they are absent;
`DESIGNATIONS_CONFORMANCE` and `DESIGNATIONS_SEED_TEXT` point elsewhere, and
`DESIGNATIONS_REQUIRE_SHARED=1` (set by `.ci/run`) turns their absence into an error.
"""

from __future__ import annotations

import os
import re
import shutil
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


def curated_seeds(folder: Path) -> Path:
    """The project's seeds copied into a folder without the national catalogue (catalogue.yaml:
    2,606 zones), the seed record's text path still resolving: the curated corpus that the
    REST, region and derivation tests state their expected answers over."""
    seeds = folder / "seeds"
    shutil.copytree(SEEDS_DIR, seeds, ignore=shutil.ignore_patterns("catalogue.yaml"))
    record = seeds / "records" / "rex-baotou-nkrdp-pilot.yaml"
    relative = os.path.relpath(SEED_TEXT, record.parent)
    text = re.sub(r"text_file: .*", f"text_file: {relative}", record.read_text("utf-8"))
    record.write_text(text, encoding="utf-8")
    return seeds


@pytest.fixture(scope="session")
def curated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the curated seeds (no catalogue); tests must only read it."""
    folder = tmp_path_factory.mktemp("curated")
    store_dir = folder / "store"
    build(store_dir, curated_seeds(folder))
    return store_dir


@pytest.fixture(scope="session")
def curated_server(curated_dir: Path) -> Iterator[str]:
    """Base URL of a real uvicorn server over the curated store."""
    from tests.server import running_server

    with running_server(curated_dir) as base:
        yield base


@pytest.fixture(scope="session")
async def curated_asgi(curated_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client of the app over the curated store."""
    from tests.asgi import asgi_client

    async with asgi_client(curated_dir) as client:
        yield client


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
