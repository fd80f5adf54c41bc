"""Snapshot content: everything a fresh laptop needs to equal one that replayed every file.

A snapshot carries every stored version, not just winners: a version a late
file names as the one it replaced must be there, or the bootstrapped laptop
would see a conflict the others do not. With the versions go the site
directory, the per-site cursors (where reading change files resumes) and the
deferred role checks. The file-share layer signs, compresses and stores the
stream; this module only produces and consumes its records.

Tombstone purge happens here and only here: with ``purge_deleted_before``,
rows deleted before that timestamp, with no open conflict, travel as their
tombstone alone (the delete and what it had seen). A late edit of such a row
then still raises "deleted while edited" everywhere instead of resurrecting a
half-empty card; its old field values are what the purge gives up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

import sqlite_utils

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock, cursors, materialise, touched, wire
from fieldcrm.sync.capture import LOCAL_SITE
from fieldcrm.sync.materialise import Outcome
from fieldcrm.sync.registry import SEEN, TOMBSTONE
from fieldcrm.sync.versions import winner_sql

FORMAT = 1
_CHUNK = 20_000
_TOMBSTONE_FIELDS = frozenset({TOMBSTONE, SEEN})
_TOMBSTONE_SQL = f"'{TOMBSTONE}'"


MSG_NOT_FRESH = _N("Sync", "A snapshot can only fill a new workspace; this one already holds changes")
MSG_NEWER = _N("Sync", "This snapshot has format {found}; this FieldCRM reads format {supported}. Update FieldCRM")
MSG_DAMAGED = _N("Sync", "The snapshot is damaged ({reason})")


class SnapshotError(FieldCRMError):
    """The snapshot cannot be used: wrong format, damaged records, or a workspace that is not fresh."""


def snapshot_records(
    db: sqlite_utils.Database, *, purge_deleted_before: int | None = None
) -> Iterator[dict[str, Any]]:
    """Stream the snapshot's records, read in one consistent transaction (write nothing meanwhile)."""
    own = db.execute(f"SELECT {LOCAL_SITE}").fetchone()[0]
    started = not db.conn.in_transaction
    if started:
        db.execute("BEGIN")
    try:
        yield {"kind": "snapshot", "format": FORMAT, "site": own, "hlc": clock.current(db)}
        sites = db.execute("SELECT site_id, user_name, role, territory FROM sites ORDER BY site_id")
        for site, user, role, territory in sites:
            yield {"kind": "site", "site": site, "user": user, "role": role, "territory": territory}
        heads = cursors.received(db)
        own_head = db.execute("SELECT max(hlc) FROM change WHERE site = ?", [own]).fetchone()[0]
        if own_head is not None:
            heads[own] = max(heads.get(own, 0), own_head)
        for site, hlc in sorted(heads.items()):
            yield {"kind": "cursor", "site": site, "hlc": hlc}
        for row in db.execute("SELECT tbl, row_id, field, hlc, site, role FROM sync_deferred"):
            yield dict(zip(("tbl", "row", "field", "hlc", "site", "role"), row), kind="deferred")
        purged = _purged_rows(db, purge_deleted_before)
        for row in db.execute(f"SELECT {wire.COLUMNS} FROM change ORDER BY tbl, row_id, field, hlc, site"):
            if purged and (row[0], row[1]) in purged and row[2] not in _TOMBSTONE_FIELDS:
                continue
            yield {"kind": "change", **wire.as_record(row)}
    finally:
        if started and db.conn.in_transaction:
            db.execute("COMMIT")


def _purged_rows(db: sqlite_utils.Database, before: int | None) -> set[tuple[str, str]]:
    """Rows whose winning delete is older than ``before`` and that hold no open conflict."""
    if before is None:
        return set()
    rows = db.execute(
        f"""SELECT d.tbl, d.row_id FROM (SELECT DISTINCT tbl, row_id FROM change WHERE field = {_TOMBSTONE_SQL}) AS d
        WHERE {winner_sql("d.tbl", _TOMBSTONE_SQL, "d.row_id")} = 1
          AND (SELECT max(hlc) FROM change AS w
               WHERE w.tbl = d.tbl AND w.row_id = d.row_id AND w.field = {_TOMBSTONE_SQL}) < ?
          AND NOT EXISTS (SELECT 1 FROM sync_contested AS k WHERE k.tbl = d.tbl AND k.row_id = d.row_id)""",
        [before],
    )
    return {(t, r) for t, r in rows}


def bootstrap_from_snapshot(db: sqlite_utils.Database, records: Iterable[Mapping[str, Any]]) -> Outcome:
    """Fill a fresh workspace (owner set, no changes yet) from a snapshot, in one transaction.

    The records come from a supervisor's signed snapshot, already checked by
    the role rules when they first arrived, so they are stored as they are.
    """
    if db.execute("SELECT 1 FROM change LIMIT 1").fetchone():
        raise SnapshotError(MSG_NOT_FRESH)
    stream = iter(records)
    top = 0
    own = db.execute(f"SELECT {LOCAL_SITE}").fetchone()[0]
    with materialise.roomy_cache(db), write_transaction(db), materialise.applying(db):
        touched.start(db)
        while batch := list(islice(stream, _CHUNK)):
            top = max(top, _store(db, batch, own))
        clock.observe(db, top)
        outcome = materialise.settle(db)
    return outcome


def _store(db: sqlite_utils.Database, batch: list[Mapping[str, Any]], own: str) -> int:
    """Store one chunk of snapshot records; returns the newest version timestamp in it."""
    versions: list[wire.Row] = []
    try:
        for record in batch:
            kind = record["kind"]
            if kind == "change":
                versions.append(wire.as_row(record))
            elif kind == "snapshot" and record["format"] != FORMAT:
                raise SnapshotError(MSG_NEWER, found=record["format"], supported=FORMAT)
            elif kind == "site" and record["site"] != own:  # this laptop's own entry stays its own
                db.execute(
                    "INSERT OR REPLACE INTO sites (site_id, user_name, role, territory) VALUES (?, ?, ?, ?)",
                    [record["site"], record["user"], record["role"], record["territory"]],
                )
            elif kind == "cursor":
                cursors.advance(db, record["site"], int(record["hlc"]))
            elif kind == "deferred":
                db.execute(
                    "INSERT OR IGNORE INTO sync_deferred (tbl, row_id, field, hlc, site, role) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [record["tbl"], record["row"], record["field"], record["hlc"], record["site"], record["role"]],
                )
    except (KeyError, TypeError, ValueError) as error:
        raise SnapshotError(MSG_DAMAGED, reason=str(error)) from None
    touched.store_versions(db, versions)
    return max((v[3] for v in versions), default=0)

