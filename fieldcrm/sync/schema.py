"""Tables sync needs beyond schema v1, for the lead to add as migration step 2.

``change`` (v1) stays the only synced data; everything here is local
bookkeeping that can be rebuilt from it or from received files, which is why
none of it travels except inside a snapshot. The statements use IF NOT EXISTS
so a test fixture can apply them to a v1 workspace and the migration step can
still run them later on the same file.
"""

from __future__ import annotations

SYNC_SCHEMA_V2 = """
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
