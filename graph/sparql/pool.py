"""A pool of query worker processes with time limits that hold.

Each job goes to an idle worker; the caller's thread waits on the worker's pipe until the
deadline (or, with `answer`, the caller's event loop does, so that a request costs no thread
hand-offs). A worker that runs over is killed (SIGKILL frees its CPU at once) and replaced by
a fresh one, and the caller gets QueryTimeout. A write (a SPARQL update or a Graph Store write)
takes every worker first, so no query reads while the store is open for writing, and bumps the
generation so that workers reopen their read-only snapshot. After the workers start, and after
every write, a ReplicaBuilder writes the columnar replica of the new generation, which jobs of
that generation then name, so that aggregate queries skip Oxigraph (graph.sparql.columnar).
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import queue
import threading
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from time import monotonic

from graph import errors
from graph.sparql.builder import ReplicaBuilder
from graph.sparql.estimate import THRESHOLD
from graph.sparql.jobs import Failure, Job, Outcome
from graph.sparql.worker import Options, serve

RELEASE = Job("release")
RELEASE_SECONDS = 10.0


def context() -> BaseContext:
    """Fork workers from a clean server process that has already imported the worker."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["graph.sparql.worker", "graph.sparql.builder"])
    return ctx


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: BaseContext, options: Options) -> None:
        parent, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=serve, args=(child, options), daemon=True, name="designations-sparql"
        )
        self.process.start()
        child.close()
        self.conn: Connection = parent

    @property
    def pid(self) -> int:
        """The worker's process id."""
        return self.process.pid or 0

    def ask(self, job: Job, seconds: float) -> Outcome | Failure | None:
        """Send a job and wait for its reply; None when the time ran out first."""
        self.conn.send(job)
        if not self.conn.poll(max(seconds, 0.0)):
            return None
        reply: Outcome | Failure = self.conn.recv()
        return reply

    async def ask_async(self, job: Job, seconds: float) -> Outcome | Failure | None:
        """ask() for an event loop: the loop watches the pipe instead of a blocked thread."""
        self.conn.send(job)
        if not await readable(self.conn, seconds):
            return None
        reply: Outcome | Failure = self.conn.recv()
        return reply

    def kill(self) -> None:
        """Stop the process at once and reap it."""
        self.process.kill()
        self.process.join(10)
        self.conn.close()

    def stop(self) -> None:
        """Close the pipe so the worker returns, killing it if it does not."""
        self.conn.close()
        self.process.join(2)
        if self.process.is_alive():
            self.kill()


async def readable(conn: Connection, seconds: float) -> bool:
    """Whether the pipe has something to read (a reply, or the end of a dead worker's pipe)
    within the time; waits in the running event loop."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    fd = conn.fileno()
    loop.add_reader(fd, wake)
    try:
        await asyncio.wait_for(ready, max(seconds, 0.0))
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)
        os.set_blocking(fd, True)  # uvloop made it non-blocking; recv() reads whole messages
    return True


def raise_failure(failure: Failure) -> None:
    """Raise the library error a worker reported."""
    cls = getattr(errors, failure.error, None)
    if isinstance(cls, type) and issubclass(cls, errors.DesignationsError):
        raise cls(failure.message)
    raise RuntimeError(f"query worker: {failure.message}")


class WorkerPool:
    """N worker processes over the store at path; thread-safe.

    With in_memory, each worker copies its read-only snapshot into memory: queries run
    several times faster, at the cost of memory and of a slower start after each update.
    With replica, aggregates whose estimated cost to Oxigraph reaches replica_threshold
    (graph.sparql.estimate) come from the columnar replica.
    """

    def __init__(
        self,
        path: Path,
        size: int,
        in_memory: bool = False,
        replica: bool = True,
        replica_threshold: float = THRESHOLD,
    ) -> None:
        self.path = path
        self.size = size
        self.options = Options(path, in_memory, replica_threshold)
        self.generation = 0
        self._ctx = context()
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._writer = threading.Lock()
        self.builder = ReplicaBuilder(self._ctx, path) if replica else None

    def start(self) -> None:
        """Start the workers, and the replica's first build."""
        for _ in range(self.size):
            self._idle.put(Worker(self._ctx, self.options))
        if self.builder is not None:
            self.builder.start(self.generation)

    def current(self, job: Job) -> Job:
        """The job stamped with the current generation and, once written, its replica."""
        ready = self.builder.replica(self.generation) if self.builder is not None else ""
        return replace(job, generation=self.generation, replica=ready)

    def pids(self) -> list[int]:
        """Process ids of the idle workers (for diagnostics and tests)."""
        return sorted(w.pid for w in list(self._idle.queue))

    def run(self, job: Job, seconds: float) -> Outcome:
        """Do a read job within the time limit; QueryTimeout or ServiceBusy when it cannot."""
        deadline = monotonic() + seconds
        held = [self._take(deadline)]
        try:
            return self._exchange(held, 0, self.current(job), deadline)
        except errors.QueryTimeout:
            raise _past_limit(seconds) from None
        finally:
            self._idle.put(held[0])

    async def answer(self, job: Job, seconds: float) -> Outcome:
        """run() from an event loop, waiting on the worker's pipe in the loop itself."""
        deadline = monotonic() + seconds
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            worker = await asyncio.to_thread(self._take, deadline)
        held = [worker]
        try:
            return await self._exchange_async(held, self.current(job), deadline)
        except errors.QueryTimeout:
            raise _past_limit(seconds) from None
        finally:
            self._idle.put(held[0])

    def update(self, job: Job, seconds: float) -> Outcome:
        """Do a write job with every worker held, then let workers reopen the store."""
        deadline = monotonic() + seconds
        with self._writer:
            held: list[Worker] = []
            if self.builder is not None:
                self.builder.cancel()
            try:
                while len(held) < self.size:
                    held.append(self._take(deadline))
                for i in range(1, len(held)):
                    self._exchange(held, i, RELEASE, monotonic() + RELEASE_SECONDS)
                return self._exchange(held, 0, job, deadline)
            finally:
                self.generation += 1
                for worker in held:
                    self._idle.put(worker)
                if self.builder is not None:
                    self.builder.start(self.generation)

    def close(self) -> None:
        """Stop every idle worker and the replica's builder."""
        if self.builder is not None:
            self.builder.close()
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return

    def _take(self, deadline: float) -> Worker:
        try:
            return self._idle.get(timeout=max(deadline - monotonic(), 0.001))
        except queue.Empty:
            raise errors.ServiceBusy("every query worker is busy; try again shortly") from None

    def _exchange(self, held: list[Worker], i: int, job: Job, deadline: float) -> Outcome:
        """Run a job on held[i]; a worker that dies or runs over is replaced in held."""
        seconds = deadline - monotonic()
        try:
            reply = held[i].ask(job, seconds)
        except (EOFError, OSError):
            held[i] = self._replace(held[i])
            raise errors.ServiceBusy("a query worker stopped under the job; try again") from None
        if reply is None:
            held[i] = self._replace(held[i])
        return _outcome(reply, job)

    async def _exchange_async(self, held: list[Worker], job: Job, deadline: float) -> Outcome:
        """_exchange for held[0] in an event loop; a worker left with a job in flight (the
        wait was cancelled, it died or it ran over) is replaced."""
        reply: Outcome | Failure | None = None
        try:
            reply = await held[0].ask_async(job, deadline - monotonic())
        except (EOFError, OSError):
            raise errors.ServiceBusy("a query worker stopped under the job; try again") from None
        finally:
            if reply is None:  # rare, and quick: kill, then fork from the fork server
                held[0] = self._replace(held[0])
        return _outcome(reply, job)

    def _replace(self, worker: Worker) -> Worker:
        """A fresh worker in place of one that is killed."""
        worker.kill()
        return Worker(self._ctx, self.options)


def _past_limit(seconds: float) -> errors.QueryTimeout:
    """The error for a query stopped at its time limit."""
    return errors.QueryTimeout(
        f"the query ran past its time limit of {seconds:g} s and was stopped"
    )


def _outcome(reply: Outcome | Failure | None, job: Job) -> Outcome:
    """The outcome of a reply; QueryTimeout when there was none, the library error of a
    Failure."""
    if reply is None:
        raise errors.QueryTimeout(f"the {job.kind} ran past its time limit and was stopped")
    if isinstance(reply, Failure):
        raise_failure(reply)
    assert isinstance(reply, Outcome)
    return reply
