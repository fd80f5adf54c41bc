"""Opening a workspace folder: the database, its schema, its owner.

Every entry point (GUI, CLI, benchmarks) opens workspaces here, so the
checks, the migration and the triggers are the same for all of them.
Opening never recomputes a derived table: when an upgrade changed how one is
derived, it only starts the rebuild, which the caller then runs in batches
(``finish_rebuilds``: the GUI on a worker, the CLI before its command).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import sqlite_utils

from fieldcrm.domain.classifications import Role
from fieldcrm.errors import WorkspaceError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import identity as identity_store
from fieldcrm.storage import derived, migrations, search
from fieldcrm.storage.database import (
    DB_NAME,
    connect,
    explain,
    is_read_only_copy,
    read_only_copy,
    write_transaction,
)
from fieldcrm.storage.identity import Identity
from fieldcrm.sync import capture

REMEDY_INIT = _N("Workspace", "Create it: run 'fieldcrm init' or use the first-start dialog")
REMEDY_CHOOSE = _N("Workspace", "Choose another workspace folder with --workspace or FIELDCRM_WORKSPACE")
MSG_NO_WORKSPACE = _N("Workspace", "There is no FieldCRM workspace at {path}")
MSG_EMPTY = _N("Workspace", "The workspace database {path} is empty")


@dataclass
class Workspace:
    folder: Path
    db: sqlite_utils.Database
    read_only: bool = False

    @property
    def handed_over(self) -> bool:
        """Whether ``db`` reads the in-memory copy while a first sync has the file (see ``hand_over``)."""
        return is_read_only_copy(self.db.conn)

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def attachments(self) -> Path:
        return self.folder / "attachments"

    @property
    def identity(self) -> Identity | None:
        return identity_store.load(self.db)

    def require_identity(self) -> Identity:
        found = self.identity
        if found is None:
            raise WorkspaceError(
                _N("Workspace", "The workspace {path} has no owner yet"),
                path=self.folder, remedies=(REMEDY_INIT,),
            )
        return found

    def initialise(self, user_name: str, role: Role, territory: str | None = None) -> Identity:
        """Set the workspace's owner once; a second call is refused."""
        if self.identity is not None:
            raise WorkspaceError(
                _N("Workspace", "The workspace {path} already belongs to {user}"),
                path=self.folder, user=self.identity.user_name,
            )
        if not user_name.strip():
            raise WorkspaceError(_N("Workspace", "user: a name is required"))
        with write_transaction(self.db):
            return identity_store.create(self.db, user_name.strip(), role, (territory or "").strip() or None)

    def rebuild_progress(self) -> tuple[int, int] | None:
        """How far the rebuild of derived tables started by an upgrade got, as (done, total); None when none is due."""
        return derived.progress(self.db)

    def finish_rebuilds(
        self,
        report: derived.Report | None = None,
        keep_going: Callable[[], bool] = lambda: True,
        batch_seconds: float | None = None,
        pause_seconds: float | None = None,
    ) -> bool:
        """Carry a rebuild started by an upgrade to its end, in short transactions; False when
        ``keep_going`` stopped it first (the next call resumes). See ``storage/derived.py``."""
        return derived.catch_up(
            self.db, report=report, keep_going=keep_going, batch_seconds=batch_seconds, pause_seconds=pause_seconds
        )

    def hand_over(self) -> None:
        """Leave the workspace's file to another connection until ``take_back``.

        A new laptop's first sync makes the snapshot's image the workspace
        (``sync/snapshot_adopt.py``) only where no other connection has the
        file open; loading it into a file the window kept open took 26–32 s
        for the demo, where adopting takes 3–7 s. Meanwhile ``db`` reads an
        in-memory copy of the workspace as it was (a new laptop's holds next
        to nothing) and refuses writes.
        """
        if self.handed_over:
            return
        file = self.db.conn
        self.db.conn = read_only_copy(file)
        file.close()

    def take_back(self) -> None:
        """Open the workspace's file again, which the first sync may have replaced (see ``hand_over``).

        Raises WorkspaceError, keeping the copy, when the file is gone: SQLite
        would make a new, empty database in its place.
        """
        if not self.handed_over:
            return
        if not self.db_path.exists():
            raise _missing(self.folder, MSG_NO_WORKSPACE)
        copy, self.db.conn = self.db.conn, connect(self.db_path).conn
        copy.close()

    def close(self) -> None:
        self.db.close()


def _missing(folder: Path, problem: str) -> WorkspaceError:
    """No workspace to open in ``folder``: ``problem`` says why, the remedies say how to make or pick one."""
    return WorkspaceError(problem, path=folder, remedies=(REMEDY_INIT, REMEDY_CHOOSE))


def open_workspace(folder: Path, *, create: bool = False, read_only: bool = False) -> Workspace:
    """Open (or with ``create``, make) the workspace in ``folder``.

    Raises WorkspaceError naming the problem and the way out when the folder
    or database is missing, unwritable, locked, damaged or too new.
    """
    folder = Path(folder).expanduser().resolve()
    db_path = folder / DB_NAME
    if not db_path.exists() or (db_path.stat().st_size == 0 and not create):
        if not create:
            raise _missing(folder, MSG_EMPTY if db_path.exists() else MSG_NO_WORKSPACE)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WorkspaceError(
                _N("Workspace", "Cannot create the workspace folder {path}: {reason}"),
                path=folder, reason=error.strerror or str(error), remedies=(REMEDY_CHOOSE,),
            ) from None
    db = connect(db_path, read_only=read_only)
    try:
        if read_only:
            found = migrations.schema_version(db)
            if found != migrations.LATEST:
                raise WorkspaceError(
                    _N("Workspace", "The workspace {path} has schema version {found}; read-only opening needs version {supported}"),
                    path=folder, found=found, supported=migrations.LATEST,
                )
        else:
            migrations.migrate(db, db_path)
            with write_transaction(db):
                capture.install(db)
                if search.install(db):
                    derived.start(db, derived.CUSTOMER_SEARCH)
                # Always write on opening, so an unwritable file is reported now,
                # not when the user first saves an edit.
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('last_opened', ?)",
                    [datetime.now(timezone.utc).isoformat()],
                )
    except sqlite3.Error as error:
        db.close()
        raise explain(error, db_path) from None
    except BaseException:
        db.close()
        raise
    return Workspace(folder, db, read_only)
