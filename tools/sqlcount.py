"""Counting what the sqlite3 driver does: the statements it runs and the rows it hands back, for
the tests and benchmarks that check a cost does not grow with the ledger (never by timing it).

    with counting() as counts:        # every ledger opened inside the block is counted
        ...
    counts["statements"], counts["rows"]
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from materiel.ledger import store

COUNTS: Counter = Counter()


class CountingCursor(sqlite3.Cursor):
    def execute(self, *args: Any) -> sqlite3.Cursor:
        COUNTS["statements"] += 1
        return super().execute(*args)

    def executemany(self, *args: Any) -> sqlite3.Cursor:
        COUNTS["statements"] += 1
        return super().executemany(*args)

    def fetchone(self) -> Any:
        row = super().fetchone()
        COUNTS["rows"] += row is not None
        return row

    def fetchmany(self, *args: int) -> list[Any]:
        rows = super().fetchmany(*args)
        COUNTS["rows"] += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        rows = super().fetchall()
        COUNTS["rows"] += len(rows)
        return rows


class CountingConnection(sqlite3.Connection):
    def cursor(self, factory: type[sqlite3.Cursor] = CountingCursor) -> sqlite3.Cursor:
        return super().cursor(factory)


@contextmanager
def counting() -> Iterator[Counter]:
    """Inside the block the ledger's engines use counting connections; `COUNTS` starts empty."""
    plain = store.create_engine
    store.create_engine = lambda url, **kw: plain(url, connect_args={"factory": CountingConnection}, **kw)
    COUNTS.clear()
    try:
        yield COUNTS
    finally:
        store.create_engine = plain
