"""The fields a merge must revisit, kept in temp tables for set-based SQL.

Whatever stores new versions (a received file, a conflict resolution, a
snapshot, an upgrade) marks the fields it touched in ``sync_touched`` and
their rows in ``sync_touched_rows``; materialising and conflict bookkeeping
then work on those alone, so a merge costs what it touched, not what the
laptop holds. The tables live in the connection's temp schema: never
shared, never synced, emptied at the start of every merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlite_utils

from fieldcrm.storage.database import run_script
from fieldcrm.sync import wire
from fieldcrm.sync.registry import SYNCED_TABLES

Key = tuple[str, str, str]  # (tbl, row_id, field)

_TEMP_TABLES = """
CREATE TEMP TABLE IF NOT EXISTS sync_touched (
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (tbl, row_id, field)
) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS sync_touched_rows (
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS sync_row_set (row_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS sync_winners (
    row_id TEXT NOT NULL, field TEXT NOT NULL, value, new INTEGER NOT NULL, PRIMARY KEY (row_id, field)
) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS sync_incoming (
    tbl, row_id, field, hlc, site, value, prev_hlc, prev_site, PRIMARY KEY (tbl, row_id, field, hlc, site)
) WITHOUT ROWID;
"""


def start(db: sqlite_utils.Database) -> None:
    """Empty the touched sets before a merge."""
    run_script(db, _TEMP_TABLES)
    db.execute("DELETE FROM sync_touched")
    db.execute("DELETE FROM sync_touched_rows")


def store_versions(db: sqlite_utils.Database, rows: Sequence[wire.Row]) -> int:
    """Insert received versions, marking touched exactly those not already stored; returns how many.

    The batch goes through a keyed staging table so that telling new versions
    from duplicates, marking them and storing them are set-based statements
    working in key order: a file delivered twice touches nothing the second time.
    """
    db.execute("DELETE FROM sync_incoming")
    db.conn.executemany(f"INSERT OR IGNORE INTO sync_incoming ({wire.COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute(
        """DELETE FROM sync_incoming WHERE EXISTS (SELECT 1 FROM change AS c
            WHERE c.tbl = sync_incoming.tbl AND c.row_id = sync_incoming.row_id AND c.field = sync_incoming.field
              AND c.hlc = sync_incoming.hlc AND c.site = sync_incoming.site)"""
    )
    db.execute("INSERT OR IGNORE INTO sync_touched (tbl, row_id, field) SELECT tbl, row_id, field FROM sync_incoming")
    db.execute("INSERT OR IGNORE INTO sync_touched_rows (tbl, row_id) SELECT tbl, row_id FROM sync_incoming")
    stored = db.execute(f"INSERT OR IGNORE INTO change ({wire.COLUMNS}) SELECT {wire.COLUMNS} FROM sync_incoming")
    db.execute("DELETE FROM sync_incoming")
    return int(stored.rowcount)


def touch(db: sqlite_utils.Database, keys: Iterable[Key]) -> None:
    """Mark fields whose versions were written by other means (a conflict resolution)."""
    pairs = list(keys)
    db.conn.executemany("INSERT OR IGNORE INTO sync_touched (tbl, row_id, field) VALUES (?, ?, ?)", pairs)
    db.conn.executemany(
        "INSERT OR IGNORE INTO sync_touched_rows (tbl, row_id) VALUES (?, ?)", {(t, r) for t, r, _ in pairs}
    )


def touch_everything(db: sqlite_utils.Database, tables: Iterable[str] = SYNCED_TABLES) -> None:
    """Mark every stored field of the registered ``tables`` (all of them after an upgrade)."""
    for name in tables:
        db.execute(
            "INSERT OR IGNORE INTO sync_touched SELECT DISTINCT tbl, row_id, field FROM change WHERE tbl = ?", [name]
        )
        db.execute(
            "INSERT OR IGNORE INTO sync_touched_rows SELECT DISTINCT tbl, row_id FROM change WHERE tbl = ?", [name]
        )
