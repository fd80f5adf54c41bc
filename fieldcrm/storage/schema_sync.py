"""Migration step: the local bookkeeping tables of sync.

``change`` (step 1) stays the only synced data; these tables are local
state that can be rebuilt from it or from received files, so none of it
travels except inside a snapshot. Frozen like every step.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script

SYNC_BOOKKEEPING = """
-- Per remote site, the newest of its timestamps this workspace has applied:
-- where reading that site's change files resumes, and what a snapshot hands on.
CREATE TABLE IF NOT EXISTS sync_cursor (
    site TEXT PRIMARY KEY,
    hlc INTEGER NOT NULL
);
-- Sites whose clocks ran far ahead of this laptop's, for supervisors to fix.
CREATE TABLE IF NOT EXISTS clock_warning (
    site TEXT PRIMARY KEY,
    user_name TEXT NOT NULL,
    ahead_ms INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    noticed_ms INTEGER NOT NULL
);
-- Fields (or, with field '@deleted', rows) that may hold an open conflict:
-- kept up to date by apply so listing conflicts never scans all of change.
CREATE TABLE IF NOT EXISTS sync_contested (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field)
) WITHOUT ROWID;
-- Versions of fields this app version does not know, received from a
-- non-supervisor: their role check is redone once an upgrade knows the field.
CREATE TABLE IF NOT EXISTS sync_deferred (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    site TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field, hlc, site)
) WITHOUT ROWID;
"""


def add_sync_bookkeeping(db: sqlite_utils.Database) -> None:
    """Cursors per site, clock warnings, contested fields, deferred role checks."""
    run_script(db, SYNC_BOOKKEEPING)
