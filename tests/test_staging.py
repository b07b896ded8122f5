"""Replacing a store whole: a swap killed between its renames is recovered, what killed runs
left is removed, a failed load changes nothing, and serve refuses a missing or empty store
(defect: a crash between the renames left no store, `serve` then served an empty one, and the
next build deleted `.store.old`, the only copy)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from api.cli import main
from graph import Store
from graph.errors import StoreError
from graph.staging import clean, old_dir, recover, staged, staging_dir, swap_in
from tests.server import running_server

EX = "http://example.org/"


def make_store(path: Path, *objects: str) -> bytes:
    """A store at path holding one triple per object; its canonical dump."""
    store = Store.open(path, read_only=False)
    store.extend(
        ox.Quad(
            ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal(o), ox.NamedNode(EX + "g")
        )
        for o in objects
    )
    store.flush()
    dump = store.canonical_nquads()
    del store
    return dump


def dead_pid() -> int:
    """The id of a process that has exited."""
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_a_swap_killed_between_its_renames_is_recovered_at_open(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    before = make_store(store_dir, "old")
    staging = staging_dir(store_dir, "build")
    make_store(staging, "new")
    store_dir.rename(old_dir(store_dir))  # the first rename, then the kill
    assert Store.open(store_dir).canonical_nquads() == before
    assert (old_dir(store_dir).exists(), store_dir.exists()) == (False, True)


def test_the_next_swap_keeps_the_only_copy(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    make_store(store_dir, "old")
    store_dir.rename(old_dir(store_dir))
    newer = tmp_path / "newer"
    after = make_store(newer, "newer")
    swap_in(newer, store_dir)
    assert (Store.open(store_dir).canonical_nquads(), old_dir(store_dir).exists()) == (after, False)


def test_what_killed_runs_left_is_removed_and_live_runs_are_spared(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    make_store(store_dir, "current")
    gone = dead_pid()
    left = [store_dir.with_name(f".store.{purpose}-{gone}") for purpose in ("build", "load")]
    for path in [*left, old_dir(store_dir)]:
        make_store(path, "orphan")
    running = store_dir.with_name(f".store.derive-{os.getppid()}")  # a live process's
    running.mkdir()
    other = tmp_path / ".other.build-1"
    other.mkdir()
    assert clean(store_dir) == sorted([*left, old_dir(store_dir)])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".other.build-1", running.name, "store"]
    )


def test_recover_does_nothing_when_the_store_is_there(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    dump = make_store(store_dir, "current")
    make_store(old_dir(store_dir), "leftover")
    assert (recover(store_dir), Store.open(store_dir).canonical_nquads()) == (False, dump)


def test_a_failure_while_staged_changes_nothing_and_leaves_nothing(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    before = make_store(store_dir, "old")
    expected = r"^load failed: No space left on device: x; the store"
    with pytest.raises(StoreError, match=expected), staged(store_dir, "load") as staging:
        make_store(staging, "half")
        raise OSError(28, "No space left on device", "x")
    assert Store.open(store_dir).canonical_nquads() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_a_failed_load_leaves_the_store_byte_identical_and_no_staging(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    before = make_store(store_dir, "old")
    good, bad = tmp_path / "good.nt", tmp_path / "bad.nt"
    good.write_text(f"<{EX}s> <{EX}p> <{EX}o> .\n", "utf-8")
    bad.write_text("not n-triples <", "utf-8")
    result = CliRunner().invoke(
        main, ["load", "--store", str(store_dir), "--graph", EX + "g2", str(good), str(bad)]
    )
    assert (result.exit_code, result.stderr.count("\n")) == (1, 1)
    assert Store.open(store_dir).canonical_nquads() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nt", "good.nt", "store"]


@pytest.mark.parametrize("state", ["missing", "empty directory", "no quads"])
def test_serve_refuses_a_missing_or_empty_store_in_one_line(tmp_path: Path, state: str) -> None:
    store_dir = tmp_path / "store"
    if state == "empty directory":
        store_dir.mkdir()
    if state == "no quads":
        make_store(store_dir)
    command = [sys.executable, "-m", "api", "serve", "--store", str(store_dir), "--port", "9"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    reason = "holds no quads" if state == "no quads" else "no store at"
    assert (run.returncode, len(run.stderr.splitlines())) == (1, 1)
    assert run.stderr.startswith("error: ") and reason in run.stderr


def test_serve_starts_on_an_empty_store_when_allowed(tmp_path: Path) -> None:
    with running_server(tmp_path / "new" / "store", "--allow-empty") as base:
        assert httpx.get(base + "/healthz").json()["quads"] == 0


def test_copying_a_store_tree_follows_the_swap(tmp_path: Path) -> None:
    """The swap leaves a plain directory at the store's path (no link), as tools expect."""
    store_dir = tmp_path / "store"
    make_store(store_dir, "a")
    newer = tmp_path / "n"
    after = make_store(newer, "b")
    swap_in(newer, store_dir)
    shutil.copytree(store_dir, tmp_path / "copy")
    assert (store_dir.is_symlink(), Store.open(tmp_path / "copy").canonical_nquads()) == (
        False,
        after,
    )
