"""SPARQL over HTTP on loopback: this server against rdflib-endpoint, on the same data.

    python -m bench.sparql [--designations 100000] [--workdir data/bench] [--only point]

Builds the seeds, adds synthetic designations (bench/generate.py), writes one N-Quads file,
serves it with `designations serve` (as it starts by default, once its columnar replica is
written; and with the replica off, on disk and in memory) and with `rdflib-endpoint serve`,
all at once, then times four queries, each request going to every server in turn so that
they share whatever else loads the machine, and prints medians, ratios and the engine that
answered (X-Designations-Engine). Needs the `bench` extra (rdflib-endpoint).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path

import httpx

from bench.generate import synthetic
from graph import Store, build
from graph.iris import entity
from graph.namespaces import sparql_prologue
from tests.server import free_port

PROLOGUE = sparql_prologue()
POINT = "SELECT ?p ?o WHERE {{ <{zone}> ?p ?o }}"
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
GUANGDONG = entity("adm/440000")
WORKERS = 2
WARM_UP = 2 * WORKERS
OURS = {
    "ours": {},
    "oxigraph disk": {"DESIGNATIONS_REPLICA": "false"},
    "oxigraph memory": {"DESIGNATIONS_REPLICA": "false", "DESIGNATIONS_IN_MEMORY": "true"},
}
"""This server as it starts by default (Oxigraph on disk, aggregates from the columnar replica),
and with the replica off, on disk and in memory."""
REPLICA_PROBE = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENGINE = "X-Designations-Engine"
ALL_REPS_ON_RDFLIB = {"point lookup"}  # quick enough there for as many samples as ours


def prepare(workdir: Path, designations: int) -> Path:
    """Build the seeds, add synthetic data, and write everything to one N-Quads file."""
    nquads = workdir / f"bench-{designations}.nq"
    if nquads.exists():
        return nquads
    store_dir = workdir / "seed-store"
    if store_dir.exists():
        shutil.rmtree(store_dir)
    build(store_dir)
    store = Store.open(store_dir, read_only=False)
    store.extend(synthetic(store, designations))
    store.flush()
    nquads.write_bytes(store.canonical_nquads())
    return nquads


def load_ours(workdir: Path, nquads: Path) -> Path:
    """A fresh store for this server holding exactly the N-Quads file."""
    store_dir = workdir / "store"
    if store_dir.exists():
        shutil.rmtree(store_dir)
    subprocess.run(
        [sys.executable, "-m", "api", "load", "--store", str(store_dir), "--graph",
         str(entity("graph/bench-default")), str(nquads)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return store_dir


@contextmanager
def serving(command: list[str], port: int, path: str, env: dict[str, str]) -> Iterator[str]:
    """Run a server until it answers ASK {} at path; stop it afterwards."""
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}{path}"
    try:
        _wait(process, base)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def _wait(process: subprocess.Popen[bytes], base: str) -> None:
    while process.poll() is None:
        try:
            if httpx.get(base, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server exited with {process.returncode}")


def ask(client: httpx.Client, base: str, query: str) -> tuple[int, str]:
    """Run a query for JSON results; the number of rows and the engine that answered."""
    response = client.post(
        base,
        data={"query": PROLOGUE + query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=1800,
    )
    response.raise_for_status()
    body = response.json()
    rows = len(body["results"]["bindings"]) if "results" in body else 1
    return rows, response.headers.get(ENGINE, "-")


def _wait_for_replica(base: str, seconds: float = 600) -> None:
    """Wait until this server answers aggregates from its replica (written after start)."""
    deadline = time.monotonic() + seconds
    with httpx.Client() as client:
        while ask(client, base, REPLICA_PROBE)[1] != "columnar":
            if time.monotonic() > deadline:
                raise RuntimeError("the columnar replica was not ready in time")
            time.sleep(0.5)


Timing = tuple[float, int, str]
"""Median seconds, rows of the first answer, and the engine that gave it."""


def side_by_side(
    bases: dict[str, str], queries: list[str], counts: dict[str, int]
) -> dict[str, Timing]:
    """Median seconds per server, with the rows and engine of its first answer; query i goes
    to every server in turn (to each only while i < its count), so that they share the
    machine's load."""
    times: dict[str, list[float]] = {label: [] for label in bases}
    rows: dict[str, tuple[int, str]] = {}
    clients = {label: httpx.Client() for label in bases}
    for label, base in bases.items():
        for _ in range(WARM_UP):  # open the connection; let every worker open its snapshot
            ask(clients[label], base, "ASK {}")
    for i, query in enumerate(queries):
        for label, base in bases.items():
            if i >= counts[label]:
                continue
            start = time.perf_counter()
            n = ask(clients[label], base, query)
            times[label].append(time.perf_counter() - start)
            rows.setdefault(label, n)
    for client in clients.values():
        client.close()
    return {label: (statistics.median(times[label]), *rows[label]) for label in bases}


def ours(store: Path, extra: dict[str, str]) -> AbstractContextManager[str]:
    """This server over the store, with the bench's limits and extra settings."""
    env = {"DESIGNATIONS_QUERY_TIMEOUT": "1800", "DESIGNATIONS_MAX_ROWS": "1000000", **extra}
    env["DESIGNATIONS_WORKERS"] = str(WORKERS)
    port = free_port()
    command = [sys.executable, "-m", "api", "serve", "--store", str(store), "--port", str(port)]
    return _replicated(serving(command, port, "/sparql", env), "DESIGNATIONS_REPLICA" not in extra)


@contextmanager
def _replicated(server: AbstractContextManager[str], replica: bool) -> Iterator[str]:
    with server as base:
        if replica:
            _wait_for_replica(base)
        yield base


def rdflib_endpoint(nquads: Path) -> AbstractContextManager[str]:
    """rdflib-endpoint over the same N-Quads file."""
    port = free_port()
    program = str(Path(sys.executable).with_name("rdflib-endpoint"))
    command = [program, "serve", str(nquads), "--host", "127.0.0.1", "--port", str(port)]
    return serving(command, port, "/", {})


def workloads(designations: int, reps: int) -> dict[str, Callable[[int], list[str]]]:
    """Query lists per workload, given a repetition count."""
    zones = max(designations // 5, 1)

    def point(n: int) -> list[str]:
        return [POINT.format(zone=entity(f"zone/bench-zone-{i * 7919 % zones}")) for i in range(n)]

    def join(n: int) -> list[str]:
        prog = entity("program/bench-program-1")
        return [JOIN.format(program=prog, province=GUANGDONG)] * n

    def label(n: int) -> list[str]:
        return [LABEL.format(text=f"zone {123 + i}") for i in range(n)]

    return {
        "point lookup": point,
        "two-hop join": join,
        "only-in-region aggregate": lambda n: [ONLY_IN_REGION] * n,
        "label search": label,
    }


def main() -> None:
    """Prepare the data, start the servers, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--designations", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=Path("data/bench"))
    parser.add_argument("--reps", type=int, default=5, help="repetitions of slow workloads")
    parser.add_argument(
        "--only", action="append", choices=["point", "join", "aggregate", "label"],
        help="run only this workload (repeatable); all four by default",
    )  # fmt: skip
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    nquads = prepare(args.workdir, args.designations)
    print(f"data: {nquads} ({sum(1 for _ in nquads.open('rb'))} quads)", flush=True)
    loads = workloads(args.designations, args.reps)
    if args.only:
        loads = {name: make for name, make in loads.items() if name.split()[0] in _only(args.only)}
    counts = {"point lookup": 50, "two-hop join": 20}
    results: dict[str, dict[str, Timing]] = {}
    store = load_ours(args.workdir, nquads)
    with ExitStack() as servers:
        bases = {label: servers.enter_context(ours(store, extra)) for label, extra in OURS.items()}
        bases["rdflib"] = servers.enter_context(rdflib_endpoint(nquads))
        for name, make in loads.items():
            n = counts.get(name, args.reps)
            fewer = n if name in ALL_REPS_ON_RDFLIB else max(n // 5, 3)
            each = {label: fewer if label == "rdflib" else n for label in bases}
            results[name] = side_by_side(bases, make(n), each)
    report(results)


def _only(choices: list[str]) -> set[str]:
    """First words of the workload names the --only choices pick."""
    first = {"point": "point", "join": "two-hop", "aggregate": "only-in-region", "label": "label"}
    return {first[c] for c in choices}


def report(results: dict[str, dict[str, Timing]]) -> None:
    """Per workload, each server's median and its speed-up over rdflib, the engine that
    answered, and the row counts (which must agree)."""
    print(f"{'workload':<26}{'server':<17}{'median ms':>11}{'vs rdflib':>11}  {'engine':<9}rows")
    for name, timing in results.items():
        theirs = timing["rdflib"][0]
        for label, (median, rows, engine) in timing.items():
            ratio = f"{theirs / median:.1f}x" if label != "rdflib" else ""
            print(f"{name:<26}{label:<17}{median * 1e3:>11.2f}{ratio:>11}  {engine:<9}{rows}")


if __name__ == "__main__":
    main()
