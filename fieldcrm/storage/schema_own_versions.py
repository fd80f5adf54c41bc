"""Schema step: this site's own versions listed apart, in place of the (site, hlc) index.

Frozen like every step.

Sync asks the change log one question by site, and only about its own site:
which of its versions are newer than a mark (what to publish, which rows to
look at in the next merge, the snapshot's own head). The ``change_by_site``
index answered it by indexing every version by site; in a ``WITHOUT ROWID``
table an index row carries the whole primary key, so it was 627 MB of a
1.9 GB workspace of 100,000 cards, copied with every snapshot and written
again at every bootstrap. ``own_version`` keeps the keys of the site's own
versions only (a few per edit), kept by a trigger on ``change`` so no path
that writes a version can miss it; received versions cost the trigger one
comparison.

``identity`` may still be empty when this step runs (a new workspace): the
condition is then false until the owner is set, and versions are only ever
written after that.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script

OWN_VERSION_TRIGGER = "own_version_insert"


def list_own_versions(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        CREATE TABLE own_version (
            hlc INTEGER NOT NULL,
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            PRIMARY KEY (hlc, tbl, row_id, field)
        ) WITHOUT ROWID;
        INSERT INTO own_version (hlc, tbl, row_id, field)
        SELECT hlc, tbl, row_id, field FROM change WHERE site = (SELECT site_id FROM identity);
        CREATE TRIGGER {OWN_VERSION_TRIGGER} AFTER INSERT ON change
        WHEN NEW.site = (SELECT site_id FROM identity)
        BEGIN
            INSERT OR IGNORE INTO own_version (hlc, tbl, row_id, field)
            VALUES (NEW.hlc, NEW.tbl, NEW.row_id, NEW.field);
        END;
        DROP INDEX change_by_site;
        """,
    )
