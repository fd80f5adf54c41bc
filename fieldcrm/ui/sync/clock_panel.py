"""Clock warnings for supervisors: laptops whose clock runs far ahead.

Such a laptop wins every same-field race until its clock is put right, which
only a person can do, so the warning stays until a supervisor dismisses it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from fieldcrm.sync import drift
from fieldcrm.sync.drift import ClockWarning
from fieldcrm.ui.sync.texts import local_time
from fieldcrm.workspace import Workspace

SITE_ROLE = Qt.ItemDataRole.UserRole + 1
MINUTE_MS = 60_000


class ClockWarningsPanel(QGroupBox):
    def __init__(self, workspace: Workspace, *, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Clocks running ahead"))
        self._workspace = workspace
        self._writable = writable
        self.list = QListWidget(self)
        self.list.setObjectName("clockWarnings")
        self.dismiss_button = QPushButton(self.tr("Dismiss (the clock has been put right)"), self)
        self.dismiss_button.setObjectName("dismissClock")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.list.currentRowChanged.connect(self._update_button)
        self.refresh()

    def refresh(self) -> None:
        warnings = drift.list_clock_warnings(self._workspace.db)
        self.list.clear()
        for warning in warnings:
            item = QListWidgetItem(self._text(warning), self.list)
            item.setData(SITE_ROLE, warning.site)
        if warnings:
            self.list.setCurrentRow(0)
        self.setVisible(bool(warnings))
        self._update_button()

    def dismiss_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        drift.dismiss(self._workspace.db, str(item.data(SITE_ROLE)))
        self.refresh()

    def _text(self, warning: ClockWarning) -> str:
        minutes = round(warning.ahead_ms / MINUTE_MS)  # rounded: a day ahead reads "24 hours", not "23"
        ahead = (
            self.tr("%n hour(s)", "", round(minutes / 60)) if minutes >= 60 else self.tr("%n minute(s)", "", minutes)
        )
        return self.tr("{user}'s laptop clock runs {ahead} ahead (noticed {when})").format(
            user=warning.user_name, ahead=ahead, when=local_time(warning.noticed_at)
        )

    def _update_button(self) -> None:
        self.dismiss_button.setEnabled(self._writable and self.list.currentItem() is not None)
