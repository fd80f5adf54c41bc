"""The customer list as a lazily filled table model.

A territory can hold 100,000 customers; the view asks for rows as the user
scrolls (``canFetchMore``/``fetchMore``), one page at a time, and sorting,
search and filters become a new ``CustomerQuery`` run by SQLite; each
further page starts past the last row loaded (keyset paging). The model
never counts: it stops fetching when a page comes back short, and the page
shows the total from a background count.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.storage.customers import LIST_COLUMNS
from fieldcrm.ui.customers.display import column_title, display_value
from fieldcrm.ui.paged_model import PAGE_SIZE, AnyIndex, PagedTableModel, Row

COLUMNS: tuple[str, ...] = tuple(c for c in LIST_COLUMNS if c != "id")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerListModel(PagedTableModel):
    def __init__(self, service: CustomerService, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._service = service
        self._query = CustomerQuery()

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

    def _fetch(self, offset: int, limit: int) -> list[Row]:
        """A further page starts just past the last row loaded, so it costs what the first one does."""
        if offset and offset == len(self._rows):
            return self._service.page(self._query.following(self._rows[-1]), 0, limit)
        return self._service.page(self._query, offset, limit)

    # -- table ----------------------------------------------------------------

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
