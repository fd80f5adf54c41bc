"""Where conflicts may be: the short list that listing conflicts reads instead of every version.

A field can only gain a second leaf when versions arrive (a local edit
always replaces the current winner), so each merge re-examines the fields it
touched and records those with two leaves or more. A row's delete can race
an edit that arrives, or an edit this laptop itself made to a card another
laptop deleted, so each merge also re-examines touched rows and rows this
laptop wrote to since the previous merge; listing covers local edits made
since then the same way. The table is derived and local: a resolution or a
manual edit that settles a conflict may leave an entry behind, which
listing, computing the exact conflicts, simply finds empty.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.sync.registry import PSEUDO_PREFIX, TOMBSTONE
from fieldcrm.sync.versions import IS_LEAF, delete_race, own_since_merge_sql, own_rows_since_merge_sql, winner_sql

ROW = PSEUDO_PREFIX + "deleted"  # sync_contested.field of a row whose delete may race an edit
_TOMBSTONE_SQL = f"'{TOMBSTONE}'"


def refresh(db: sqlite_utils.Database) -> None:
    """Re-examine touched fields, touched rows and rows written here since the last merge."""
    db.execute(
        "DELETE FROM sync_contested WHERE EXISTS (SELECT 1 FROM sync_touched AS t "
        "WHERE t.tbl = sync_contested.tbl AND t.row_id = sync_contested.row_id AND t.field = sync_contested.field)"
    )
    db.execute(
        f"""INSERT OR IGNORE INTO sync_contested (tbl, row_id, field)
        SELECT t.tbl, t.row_id, t.field FROM sync_touched AS t
        WHERE t.field NOT GLOB '{PSEUDO_PREFIX}*'
          AND EXISTS (SELECT 1 FROM change AS c WHERE c.tbl = t.tbl AND c.row_id = t.row_id AND c.field = t.field
                      LIMIT 1 OFFSET 1)
          AND (SELECT count(*) FROM change AS c WHERE c.tbl = t.tbl AND c.row_id = t.row_id AND c.field = t.field
                      AND {IS_LEAF}) > 1"""
    )
    rows = f"SELECT tbl, row_id FROM sync_touched_rows UNION {own_rows_since_merge_sql()}"
    db.execute(f"DELETE FROM sync_contested WHERE field = ? AND (tbl, row_id) IN ({rows})", [ROW])
    deleted = db.execute(
        f"SELECT r.tbl, r.row_id FROM ({rows}) AS r WHERE {winner_sql('r.tbl', _TOMBSTONE_SQL, 'r.row_id')} = 1"
    ).fetchall()
    db.conn.executemany(
        "INSERT OR IGNORE INTO sync_contested (tbl, row_id, field) VALUES (?, ?, ?)",
        [(t, r, ROW) for t, r in deleted if delete_race(db, t, r) is not None],
    )


def candidates(db: sqlite_utils.Database, table: str) -> list[tuple[str, str]]:
    """(row_id, field) of the live rows of ``table`` that may hold a conflict, in a stable order."""
    return db.execute(
        f"""SELECT k.row_id, k.field FROM sync_contested AS k WHERE k.tbl = ?
              AND EXISTS (SELECT 1 FROM "{table}" AS t WHERE t.id = k.row_id)
        UNION
        SELECT t.id, ? FROM "{table}" AS t
        WHERE t."{TOMBSTONE}" = 1 AND {own_since_merge_sql("?", "t.id")}
        ORDER BY 1, 2""",
        [table, ROW, table],
    ).fetchall()
