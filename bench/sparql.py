"""SPARQL over HTTP on loopback: this server beside Oxigraph's own server, on the same store.

    python -m bench.sparql [corpus] [10k] [100k] [1M] [--workdir data/bench] [--only point]

For each size (default: corpus and 100k) the bench makes a store: the shipped corpus as
`designations build` writes it, or the corpus plus that many synthetic designations
(bench/generate.py) bulk-loaded. It serves that one store directory twice, with
`designations serve` (as it starts by default, once its columnar replica is written) and
with `oxigraph serve-read-only --union-default-graph` (the server of the engine we embed),
then sends each query to both in turn, alternating which goes first, so that whatever else
loads the machine slows both alike. Per workload it prints the median of each, their ratio,
the target the project set for it, the engine that answered ours (X-Designations-Engine) and
the rows of each (they must agree), then the load average. Needs the `bench` extra
(`pip install -e '.[bench]'`, which brings the `oxigraph` server).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import httpx
import pyoxigraph as ox

from bench.generate import synthetic
from graph import Store, build
from graph.iris import entity
from graph.namespaces import sparql_prologue
from tests.server import free_port

SIZES = {"corpus": 0, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
PROLOGUE = sparql_prologue()
POINT = "SELECT ?p ?o WHERE {{ <{zone}> ?p ?o }}"
PER_PROGRAM = """SELECT ?program (COUNT(?d) AS ?n) WHERE { ?d cnd:underProgram ?program }
GROUP BY ?program"""
PER_PROVINCE = """SELECT ?province (COUNT(?d) AS ?n) WHERE {
  ?d cnd:designee ?zone . ?zone schema:containedInPlace ?city .
  ?city schema:containedInPlace ?province } GROUP BY ?province"""
JOIN = """SELECT ?d ?zone WHERE {{
  ?d cnd:underProgram <{program}> ; cnd:designee ?zone .
  ?zone schema:containedInPlace ?city .
  ?city schema:containedInPlace <{province}> }}"""
ONLY_IN_REGION = """SELECT ?program ?province WHERE {
  ?d cnd:underProgram ?program ; cnd:designee ?zone .
  ?zone schema:containedInPlace ?city . ?city schema:containedInPlace ?province }
GROUP BY ?program ?province HAVING (COUNT(?d) = 1)"""
LABEL = """SELECT ?s ?label WHERE {{ ?s skos:prefLabel|skos:altLabel ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "{text}")) }}"""
ZONES = "SELECT ?z WHERE { ?z a cnd:Zone } ORDER BY ?z LIMIT 500"
TOP = """SELECT ?program ?province (COUNT(?d) AS ?n) WHERE {
  ?d cnd:underProgram ?program ; cnd:designee ?zone .
  ?zone schema:containedInPlace ?city . ?city schema:containedInPlace ?province }
GROUP BY ?program ?province ORDER BY DESC(?n) ?program ?province LIMIT 1"""
AGGREGATES = ("designations per program", "designations per province", "only-in-region")
ENGINE = "X-Designations-Engine"
WORKERS = 2


@dataclass(frozen=True)
class Picks:
    """What the queries name: zones to look up, a program and a province."""

    zones: list[str]
    program: str
    province: str


def store_for(workdir: Path, label: str, designations: int) -> Path:
    """The store of a size, made on first use: the corpus, or the corpus with that many
    synthetic designations, bulk-loaded from one N-Quads file, in workdir/label."""
    target = workdir / label / "store"
    seeds = workdir / "corpus" / "store"
    if not (seeds / "CURRENT").exists():
        build(seeds)
    if (target / "CURRENT").exists():
        return target
    if not designations:
        return seeds
    nquads = workdir / label / "all.nq"
    nquads.parent.mkdir(parents=True, exist_ok=True)
    corpus = Store.open(seeds)
    quads = chain(corpus.inner, synthetic(corpus, designations))
    ox.serialize(quads, output=str(nquads), format=ox.RdfFormat.N_QUADS)
    command = [sys.executable, "-m", "api", "load", "--store", str(target), "--graph",
               str(entity("graph/bench-default")), str(nquads)]  # fmt: skip
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    nquads.unlink()
    return target


def picks(path: Path) -> Picks:
    """Zones, program and province to query, read from the store itself: the program and
    province with most designations two steps up from the designee."""
    store = Store.open(path)
    zones = [row["z"].value for row in store.select(ZONES)]
    rows = store.select(TOP)
    if not rows:
        return Picks(zones, entity("program/bench-program-1"), entity("adm/440000"))
    return Picks(zones, rows[0]["program"].value, rows[0]["province"].value)


def workloads(chosen: Picks) -> dict[str, Callable[[int], str]]:
    """The query of each workload's i-th request."""
    zones, program, province = chosen.zones, chosen.program, chosen.province
    return {
        "point lookup": lambda i: POINT.format(zone=zones[i * 7919 % len(zones)]),
        "designations per program": lambda i: PER_PROGRAM,
        "designations per province": lambda i: PER_PROVINCE,
        "two-hop join": lambda i: JOIN.format(program=program, province=province),
        "only-in-region": lambda i: ONLY_IN_REGION,
        "label search": lambda i: LABEL.format(text=f"zone {123 + i}"),
    }


def target(size: str, workload: str) -> float | None:
    """The most ours may take, as a share of Oxigraph's time (issue 15), where one is set."""
    point = workload == "point lookup"
    if size == "corpus":
        return 1.5 if point else 1.2
    if size == "100k":
        return 1.5 if point else 0.2 if workload in AGGREGATES else 1.0
    return None


Answer = tuple[float, int, str]
"""Seconds, rows and the engine that answered."""


@contextmanager
def serving(command: list[str], base: str, env: dict[str, str]) -> Iterator[str]:
    """Run a server until it answers ASK {} at base; stop it afterwards."""
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        with httpx.Client() as client:
            while not _up(client, base):
                if process.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited with {process.returncode}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def _up(client: httpx.Client, base: str) -> bool:
    try:
        return client.get(base, params={"query": "ASK {}"}).status_code == 200
    except httpx.TransportError:
        return False


@contextmanager
def ours(store: Path) -> Iterator[str]:
    """This server over the store, as it starts by default, once its replica is written."""
    port = free_port()
    env = {"DESIGNATIONS_QUERY_TIMEOUT": "3600", "DESIGNATIONS_MAX_ROWS": "10000000",
           "DESIGNATIONS_WORKERS": str(WORKERS)}  # fmt: skip
    command = [sys.executable, "-m", "api", "serve", "--store", str(store), "--port", str(port)]
    with serving(command, f"http://127.0.0.1:{port}/sparql", env) as base, httpx.Client() as c:
        probe = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the replica takes it once ready
        while ask(c, base, probe)[2] != "columnar":
            time.sleep(0.5)
        yield base


@contextmanager
def oxigraph(store: Path) -> Iterator[str]:
    """Oxigraph's own server over the same store directory, read-only."""
    program = Path(sys.executable).with_name("oxigraph")
    if not program.exists():
        sys.exit("the oxigraph server is missing: pip install -e '.[bench]'")
    port = free_port()
    command = [str(program), "serve-read-only", "--location", str(store),
               "--bind", f"127.0.0.1:{port}", "--union-default-graph"]  # fmt: skip
    with serving(command, f"http://127.0.0.1:{port}/query", {}) as base:
        yield base


def ask(client: httpx.Client, base: str, query: str) -> Answer:
    """Seconds, rows and engine of one query, for JSON results."""
    start = time.perf_counter()
    response = client.post(
        base,
        data={"query": PROLOGUE + query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=None,
    )
    seconds = time.perf_counter() - start
    response.raise_for_status()
    body = response.json()
    rows = len(body["results"]["bindings"]) if "results" in body else 1
    return seconds, rows, response.headers.get(ENGINE, "-")


def repetitions(seconds: float) -> int:
    """Timed requests per server for a query that took this long once: 30 and more for
    quick ones, fewer for slow ones."""
    return 50 if seconds < 0.05 else 30 if seconds < 0.5 else 10 if seconds < 5 else 3


Servers = dict[str, tuple[httpx.Client, str]]
"""A client and the endpoint URL, per server."""


def side_by_side(clients: Servers, query: Callable[[int], str]) -> dict[str, list[Answer]]:
    """Each server's answers to the workload, request i going to every server in turn
    (alternating which goes first), after one untimed request each."""
    first = {label: ask(client, base, query(0)) for label, (client, base) in clients.items()}
    count = repetitions(max(seconds for seconds, _, _ in first.values()))
    answers: dict[str, list[Answer]] = {label: [] for label in clients}
    order = list(clients)
    for i in range(1, count + 1):
        for label in order if i % 2 else reversed(order):
            client, base = clients[label]
            answers[label].append(ask(client, base, query(i)))
    return answers


def report(size: str, name: str, answers: dict[str, list[Answer]]) -> None:
    """One line: medians, ratio, target, the engine that answered ours, and the rows."""
    ours_ms, theirs_ms = (statistics.median(a[0] for a in answers[k]) * 1e3 for k in answers)
    ratio = ours_ms / theirs_ms
    goal = target(size, name)
    met = "" if goal is None else ("ok" if ratio <= goal else "MISSED") + f" <={goal:g}x"
    engine = "/".join(sorted({a[2] for a in answers["ours"]}))
    rows = "/".join(str(answers[k][0][1]) for k in answers)
    print(f"{size:<7}{name:<27}{ours_ms:>10.2f}{theirs_ms:>11.2f}{ratio:>8.2f}x  {met:<13}"
          f"{engine:<10}{rows}", flush=True)  # fmt: skip


def run(workdir: Path, size: str, only: list[str]) -> None:
    """Make the store of a size, serve it both ways, and report every workload."""
    store = store_for(workdir, size, SIZES[size])
    chosen = workloads(picks(store))
    with ExitStack() as stack:
        bases = {"ours": stack.enter_context(ours(store)),
                 "oxigraph": stack.enter_context(oxigraph(store))}  # fmt: skip
        clients = {k: (stack.enter_context(httpx.Client()), b) for k, b in bases.items()}
        for name, query in chosen.items():
            if not only or name.split()[0] in only or name.split()[-1] in only:
                report(size, name, side_by_side(clients, query))


def main() -> None:
    """Parse the command line, then run each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", metavar="size", help=f"{', '.join(SIZES)} "
                        "(default: corpus 100k)")  # fmt: skip
    parser.add_argument("--workdir", type=Path, default=Path("data/bench"))
    parser.add_argument("--only", action="append", default=[], help="a workload's first or "
                        "last word (point, designations, join, only-in-region, label, program, "
                        "province); repeatable")  # fmt: skip
    args = parser.parse_args()
    unknown = set(args.sizes) - set(SIZES)
    if unknown:
        parser.error(f"unknown size {', '.join(sorted(unknown))}; choose from {', '.join(SIZES)}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} CPUs; load average {_load()} at the start", flush=True)
    print(f"{'size':<7}{'workload':<27}{'ours ms':>10}{'oxigraph':>11}{'ratio':>9}  "
          f"{'target':<13}{'engine':<10}rows ours/oxigraph")  # fmt: skip
    for size in args.sizes or ["corpus", "100k"]:
        run(args.workdir, size, args.only)
    print(f"load average {_load()} at the end (1, 5, 15 minutes)")


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
