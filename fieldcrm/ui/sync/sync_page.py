"""The Sync page: where to sync, the Sync button, what happened, and what needs a decision.

The page only wires widgets to the ``SyncRunner`` (one sync at a time, on a
worker), the conflict review and the clock warnings; the engine is passed
in (the real ``fieldcrm.sync.engine`` unless a test gives a stand-in). Errors a
user can act on (share missing, not writable, laptop not registered) are
shown inline rather than in a dialog: the user needs them next to the share
field they are about to correct, and the registration key must stay
selectable to be sent to the admin.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.errors import FieldCRMError
from fieldcrm.sync import engine as sync_engine
from fieldcrm.sync.engine import SyncSummary
from fieldcrm.sync.messages import CONTEXT, Message
from fieldcrm.ui.colours import ERROR_TEXT, tint
from fieldcrm.ui.i18n import error_text
from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.sync import texts
from fieldcrm.ui.sync.auto_sync import AutoSync
from fieldcrm.ui.sync.clock_panel import ClockWarningsPanel
from fieldcrm.ui.sync.conflict_review import ConflictReview
from fieldcrm.ui.sync.conflicts_panel import ConflictsPanel
from fieldcrm.ui.sync.runner import SyncEngine, SyncRunner
from fieldcrm.ui.sync.summary_view import SummaryView


class SyncPage(Page):
    def __init__(self, session: Session, engine: SyncEngine = sync_engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._remembered = engine.remembered_share(session.workspace)
        self.runner = SyncRunner(session, engine, self)
        writable = not session.read_only

        self.share_edit = QLineEdit(str(self._remembered or ""), self)
        self.share_edit.setObjectName("shareEdit")
        self.share_edit.setPlaceholderText(self.tr("The team's share folder, e.g. \\\\server\\fieldcrm"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.auto_check = QCheckBox(self.tr("Sync automatically when the share can be reached"), self)
        self.sync_button = QPushButton(self.tr("&Sync now"), self)
        self.sync_button.setObjectName("syncButton")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelSync")
        self.progress_bar = QProgressBar(self)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("syncProgress")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("syncStatus")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("syncError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tint(self.error_label, QPalette.ColorRole.WindowText, ERROR_TEXT)
        self.summary_view = SummaryView(self)
        self.summary_view.show_summary(engine.last_summary(session.workspace))
        self.conflicts = ConflictsPanel(ConflictReview(session.workspace), session.bus, writable=writable, parent=self)
        self.clocks = (
            ClockWarningsPanel(session.workspace, writable=writable, parent=self) if session.is_supervisor else None
        )
        self.auto = AutoSync(self.runner, lambda: self._remembered, parent=self)
        self.auto_check.setChecked(self.auto.enabled)

        self._lay_out()
        self.browse_button.clicked.connect(self._choose_folder)
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button.clicked.connect(self._cancel)
        self.auto_check.toggled.connect(self.auto.set_enabled)
        self.runner.started.connect(self._started)
        self.runner.progress.connect(self._progress)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)
        self.runner.finished.connect(self._finished)
        for widget in (self.sync_button, self.auto_check, self.share_edit, self.browse_button):
            widget.setEnabled(writable)
        if not writable:  # a sync writes: a workspace opened read-only keeps the setting but never acts on it
            self.auto.timer.stop()
        self._set_running(False)
        self.error_label.hide()

    def _lay_out(self) -> None:
        share_box = QGroupBox(self.tr("Share"), self)
        share_row = QHBoxLayout()
        share_row.addWidget(QLabel(self.tr("Folder:"), share_box))
        share_row.addWidget(self.share_edit, 1)
        share_row.addWidget(self.browse_button)
        run_row = QHBoxLayout()
        run_row.addWidget(self.sync_button)
        run_row.addWidget(self.progress_bar, 1)
        run_row.addWidget(self.cancel_button)
        share_layout = QVBoxLayout(share_box)
        share_layout.addLayout(share_row)
        share_layout.addWidget(self.auto_check)
        share_layout.addLayout(run_row)
        share_layout.addWidget(self.progress_label)
        share_layout.addWidget(self.status_label)
        share_layout.addWidget(self.error_label)
        layout = QVBoxLayout(self)
        layout.addWidget(share_box)
        layout.addWidget(self.summary_view)
        layout.addWidget(self.conflicts, 1)
        if self.clocks is not None:
            layout.addWidget(self.clocks)

    # -- running --------------------------------------------------------------

    def start_sync(self) -> bool:
        """Sync with the folder in the field (empty: the remembered one); False if one is running."""
        text = self.share_edit.text().strip()
        return self.runner.start(Path(text) if text else None, asked=True)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))
        self.runner.cancel()

    def _set_running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running and not self._session.read_only)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress_bar.setVisible(running)
        self.progress_label.setVisible(running)
        self.conflicts.set_paused(running)

    def _started(self) -> None:
        self.error_label.hide()
        self.status_label.clear()
        self.progress_bar.setRange(0, 0)  # busy until the engine says how much there is
        self.progress_label.setText(self.tr("Starting…"))
        self._set_running(True)

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        self.progress_label.setText(texts.progress_line(done, total, message))

    def _succeeded(self, summary: SyncSummary) -> None:
        self._remembered = Path(summary.share)
        self.share_edit.setText(str(summary.share))
        self.summary_view.show_summary(summary)
        self.status_label.setText(self.tr("Sync finished."))
        if self.clocks is not None:
            self.clocks.refresh()

    def _failed(self, error: FieldCRMError) -> None:
        # Sync's errors carry their causes as messages (an action inside a share error): translated whole.
        text = texts.message_text(Message.of_error(error)) if error.context == CONTEXT else error_text(error)
        self.error_label.setText(text)
        self.error_label.show()
        self.status_label.setText(self.tr("Sync failed."))

    def _finished(self, cancelled: bool) -> None:
        self._set_running(False)
        if cancelled:
            self.status_label.setText(self.tr("Sync cancelled."))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the share folder"), self.share_edit.text())
        if chosen:
            self.share_edit.setText(chosen)
