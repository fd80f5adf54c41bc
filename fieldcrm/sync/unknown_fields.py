"""Changes to fields this app version does not know yet: kept, and judged once it does.

A newer laptop may sync a field (or a table) this one has no column for. Its
versions are stored in ``change`` like any other, so nothing is lost, and an
upgrade that adds the column materialises them (``merge.rematerialise``).

The role rules of an unknown field are unknown too: a newer version might
make it supervisor-only. So when a non-supervisor wrote it, the author's
role is set aside, and after the upgrade the version is checked against the
rules the upgraded app knows and dropped if it breaks them, which is what an
already-upgraded replica decided on receipt. Replicas therefore agree once
they run the same version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter

import sqlite_utils

from fieldcrm.domain.classifications import Role
from fieldcrm.sync import wire
from fieldcrm.sync.registry import PSEUDO_FIELDS, SYNCED_TABLES, is_supervisor_only
from fieldcrm.sync.roles import Author

_TABLE_FIELD = itemgetter(0, 2)
_KEY_ROLE = itemgetter(0, 1, 2, 3, 4)


def known_fields(db: sqlite_utils.Database, tables: Iterable[str]) -> dict[str, frozenset[str]]:
    """Per registered table among ``tables``, the fields this version materialises or understands."""
    existing = set(db.table_names())
    return {
        name: frozenset(c.name for c in db[name].columns) | PSEUDO_FIELDS
        for name in set(tables)
        if name in SYNCED_TABLES and name in existing
    }


def defer(db: sqlite_utils.Database, rows: Sequence[wire.Row], author: Author) -> int:
    """Set aside the author's role for versions of unknown fields (inside the apply transaction)."""
    if author.is_supervisor or not rows:
        return 0
    names = set(map(_TABLE_FIELD, rows))
    known = known_fields(db, (t for t, _ in names))
    unknown = {(t, f) for t, f in names if f not in known.get(t, ())}
    if not unknown:
        return 0
    deferred = [(*_KEY_ROLE(r), author.role.value) for r in rows if _TABLE_FIELD(r) in unknown]
    db.conn.executemany(
        "INSERT OR IGNORE INTO sync_deferred (tbl, row_id, field, hlc, site, role) VALUES (?, ?, ?, ?, ?, ?)",
        deferred,
    )
    return len(deferred)


def recheck(db: sqlite_utils.Database) -> int:
    """Judge deferred versions whose field this version now knows; returns how many were dropped."""
    pending = db.execute("SELECT DISTINCT tbl, field FROM sync_deferred").fetchall()
    known = known_fields(db, (t for t, _ in pending))
    dropped = 0
    for table, field_name in pending:
        if field_name not in known.get(table, ()):
            continue
        if is_supervisor_only(table, field_name):
            supervisors = [Role.SUPERVISOR.value, Role.ADMIN.value]
            cursor = db.execute(
                """DELETE FROM change WHERE tbl = ? AND field = ? AND EXISTS (
                    SELECT 1 FROM sync_deferred AS d WHERE d.tbl = change.tbl AND d.row_id = change.row_id
                    AND d.field = change.field AND d.hlc = change.hlc AND d.site = change.site
                    AND d.role NOT IN (?, ?))""",
                [table, field_name, *supervisors],
            )
            dropped += cursor.rowcount
        db.execute("DELETE FROM sync_deferred WHERE tbl = ? AND field = ?", [table, field_name])
    return dropped
