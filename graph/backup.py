"""Backups of a store, taken while it is served, and restoring one in place of a store.

A backup is a RocksDB checkpoint of the store as a read-only reader sees it: a consistent
snapshot (one point in its history), made of hard links to the store's immutable files when
both are on one filesystem, else a copy. It is written under a temporary name and renamed when
complete, so a killed backup never looks like a finished one. Restoring copies the backup into
a staging directory and swaps it in as a build does (graph/staging.py), so the backup itself
stays untouched and usable again.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from graph.errors import StoreError
from graph.staging import reason, staged, stale
from graph.store import Store

ATTEMPTS = 3


def backup(store_dir: Path, target: Path) -> int:
    """Write a consistent snapshot of the store into target (which must not exist yet); the
    number of quads it holds.

    A write compacting the store at the same moment can remove a file the snapshot was about
    to link; the snapshot is then taken again from a fresh view, up to three times.
    """
    if target.exists():
        raise StoreError(f"{target} already exists: give a new directory for the backup")
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    target.parent.mkdir(parents=True, exist_ok=True)
    for left in stale(target):  # what killed backups to the same place left
        shutil.rmtree(left, ignore_errors=True)
    for attempt in range(1, ATTEMPTS + 1):
        shutil.rmtree(partial, ignore_errors=True)
        try:
            Store.open(store_dir).inner.backup(str(partial))
            break
        except OSError as exc:
            shutil.rmtree(partial, ignore_errors=True)
            if attempt == ATTEMPTS:
                raise StoreError(f"cannot back up {store_dir}: {reason(exc)}") from exc
    partial.rename(target)
    return len(Store.open(target))


def restore(source: Path, store_dir: Path) -> int:
    """Replace the store with a copy of the backup in source; the number of quads restored.
    The current store stays as it was if anything fails."""
    backed_up = Store.open(source)  # StoreError when source is no store
    with staged(store_dir, "restore") as staging:
        backed_up.inner.backup(str(staging))
        del backed_up
    return len(Store.open(store_dir))
