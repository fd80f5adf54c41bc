"""Getting from a folder to an open, owned workspace, with the user's help.

``open_workspace`` says precisely why a workspace cannot be used; this
module carries out the way out the user picks (try again, read-only, another
folder, a new workspace) and asks for an owner when there is none. The
dialogs only ask; the loop here decides.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QWidget

from fieldcrm.errors import FieldCRMError, WorkspaceError
from fieldcrm.storage.database import DB_NAME, REMEDY_NEW, REMEDY_READ_ONLY
from fieldcrm.ui.dialogs.first_start import FirstStartDialog
from fieldcrm.ui.dialogs.workspace_error import Action, WorkspaceErrorDialog
from fieldcrm.ui.workers import TaskRunner
from fieldcrm.workspace import REMEDY_INIT, Workspace, open_workspace

log = logging.getLogger(__name__)

# A dialog says what is going on when opening takes longer than this (an upgrade of a big workspace).
SHOW_PROGRESS_AFTER_MS = 400


def actions_for(error: WorkspaceError) -> list[Action]:
    """Every way out is offered except read-only, which only helps some problems."""
    actions = [Action.RETRY]
    if REMEDY_READ_ONLY in error.remedies:
        actions.append(Action.READ_ONLY)
    return [*actions, Action.CHOOSE, Action.CREATE, Action.QUIT]


def ask_remedy(error: WorkspaceError, parent: QWidget | None = None) -> Action:
    dialog = WorkspaceErrorDialog(error, actions_for(error), parent)
    dialog.exec()
    return dialog.choice


def ask_owner(workspace: Workspace, parent: QWidget | None = None) -> bool:
    return FirstStartDialog(workspace, parent).exec() == QDialog.DialogCode.Accepted


def choose_folder(start: Path, parent: QWidget | None = None) -> Path | None:
    title = QCoreApplication.translate("WorkspaceOpening", "Choose a workspace folder")
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def set_aside(db_path: Path) -> Path:
    """Rename a damaged database (and its WAL files) out of the way, keeping it for recovery."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            source.rename(kept.with_name(kept.name + suffix))
    log.warning("damaged workspace database %s kept as %s", db_path, kept)
    return kept


class WorkspaceOpener:
    """Try to open ``folder`` until it works or the user gives up (then ``run`` returns None)."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        self.folder = folder
        self.parent = parent
        self.read_only = False
        self.create = False

    def run(self) -> Workspace | None:
        while True:
            create, self.create = self.create, False
            try:
                workspace = self._open(create)
                if workspace is None:
                    return None
                if workspace.identity is None and workspace.read_only:
                    try:
                        workspace.require_identity()  # raises: a read-only workspace cannot get an owner
                    finally:
                        workspace.close()
            except WorkspaceError as error:
                log.info("cannot open workspace %s: %s", self.folder, error.message)
                if not self._follow(ask_remedy(error, self.parent), error):
                    return None
                continue
            if workspace.identity is None and not ask_owner(workspace, self.parent):
                workspace.close()
                return None
            return workspace

    def _open(self, create: bool) -> Workspace | None:
        """``open_workspace`` on a worker (``ui.workers``) while the app's event loop turns.

        Opening may upgrade the schema, which for 100,000 customers takes
        most of a minute (a backup copy, then the steps); after a moment a
        dialog says so instead of the app seeming to hang. An upgrade is
        one transaction per step and is not interrupted, so the dialog has
        no Cancel: closing the app mid-way leaves the last finished step.
        A bug while opening is reported like any worker's (log and dialog)
        and opens nothing (None); a known failure is raised here, as before.
        """
        runner = TaskRunner(max_threads=1)
        job = runner.submit(lambda _progress: open_workspace(self.folder, create=create, read_only=self.read_only))
        outcome: list[Workspace | FieldCRMError] = []
        job.succeeded.connect(outcome.append)
        job.failed.connect(outcome.append)
        waiting = QEventLoop()
        job.finished.connect(waiting.quit)
        dialog = QProgressDialog(
            QCoreApplication.translate(
                "Startup", "Opening the workspace {folder}…\nUpgrading a large workspace to this version of FieldCRM "
                "can take a minute; it keeps a backup first."
            ).format(folder=self.folder),
            "", 0, 0, self.parent,
        )
        dialog.setWindowTitle(QCoreApplication.translate("Startup", "FieldCRM"))
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.hide()  # shown by the timer if opening is slow (a range of 0..0 never shows itself)
        show_later = QTimer()
        show_later.setSingleShot(True)
        show_later.timeout.connect(dialog.show)
        show_later.start(SHOW_PROGRESS_AFTER_MS)
        try:
            waiting.exec()  # the job's outcome arrives queued, so it cannot come before this loop runs
        finally:
            show_later.stop()
            dialog.hide()
            dialog.deleteLater()
            runner.deleteLater()
        result = outcome[0] if outcome else None
        if isinstance(result, FieldCRMError):
            raise result
        return result

    def _follow(self, action: Action, error: WorkspaceError) -> bool:
        """Prepare the next attempt; False when the user quits."""
        if action is Action.QUIT:
            return False
        self.read_only = action is Action.READ_ONLY
        if action is Action.CHOOSE:
            self.folder = choose_folder(self.folder, self.parent) or self.folder
        elif action is Action.CREATE:
            self._prepare_new(error)
        return True

    def _prepare_new(self, error: WorkspaceError) -> None:
        """Create where the broken one was when that is safe, otherwise in a folder the user picks."""
        if REMEDY_NEW in error.remedies:
            set_aside(self.folder / DB_NAME)
        elif REMEDY_INIT not in error.remedies:
            chosen = choose_folder(self.folder, self.parent)
            if chosen is None:
                return
            self.folder = chosen
        self.create = True
