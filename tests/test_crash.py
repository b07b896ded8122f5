"""Crash safety, a few kills of a bulk load at random moments (the full harness, hundreds of
kills of every writing command and of a server during writes, is `python -m bench.crash`)."""

from __future__ import annotations

from pathlib import Path

from tests.crash import load, run


def test_a_load_killed_at_random_moments_leaves_the_old_or_the_new_store(tmp_path: Path) -> None:
    tally = run(load(100_000), tmp_path / "unused", tmp_path, kills=4, seed=18)
    assert (
        tally.kills,
        tally.before + tally.after,
        tally.between,
        tally.left_behind,
        tally.orphan_bytes,
    ) == (4, 4, [], [], 0)
