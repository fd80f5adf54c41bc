"""The Due list as a lazily filled table: pages of ``PlanningService.due`` as the view scrolls.

A territory can have thousands of customers due; ``due`` pages with
limit/offset in SQL (milliseconds per page), and ``due_count`` gives the
total for the page's label, so only the rows shown are ever read.
"""

from __future__ import annotations

from typing import Any

from fieldcrm.domain.planning import DueCustomer, PlanningService
from fieldcrm.ui.paged_model import PAGE_SIZE, PagedTableModel
from fieldcrm.ui.visits import columns
from fieldcrm.ui.visits.table_model import ColumnsView


class DueModel(ColumnsView[DueCustomer], PagedTableModel[DueCustomer]):
    def __init__(self, planning: PlanningService, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._columns = tuple(columns.DUE)
        self._planning = planning
        self._route: str | None = None
        self._territory: str | None = None
        self.total = 0

    def set_filter(self, route: str | None, territory: str | None) -> None:
        self._route, self._territory = route or None, territory or None
        self.refresh()

    def refresh(self) -> None:
        """Back to the first page of the current filter, with a fresh total."""
        self.total = self._planning.due_count(route=self._route, territory=self._territory)
        self._reload(self._page_size)

    def _fetch(self, offset: int, limit: int) -> list[DueCustomer]:
        return self._planning.due(route=self._route, territory=self._territory, limit=limit, offset=offset)

    def _row_id(self, row: DueCustomer) -> str:
        return row.customer_id
