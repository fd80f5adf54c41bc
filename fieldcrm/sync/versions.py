"""Questions about stored versions, and writing local versions outside the triggers.

The winner of a field is always its greatest (hlc, site) version, whatever
order versions arrived in; a leaf is a version no other version replaced.
Every part of sync that needs either asks here, so the merge, the scope
check and conflict listing agree. Versions a site writes itself outside an
ordinary edit (conflict resolutions) go through ``write_local`` so they are
stamped and attributed exactly like captured ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldcrm.sync import clock
from fieldcrm.sync.capture import LOCAL_SITE, seen_sql
from fieldcrm.sync.registry import PSEUDO_PREFIX, SEEN, TOMBSTONE

# A field's version as queries return it: (field, value, hlc, site).
Raw = tuple[str, Any, int, str]
# SQL: the version aliased ``c`` is a leaf.
IS_LEAF = """NOT EXISTS (SELECT 1 FROM change AS n WHERE n.tbl = c.tbl AND n.row_id = c.row_id
    AND n.field = c.field AND n.prev_hlc = c.hlc AND n.prev_site = c.site)"""
# meta key: this site's own versions up to this timestamp have been through a merge's bookkeeping.
_MERGED_MARK = "own_versions_merged_hlc"


@dataclass(frozen=True, order=True)
class VersionKey:
    hlc: int
    site: str


def winner_sql(table: str, field_name: str, row_id: str, log: str = "change") -> str:
    """SQL for the winning value of a field; the first three arguments are SQL expressions, ``log`` a table."""
    return (
        f"(SELECT w.value FROM {log} AS w WHERE w.tbl = {table} AND w.row_id = {row_id} "
        f"AND w.field = {field_name} ORDER BY w.hlc DESC, w.site DESC LIMIT 1)"
    )


def winner(db: sqlite_utils.Database, table: str, row_id: str, field_name: str) -> Raw | None:
    found = db.execute(
        "SELECT field, value, hlc, site FROM change WHERE tbl = ? AND row_id = ? AND field = ? "
        "ORDER BY hlc DESC, site DESC LIMIT 1",
        [table, row_id, field_name],
    ).fetchone()
    return (found[0], found[1], found[2], found[3]) if found else None


def leaves(db: sqlite_utils.Database, table: str, row_id: str, field_name: str) -> list[Raw]:
    """The versions of a field nobody replaced, oldest first."""
    return db.execute(
        f"""SELECT c.field, c.value, c.hlc, c.site FROM change AS c
        WHERE c.tbl = ? AND c.row_id = ? AND c.field = ? AND {IS_LEAF} ORDER BY c.hlc, c.site""",
        [table, row_id, field_name],
    ).fetchall()


def delete_race(db: sqlite_utils.Database, table: str, row_id: str) -> tuple[Raw, list[Raw]] | None:
    """A row's winning delete and the leaf edits by other sites it had not seen, newest first.

    None when the row is not deleted or its delete saw everything.
    """
    delete = winner(db, table, row_id, TOMBSTONE)
    if delete is None or delete[1] != 1:
        return None
    seen = db.execute(
        "SELECT value FROM change WHERE tbl = ? AND row_id = ? AND field = ? AND hlc = ? AND site = ?",
        [table, row_id, SEEN, delete[2], delete[3]],
    ).fetchone()
    unseen = db.execute(
        f"""SELECT c.field, c.value, c.hlc, c.site FROM change AS c
        WHERE c.tbl = ? AND c.row_id = ? AND c.field NOT GLOB '{PSEUDO_PREFIX}*' AND c.field <> '{TOMBSTONE}'
          AND c.site <> ? AND c.hlc > coalesce(json_extract(?, '$."' || c.site || '"'), 0) AND {IS_LEAF}
        ORDER BY c.hlc DESC, c.site DESC, c.field""",
        [table, row_id, delete[3], seen[0] if seen else "{}"],
    ).fetchall()
    return (delete, unseen) if unseen else None


def own_rows_since_merge_sql() -> str:
    """SQL listing (tbl, row_id) of rows this site wrote to since the last merge's bookkeeping.

    Local edits never pass through a merge, yet one can move a card out of a
    rep's territory or edit a card someone else deleted; the next merge
    looks at these rows too, found through ``own_version``.
    """
    return f"""SELECT DISTINCT tbl, row_id FROM own_version
        WHERE hlc > coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{_MERGED_MARK}'), 0)"""


def own_since_merge_sql(table_sql: str, row_sql: str) -> str:
    """SQL condition: this site wrote to that row since the last merge's bookkeeping.

    The keyed twin of ``own_rows_since_merge_sql`` for when the rows are
    already narrowed down (a probe of the change log's primary key per row
    instead of a scan of every own version).
    """
    return f"""EXISTS (SELECT 1 FROM change AS c WHERE c.tbl = {table_sql} AND c.row_id = {row_sql}
        AND c.site = {LOCAL_SITE}
        AND c.hlc > coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{_MERGED_MARK}'), 0))"""


def mark_merged(db: sqlite_utils.Database) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [_MERGED_MARK, str(clock.current(db))])


def write_local(
    db: sqlite_utils.Database, table: str, row_id: str, field_name: str, value: Any, prev: VersionKey | None
) -> VersionKey:
    """Record a version by this site that replaces ``prev`` (inside the caller's transaction)."""
    hlc = clock.tick(db)
    db.execute(
        f"INSERT INTO change (tbl, row_id, field, hlc, site, value, prev_hlc, prev_site) "
        f"VALUES (?, ?, ?, ?, {LOCAL_SITE}, ?, ?, ?)",
        [table, row_id, field_name, hlc, value, prev.hlc if prev else None, prev.site if prev else None],
    )
    site = db.execute(f"SELECT {LOCAL_SITE}").fetchone()[0]
    return VersionKey(hlc, site)


def write_seen(db: sqlite_utils.Database, table: str, row_id: str, delete: VersionKey) -> None:
    """Record what this site had of the row when it wrote the delete ``delete``."""
    db.execute(
        f"INSERT INTO change (tbl, row_id, field, hlc, site, value) "
        f"VALUES (?, ?, '{SEEN}', ?, ?, {seen_sql(table, '?')})",
        [table, row_id, delete.hlc, delete.site, row_id],
    )
