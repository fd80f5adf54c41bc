"""Schema step: the asset register, its event history and the local inspection index.

Frozen like every step: a later change gets a new step. Design choices that
keep sync safe:

* ``assets`` and ``asset_events`` are synced: ULID ``id``, ``deleted`` tombstone,
  no FOREIGN KEY (an event may arrive before its asset), no UNIQUE on ``tag``
  (two laptops registering the same tag offline must still merge; the service
  refuses duplicates and the review lists any that sync brings in), no CHECK
  constraints (the merge writes one field at a time).
* Where a unit is, is the single column ``assets.location``.
* Events are append-only rows; ``hlc`` (taken from the hybrid logical clock
  when the event is written) orders them causally across laptops.
* ``asset_checks``, ``asset_forks`` and ``asset_search`` are derived and
  local, like the customer search index, and kept current by triggers
  whichever path writes (the service, the demo, sync applying received rows).
  ``asset_checks`` holds per unit the day it was last checked (deployed, moved
  or inspected), its latest condition report (inspection or repair done) and
  where its newest movement took it; it keeps the newest values, so events
  arriving out of order still give the right answer. ``asset_forks`` lists
  movements made concurrently on two laptops. ``asset_search`` is an FTS5
  trigram index of tag, serial number, brand and model.
* Nothing here calls a Python SQL function, so the triggers work on any
  connection to the database.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script

ASSETS_SQL = """
CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    tag TEXT,
    serial_number TEXT,
    type TEXT,
    brand TEXT,
    model TEXT,
    capacity_litres INTEGER,
    purchase_date TEXT,
    purchase_cost INTEGER,
    status TEXT,
    location TEXT,
    notes TEXT
);
-- Partial indexes: every query filters deleted = 0, so counts never touch the table.
CREATE INDEX assets_tag ON assets (tag) WHERE deleted = 0;
CREATE INDEX assets_status_tag ON assets (status, tag) WHERE deleted = 0;
CREATE INDEX assets_type_tag ON assets (type, tag) WHERE deleted = 0;
CREATE INDEX assets_location_tag ON assets (location, tag) WHERE deleted = 0;
CREATE INDEX assets_id_status_tag ON assets (id, status, tag) WHERE deleted = 0;

CREATE TABLE asset_events (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    asset_id TEXT,
    kind TEXT,
    on_date TEXT,
    hlc INTEGER,
    by_user TEXT,
    site TEXT,
    from_location TEXT,
    to_location TEXT,
    status TEXT,
    agreement TEXT,
    deposit INTEGER,
    refund INTEGER,
    clean TEXT,
    display_ok TEXT,
    share_percent INTEGER,
    temperature INTEGER,
    condition TEXT,
    photos TEXT,
    reason TEXT,
    notes TEXT
);
CREATE INDEX asset_events_asset ON asset_events (asset_id, on_date, hlc);

CREATE TABLE asset_checks (
    asset_id TEXT PRIMARY KEY,
    checked_on TEXT,
    report_key TEXT,
    report_id TEXT,
    report_kind TEXT,
    report_location TEXT,
    clean TEXT,
    display_ok TEXT,
    share_percent INTEGER,
    condition TEXT,
    moved_to TEXT
) WITHOUT ROWID;
CREATE INDEX asset_checks_checked_on ON asset_checks (checked_on);

CREATE TABLE asset_forks (
    event_id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL,
    previous_event TEXT
) WITHOUT ROWID;
CREATE INDEX asset_forks_asset ON asset_forks (asset_id);

-- detail = full: a quoted term is a phrase of adjacent trigrams, so a match is an exact substring.
CREATE VIRTUAL TABLE asset_search USING fts5 (text, tokenize = 'trigram', detail = 'full');
"""

# The latest condition report's values, copied so the supervisors' flag list
# never reads the (large) event table row by row.
_REPORT_COPIES = ("report_id", "report_kind", "report_location", "clean", "display_ok", "share_percent", "condition")
_IS_REPORT = "NEW.kind IN ('inspect', 'repair_done')"
# ">=": the same event written again (sync may set its fields one at a time) refreshes the copies.
_NEWER_REPORT = "excluded.report_key >= coalesce(report_key, '')"

_CHECKS_UPSERT = f"""
    INSERT INTO asset_checks (asset_id, checked_on, report_key, {", ".join(_REPORT_COPIES)})
    SELECT NEW.asset_id,
           CASE WHEN NEW.kind IN ('deploy', 'move', 'inspect') THEN NEW.on_date END,
           CASE WHEN {_IS_REPORT}
                THEN NEW.on_date || '|' || printf('%020d', coalesce(NEW.hlc, 0)) || '|' || NEW.id END,
           CASE WHEN {_IS_REPORT} THEN NEW.id END,
           CASE WHEN {_IS_REPORT} THEN NEW.kind END,
           CASE WHEN {_IS_REPORT} THEN NEW.to_location END,
           CASE WHEN {_IS_REPORT} THEN NEW.clean END,
           CASE WHEN {_IS_REPORT} THEN NEW.display_ok END,
           CASE WHEN {_IS_REPORT} THEN NEW.share_percent END,
           CASE WHEN {_IS_REPORT} THEN NEW.condition END
    WHERE NEW.asset_id IS NOT NULL AND NEW.on_date IS NOT NULL
      AND NEW.kind IN ('deploy', 'move', 'inspect', 'repair_done')
    ON CONFLICT (asset_id) DO UPDATE SET
        checked_on = CASE WHEN excluded.checked_on > coalesce(checked_on, '')
                          THEN excluded.checked_on ELSE checked_on END,
        {", ".join(f"{c} = CASE WHEN {_NEWER_REPORT} THEN excluded.{c} ELSE {c} END" for c in _REPORT_COPIES)},
        report_key = CASE WHEN {_NEWER_REPORT} THEN excluded.report_key ELSE report_key END;
"""

_MOVES = "('add', 'deploy', 'move', 'retrieve', 'correct')"

# After a movement is written, its unit's whole movement chain (a handful of
# rows) is re-read in causal order: a movement that does not start where the
# previous one ended was made concurrently elsewhere, unless a supervisor's
# later correction settled it. Recomputing the one unit keeps this exact
# whatever order sync delivers events in, and the review never scans history.
_MOVES_RECOMPUTE = f"""
    DELETE FROM asset_forks WHERE asset_id = NEW.asset_id;
    INSERT INTO asset_forks (event_id, asset_id, previous_event)
    SELECT id, asset_id, prev_id FROM (
        SELECT id, asset_id, kind, hlc, from_location,
               lag(to_location) OVER oldest_first AS prev_to,
               lag(id) OVER oldest_first AS prev_id,
               max(CASE WHEN kind = 'correct' THEN hlc END) OVER (PARTITION BY asset_id) AS corrected
        FROM asset_events
        WHERE asset_id = NEW.asset_id AND deleted = 0 AND kind IN {_MOVES}
        WINDOW oldest_first AS (PARTITION BY asset_id ORDER BY hlc, id)
    )
    WHERE kind != 'correct' AND prev_to IS NOT from_location AND hlc > coalesce(corrected, -1);
    INSERT INTO asset_checks (asset_id, moved_to)
    SELECT NEW.asset_id, (
        SELECT to_location FROM asset_events
        WHERE asset_id = NEW.asset_id AND deleted = 0 AND kind IN {_MOVES}
        ORDER BY hlc DESC, id DESC LIMIT 1)
    WHERE true
    ON CONFLICT (asset_id) DO UPDATE SET moved_to = excluded.moved_to;
"""

# The unit's own text for search, plus every character and pair of characters
# of the brand padded with char(31) (storage.search.PAD), the same convention
# customer_search uses, so a two-character brand like 海尔 is one index lookup.
# Spelled out for the first 12 characters in plain SQL: the triggers must work
# on any connection, including ones without FieldCRM's SQL functions.
_BRAND = "lower(coalesce(NEW.brand, ''))"
_SEARCH_TEXT = (
    "lower(coalesce(NEW.tag, '') || ' ' || coalesce(NEW.serial_number, '') || ' ' || "
    f"{_BRAND} || ' ' || coalesce(NEW.model, '')) || char(31, 31) || "
    + " || ".join(
        f"substr({_BRAND}, {i}, 1) || char(31, 31) || substr({_BRAND}, {i}, 2) || char(31)" for i in range(1, 13)
    )
)

TRIGGERS_SQL = f"""
CREATE TRIGGER asset_checks_on_insert AFTER INSERT ON asset_events
BEGIN
{_CHECKS_UPSERT}
END;
CREATE TRIGGER asset_checks_on_update
AFTER UPDATE OF asset_id, kind, on_date, hlc, to_location, clean, display_ok, share_percent, condition
ON asset_events
BEGIN
{_CHECKS_UPSERT}
END;
CREATE TRIGGER asset_moves_on_insert AFTER INSERT ON asset_events
WHEN NEW.kind IN {_MOVES} AND NEW.asset_id IS NOT NULL
BEGIN
{_MOVES_RECOMPUTE}
END;
CREATE TRIGGER asset_moves_on_update
AFTER UPDATE OF asset_id, kind, hlc, from_location, to_location, deleted ON asset_events
WHEN (NEW.kind IN {_MOVES} OR OLD.kind IN {_MOVES}) AND NEW.asset_id IS NOT NULL
BEGIN
{_MOVES_RECOMPUTE}
END;
CREATE TRIGGER asset_search_on_insert AFTER INSERT ON assets
BEGIN
    INSERT INTO asset_search (rowid, text) VALUES (NEW.rowid, {_SEARCH_TEXT});
END;
CREATE TRIGGER asset_search_on_update AFTER UPDATE OF tag, serial_number, brand, model ON assets
BEGIN
    DELETE FROM asset_search WHERE rowid = NEW.rowid;
    INSERT INTO asset_search (rowid, text) VALUES (NEW.rowid, {_SEARCH_TEXT});
END;
-- Sync drops rows a laptop no longer keeps; derived rows go with them.
CREATE TRIGGER asset_derived_on_delete AFTER DELETE ON assets
BEGIN
    DELETE FROM asset_search WHERE rowid = OLD.rowid;
    DELETE FROM asset_checks WHERE asset_id = OLD.id;
    DELETE FROM asset_forks WHERE asset_id = OLD.id;
END;
"""


def add_assets(db: sqlite_utils.Database) -> None:
    """Freezers, coolers, racks and signage placed in shops, with their history."""
    run_script(db, ASSETS_SQL)
    run_script(db, TRIGGERS_SQL)
