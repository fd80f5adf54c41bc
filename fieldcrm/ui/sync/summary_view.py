"""What the last sync did: when, what went out, what came in, and what was refused.

Rejected changes and per-site problems are listed one per line, because each
is something a person has to follow up (a rep changing a supervisor-only
field, a colleague's damaged file) and must be able to read out or copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from fieldcrm.sync.engine import SyncSummary
from fieldcrm.ui.sync import texts


class SummaryView(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Last sync"))
        self.when_label = QLabel(self)
        self.when_label.setObjectName("lastSync")
        self.when_label.setWordWrap(True)
        self.sent_label = QLabel(self)
        self.sent_label.setObjectName("sent")
        self.received_label = QLabel(self)
        self.received_label.setObjectName("received")
        self.photos_label = QLabel(self)
        self.photos_label.setObjectName("photos")
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setObjectName("conflictsOpen")
        self.issues_title = QLabel(self.tr("Needs attention:"), self)
        self.issues = QListWidget(self)
        self.issues.setObjectName("syncIssues")
        self.issues.setWordWrap(True)
        for label in (self.sent_label, self.received_label, self.when_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        for widget in (
            self.when_label, self.sent_label, self.received_label, self.photos_label, self.conflicts_label,
            self.issues_title,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.issues, 1)
        self.show_summary(None)

    def show_summary(self, summary: SyncSummary | None) -> None:
        self.when_label.setText(texts.last_sync_line(summary))
        lines = [] if summary is None else [
            *(texts.rejected_line(rejected) for rejected in summary.rejected),
            *(texts.problem_line(problem) for problem in summary.problems),
            *(texts.message_text(warning) for warning in summary.clock_warnings),
            *(texts.message_text(warning) for warning in summary.photo_warnings),
        ]
        self.issues.clear()
        self.issues.addItems(lines)
        self.issues_title.setVisible(bool(lines))
        self.issues.setVisible(bool(lines))
        for label in (self.sent_label, self.received_label, self.conflicts_label):
            label.setVisible(summary is not None)
        self.photos_label.setVisible(summary is not None and self._photos_moved(summary))
        if summary is not None:
            self.photos_label.setText(self.tr("Photos: {sent} sent, {received} received, {missing} missing").format(
                sent=summary.photos_sent, received=summary.photos_received, missing=summary.photos_missing))
            self.sent_label.setText(texts.sent_line(summary))
            self.received_label.setText(texts.received_line(summary))
            self.conflicts_label.setText(texts.conflicts_line(summary))

    @staticmethod
    def _photos_moved(summary: SyncSummary) -> bool:
        """A photo line only when photos were due: most syncs carry none."""
        return bool(summary.photos_sent or summary.photos_received or summary.photos_missing)

    def issue_lines(self) -> list[str]:
        return [self.issues.item(row).text() for row in range(self.issues.count())]
