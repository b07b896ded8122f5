"""Lookups remembered per store, until the store changes.

A served store is opened read-only, so the same lookup gives the same answer for as long as
that store is served; reading an entity back from the on-disk store costs a few hundred
microseconds a subject, which a list page pays once per row. Every remembered answer lives
in a table of its store, reached only through `remembered`, and goes with the store (the
tables are weakly keyed) or with `forget(store)`: whatever writes to a served store, or
reopens it at a new generation, calls `forget` and every table of that store is dropped.

>>> store = Store.memory()
>>> remembered(store, "square", 4, lambda: 4 * 4)
16
>>> remembered(store, "square", 4, lambda: -1)
16
>>> forget(store)
>>> remembered(store, "square", 4, lambda: -1)
-1
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import TypeVar, cast
from weakref import WeakKeyDictionary

from graph.store import Store

T = TypeVar("T")
Table = OrderedDict[Hashable, object]
DEFAULT_SIZE = 20_000
SIZES = {"designation-matches": 1_000, "finding-matches": 1_000, "entity-lists": 1_000}
"""Tables of whole lists (what a filter matches) keep fewer entries."""

_TABLES: WeakKeyDictionary[Store, dict[str, Table]] = WeakKeyDictionary()
_LOCK = Lock()


def remembered(store: Store, table: str, key: Hashable, compute: Callable[[], T]) -> T:
    """The answer remembered under key in the store's table, else compute() remembered.

    A table keeps its most recently used answers, DEFAULT_SIZE of them unless SIZES says
    otherwise. An exception is not remembered.
    """
    with _LOCK:
        memo = _TABLES.setdefault(store, {}).setdefault(table, OrderedDict())
        if key in memo:
            memo.move_to_end(key)
            return cast(T, memo[key])
    value = compute()
    with _LOCK:
        memo[key] = value
        while len(memo) > SIZES.get(table, DEFAULT_SIZE):
            memo.popitem(last=False)
    return value


def forget(store: Store) -> None:
    """Drop every remembered answer of the store (call it after any write to the store)."""
    with _LOCK:
        _TABLES.pop(store, None)


__all__ = ["forget", "remembered"]
