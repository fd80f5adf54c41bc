"""Bulk loads with the derived tables' row triggers set aside, each table rebuilt once at the end.

The derived local tables (the customer search index, last visits) are kept
current row by row by triggers. That is right for edits and merges, but a
bulk load of 100,000 cards would pay a haystack with pinyin (computed in
Python) and a due-date recomputation per card. A bulk load (a snapshot
bootstrap) instead drops those triggers inside its transaction, writes the
rows, restores the triggers from the SQL SQLite stored for them, and rebuilds
each table once with set-based SQL. Everything runs in the caller's
transaction, so a failure rolls the dropped triggers back with the rest.

The asset tables' triggers (``asset_checks``, ``asset_forks``,
``asset_search``) are not set aside: they are plain SQL, cheap per row, and
what they keep depends on the order events were seen in, which only the
triggers themselves reproduce.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sqlite_utils

from fieldcrm.storage.schema_visits import rebuild_last_visits

# Name patterns (GLOB) of the triggers keeping the tables rebuilt below.
SET_ASIDE = ("search_customers_*", "last_visits_*")

IndexCustomers = Callable[[sqlite_utils.Database], None]


@contextmanager
def bulk_load(db: sqlite_utils.Database, index_customers: IndexCustomers) -> Iterator[None]:
    """Write rows in this block without the derived-table triggers; then rebuild those tables.

    ``index_customers`` fills the search index once the rows are in (a fresh
    computation, or a snapshot's haystacks). Must run inside a transaction.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("bulk_load must run inside the caller's transaction")
    condition = " OR ".join("name GLOB ?" for _ in SET_ASIDE)
    saved = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND ({condition}) ORDER BY name", SET_ASIDE
    ).fetchall()
    for name, _ in saved:
        db.execute(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in saved:
        db.execute(sql)
    index_customers(db)
    rebuild_last_visits(db)
