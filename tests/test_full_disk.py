"""A full disk: build, load and derive on a small filesystem (a tmpfs the test mounts) that
fills up print one clear line, exit non-zero, and leave the previous store untouched, with no
staging directory behind. Skipped, in one line, where mounting is not permitted."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import Store

EX = "http://example.org/"
FREE_KB = 256


def _megabytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 2**20 + 1


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory: pytest.TempPathFactory, built_dir: Path) -> Iterator[Path]:
    """A tmpfs 8 MB larger than the built store, mounted for these tests and unmounted after
    them."""
    mount_point = tmp_path_factory.mktemp("small-disk")
    size = f"size={_megabytes(built_dir) + 8}m"
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", size, "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip() or 'not permitted'}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.fixture
def nearly_full(small_disk: Path, built_dir: Path) -> Iterator[Path]:
    """The built store on the small disk, the rest of which is filled but for 256 KB."""
    store_dir = small_disk / "store"
    shutil.copytree(built_dir, store_dir)
    free_kb = shutil.disk_usage(small_disk).free // 1024
    with (small_disk / "filler").open("wb") as filler:
        filler.truncate(0)
        for _ in range(free_kb - FREE_KB):
            filler.write(b"\0" * 1024)
    yield store_dir
    for path in small_disk.iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()


@pytest.mark.parametrize("command", ["build", "load", "derive"])
def test_a_full_disk_is_one_line_and_leaves_the_store_untouched(
    nearly_full: Path, tmp_path: Path, command: str
) -> None:
    before = Store.open(nearly_full).canonical_nquads()
    data = tmp_path / "data.nt"  # on the ordinary disk
    data.write_text("".join(f'<{EX}s{i}> <{EX}p> "o {i}" .\n' for i in range(50_000)), "utf-8")
    extra = {"load": ["--graph", EX + "g", str(data)]}.get(command, [])
    run = subprocess.run(
        [sys.executable, "-m", "api", command, "--store", str(nearly_full), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert (run.returncode, len(lines)) == (1, 1), run.stderr[-2000:]
    assert lines[0].startswith(f"error: {command} failed: ")
    assert "No space left on device" in lines[0]
    assert lines[0].endswith(f"the store at {nearly_full} is unchanged")
    assert Store.open(nearly_full).canonical_nquads() == before
    assert sorted(p.name for p in nearly_full.parent.iterdir()) == ["filler", "store"]
