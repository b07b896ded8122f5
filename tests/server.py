"""Start the real service (`designations serve` under uvicorn) on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def running_server(store: Path, *extra: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Serve the store in a subprocess; yield its base URL; stop it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "api", "serve", "--store", str(store), "--port", str(port)]
    process = subprocess.Popen(
        [*command, *extra],
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, process)
        yield base
    finally:
        process.terminate()
        process.communicate(timeout=20)


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180  # the label index of the whole catalogue takes a while
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"server exited: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    else:
        raise RuntimeError("server did not start within 180 s")
    # The label index is built in a thread beside the first requests and holds the
    # interpreter while it reads the labels: tests start once a search has it.
    httpx.get(base + "/api/search", params={"q": "a"}, timeout=max(deadline - time.monotonic(), 1))
