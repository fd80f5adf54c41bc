"""What a workspace remembers between syncs, kept in its ``meta`` table.

``cursors.py`` tracks how far each remote site was applied by timestamp; the
share reads streams by file, so the engine also needs, per site, the last
applied file's (seq, hash) -- and for this laptop's own stream, the last file
it published. They live in ``meta`` (one key per site) rather than in a new
table so no migration is needed, and every write here happens inside the
caller's transaction: a stream cursor is committed together with the data it
vouches for, which is what makes a crash mid-sync harmless.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from fieldcrm.sync.share import START, Cursor, PublicKey

_STREAM = "sync_stream:"
_OWN = "sync_own_cursor"
_SHARE_PATH = "sync_share_path"
_SHARE_ID = "sync_share_id"
_ADMIN = "sync_admin_key"
_SUMMARY = "sync_last_summary"


def _get(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def _put(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


def _cursor(text: str | None) -> Cursor:
    if text is None:
        return START
    seq, digest = json.loads(text)
    return Cursor(int(seq), str(digest))


def _cursor_text(cursor: Cursor) -> str:
    return json.dumps([cursor.seq, cursor.hash])


def stream_cursors(db: sqlite_utils.Database) -> dict[str, Cursor]:
    """Per remote site, the last file applied here (sites never read are absent: START)."""
    rows = db.execute("SELECT key, value FROM meta WHERE key GLOB ?", [_STREAM + "*"]).fetchall()
    return {key[len(_STREAM):]: _cursor(value) for key, value in rows}


def set_stream_cursor(db: sqlite_utils.Database, site: str, cursor: Cursor) -> None:
    _put(db, _STREAM + site, _cursor_text(cursor))


def own_cursor(db: sqlite_utils.Database) -> Cursor:
    """The last file this laptop published and recorded (START before the first)."""
    return _cursor(_get(db, _OWN))


def set_own_cursor(db: sqlite_utils.Database, cursor: Cursor) -> None:
    _put(db, _OWN, _cursor_text(cursor))


def share_path(db: sqlite_utils.Database) -> str | None:
    return _get(db, _SHARE_PATH)


def share_id(db: sqlite_utils.Database) -> str | None:
    return _get(db, _SHARE_ID)


def pinned_admin(db: sqlite_utils.Database) -> PublicKey | None:
    text = _get(db, _ADMIN)
    return None if text is None else PublicKey.from_text(text)


def remember_share(db: sqlite_utils.Database, path: str, share: str, admin: PublicKey) -> None:
    """Pin the share (its id and admin key) this workspace syncs with, and where it was last found."""
    _put(db, _SHARE_PATH, path)
    _put(db, _SHARE_ID, share)
    _put(db, _ADMIN, admin.text)


def last_summary(db: sqlite_utils.Database) -> dict[str, Any] | None:
    text = _get(db, _SUMMARY)
    return None if text is None else dict(json.loads(text))


def store_summary(db: sqlite_utils.Database, summary: dict[str, Any]) -> None:
    _put(db, _SUMMARY, json.dumps(summary, ensure_ascii=False))
