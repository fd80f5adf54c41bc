"""The open conflicts as a table model: one row per conflict, already worded.

Conflicts are few (each is a human decision waiting), so the model holds
them all; the panel replaces the list whenever data changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.ui.sync.conflict_review import ConflictRow

AnyIndex = QModelIndex | QPersistentModelIndex

# (attribute of ConflictRow, header marked for translation; translated when shown)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("record", _N("SyncConflicts", "Record")),
    ("field", _N("SyncConflicts", "Field")),
    ("current", _N("SyncConflicts", "Current value")),
    ("current_by", _N("SyncConflicts", "Set by")),
    ("other", _N("SyncConflicts", "Other value")),
    ("other_by", _N("SyncConflicts", "Set by")),
)


class ConflictModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ConflictRow] = []

    def set_rows(self, rows: list[ConflictRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ConflictRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return getattr(self._rows[index.row()], COLUMNS[index.column()][0])

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("SyncConflicts", COLUMNS[section][1])
        return None
