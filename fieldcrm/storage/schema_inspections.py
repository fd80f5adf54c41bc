"""Schema step: inspections recorded with a visit, and the photos sync still owes.

Frozen like every step.

* ``asset_events.visit_id`` names the visit an inspection was made at (the
  visit form saves them together). It is one more column of a synced table,
  so capture picks it up without any registration; the partial index lists a
  visit's inspections when the visit is opened again.
* ``photo_transfers`` is local sync bookkeeping, never synced: per photo
  reference (photo hash, event) whether this laptop must send the file (an
  inspection written here) or fetch it (one that arrived by sync), and the
  customer the inspection was made at, so a rep's laptop fetches only photos
  of the shops it keeps. Triggers keep it whichever path writes an event (a
  service, sync applying rows with ``capture_mode.applying`` set, a
  snapshot); the photo step of a sync removes a photo once it has travelled.
  Events stored before this step are queued once here, by who wrote them.
* The triggers use only built-in SQL (``json_each``), so they work on any
  connection to the database.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script

# The photo hashes of an event: well-formed SHA-256 names only, so nothing
# that could not name a file (or a share path) ever gets queued.
_PHOTOS = "json_each(CASE WHEN json_valid({row}.photos) THEN {row}.photos ELSE '[]' END)"
_IS_HASH = "j.type = 'text' AND length(j.value) = 64 AND j.value NOT GLOB '*[^0-9a-f]*'"
_CUSTOMER = "CASE WHEN substr({row}.to_location, 1, 9) = 'customer:' THEN substr({row}.to_location, 10) END"

_FORGET = f"""
    DELETE FROM photo_transfers WHERE event_id = NEW.id
      AND sha256 NOT IN (SELECT j.value FROM {_PHOTOS.format(row="NEW")} AS j);
"""
_QUEUE = f"""
    INSERT INTO photo_transfers (sha256, event_id, direction, customer_id)
    SELECT DISTINCT j.value, NEW.id,
           CASE WHEN (SELECT applying FROM capture_mode) = 1 THEN 'fetch' ELSE 'send' END,
           {_CUSTOMER.format(row="NEW")}
    FROM {_PHOTOS.format(row="NEW")} AS j
    WHERE {_IS_HASH}
    ON CONFLICT (event_id, sha256) DO UPDATE SET customer_id = excluded.customer_id;
"""

INSPECTIONS_SQL = f"""
ALTER TABLE asset_events ADD COLUMN visit_id TEXT;
CREATE INDEX asset_events_visit ON asset_events (visit_id) WHERE visit_id IS NOT NULL;

CREATE TABLE photo_transfers (
    event_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    direction TEXT NOT NULL,
    customer_id TEXT,
    PRIMARY KEY (event_id, sha256)
) WITHOUT ROWID;
CREATE INDEX photo_transfers_sha ON photo_transfers (sha256, direction);
CREATE INDEX photo_transfers_owed ON photo_transfers (direction, customer_id);

CREATE TRIGGER photo_transfers_on_insert AFTER INSERT ON asset_events
WHEN NEW.photos IS NOT NULL
BEGIN
{_QUEUE}
END;
CREATE TRIGGER photo_transfers_on_update AFTER UPDATE OF photos, to_location ON asset_events
WHEN OLD.photos IS NOT NEW.photos OR OLD.to_location IS NOT NEW.to_location
BEGIN
{_FORGET}{_QUEUE}
END;

INSERT OR IGNORE INTO photo_transfers (sha256, event_id, direction, customer_id)
SELECT DISTINCT j.value, e.id,
       CASE WHEN e.site IS (SELECT site_id FROM identity) THEN 'send' ELSE 'fetch' END,
       {_CUSTOMER.format(row="e")}
FROM asset_events AS e, {_PHOTOS.format(row="e")} AS j
WHERE e.photos IS NOT NULL AND {_IS_HASH};
"""


def add_visit_inspections(db: sqlite_utils.Database) -> None:
    """Inspections name their visit; photos owed to or by the share are queued."""
    run_script(db, INSPECTIONS_SQL)
