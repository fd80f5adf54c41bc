"""One sync at a time, on a worker thread with its own workspace connection.

The Sync button and the automatic sync both start syncs here, so two can
never overlap. The worker opens the workspace again instead of borrowing the
GUI thread's connection: a sqlite3 connection must not be used from two
threads at once, and the engine's writes would otherwise interleave with the
editor's. When a sync succeeds, the data bus hears which tables changed, so
every view refreshes without knowing sync exists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from fieldcrm.errors import WorkspaceError
from fieldcrm.sync.engine import SyncSummary
from fieldcrm.sync.messages import Message
from fieldcrm.ui.page import Session
from fieldcrm.ui.sync import texts
from fieldcrm.ui.workers import Job, Progress
from fieldcrm.workspace import Workspace, open_workspace


class SyncEngine(Protocol):
    """What the page needs of ``fieldcrm.sync.engine``; tests pass a fake with the same shape."""

    def remembered_share(self, workspace: Workspace) -> Path | None: ...

    def last_summary(self, workspace: Workspace) -> SyncSummary | None: ...

    def is_new(self, workspace: Workspace) -> bool: ...

    def sync(
        self,
        workspace: Workspace,
        share: Path | None = None,
        *,
        progress: Callable[[int, int, Message], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncSummary: ...


def run_sync(engine: SyncEngine, folder: Path, share: Path | None, progress: Progress) -> SyncSummary:
    """The worker's side: a private connection for the whole run, closed whatever happens.

    Each step is put in the user's language here, on the worker
    (``QCoreApplication.translate`` is thread-safe): the progress signal
    carries text, not the engine's ``Message``.
    """
    workspace = open_workspace(folder)

    def report(done: int, total: int, message: Message) -> None:
        progress.report(done, total, texts.message_text(message))

    try:
        return engine.sync(workspace, share, progress=report, cancelled=lambda: progress.cancelled)
    finally:
        workspace.close()


class SyncRunner(QObject):
    """Starts syncs on the session's task runner and relays their outcome on the GUI thread."""

    started = Signal()
    progress = Signal(int, int, str)
    succeeded = Signal(object)  # the SyncSummary
    failed = Signal(object)  # the FieldCRMError, e.g. SyncError
    finished = Signal(bool)  # True when the run was cancelled

    def __init__(self, session: Session, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._engine = engine
        self._job: Job | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, share: Path | None, *, asked: bool = False) -> bool:
        """Start a sync with ``share`` (None: the remembered one); False if one is already running.

        A new laptop's first sync that the user ``asked`` for on the Sync
        page gets the workspace's file to itself (``Workspace.hand_over``),
        so the snapshot's image can become the workspace; the window writes
        nothing until it is back. An automatic one may find the user in the
        middle of an edit elsewhere, so it leaves the window its file.
        """
        if self._job is not None:
            return False
        workspace = self._session.workspace
        engine, folder = self._engine, workspace.folder
        if asked and not workspace.read_only and engine.is_new(workspace):
            workspace.hand_over()
            self._session.bus.handed_over.emit(True)
        job = self._session.tasks.submit(lambda progress: run_sync(engine, folder, share, progress))
        job.progress.connect(self.progress)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        self._job = job
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _succeeded(self, summary: SyncSummary) -> None:
        if (unopened := self._take_back()) is not None:
            self.failed.emit(unopened)
            return
        self._session.bus.notify(*sorted(summary.changed_tables))
        self.succeeded.emit(summary)

    def _failed(self, error: object) -> None:
        self._take_back()
        self.failed.emit(error)

    def _finished(self) -> None:
        self._take_back()
        job, self._job = self._job, None
        self.finished.emit(job is not None and job.reporter.cancelled)

    def _take_back(self) -> WorkspaceError | None:
        """The workspace's file back from a first sync (a new one if it adopted a snapshot).

        Should it not open again, the window stays on the Sync page, which
        says why; the next Sync tries again.
        """
        workspace = self._session.workspace
        if workspace.handed_over:
            try:
                workspace.take_back()
            except WorkspaceError as error:
                return error
            self._session.bus.handed_over.emit(False)
        return None
