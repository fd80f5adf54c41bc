"""The Due list as a lazily filled table: pages of ``PlanningService.due`` as the view scrolls.

A territory can have thousands of customers due; ``due`` pages with
limit/offset in SQL (milliseconds per page), and ``due_count`` gives the
total for the page's label, so only the rows shown are ever read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex

from fieldcrm.domain.planning import DueCustomer, PlanningService
from fieldcrm.ui.visits import columns
from fieldcrm.ui.visits.table_model import AnyIndex, RecordsModel

PAGE_SIZE = 200


class DueModel(RecordsModel[DueCustomer]):
    def __init__(self, planning: PlanningService, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(columns.DUE, parent)
        self._planning = planning
        self._page_size = page_size
        self._route: str | None = None
        self._territory: str | None = None
        self._exhausted = True
        self._busy = False
        self.total = 0

    def set_filter(self, route: str | None, territory: str | None) -> None:
        self._route, self._territory = route or None, territory or None
        self.refresh()

    def refresh(self) -> None:
        """Back to the first page of the current filter, with a fresh total."""
        self._busy = True
        try:
            rows = self._page(0)
            self._exhausted = len(rows) < self._page_size
            self.total = self._planning.due_count(route=self._route, territory=self._territory)
            self.set_rows(rows)
        finally:
            self._busy = False

    def _page(self, offset: int) -> list[DueCustomer]:
        return self._planning.due(route=self._route, territory=self._territory, limit=self._page_size, offset=offset)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self._exhausted and not self._busy

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802 - Qt API
        """Append the next page; refused while a change is announced, so a page is never loaded twice."""
        if not self.canFetchMore(parent):
            return
        self._busy = True
        try:
            more = self._page(self.rowCount())
            self._exhausted = len(more) < self._page_size
            if more:
                first = self.rowCount()
                self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
                self._rows.extend(more)
                self.endInsertRows()
        finally:
            self._busy = False
