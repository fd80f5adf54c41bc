"""A visit's History tab: the card's history table, with visit fields named and shown as the form does.

``storage.visits.history`` reports the urgent flag as ``urgent_category`` and
``urgent_note``, so every field it returns is a visit field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from fieldcrm.domain.visit_fields import VISIT_FIELDS_BY_NAME
from fieldcrm.ui.customers.history import COLUMNS, HistoryModel, HistoryTable
from fieldcrm.ui.visits import texts


class VisitHistoryModel(HistoryModel):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = COLUMNS[index.column()] if index.isValid() else None
        if column not in ("field", "old", "new") or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        ):
            return super().data(index, role)
        row = self._rows[index.row()]
        spec = VISIT_FIELDS_BY_NAME.get(row.field)
        if column == "field":
            return texts.label(spec) if spec is not None else row.field
        return texts.visit_value(row.field, row.old if column == "old" else row.new)


class VisitHistoryTable(HistoryTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = VisitHistoryModel(self)
        self.setModel(self.history)
        self.setObjectName("visitHistory")
