"""Conflicts: concurrent edits surfaced, listed alike on every replica, resolved by a synced change.

Each version names the version it replaced, so the versions of a field form
a tree. A version nobody replaced is a leaf; two leaves mean two sites
edited the field without seeing each other's value. The winner is the
greatest (hlc, site) version; every other leaf holding a different value is
an open conflict. Both are functions of the set of stored versions only, so
every replica that holds the same versions lists the same conflicts,
whatever order they arrived in.

Resolving writes ordinary versions that replace the losing leaf (and, when
the value changes, the winner too), all holding the chosen value: the
field's leaves then agree, so the conflict closes on every replica the
versions reach, with no separate resolution record to sync.

A delete races an edit when the deleting site had not seen a version of the
row another site wrote: every delete records per site the newest version it
held (``registry.SEEN``), and any leaf version newer than that is an edit the
deleter never saw. Confirming the delete records a new, fuller one; restoring
writes ``deleted = 0``, and the edit was never erased.

Listing reads only where conflicts may be (``contested``), not every version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import sqlite_utils

from fieldcrm.errors import NotFound, PermissionDenied
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import identity as identity_store
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock, contested, materialise, touched
from fieldcrm.sync.registry import SYNCED_TABLES, TOMBSTONE, is_supervisor_only
from fieldcrm.sync.versions import Raw, VersionKey, delete_race, leaves, winner, write_local, write_seen

MSG_GONE = _N("Sync", "This conflict is already resolved")
MSG_SUPERVISOR_ONLY = _N("Errors", "{field}: only a supervisor may change this field")
MSG_NO_VALUE = _N("Sync", "A deleted-while-edited conflict is resolved by keeping the delete or restoring")

# "winner", "loser", or the value to store instead of both.
Keep = str | int | float | None


class Kind(str, Enum):
    FIELD = "field"
    DELETED_WHILE_EDITED = "deleted_while_edited"


@dataclass(frozen=True)
class Version:
    field: str
    value: Any
    hlc: int
    site: str
    user: str

    @property
    def key(self) -> VersionKey:
        return VersionKey(self.hlc, self.site)

    @property
    def at(self) -> datetime:
        return clock.to_datetime(self.hlc)


@dataclass(frozen=True)
class Conflict:
    """Two values of one field, or a delete and the edits it never saw.

    For a delete conflict ``winner`` is the delete, ``loser`` the newest edit
    it had not seen and ``edits`` every such edit, one per field.
    """

    id: str
    kind: Kind
    tbl: str
    row_id: str
    field: str
    winner: Version
    loser: Version
    edits: tuple[Version, ...] = ()


class _Users:
    """Site ids to user names, read once per listing."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.names = dict(db.execute("SELECT site_id, user_name FROM sites").fetchall())

    def version(self, raw: Raw) -> Version:
        field_name, value, hlc, site = raw
        return Version(field_name, value, hlc, site, self.names.get(site, site))


def list_conflicts(db: sqlite_utils.Database) -> list[Conflict]:
    """Open conflicts on the rows this laptop holds, in a stable order."""
    users = _Users(db)
    found: list[Conflict] = []
    for table in SYNCED_TABLES:
        if not db[table].exists():
            continue
        for row_id, field_name in contested.candidates(db, table):
            if field_name == contested.ROW:
                race = _delete_conflict(db, table, row_id, users)
                found.extend([race] if race else [])
            else:
                found.extend(_field_conflicts(db, table, row_id, field_name, users))
    return found


def _field_conflicts(
    db: sqlite_utils.Database, table: str, row_id: str, field_name: str, users: _Users
) -> list[Conflict]:
    best = winner(db, table, row_id, field_name)
    if best is None:
        return []
    won = users.version(best)
    return [
        Conflict(_conflict_id(Kind.FIELD, table, row_id, field_name, lost.key), Kind.FIELD, table, row_id,
                 field_name, won, lost)
        for lost in map(users.version, leaves(db, table, row_id, field_name))
        if lost.key != won.key and not _same(lost.value, won.value)
    ]


def _same(a: Any, b: Any) -> bool:
    """SQLite's IS: 1 and 1.0 are the same value, '1' and 1 are not."""
    if isinstance(a, str) or isinstance(b, str):
        return type(a) is type(b) and a == b
    return bool(a == b)


def _delete_conflict(db: sqlite_utils.Database, table: str, row_id: str, users: _Users) -> Conflict | None:
    race = delete_race(db, table, row_id)
    if race is None:
        return None
    delete, unseen = users.version(race[0]), [users.version(v) for v in race[1]]
    newest: dict[str, Version] = {}
    for version in unseen:
        newest.setdefault(version.field, version)
    edits = tuple(newest.values())
    return Conflict(
        _conflict_id(Kind.DELETED_WHILE_EDITED, table, row_id, TOMBSTONE, delete.key),
        Kind.DELETED_WHILE_EDITED, table, row_id, TOMBSTONE, delete, edits[0], edits,
    )


def _conflict_id(kind: Kind, table: str, row_id: str, field_name: str, key: VersionKey) -> str:
    return json.dumps([kind.value, table, row_id, field_name, key.hlc, key.site], ensure_ascii=False)


def find(db: sqlite_utils.Database, conflict_id: str) -> Conflict:
    """The open conflict ``conflict_id`` names; NotFound once it has been resolved anywhere and synced."""
    try:
        kind, table, row_id, field_name, _, _ = json.loads(conflict_id)
    except (ValueError, TypeError):
        raise NotFound(MSG_GONE) from None
    users = _Users(db)
    if kind == Kind.DELETED_WHILE_EDITED.value:
        race = _delete_conflict(db, table, row_id, users)
        candidates = [race] if race else []
    else:
        candidates = _field_conflicts(db, table, row_id, field_name, users)
    for conflict in candidates:
        if conflict.id == conflict_id:
            return conflict
    raise NotFound(MSG_GONE)


def resolve(db: sqlite_utils.Database, conflict_id: str, keep: Keep) -> None:
    """Close a conflict by keeping the winner, the loser, or a new value; the outcome syncs.

    ``keep`` is "winner", "loser" or the value to store (already validated by
    the caller, as for any edit). For a delete conflict "winner" confirms the
    delete and "loser" restores the row with the edits it missed.
    """
    with write_transaction(db), materialise.applying(db):
        conflict = find(db, conflict_id)
        owner = identity_store.load(db)
        if owner is not None and not owner.is_supervisor and is_supervisor_only(conflict.tbl, conflict.field):
            raise PermissionDenied(MSG_SUPERVISOR_ONLY, field=conflict.field)
        if conflict.kind is Kind.DELETED_WHILE_EDITED:
            _resolve_delete(db, conflict, keep)
        elif keep == "winner":
            write_local(db, conflict.tbl, conflict.row_id, conflict.field, conflict.winner.value, conflict.loser.key)
        elif keep == "loser":
            write_local(db, conflict.tbl, conflict.row_id, conflict.field, conflict.loser.value, conflict.winner.key)
        else:
            for replaced in (conflict.winner.key, conflict.loser.key):
                write_local(db, conflict.tbl, conflict.row_id, conflict.field, keep, replaced)
        touched.start(db)
        touched.touch(db, [(conflict.tbl, conflict.row_id, conflict.field)])
        materialise.settle(db)


def _resolve_delete(db: sqlite_utils.Database, conflict: Conflict, keep: Keep) -> None:
    if keep == "winner":
        delete = write_local(db, conflict.tbl, conflict.row_id, TOMBSTONE, 1, conflict.winner.key)
        write_seen(db, conflict.tbl, conflict.row_id, delete)
    elif keep == "loser":
        write_local(db, conflict.tbl, conflict.row_id, TOMBSTONE, 0, conflict.winner.key)
    else:
        raise ValueError(MSG_NO_VALUE)
