"""REST lookup latency over HTTP on loopback: medians per route against the 5 ms target.

    .venv/bin/python -m bench.rest_latency [--store DIR] [--url URL] [--rounds N]

Without --url it builds the seeds into a temporary store (unless --store is given), starts
`designations serve` on a free port, and measures with one keep-alive client. The first
request of each lookup is shown apart: lookups are remembered per store (graph/cache.py), so
it is the cost of a page nobody asked for since the server started.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from tests.server import running_server

TARGET_MS = 5.0
LOOKUPS = [
    ("floor: no store access", "GET", "/reconcile/1.0/suggest/type?prefix=zone", None),
    ("zone by slug", "GET", "/api/zones/baotou-rare-earth-htz", None),
    ("region by code", "GET", "/api/regions/150000", None),
    ("organisation", "GET", "/api/organisations/miit", None),
    ("designation", "GET", "/api/designations/b8dbb2318c06", None),
    ("designations in province", "GET", "/api/designations?region=150000&limit=20", None),
    ("findings", "GET", "/api/findings?kind=only-in-region", None),
    ("search (Chinese)", "GET", "/api/search?q=包头稀土高新区", None),
    ("search (typo)", "GET", "/api/search?q=Baotuo%20Rare%20Earth", None),
    ("regions page", "GET", "/api/regions?level=province&limit=20", None),
    ("zones page", "GET", "/api/zones?limit=20", None),
    ("programs page", "GET", "/api/programs", None),
    ("organisations page", "GET", "/api/organisations", None),
    ("designations page", "GET", "/api/designations", None),
    ("designations of a program", "GET",
     "/api/designations?program=advanced-manufacturing-clusters", None),
    ("verdicts", "GET", "/api/findings?kind=claim-verdict", None),
    ("all findings", "GET", "/api/findings", None),
    ("reconcile 1.0", "POST", "/reconcile/1.0/match",
     {"queries": [{"conditions": [{"matchType": "name", "propertyValue": "包头稀土高新区"}]}]}),
]  # fmt: skip


def timings_ms(
    client: httpx.Client, method: str, path: str, body: object, rounds: int
) -> tuple[float, float]:
    """Wall time of the first request and median of the rest after a few warm-up ones, in ms."""
    times = []
    for _ in range(rounds + 5):
        start = time.perf_counter()
        response = client.request(method, path, json=body)
        elapsed = time.perf_counter() - start
        response.raise_for_status()
        times.append(elapsed * 1000)
    return times[0], statistics.median(times[5:])


def measure(base: str, rounds: int) -> None:
    """Print the median of every lookup beside the target."""
    print(f"{'lookup':<28}{'median ms':>10}{'target ms':>11}  verdict{'first ms':>10}")
    with httpx.Client(base_url=base) as client:
        client.get("/healthz")  # open the connection
        for name, method, path, body in LOOKUPS:
            first, ms = timings_ms(client, method, path, body, rounds)
            verdict = "ok" if ms < TARGET_MS else "SLOW"
            print(f"{name:<28}{ms:>10.2f}{TARGET_MS:>11.1f}  {verdict:<7}{first:>10.2f}")


def main() -> None:
    """Parse arguments, get a server, measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="A built store to serve.")
    parser.add_argument("--url", help="Measure a server already running at this base URL.")
    parser.add_argument("--rounds", type=int, default=200, help="Requests per lookup.")
    args = parser.parse_args()
    if args.url:
        measure(args.url.rstrip("/"), args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            from graph import build

            store = Path(tmp) / "store"
            build(store)
        with running_server(store) as base:
            measure(base, args.rounds)


if __name__ == "__main__":
    main()
