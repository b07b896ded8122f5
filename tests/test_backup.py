"""`designations backup` of a served store, and `restore`: a byte-identical round trip, and a
consistent snapshot while updates go on."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from graph import Store
from tests.server import running_server

TOKEN = "backup-token"
EX = "http://example.org/"
DESIGNATIONS = [sys.executable, "-m", "api"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in its own process, as an operator would."""
    return subprocess.run(
        [*DESIGNATIONS, *args], capture_output=True, text=True, timeout=120, check=False
    )


def insert(base: str, n: int) -> None:
    """Add the triple numbered n to the test graph through the service."""
    update = f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s{n}> <{EX}n> {n} }} }}"
    response = httpx.post(
        base + "/sparql",
        content=update.encode(),
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert response.status_code == 204, response.text


@pytest.fixture
def served(built_dir: Path, tmp_path: Path) -> Path:
    """A copy of the built store, to serve and write to."""
    store_dir = tmp_path / "served"
    shutil.copytree(built_dir, store_dir)
    return store_dir


def test_backups_of_a_served_store_restore_byte_identical_and_are_consistent(
    served: Path, tmp_path: Path
) -> None:
    """A backup taken while nothing writes restores to the store's very dump. Then updates add
    triples 1, 2, 3, … one after another while a second backup is taken: it holds some prefix
    of them, never a later one without an earlier one."""
    with running_server(served, "--update-token", TOKEN) as base:
        insert(base, 0)
        put = httpx.put(
            base + "/sparql",
            params={"graph": EX + "put"},
            content=f"<{EX}a> <{EX}b> 'c' .".encode(),
            headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"},
        )
        quiet = cli("backup", "--store", str(served), str(tmp_path / "quiet"))
        served_dump = Store.open(served).canonical_nquads()
        busy = backup_while_writing(base, served, tmp_path / "busy")
    restoring = cli("restore", "--store", str(tmp_path / "restored"), str(tmp_path / "quiet"))
    assert (put.status_code, quiet.returncode, busy.returncode, restoring.returncode) == (
        201, 0, 0, 0
    ), quiet.stderr + busy.stderr  # fmt: skip
    assert Store.open(tmp_path / "restored").canonical_nquads() == served_dump
    assert f"<{EX}s0> <{EX}n> " in served_dump.decode()
    rows = Store.open(tmp_path / "busy").select(
        f"SELECT ?n WHERE {{ GRAPH <{EX}g> {{ ?s <{EX}n> ?n }} }}"
    )
    numbers = sorted(int(r["n"].value) for r in rows)
    assert numbers == list(range(len(numbers))) and numbers
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy", "quiet", "restored", "served"]


def backup_while_writing(
    base: str, store_dir: Path, target: Path
) -> subprocess.CompletedProcess[str]:
    """Back up the store while a thread adds triples 1, 2, 3, … through the service."""
    stop = threading.Event()

    def write() -> None:
        n = 1
        while not stop.is_set() and n < 400:
            insert(base, n)
            n += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        return cli("backup", "--store", str(store_dir), str(target))
    finally:
        stop.set()
        writer.join()


def test_restore_replaces_a_store_and_a_bad_source_changes_nothing(
    built_dir: Path, tmp_path: Path
) -> None:
    store_dir = tmp_path / "store"
    made = cli("backup", "--store", str(built_dir), str(tmp_path / "backup"))
    Store.ensure(store_dir)
    empty = Store.open(store_dir).canonical_nquads()
    (tmp_path / "not-a-store").mkdir()
    refused = cli("restore", "--store", str(store_dir), str(tmp_path / "not-a-store"))
    assert (made.returncode, refused.returncode, len(refused.stderr.splitlines())) == (0, 1, 1)
    assert Store.open(store_dir).canonical_nquads() == empty
    restored = cli("restore", "--store", str(store_dir), str(tmp_path / "backup"))
    assert (restored.returncode, Store.open(store_dir).canonical_nquads()) == (
        0,
        Store.open(built_dir).canonical_nquads(),
    )
    again = cli("backup", "--store", str(built_dir), str(tmp_path / "backup"))
    assert (again.returncode, again.stderr) == (
        1,
        f"error: {tmp_path / 'backup'} already exists: give a new directory for the backup\n",
    )
