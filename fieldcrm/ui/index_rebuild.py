"""The status bar's note while an upgrade's rebuild of the search index runs, and the worker running it.

Opening the workspace only starts the rebuild (``storage/derived.py``);
here it runs in the upkeep lane of the session's task runner with a
connection of its own, so the window is usable at once and the user's own
background work never waits for it. Search meanwhile answers from the haystacks
not yet recomputed, which the note says. Stop, or closing the window, leaves
the rest to the next start. When the rebuild ends the data bus hears that
``customer_search`` changed, so a list showing a search runs it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.i18n import error_text
from fieldcrm.ui.page import Session
from fieldcrm.ui.workers import Job, Progress
from fieldcrm.workspace import open_workspace

REBUILT_TABLES = ("customer_search",)


def rebuild_indexes(folder: Path, progress: Progress) -> None:
    """The worker's side: batches until the rebuild is complete or the job is cancelled."""
    workspace = open_workspace(folder)
    try:
        if not workspace.finish_rebuilds(progress.report, keep_going=lambda: not progress.cancelled):
            progress.check()
    finally:
        workspace.close()


class IndexRebuildStatus(QWidget):
    """Hidden unless the workspace's search index is being rebuilt; then a note, a progress bar and Stop."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexRebuildStatus")
        self._session = session
        self.job: Job | None = None
        self.label = QLabel(self)
        self.label.setObjectName("indexRebuildNote")
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.stop_button = QToolButton(self)
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop updating the search index; it carries on when FieldCRM next starts"))
        self.stop_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop_button)

        reached = session.workspace.rebuild_progress()
        if reached is None:
            self.hide()
        elif session.read_only:
            self._note(self.tr("The search index is out of date: results may be incomplete"))
        else:
            self.label.setText(self.tr("Updating the search index: results may be incomplete"))
            self._show_progress(*reached)
            self._start()

    def _start(self) -> None:
        folder = self._session.workspace.folder
        job = self._session.tasks.submit(lambda progress: rebuild_indexes(folder, progress), upkeep=True)
        job.progress.connect(self._show_progress)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        self.job = job

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._note(self.tr("Search index update stopped: results may be incomplete until FieldCRM next starts"))

    def _note(self, text: str) -> None:
        """A note without progress: nothing runs any more."""
        self.label.setText(text)
        self.bar.hide()
        self.stop_button.hide()

    def _show_progress(self, done: int, total: int, _message: str = "") -> None:
        self.bar.setMaximum(total)
        self.bar.setValue(done)

    def _succeeded(self, _result: object) -> None:
        self.hide()
        self._session.bus.notify(*REBUILT_TABLES)

    def _failed(self, error: FieldCRMError) -> None:
        self._note(self.tr("The search index could not be updated: {reason}").format(reason=error_text(error)))

    def _finished(self) -> None:
        self.job = None
