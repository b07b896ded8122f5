"""Time the full derivation on synthetic graphs, beside pyoxigraph answering the same
only-in-region question (province level, program scope) with one SPARQL query.

    python -m bench.derivation 10000 100000 1000000

Each size is generated once (bench.synthetic), bulk-loaded into an on-disk store (not timed
as derivation; no SHACL), then measured in a fresh subprocess so that peak memory (max RSS)
is that of the derivation alone: open the store, derive every rule, and write the result.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.synthetic import generate

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


def measure(store_dir: str) -> dict[str, float]:
    """In this process: derive and write, then the one SPARQL query; times and peak RSS."""
    from graph import Store
    from graph.derive import derive
    from graph.derive.projection import project

    store = Store.open(Path(store_dir), read_only=False)
    started = time.perf_counter()
    project(store)
    projected = time.perf_counter() - started
    started = time.perf_counter()
    quads = derive(store)
    derived = time.perf_counter() - started
    started = time.perf_counter()
    store.extend(quads)
    store.flush()
    written = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    groups = sum(1 for _ in store.inner.query(ONLY_IN_PROVINCE))
    sparql = time.perf_counter() - started
    return {
        "project_s": projected,
        "derive_s": derived,
        "write_s": written,
        "quads": len(quads),
        "peak_mb": peak,
        "sparql_s": sparql,
        "sparql_groups": groups,
    }


def prepare(size: int, folder: Path) -> tuple[Path, float]:
    """Generate and bulk-load one size; the store directory and the load time."""
    data = folder / f"synthetic-{size}.nq"
    generate(size, data)
    store_dir = folder / f"store-{size}"
    started = time.perf_counter()
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    data.unlink()
    return store_dir, time.perf_counter() - started


def main(sizes: list[int]) -> None:
    """Print one line of figures per size."""
    print(
        f"{'designations':>12} {'load s':>7} {'project s':>9} {'derive s':>8} {'write s':>7} "
        f"{'quads out':>9} {'peak MB':>8} | {'1 SPARQL s':>10} {'groups':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            store_dir, load = prepare(size, Path(tmp))
            done = subprocess.run(
                [sys.executable, "-m", "bench.derivation", "--measure", str(store_dir)],
                check=True,
                capture_output=True,
                text=True,
            )
            m = json.loads(done.stdout)
            print(
                f"{size:>12} {load:>7.1f} {m['project_s']:>9.1f} {m['derive_s']:>8.1f} "
                f"{m['write_s']:>7.1f} {int(m['quads']):>9} {m['peak_mb']:>8.0f} | "
                f"{m['sparql_s']:>10.1f} {int(m['sparql_groups']):>6}",
                flush=True,
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2])))
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
