"""Time the full derivation on synthetic graphs, beside pyoxigraph answering the same
only-in-region question (province level, program scope) with one SPARQL query.

    python -m bench.derivation 10000 100000 1000000

    python -m bench.derivation 10000 100000 --memory --disk

Each size is generated once (bench.synthetic) and measured in a fresh subprocess: bulk-load
into an in-memory (default) or on-disk store (timed apart; no SHACL), then derive every rule
into the derived graph as `designations build` does (derive_into: the timed step is the whole
of it, reading the store, computing and writing the results). Peak memory is the subprocess's
max RSS, store included.
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.synthetic import generate
from graph import Store
from graph.derive import derive_into

ONLY_IN_PROVINCE = """
PREFIX cnd: <https://w3id.org/china-designations/def#>
PREFIX schema: <https://schema.org/>
SELECT ?program ?region (SAMPLE(?d) AS ?only) WHERE {
  ?d a cnd:Designation ; cnd:underProgram ?program ; cnd:designee ?designee ;
     cnd:announcedOn ?start .
  ?designee schema:containedInPlace* ?region .
  ?region cnd:adminLevel <https://w3id.org/china-designations/id/concept/admin-level/province> .
  FILTER NOT EXISTS { ?d cnd:retracted true }
  OPTIONAL { ?d cnd:validUntil ?until }
  FILTER (?start <= "2025-12-28"^^<http://www.w3.org/2001/XMLSchema#date>
          && (!BOUND(?until) || ?until >= "2025-12-28"^^<http://www.w3.org/2001/XMLSchema#date>))
} GROUP BY ?program ?region HAVING (COUNT(?d) = 1)"""


def load(data: Path, mode: str, folder: Path) -> tuple[Store, float]:
    """Load the N-Quads into an in-memory or on-disk store; the store and the seconds taken."""
    started = time.perf_counter()
    path = None if mode == "memory" else folder / "store"
    inner = ox.Store() if path is None else ox.Store(str(path))
    inner.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    inner.flush()
    return Store(inner, path), time.perf_counter() - started


def measure(data: Path, mode: str) -> dict[str, float]:
    """In this process: load, derive into the store, then the one SPARQL query; times and
    peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        store, loaded = load(data, mode, Path(tmp))
        started = time.perf_counter()
        triples = derive_into(store)
        derived = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        groups = sum(
            1 for _ in store.inner.query(ONLY_IN_PROVINCE, use_default_graph_as_union=True)
        )
        sparql = time.perf_counter() - started
        del store  # close an on-disk store before its folder goes
        gc.collect()
    return {
        "load_s": loaded,
        "derive_s": derived,
        "triples": triples,
        "peak_mb": peak,
        "sparql_s": sparql,
        "sparql_groups": groups,
    }


def main(sizes: list[int], modes: list[str]) -> None:
    """Print one line of figures per size and store kind."""
    print(
        f"{'designations':>12} {'store':>6} {'load s':>7} {'derive s':>8} "
        f"{'triples out':>11} {'peak MB':>8} | {'1 SPARQL s':>10} {'groups':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            data = Path(tmp) / f"synthetic-{size}.nq"
            generate(size, data)
            for mode in modes:
                args = [sys.executable, "-m", "bench.derivation", "--measure", str(data), mode]
                done = subprocess.run(args, capture_output=True, text=True)
                if done.returncode:
                    sys.exit(f"{size} {mode}: {done.stderr.strip().splitlines()[-1]}")
                m = json.loads(done.stdout)
                print(
                    f"{size:>12} {mode:>6} {m['load_s']:>7.1f} {m['derive_s']:>8.1f} "
                    f"{int(m['triples']):>11} {m['peak_mb']:>8.0f} | "
                    f"{m['sparql_s']:>10.1f} {int(m['sparql_groups']):>6}",
                    flush=True,
                )
            data.unlink()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[3])))
    else:
        numbers = [a for a in sys.argv[1:] if a.isdigit()]
        kinds = [a.removeprefix("--") for a in sys.argv[1:] if a in ("--memory", "--disk")]
        main([int(a) for a in numbers] or [10_000, 100_000, 1_000_000], kinds or ["memory"])
