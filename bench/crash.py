"""Crash safety, in full: SIGKILL every command that writes at random moments, many times.

    .venv/bin/python -m bench.crash [--kills N] [--only NAME ...] [--seed S]

Builds the seeds into a temporary store, then for each scenario (build, derive, load, ingest,
a server during a SPARQL Update, a server during a Graph Store PUT) runs the command once whole
to learn the dump after it and how long it takes, then N times (default 35, so 210 kills in
all) starts it afresh on a copy of the starting state and kills its whole process group at a
moment drawn uniformly from the first 110 % of that time (every other one from its last
40 %, where the writes and the swap are). Each time the store must open with
the canonical dump of before or of after, never something between, and what the next run
cleans first must leave no staging directory (tests/crash.py has the harness).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from graph import build
from tests.crash import SCENARIOS, Tally, run

HEADER = f"{'scenario':<17}{'whole s':>8}{'kills':>7}{'before':>8}{'after':>7}{'between':>9}"


def row(name: str, tally: Tally) -> str:
    """One line of the table."""
    return (
        f"{name:<17}{tally.seconds:>8.1f}{tally.kills:>7}{tally.before:>8}{tally.after:>7}"
        f"{len(tally.between):>9}  left behind {len(tally.left_behind)}"
        + (f", orphan bytes {tally.orphan_bytes}" if SCENARIOS[name].staged else "")
    )


def main() -> None:
    """Run every scenario and print the table, then any state found between."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=35, help="kills per scenario")
    parser.add_argument("--only", action="append", choices=list(SCENARIOS))
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    started = time.monotonic()
    tallies: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "built"
        build(built)
        print(HEADER, flush=True)
        for name in args.only or list(SCENARIOS):
            tallies[name] = run(SCENARIOS[name], built, Path(tmp) / name, args.kills, args.seed)
            print(row(name, tallies[name]), flush=True)
    kills = sum(t.kills for t in tallies.values())
    between = [b for t in tallies.values() for b in t.between + t.left_behind]
    print(f"{kills} kills in {time.monotonic() - started:.0f} s; {len(between)} left a store "
          "between states or a staging directory behind")  # fmt: skip
    for line in between:
        print("  " + line)


if __name__ == "__main__":
    main()
