"""Where the columnar replica starts to beat Oxigraph: the measurement behind its threshold.

    python -m bench.threshold [corpus] [1k] [3k] [10k] [30k] [100k] [--workdir data/bench]

For queries of the replica's subset (six aggregates and the two-hop join of bench/sparql.py),
on stores of several sizes (bench/sparql.py makes them), it prints the cost that
graph.sparql.estimate gives each query beside the median time Oxigraph (the store on disk,
read-only, as the workers open it) and the replica (its IRI ids and terms already
remembered, as in a running server) take to answer it in process, and which is faster. The
replica_threshold setting (graph.sparql.estimate.THRESHOLD) sits between the costs where
Oxigraph wins and those where the replica does.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.sparql import JOIN, PER_PROGRAM, PER_PROVINCE, PROLOGUE, SIZES, picks, store_for
from bench.sparql import ONLY_IN_REGION as ONLY
from graph import Store
from graph.sparql.estimate import THRESHOLD, estimate
from graph.sparql.replica import Replica, write
from graph.sparql.subset import parse

SCALES = {**SIZES, "1k": 1_000, "3k": 3_000, "30k": 30_000}
QUERIES = {
    "designations per program": PER_PROGRAM,
    "designations per province": PER_PROVINCE,
    "only-in-region": ONLY,
    "designations per zone": """SELECT ?z (COUNT(?d) AS ?n) WHERE {
      ?d cnd:underProgram ?p ; cnd:designee ?z . ?p a cnd:Program } GROUP BY ?z""",
    "instances per class": "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c",
    "zones per level": """SELECT ?l (COUNT(DISTINCT ?z) AS ?n) WHERE {
      ?d cnd:level ?l ; cnd:designee ?z } GROUP BY ?l""",
}


def median_seconds(answer: Callable[[], object], slow: bool) -> float:
    """Median time of a few calls, after one untimed."""
    answer()
    times = []
    for _ in range(3 if slow else 15):
        start = time.perf_counter()
        answer()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(path: Path, size: str, replica: Replica) -> None:
    """One line per query."""
    store = Store.open(path)
    chosen = picks(path)
    join = JOIN.format(program=chosen.program, province=chosen.province)
    for name, query in {**QUERIES, "two-hop join (no aggregate)": join}.items():
        text = PROLOGUE + query
        parsed = parse(text)
        assert parsed is not None, name
        cost = estimate(parsed.patterns, replica.stats)
        slow = SCALES[size] >= 30_000
        theirs = median_seconds(lambda: list(store.query(text)), slow)  # noqa: B023
        ours = median_seconds(lambda: replica.answer(text, 10**7), slow)  # noqa: B023
        faster = "replica" if ours < theirs else "oxigraph"
        side = "replica" if cost >= THRESHOLD else "oxigraph"
        print(f"{size:<7}{name:<30}{cost:>12,.0f}{theirs * 1e3:>12.2f}{ours * 1e3:>11.2f}  "
              f"{faster:<10}{side}", flush=True)  # fmt: skip


def main() -> None:
    """Make or reuse each store, write its replica, and measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", metavar="size", help=", ".join(SCALES))
    parser.add_argument("--workdir", type=Path, default=Path("data/bench"))
    args = parser.parse_args()
    print(f"threshold {THRESHOLD:,.0f}")
    print(f"{'size':<7}{'query':<30}{'est. cost':>12}{'oxigraph ms':>12}{'replica ms':>11}  "
          f"{'faster':<10}threshold sends it to")  # fmt: skip
    unknown = set(args.sizes) - set(SCALES)
    if unknown:
        parser.error(f"unknown size {', '.join(sorted(unknown))}; choose from {', '.join(SCALES)}")
    for size in args.sizes or ["corpus", "1k", "3k", "10k", "30k"]:
        path = store_for(args.workdir, size, SCALES[size])
        with tempfile.TemporaryDirectory() as scratch:
            replica = Replica(_written(path, Path(scratch) / "replica.duckdb"))
            measure(path, size, replica)
            replica.close()


def _written(store: Path, target: Path) -> Path:
    write(Store.open(store), target)
    return target


if __name__ == "__main__":
    main()
