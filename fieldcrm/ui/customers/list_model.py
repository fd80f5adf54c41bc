"""The customer list as a lazily filled table model.

A territory can hold 100,000 customers; the view asks for rows as the user
scrolls (``canFetchMore``/``fetchMore``), one page at a time, and sorting,
search and filters become a new ``CustomerQuery`` run by SQLite. The model
never counts: it stops fetching when a page comes back short, and the page
shows the total from a background count.
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from typing import Any, Iterator

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.storage.customers import LIST_COLUMNS
from fieldcrm.ui.customers.display import column_title, display_value

COLUMNS: tuple[str, ...] = tuple(c for c in LIST_COLUMNS if c != "id")
PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class CustomerListModel(QAbstractTableModel):
    def __init__(self, service: CustomerService, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._query = CustomerQuery()
        self._rows: list[dict[str, Any]] = []
        self._exhausted = True
        self._busy = False

    @property
    def query(self) -> CustomerQuery:
        return self._query

    def set_query(self, query: CustomerQuery) -> None:
        """Show the first page of ``query``; further pages come as the view scrolls."""
        self._query = query
        self._reload(self._page_size)

    def set_criteria(self, search: str, filters: dict[str, str], include_deleted: bool) -> None:
        """Change what is shown while keeping the current sort order."""
        self.set_query(
            dataclasses.replace(self._query, search=search, filters=filters, include_deleted=include_deleted)
        )

    def refresh(self) -> None:
        """Re-read after a write, keeping as many rows loaded as before so the view does not jump."""
        self._reload(max(self._page_size, len(self._rows)))

    def _reload(self, limit: int) -> None:
        with self._changing():
            self.beginResetModel()
            self._rows = self._service.page(self._query, 0, limit)
            self._exhausted = len(self._rows) < limit
            self.endResetModel()

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Refuse to fetch while a change is being announced.

        Listeners of the change signals (views, the model tester) may ask for
        more rows from inside them; a nested insert would land in the middle
        of the first one and load a page twice. Views ask again later.
        """
        self._busy = True
        try:
            yield
        finally:
            self._busy = False

    # -- lazy loading ---------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self._exhausted and not self._busy

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802 - Qt API
        if not self.canFetchMore(parent):
            return
        with self._changing():
            more = self._service.page(self._query, len(self._rows), self._page_size)
            self._exhausted = len(more) < self._page_size
            if not more:
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # -- table ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display_value(column, row[column])
        if role == ID_ROLE:
            return row["id"]
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return column_title(COLUMNS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header clicks re-run the query ordered by SQLite, not a sort of the loaded rows."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(dataclasses.replace(self._query, sort=COLUMNS[column], descending=descending))

    # -- ids ------------------------------------------------------------------

    def id_at(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, customer_id: str) -> int | None:
        """The row of a customer among those loaded so far."""
        for number, row in enumerate(self._rows):
            if row["id"] == customer_id:
                return number
        return None
