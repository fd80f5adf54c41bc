"""What the Routes page's tables share: named columns, translated titles, numbers aligned right.

A subclass names its columns, says which hold numbers, and turns one row's
value in one column into text (``text``) or another role's value
(``styled``); counting, alignment and titles are done once here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Row = TypeVar("Row")


def header_title(
    titles: Mapping[str, str], columns: tuple[str, ...], section: int, orientation: Qt.Orientation, role: int,
) -> str | None:
    """The title of a horizontal header section, for ``headerData``."""
    if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
        return None
    return titles[columns[section]] if 0 <= section < len(columns) else None


class ColumnModel(QAbstractTableModel, Generic[Row]):
    columns: tuple[str, ...] = ()
    numeric: frozenset[str] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def titles(self) -> dict[str, str]:
        """Translated column titles by column name."""
        raise NotImplementedError

    def text(self, row: int, item: Row, column: str) -> str:
        raise NotImplementedError

    def styled(self, row: int, item: Row, column: str, role: int) -> Any:
        """Any role but display text and alignment; nothing by default."""
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric:
            return RIGHT
        return self.styled(index.row(), item, column, role)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_title(self.titles(), self.columns, section, orientation, role)
