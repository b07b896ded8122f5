"""Find a server's worker processes and their CPU time through /proc (Linux)."""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text[text.rindex(")") + 2 :].split()


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process; 0 when it is gone."""
    fields = _stat(pid)
    if fields is None:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def children(pid: int) -> list[int]:
    """Direct children of a process."""
    out = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and int(fields[1]) == pid:
                out.append(int(entry.name))
    return sorted(out)


def descendants(pid: int) -> list[int]:
    """Every live process below a process."""
    out = []
    for child in children(pid):
        out += [child, *descendants(child)]
    return [p for p in out if alive(p)]


def server_pid(marker: str) -> int:
    """The process whose command line names the marker (a server's unique store path)."""
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in argv and marker.encode() in argv:
            return int(entry.name)
    raise LookupError(f"no server process for {marker}")
