"""Writes the columnar replica of each store generation in a process of its own.

The pool starts a build when it starts and after every write; a write first cancels the build
in progress, whose copy would be stale. A replica is handed to jobs only once its build has
finished for the pool's current generation, so a query never reads older data than the store
holds: until then Oxigraph answers everything.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from graph.sparql.replica import write
from graph.store import Store

log = logging.getLogger(__name__)


def build(store_path: Path, out: Path) -> None:
    """The build process's body: write the replica of the store at store_path to out."""
    write(Store.open(store_path), out)


class ReplicaBuilder:
    """Builds replicas of the store at path into a temporary directory it owns."""

    def __init__(self, ctx: BaseContext, path: Path) -> None:
        self.ctx = ctx
        self.path = path
        self.directory = Path(tempfile.mkdtemp(prefix="designations-replica-"))
        self.generation = -1
        self.process: BaseProcess | None = None
        self.ready = ""
        self._lock = threading.Lock()

    def target(self, generation: int) -> Path:
        """Where the replica of a generation is written."""
        return self.directory / f"generation-{generation}.duckdb"

    def start(self, generation: int) -> None:
        """Cancel any build and start one for the generation; older replicas are deleted."""
        with self._lock:
            self._cancel()
            for old in self.directory.iterdir():
                old.unlink()
            self.generation = generation
            self.process = self.ctx.Process(  # type: ignore[attr-defined]
                target=build,
                args=(self.path, self.target(generation)),
                daemon=True,
                name="designations-replica",
            )
            self.process.start()

    def cancel(self) -> None:
        """Stop the build in progress, if any; no replica is handed out until the next."""
        with self._lock:
            self._cancel()

    def _cancel(self) -> None:
        self.ready = ""
        self.generation = -1
        if self.process is not None:
            self.process.kill()
            self.process.join(10)
        self.process = None

    def replica(self, generation: int) -> str:
        """The path of the generation's replica once its build has finished, else ""."""
        with self._lock:  # a write may cancel the build from another thread meanwhile
            if generation != self.generation:
                return ""
            if self.ready or self.process is None or self.process.is_alive():
                return self.ready
            if self.process.exitcode == 0:
                self.ready = str(self.target(generation))
            else:
                log.warning("the columnar replica was not built (exit code %s); Oxigraph "
                            "answers every query", self.process.exitcode)  # fmt: skip
            self.process.join()
            self.process = None
            return self.ready

    def close(self) -> None:
        """Stop any build and delete the replicas."""
        self.cancel()
        shutil.rmtree(self.directory, ignore_errors=True)
