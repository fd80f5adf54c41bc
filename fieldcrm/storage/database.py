"""Opening the workspace database safely.

Every connection gets the same pragmas (WAL, foreign keys, a busy timeout) and
the SQL functions the triggers rely on, so a write through any of our
connections is captured and indexed the same way. Failures to open are turned
into WorkspaceError with what can be done about them, never a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import sqlite_utils

from fieldcrm.errors import WorkspaceError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N

DB_NAME = "fieldcrm.db"
BUSY_TIMEOUT_MS = 5000

ConnectionHook = Callable[[sqlite3.Connection], None]
_hooks: list[ConnectionHook] = []


def on_connect(hook: ConnectionHook) -> ConnectionHook:
    """Register ``hook`` to run on every new connection (used to add SQL functions)."""
    _hooks.append(hook)
    return hook


REMEDY_RETRY = _N("Workspace", "Close the other FieldCRM window or program using it, then try again")
REMEDY_READ_ONLY = _N("Workspace", "Open it read-only to look without changing anything")
REMEDY_RESTORE = _N("Workspace", "Restore the newest backup from the workspace's backups folder")
REMEDY_NEW = _N("Workspace", "Start a new workspace (the damaged file is kept aside, not deleted)")
REMEDY_PERMISSIONS = _N("Workspace", "Give your user write permission on the folder, or choose another workspace")
MSG_HANDED_OVER = _N("Workspace", "The first sync is filling this workspace; nothing was saved. Try again once it has finished.")


def connect(path: Path, *, read_only: bool = False, scratch: bool = False) -> sqlite_utils.Database:
    """Open ``path`` with FieldCRM's pragmas; raise WorkspaceError when it can't be used.

    A ``scratch`` file (one thrown away if anything fails, such as an image
    becoming a workspace) gets no journal and no syncing; whoever keeps it
    makes it durable once it is done.
    """
    try:
        if read_only:
            conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                check_same_thread=False,
            )
        else:
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if scratch:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
        elif not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise explain(error, path) from None
    for hook in _hooks:
        hook(conn)
    return sqlite_utils.Database(conn)


class _ReadOnlyCopy(sqlite3.Connection):
    """What ``read_only_copy`` returns, known by its class (``is_read_only_copy``)."""


def read_only_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An in-memory copy of ``conn``'s database, with FieldCRM's functions, that refuses writes.

    A write transaction begun on it raises WorkspaceError saying the first
    sync has the file (``Workspace.hand_over``), instead of SQLite's "readonly".
    """
    copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False, factory=_ReadOnlyCopy)
    conn.backup(copy)
    for hook in _hooks:
        hook(copy)
    copy.execute("PRAGMA query_only = ON")
    return copy


def is_read_only_copy(conn: sqlite3.Connection) -> bool:
    """Whether ``conn`` is one ``read_only_copy`` made."""
    return isinstance(conn, _ReadOnlyCopy)


def explain(error: sqlite3.Error, path: Path) -> WorkspaceError:
    """Turn an SQLite failure into what the user sees: the cause, the file and the way out."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return WorkspaceError(
            _N("Workspace", "The workspace database {path} is in use by another program"),
            path=path, remedies=(REMEDY_RETRY, REMEDY_READ_ONLY),
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return WorkspaceError(
            _N("Workspace", "The workspace database {path} cannot be written"),
            path=path, remedies=(REMEDY_READ_ONLY, REMEDY_PERMISSIONS),
        )
    if "disk is full" in text or "database or disk is full" in text:
        return WorkspaceError(
            _N("Workspace", "The disk holding {path} is full; nothing was changed"),
            path=path, remedies=(),
        )
    return WorkspaceError(
        _N("Workspace", "The workspace database {path} is damaged ({reason})"),
        path=path, reason=str(error), remedies=(REMEDY_RESTORE, REMEDY_NEW),
    )


def integrity_ok(db: sqlite_utils.Database) -> bool:
    row = db.execute("PRAGMA quick_check").fetchone()
    return bool(row) and row[0] == "ok"


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run several statements inside the caller's transaction.

    ``executescript`` would commit a pending transaction first, so statements
    are split with SQLite's own completeness test (trigger bodies stay whole).
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip().strip(";").strip():
                db.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:80]}")


@contextmanager
def triggers_set_aside(db: sqlite_utils.Database, patterns: Sequence[str]) -> Iterator[None]:
    """Drop the triggers named by ``patterns`` (GLOB) for this block, then restore them as declared.

    For bulk writes that the triggers would slow down or that SQLite would
    not copy page by page while a trigger is on the table. Must run inside
    the caller's transaction: a failure rolls the drop back with the rest.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("triggers can only be set aside inside the caller's transaction")
    if not patterns:
        yield
        return
    condition = " OR ".join("name GLOB ?" for _ in patterns)
    saved = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND ({condition}) ORDER BY name", list(patterns)
    ).fetchall()
    for name, _ in saved:
        db.execute(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in saved:
        db.execute(sql)


@contextmanager
def written_once(db: sqlite_utils.Database) -> Iterator[None]:
    """Let the writes of this block reach the database file once, when no other connection has it open.

    In WAL mode every page of a transaction is written twice: to the WAL,
    then into the database at the checkpoint. For a bulk load into a nearly
    empty workspace (a bootstrap: 1.3 GB at 100,000 cards) that second copy
    cost about 10 s. A rollback journal only keeps the pages the transaction
    overwrites, which for a new workspace are a few, so the block switches to
    one, and back to WAL after. SQLite allows the switch only to the sole
    connection; with another one open (the app's windows) the block runs in
    WAL as usual. Crash safety is the rollback journal's: a load cut short is
    rolled back at the next opening. Call it outside any transaction.
    """
    switched = take_rollback_journal(db)
    try:
        yield
    finally:
        if switched:
            db.execute("PRAGMA main.journal_mode = WAL")


def take_rollback_journal(db: sqlite_utils.Database) -> bool:
    """Switch ``db`` from WAL to a rollback journal; whether it did, which means no other connection has it open.

    SQLite lets only the sole connection leave WAL; another connection means
    "stay in WAL", not "wait", so the busy timeout is off for the attempt.
    The caller switches back to WAL when it is done.
    """
    db.execute("PRAGMA busy_timeout = 0")
    try:
        return db.execute("PRAGMA main.journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlite3.OperationalError:
        return False
    finally:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


class write_transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: take the write lock up front.

    A deferred transaction that reads and then writes can fail with
    SQLITE_BUSY when another writer committed in between; taking the lock
    first makes writers queue on the busy timeout instead. Nested use joins
    the outer transaction through a savepoint.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._savepoint: str | None = None

    def __enter__(self) -> sqlite_utils.Database:
        conn = self.db.conn
        if is_read_only_copy(conn):
            raise WorkspaceError(MSG_HANDED_OVER)
        if conn.in_transaction:
            self._savepoint = f"sp_{id(self):x}"
            conn.execute(f"SAVEPOINT {self._savepoint}")
        else:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise explain(error, Path(self.db_path())) from None
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        conn = self.db.conn
        if self._savepoint:
            if exc_type is not None and conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {self._savepoint}")
            if conn.in_transaction:
                conn.execute(f"RELEASE SAVEPOINT {self._savepoint}")
            return
        if exc_type is not None:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise explain(error, Path(self.db_path())) from None

    def db_path(self) -> str:
        row = self.db.execute("PRAGMA database_list").fetchone()
        return row[2] if row else ""
