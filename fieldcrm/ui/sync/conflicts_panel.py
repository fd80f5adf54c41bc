"""The "Conflicts to review" box: the open conflicts and the two ways to settle each.

A field conflict is settled by keeping the current value or taking the other
one; a delete that raced an edit by keeping the delete or restoring the
record with the edit. Either way the choice is an ordinary change that syncs,
announced on the data bus so the record's views refresh. The list itself
refreshes from the bus, so a conflict settled elsewhere (an edit typing the
losing value, a sync bringing another laptop's choice) disappears too.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.errors import FieldCRMError
from fieldcrm.sync.registry import SYNCED_TABLES
from fieldcrm.ui.colours import ERROR_TEXT, tint
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.i18n import error_text
from fieldcrm.ui.sync.conflict_model import ConflictModel
from fieldcrm.ui.sync.conflict_review import Choice, ConflictReview, ConflictRow


class ConflictsPanel(QGroupBox):
    def __init__(self, review: ConflictReview, bus: DataBus, *, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Conflicts to review"))
        self._review = review
        self._bus = bus
        self._writable = writable
        self._paused = False

        self.model = ConflictModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(self.tr("No conflicts: every field has one agreed value."), self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("conflictError")
        self.error_label.setWordWrap(True)
        tint(self.error_label, QPalette.ColorRole.WindowText, ERROR_TEXT)
        self.error_label.hide()
        self.keep_button = QPushButton(self)
        self.keep_button.setObjectName("keepCurrent")
        self.other_button = QPushButton(self)
        self.other_button.setObjectName("useOther")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.other_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.keep_button.clicked.connect(lambda: self._resolve(Choice.CURRENT))
        self.other_button.clicked.connect(lambda: self._resolve(Choice.OTHER))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        bus.changed.connect(self._data_changed)
        # Listed when first shown, not when the window is built: on a big
        # workspace the listing reads the change log, and launch must not wait.
        self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-list the open conflicts, keeping the selected one selected while it is still open."""
        self._stale = False
        keep = self.selected()
        rows = self._review.rows()
        self.model.set_rows(rows)
        ids = [row.id for row in rows]
        if keep is not None and keep.id in ids:
            self.table.selectRow(ids.index(keep.id))
        elif rows:
            self.table.selectRow(0)
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self._update_buttons()

    def set_paused(self, paused: bool) -> None:
        """While a sync runs it holds the write lock: choosing now would only wait for it."""
        self._paused = paused
        self._update_buttons()

    def selected(self) -> ConflictRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.selected()
        if row is not None and row.is_delete:
            self.keep_button.setText(self.tr("Keep deleted"))
            self.other_button.setText(self.tr("Restore with the edit"))
        else:
            self.keep_button.setText(self.tr("Keep current"))
            self.other_button.setText(self.tr("Use other value"))
        enabled = row is not None and self._writable and not self._paused
        self.keep_button.setEnabled(enabled)
        self.other_button.setEnabled(enabled)

    def _resolve(self, choice: Choice) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            table = self._review.resolve(row, choice)
        except FieldCRMError as error:  # resolved elsewhere meanwhile, or a supervisor-only field
            self.error_label.setText(error_text(error))
            self.error_label.show()
            self.refresh()
            return
        self.error_label.hide()
        self._bus.notify(table)  # the list refreshes from this too

    def _data_changed(self, tables: set[str]) -> None:
        if tables & SYNCED_TABLES.keys():
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True
