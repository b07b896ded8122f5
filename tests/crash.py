"""A crash harness: run a command that writes (build, derive, load, ingest, a server applying
a SPARQL Update or a Graph Store write), SIGKILL it and its children at a random moment, and
check what it leaves: the store opens, and its canonical dump equals the dump before the
command or the dump after it, never something between. Then what the next run does first
(graph.staging.clean) must leave no staging directory behind.

Used by tests/test_crash.py (a few kills) and `python -m bench.crash` (hundreds).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from graph import Store
from graph.build.seeds import read_records
from graph.paths import ROOT, SEEDS_DIR
from graph.staging import clean
from tests.server import free_port, wait_until_up

EX = "http://example.org/"
TOKEN = "crash-token"
DESIGNATIONS = [sys.executable, "-m", "api"]
ARTICLE = ROOT / "tests" / "data" / "extract" / "dev" / "en-baotou-pilot.txt"


def store_state(work: Path) -> str:
    """SHA-256 of the canonical dump of the store in work/store (opening it recovers an
    interrupted swap, as every open does)."""
    return hashlib.sha256(Store.open(work / "store").canonical_nquads()).hexdigest()


def seeds_state(work: Path) -> str:
    """SHA-256 of the seeds as a build reads them: every record file, and the texts they
    name."""
    digest = hashlib.sha256()
    records = work / "seeds" / "records"
    for path in sorted(records.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for path, record in sorted(read_records(records).items()):
        if record.document.text_file:
            text = (path.parent / record.document.text_file).resolve()
            if text.exists():  # as the build, which checks evidence against texts at hand
                digest.update(text.name.encode() + b"\0" + text.read_bytes())
    return digest.hexdigest()


@dataclass
class Started:
    """A running process group, and the moment its write began (kill times count from it)."""

    process: subprocess.Popen[bytes]
    began: float
    served: bool = False
    finished: threading.Event = field(default_factory=threading.Event)

    def wait(self, seconds: float = 600) -> None:
        """Wait for the write to end: the command to exit, or the server to answer."""
        if self.served:
            self.finished.wait(seconds)
        else:
            self.process.wait(seconds)

    def kill(self) -> None:
        """SIGKILL the whole group (a server and its workers alike), and reap it."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def command(*args: str) -> Callable[[Path], Started]:
    """A scenario step that runs `designations ARGS` in the work directory."""

    def start(work: Path) -> Started:
        process = subprocess.Popen(
            [*DESIGNATIONS, *args],
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return Started(process, time.monotonic())

    return start


def served_write(request: Callable[[httpx.Client], httpx.Response]) -> Callable[[Path], Started]:
    """A scenario step that serves work/store with an update token and sends one write."""

    def start(work: Path) -> Started:
        port = free_port()
        args = ["serve", "--store", "store", "--port", str(port), "--update-token", TOKEN]
        env = {**os.environ, "DESIGNATIONS_WORKERS": "1", "DESIGNATIONS_REPLICA": "false"}
        process = subprocess.Popen(
            [*DESIGNATIONS, *args],
            cwd=work,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, process)
        started = Started(process, time.monotonic(), served=True)

        def send() -> None:
            try:
                with httpx.Client(base_url=base, timeout=300) as client:
                    request(client)
                started.finished.set()
            except httpx.TransportError:
                pass  # killed mid-request

        threading.Thread(target=send, daemon=True).start()
        return started

    return start


def _update(client: httpx.Client) -> httpx.Response:
    text = f"INSERT {{ GRAPH <{EX}copy> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    return client.post("/sparql", content=text.encode(), headers=headers)


def _put(client: httpx.Client) -> httpx.Response:
    body = "".join(f"<{EX}s{i}> <{EX}p> 'new {i}' .\n" for i in range(40_000)).encode()
    headers = {"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"}
    return client.put("/sparql", params={"graph": EX + "put"}, content=body, headers=headers)


@dataclass(frozen=True)
class Scenario:
    """A command that writes, the work directory it starts from, and what state to compare."""

    name: str
    prepare: Callable[[Path, Path], None]  # (work directory, a built store to start from)
    start: Callable[[Path], Started]
    state: Callable[[Path], str] = store_state
    staged: bool = True  # writes a copy and swaps it in (a served write goes in place)


def _add(store_dir: Path, graph: str, triples: int, text: str = "old") -> None:
    store = Store.open(store_dir, read_only=False)
    store.update(
        f"INSERT DATA {{ GRAPH <{graph}> {{ "
        + " ".join(f"<{EX}s{i}> <{EX}p> '{text} {i}' ." for i in range(triples))
        + " } }"
    )
    store.flush()


def _built_plus(graph: str, triples: int) -> Callable[[Path, Path], None]:
    def prepare(work: Path, built: Path) -> None:
        shutil.copytree(built, work / "store")
        _add(work / "store", graph, triples)

    return prepare


def _small_store_and_file(quads: int) -> Callable[[Path, Path], None]:
    def prepare(work: Path, built: Path) -> None:
        _add(work / "store", EX + "g", 10)
        lines = (f"<{EX}s{i}> <{EX}p> <{EX}o{i % 997}> <{EX}g{i % 7}> .\n" for i in range(quads))
        (work / "big.nq").write_text("".join(lines), "utf-8")

    return prepare


def load(quads: int) -> Scenario:
    """Bulk-load a file of that many quads into a small store."""
    args = ("load", "--store", "store", "--graph", EX + "loaded", "big.nq")
    return Scenario("load", _small_store_and_file(quads), command(*args))


def _seeds(work: Path, built: Path) -> None:
    shutil.copytree(SEEDS_DIR / "reference", work / "seeds" / "reference")
    shutil.copytree(SEEDS_DIR / "records", work / "seeds" / "records")
    shutil.copy(ARTICLE, work / "article.txt")


DERIVED = "https://w3id.org/china-designations/id/graph/derived"
SCENARIOS = {
    s.name: s
    for s in [
        # the build rebuilds the seeds over a store that holds one graph more
        Scenario("build", _built_plus(EX + "extra", 5), command("build", "--store", "store")),
        # derive drops the derived graph, with a stray triple in it, and computes it anew
        Scenario("derive", _built_plus(DERIVED, 1), command("derive", "--store", "store")),
        load(150_000),
        Scenario(
            "ingest",
            _seeds,
            command("ingest", "article.txt", "--seeds", "seeds", "--outlet", "org/baotou-daily"),
            seeds_state,
        ),
        Scenario(
            "sparql-update", _built_plus(EX + "extra", 1), served_write(_update), staged=False
        ),
        Scenario(
            "graph-store-put", _built_plus(EX + "put", 20_000), served_write(_put), staged=False
        ),
    ]
}


@dataclass
class Tally:
    """What the kills of one scenario left."""

    kills: int = 0
    before: int = 0
    after: int = 0
    between: list[str] = field(default_factory=list)
    left_behind: list[str] = field(default_factory=list)
    orphan_bytes: int = 0  # most bytes a kill added to a store that kept its old data (staged)
    seconds: float = 0.0


def run(scenario: Scenario, built: Path, root: Path, kills: int, seed: int = 0) -> Tally:
    """Kill the scenario's command `kills` times at random moments; tally what each left."""
    rng = random.Random(seed)
    base = root / f"{scenario.name}-base"
    base.mkdir(parents=True)
    scenario.prepare(base, built)
    before = scenario.state(base)
    whole, after = _uninterrupted(scenario, base, root / f"{scenario.name}-whole")
    if after == before:
        raise RuntimeError(f"{scenario.name}: the command, run whole, changed nothing")
    tally = Tally(seconds=whole)
    for i in range(kills):
        work = root / f"{scenario.name}-{i}"
        shutil.copytree(base, work, symlinks=True)
        started = scenario.start(work)
        # every other kill lands in the last third, where the writes and the swap are
        at = rng.uniform(0, whole * 1.1) if i % 2 == 0 else rng.uniform(whole * 0.7, whole * 1.1)
        time.sleep(max(0.0, started.began + at - time.monotonic()))
        started.kill()
        verdict = _judge(scenario, work, before, after, tally)
        if verdict == "before" and scenario.staged and scenario.state is store_state:
            grown = _size(work / "store") - _size(base / "store")
            tally.orphan_bytes = max(tally.orphan_bytes, grown)
        shutil.rmtree(work, ignore_errors=True)
    return tally


def _uninterrupted(scenario: Scenario, base: Path, work: Path) -> tuple[float, str]:
    shutil.copytree(base, work, symlinks=True)
    started = scenario.start(work)
    started.wait()
    seconds = time.monotonic() - started.began
    started.kill()  # a server stays up after its write
    state = scenario.state(work)
    shutil.rmtree(work, ignore_errors=True)
    return seconds, state


def _size(directory: Path) -> int:
    """Bytes of the files in a store directory (RocksDB's own info logs aside)."""
    return sum(
        p.stat().st_size for p in directory.rglob("*") if p.is_file() and "LOG" not in p.name
    )


def _judge(scenario: Scenario, work: Path, before: str, after: str, tally: Tally) -> str:
    """Tally what one kill left: "before", "after" or "between"."""
    tally.kills += 1
    try:
        state = scenario.state(work)
    except Exception as exc:  # a store that does not open is the worst "between"
        tally.between.append(f"{work.name}: {type(exc).__name__}: {exc}")
        return "between"
    verdict = {before: "before", after: "after"}.get(state, "between")
    if verdict == "before":
        tally.before += 1
    elif verdict == "after":
        tally.after += 1
    else:
        tally.between.append(work.name)
    if (work / "store").exists() or (work / ".store.old").exists():
        clean(work / "store")
        tally.left_behind += [p.name for p in work.iterdir() if p.name.startswith(".store.")]
    return verdict
