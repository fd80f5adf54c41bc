"""The card's History tab: every recorded change, newest first.

The change log is what sync merges, so it already knows each field's
previous and new value, the time (a hybrid logical clock) and the site's
user; this tab only presents it, in local time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDateTime, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from fieldcrm.storage.customers import HistoryRow
from fieldcrm.sync.clock import wall_ms
from fieldcrm.ui.customers.display import column_title, display_value

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("when", "field", "old", "new", "user")


def local_time(hlc: int) -> str:
    moment = QDateTime.fromMSecsSinceEpoch(wall_ms(hlc)).toLocalTime()
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "when":
            return local_time(row.hlc)
        if column == "field":
            return column_title(row.field)
        if column == "old":
            return display_value(row.field, row.old)
        if column == "new":
            return display_value(row.field, row.new)
        return row.user

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "when": QCoreApplication.translate("HistoryModel", "When"),
            "field": QCoreApplication.translate("HistoryModel", "Field"),
            "old": QCoreApplication.translate("HistoryModel", "From"),
            "new": QCoreApplication.translate("HistoryModel", "To"),
            "user": QCoreApplication.translate("HistoryModel", "Who"),
        }
        return titles[COLUMNS[section]] if 0 <= section < len(COLUMNS) else None


class HistoryTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = HistoryModel(self)
        self.setModel(self.history)
        self.setObjectName("customerHistory")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
