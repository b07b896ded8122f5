"""No leak on errors: a 404 leaves no pyoxigraph result behind (defect: /id/ 404s leaked about
14 KB each, with "PyQueryTriples is unsendable" in the log).

A query result belongs to the thread that made it; one kept alive by the frames of an
exception raised in a FastAPI worker thread is freed in the event loop's thread, where
pyoxigraph refuses to drop it and leaks it instead.
"""

from __future__ import annotations

import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from graph import Store
from graph.errors import NotFound
from graph.read.describe import describe, page
from graph.read.designations import designation
from graph.read.lookup import entity, entity_of_kind
from tests.server import free_port, wait_until_up

ID = "https://w3id.org/china-designations/id/"
RESULT_TYPES = (ox.QuerySolutions, ox.QueryTriples, ox.QuerySolution)
RAISING: list[tuple[str, Callable[[Store], object]]] = [
    ("describe", lambda s: describe(s, ID + "zone/nowhere")),
    ("page", lambda s: page(s, ID + "zone/nowhere")),
    ("entity", lambda s: entity(s, ID + "zone/nowhere")),
    ("entity_of_kind", lambda s: entity_of_kind(s, ID + "zone/nowhere", "zone")),
    ("designation", lambda s: designation(s, ID + "designation/000000000000")),
]


def _results_in_frames(tb: types.TracebackType | None) -> list[str]:
    found = []
    while tb is not None:
        frame = tb.tb_frame
        found += [f"{frame.f_code.co_name}.{name}" for name, value in frame.f_locals.items()
                  if isinstance(value, RESULT_TYPES)]  # fmt: skip
        tb = tb.tb_next
    return found


@pytest.mark.parametrize(("name", "call"), RAISING, ids=[n for n, _ in RAISING])
def test_not_found_keeps_no_query_result_in_its_frames(
    built: Store, name: str, call: Callable[[Store], object]
) -> None:
    with pytest.raises(NotFound) as caught:
        call(built)
    assert _results_in_frames(caught.value.__traceback__) == []


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise LookupError("no VmRSS")


def test_a_served_404_page_leaks_nothing(built_dir: Path, tmp_path: Path) -> None:
    """1,500 /id/ 404s on a real server: before the fix the server grew by about 20 MB and
    logged 1,500 "unsendable" tracebacks."""
    port, log = free_port(), tmp_path / "server.log"
    command = [sys.executable, "-m", "api", "serve", "--store", str(built_dir)]
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=out
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        with httpx.Client(base_url=base) as client:
            for i in range(200):  # warm up: caches, allocator arenas
                client.get(f"/id/zone/warm-{i}")
            before = _rss_kb(server.pid)
            statuses = {client.get(f"/id/zone/nowhere-{i}").status_code for i in range(1500)}
            grown = _rss_kb(server.pid) - before
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert (statuses, "unsendable" in log.read_text()) == ({404}, False)
    assert grown < 6_000, f"the server grew by {grown} KB over 1,500 404s"
