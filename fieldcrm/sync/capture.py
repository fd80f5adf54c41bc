"""Change capture by triggers, so no code path can write synced data unrecorded.

For each registered table the triggers write one ``change`` row per field that
changed, in the same transaction as the write, stamped with the site's hybrid
logical clock and the version it replaced (which is what tells concurrent
edits from sequential ones when merging). Hard deletes and id changes are
refused, except while sync applies received changes: then it sets
``capture_mode.applying`` inside its own transaction, so received values are
not recaptured as local edits and a rep's laptop may drop a row that moved to
another territory; the flag is never visible to other connections.

Setting ``deleted`` to 1 also records which versions of the row the deleting
site had (``registry.SEEN``), which is what later tells an edit the deleter
never saw ("deleted while edited") from one it deliberately deleted over.
"""

from __future__ import annotations

import hashlib

import sqlite_utils

from fieldcrm.storage.database import run_script
from fieldcrm.sync.clock import SQL_NOW
from fieldcrm.sync.registry import PSEUDO_PREFIX, SEEN, SYNCED_TABLES, TOMBSTONE

TRIGGER_PREFIX = "capture_"
CAPTURING = "(SELECT applying FROM capture_mode) = 0"
LOCAL_SITE = "(SELECT site_id FROM identity)"


def synced_columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns if c.name != "id"]


def _field_insert(table: str, column: str, condition: str) -> str:
    return f"""
    INSERT INTO change (tbl, row_id, field, hlc, site, value, prev_hlc, prev_site)
    SELECT '{table}', NEW.id, '{column}', (SELECT last FROM hlc_clock), {LOCAL_SITE},
           NEW."{column}", p.hlc, p.site
    FROM (SELECT 1) LEFT JOIN (
        SELECT hlc, site FROM change
        WHERE tbl = '{table}' AND row_id = NEW.id AND field = '{column}'
        ORDER BY hlc DESC, site DESC LIMIT 1
    ) AS p
    WHERE {condition};"""


def seen_sql(table: str, row: str) -> str:
    """SQL for the JSON object {site: newest hlc} of the row's versions this site holds from others."""
    return f"""(SELECT json_group_object(site, top) FROM (
        SELECT site, max(hlc) AS top FROM change
        WHERE tbl = '{table}' AND row_id = {row} AND site <> {LOCAL_SITE} AND field NOT GLOB '{PSEUDO_PREFIX}*'
        GROUP BY site ORDER BY site))"""


def _seen_insert(table: str) -> str:
    return f"""
    INSERT INTO change (tbl, row_id, field, hlc, site, value, prev_hlc, prev_site)
    SELECT '{table}', NEW.id, '{SEEN}', (SELECT last FROM hlc_clock), {LOCAL_SITE}, {seen_sql(table, "NEW.id")},
           NULL, NULL
    WHERE NEW."{TOMBSTONE}" = 1;"""


def trigger_sql(table: str, columns: list[str]) -> list[str]:
    """The capture triggers of one table, as CREATE statements.

    Updates get one trigger per column (``AFTER UPDATE OF col``) because SQLite
    fires those only for the columns an UPDATE sets: editing one field of a
    wide card then costs one small trigger, not a check of every column. The
    cheap "did it change" test comes first in each WHEN, so a bulk update by
    sync that rewrites unchanged columns skips the capture-mode lookup.
    """
    active = CAPTURING
    bump = f"UPDATE hlc_clock SET last = max(last + 1, {SQL_NOW});"
    inserts = "".join(_field_insert(table, c, f'NEW."{c}" IS NOT NULL') for c in columns)
    p = TRIGGER_PREFIX + table
    statements = [
        f"""CREATE TRIGGER {p}_insert AFTER INSERT ON "{table}" WHEN {active}
BEGIN
    {bump}{inserts}
END;""",
        f"""CREATE TRIGGER {p}_no_delete BEFORE DELETE ON "{table}" WHEN {active}
BEGIN
    SELECT RAISE(ABORT, '{table} rows are never deleted: set deleted = 1');
END;""",
        f"""CREATE TRIGGER {p}_fixed_id BEFORE UPDATE OF id ON "{table}"
BEGIN
    SELECT RAISE(ABORT, '{table}.id never changes');
END;""",
    ]
    for number, column in enumerate(columns):
        seen = _seen_insert(table) if column == TOMBSTONE else ""
        statements.append(
            f"""CREATE TRIGGER {p}_update_{number} AFTER UPDATE OF "{column}" ON "{table}"
WHEN OLD."{column}" IS NOT NEW."{column}" AND {active}
BEGIN
    {bump}{_field_insert(table, column, "1")}{seen}
END;"""
        )
    return statements


def install(db: sqlite_utils.Database) -> bool:
    """(Re)create the capture triggers when the schema or this code changed them.

    Runs inside the caller's write transaction; returns whether anything changed.
    """
    wanted = {t: trigger_sql(t, synced_columns(db, t)) for t in SYNCED_TABLES}
    digest = hashlib.sha256(repr(sorted(wanted.items())).encode()).hexdigest()
    row = db.execute("SELECT value FROM meta WHERE key = 'capture_digest'").fetchone()
    if row and row[0] == digest:
        return False
    existing = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB ?", [TRIGGER_PREFIX + "*"]
        )
    ]
    for name in existing:
        db.execute(f'DROP TRIGGER "{name}"')
    for statements in wanted.values():
        run_script(db, "\n".join(statements))
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('capture_digest', ?)", [digest])
    return True
