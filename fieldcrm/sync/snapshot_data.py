"""Snapshot format 1: a stream of records, still loaded from snapshots older apps wrote.

FieldCRM now writes snapshots as a database image (``snapshot_image.py``,
format 2). A format-1 snapshot carries every stored version as one record
each, with the site directory, the per-site cursors and the deferred role
checks; loading it stores the versions and materialises them like any
merge, which is slow for a big workspace (44.7 s for 100,000 small cards)
but still right, so shares holding only an old snapshot keep working. The
errors and messages of both formats live here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

import sqlite_utils

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock, cursors, materialise, touched, wire
from fieldcrm.sync.capture import LOCAL_SITE
from fieldcrm.sync.materialise import Outcome

FORMAT = 1
_CHUNK = 20_000


MSG_NOT_FRESH = _N("Sync", "A snapshot can only fill a new workspace; this one already holds changes")
MSG_NEWER = _N("Sync", "This snapshot has format {found}; this FieldCRM reads format {supported}. Update FieldCRM")
MSG_DAMAGED = _N("Sync", "The snapshot is damaged ({reason})")
MSG_UNPACK = _N("Sync", "The snapshot could not be unpacked into {folder}: {reason}")
# The steps of loading an image, as the Sync page shows them.
STEP_UNPACK = _N("Sync", "Snapshot: unpacking")
STEP_VERSIONS = _N("Sync", "Snapshot: storing every version")
STEP_ROWS = _N("Sync", "Snapshot: writing the cards and records")
STEP_INDEX = _N("Sync", "Snapshot: building the search index")
STEP_CONFLICTS = _N("Sync", "Snapshot: listing the conflicts")
STEP_ADOPT = _N("Sync", "Snapshot: making it this laptop's workspace")  # instead of versions, cards and index


class SnapshotError(FieldCRMError):
    """The snapshot cannot be used: wrong format, damaged records, or a workspace that is not fresh."""


def bootstrap_from_records(db: sqlite_utils.Database, records: Iterable[Mapping[str, Any]]) -> Outcome:
    """Fill a fresh workspace (owner set, no changes yet) from a format-1 snapshot, in one transaction.

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

