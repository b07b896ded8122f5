"""A client generated from /openapi.json by openapi-python-client (about 4 s) works against the
app in process: its list calls return totals, and the ids they return pass back as filters."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.asgi import BASE, asgi_client


@pytest.fixture(scope="module")
def built_dir(curated_dir: Path) -> Path:
    """The expected answers below are stated over the curated corpus (no catalogue)."""
    return curated_dir


GENERATOR = Path(sys.executable).parent / "openapi-python-client"
CONFIG = "post_hooks: []\nproject_name_override: designations-client\n"
CONFIG += "package_name_override: designations_client\n"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, built_dir: Path) -> Iterator[Path]:
    """The generated package's parent directory, on sys.path while the tests run."""
    import anyio

    async def spec() -> str:
        async with asgi_client(built_dir) as client:
            return (await client.get("/openapi.json")).text

    root = tmp_path_factory.mktemp("client")
    (root / "openapi.json").write_text(anyio.run(spec), "utf-8")
    (root / "config.yaml").write_text(CONFIG, "utf-8")
    command = [str(GENERATOR), "generate", "--path", str(root / "openapi.json")]
    command += ["--config", str(root / "config.yaml"), "--meta", "none"]
    command += ["--output-path", str(root / "designations_client")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    sys.path.insert(0, str(root))
    try:
        yield root
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("designations_client")]:
            del sys.modules[name]


def module(name: str) -> ModuleType:
    return importlib.import_module(f"designations_client.{name}")


@pytest.mark.anyio
async def test_the_generated_client_lists_with_totals_and_takes_ids_back(
    generated: Path, built_dir: Path
) -> None:
    designations = module("api.designations.list_designations_api_designations_get")
    findings = module("api.findings.list_findings_api_findings_get")
    zones = module("api.zones.list_zones_api_zones_get")
    async with asgi_client(built_dir) as http:
        client: Any = module("client").Client(base_url=BASE)
        client.set_async_httpx_client(http)
        page = await designations.asyncio(client=client, region="150000", limit=200)
        assert (page.total, len(page.items)) == (14, 14)
        zone_page = await zones.asyncio(client=client, limit=1)
        assert (zone_page.total, len(zone_page.items)) == (44, 1)
        for d in page.items:
            for name, value in (("designee", d.designee.id), ("program", d.program.id)):
                found = await designations.asyncio(client=client, limit=200, **{name: value})
                assert d.id in [x.id for x in found.items]
            about = await findings.asyncio(client=client, designation=d.id, limit=200)
            assert {f.designation.id for f in about.items} <= {d.id}
        seed = next(d for d in page.items if d.id == "designation/b8dbb2318c06")
        region = seed.findings[1].region.id
        in_region = await designations.asyncio(client=client, region=region, limit=200)
        assert in_region.total == 14
