"""This laptop's own changes, as the records the file-share layer writes out.

Only a site's own versions leave it: every laptop publishes its stream and
reads everyone else's, so nothing is relayed and a signature always covers
exactly its signer's changes. The cursor is the newest timestamp already
written to the share; local timestamps only grow and are taken under the
write lock, so "after the cursor" never skips a change committed later.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldcrm.sync import wire
from fieldcrm.sync.capture import LOCAL_SITE

_EXPORTED = "outbox_exported_hlc"


def collect_outgoing(db: sqlite_utils.Database, since_hlc: int = 0) -> list[dict[str, Any]]:
    """This site's changes stamped after ``since_hlc``, oldest first, as JSON-able records."""
    rows = db.execute(
        f"""SELECT {wire.columns_of('c')} FROM own_version AS o CROSS JOIN change AS c
        ON c.tbl = o.tbl AND c.row_id = o.row_id AND c.field = o.field AND c.hlc = o.hlc AND c.site = {LOCAL_SITE}
        WHERE o.hlc > ? ORDER BY o.hlc, o.tbl, o.row_id, o.field""",
        [since_hlc],
    )
    return [wire.as_record(row) for row in rows]


def exported_through(db: sqlite_utils.Database) -> int:
    """The newest own timestamp already written to the share (0 before the first export)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [_EXPORTED]).fetchone()
    return int(row[0]) if row else 0


def mark_exported(db: sqlite_utils.Database, hlc: int) -> None:
    """Remember that own changes up to ``hlc`` are on the share; never moves back."""
    if hlc > exported_through(db):
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [_EXPORTED, str(hlc)])
