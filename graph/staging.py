"""Replacing a store whole, safely: whatever writes a new version of a store (build, derive,
load, restore) makes it in a staging directory beside the store and then swaps it in.

The swap is two renames: the store to `.{name}.old`, then the staging directory to the
store's name. At every moment one of these holds, so a process killed anywhere leaves a
store that opens as the old version or the new one:

- the store directory exists: it is the store; a `.{name}.old` beside it is left over from a
  finished swap and may go;
- it does not, but `.{name}.old` does: a swap was killed between its renames, and `.old` is
  the previous store, whole. `recover` renames it back; every open of a store does this first.

Staging directories are named `.{name}.{purpose}-{pid}`. One whose process is gone was left
by a run that was killed (or crashed), and the next run that stages removes it.
"""

from __future__ import annotations

import errno
import gc
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.errors import StoreError
from graph.processes import alive

STAGING = re.compile(r"^\.(?P<name>.+)\.(?P<purpose>[a-z]+)-(?P<pid>[0-9]+)$")


def old_dir(store_dir: Path) -> Path:
    """Where a swap keeps the previous store until the new one is in place."""
    return store_dir.with_name(f".{store_dir.name}.old")


def staging_dir(store_dir: Path, purpose: str) -> Path:
    """This process's staging directory for a new version of the store."""
    return store_dir.with_name(f".{store_dir.name}.{purpose}-{os.getpid()}")


def recover(store_dir: Path) -> bool:
    """Put back the previous store if a swap was killed between its renames; True if it did.

    Safe to call at any time from any process: when the store directory exists it does
    nothing, and of two processes recovering at once one renames and the other finds it done.
    """
    old = old_dir(store_dir)
    if store_dir.exists() or not old.is_dir():
        return False
    try:
        old.rename(store_dir)
    except FileNotFoundError:
        return False  # another process recovered it first
    except OSError as exc:
        if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
            return False
        raise StoreError(f"cannot put back the previous store {old}: {exc.strerror}") from exc
    _sync_dir(store_dir.parent)
    return True


def stale(store_dir: Path) -> list[Path]:
    """Staging directories beside the store whose process is gone, and a leftover `.old`."""
    found = []
    for entry in store_dir.parent.glob(f".{store_dir.name}.*"):
        match = STAGING.match(entry.name)
        if match and match["name"] == store_dir.name:
            pid = int(match["pid"])
            if pid != os.getpid() and not alive(pid):
                found.append(entry)
    if store_dir.exists() and old_dir(store_dir).exists():
        found.append(old_dir(store_dir))
    return sorted(found)


def clean(store_dir: Path) -> list[Path]:
    """Recover an interrupted swap, then remove what killed runs left; the paths removed."""
    recover(store_dir)
    removed = stale(store_dir)
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


def swap_in(new: Path, target: Path) -> None:
    """Replace the store at target with the finished store at new (see the module's notes)."""
    recover(target)
    old = old_dir(target)
    if old.exists():
        shutil.rmtree(old)  # the store exists: this is what a finished swap left
    try:
        if target.exists():
            target.rename(old)
        new.rename(target)
    except OSError as exc:
        recover(target)
        raise StoreError(f"cannot swap the new store into {target}: {exc.strerror}") from exc
    _sync_dir(target.parent)
    shutil.rmtree(old, ignore_errors=True)


def _sync_dir(directory: Path) -> None:
    """Make renames in a directory durable (where the platform allows opening directories)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def reason(exc: OSError) -> str:
    """An OSError in one line: its message, and the file it names."""
    text = exc.strerror or str(exc) or type(exc).__name__
    where = f": {exc.filename}" if exc.filename else ""
    return text.splitlines()[0] + where


@contextmanager
def staged(store_dir: Path, purpose: str) -> Iterator[Path]:
    """A staging directory for a new version of the store, swapped in when the block ends
    normally and removed when it raises; the store is untouched until the swap.

    What killed runs left behind is removed first. An OSError in the block (a full disk, a
    file that cannot be read) becomes one StoreError line that says the store is unchanged.
    The block must let go of every handle on the staging store before it ends.
    """
    clean(store_dir)
    staging = staging_dir(store_dir, purpose)
    staging.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        yield staging
        gc.collect()  # the RocksDB handle must be closed before its directory moves
    except BaseException as exc:
        gc.collect()
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise StoreError(
                f"{purpose} failed: {reason(exc)}; the store at {store_dir} is unchanged"
            ) from exc
        raise
    swap_in(staging, store_dir)
