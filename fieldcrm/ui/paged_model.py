"""A table model filled a page at a time as the view scrolls.

Lists here can hold 100,000 rows, so the view asks for rows as the user
scrolls (``canFetchMore``/``fetchMore``) and each page is one SQL query.
The model never counts: it stops fetching when a page comes back short, and
pages show totals from a background count. Subclasses say how a page is read
(``_fetch``) and how a row is shown.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Generic, Iterator, TypeVar

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QTableView

PAGE_SIZE = 200

AnyIndex = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
R = TypeVar("R")


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Rows are dicts with an ``id`` unless a subclass says otherwise (``_row_id``)."""

    def __init__(self, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._rows: list[R] = []
        self._exhausted = True
        self._busy = False

    def _fetch(self, offset: int, limit: int) -> list[R]:
        """Rows ``offset`` to ``offset + limit`` of what the model currently shows."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read after a write, keeping as many rows loaded as before so the view does not jump."""
        self._reload(max(self._page_size, len(self._rows)))

    def _reload(self, limit: int) -> None:
        with self._changing():
            self.beginResetModel()
            self._rows = self._fetch(0, limit)
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

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self._exhausted and not self._busy

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802 - Qt API
        if not self.canFetchMore(parent):
            return
        with self._changing():
            more = self._fetch(len(self._rows), self._page_size)
            self._exhausted = len(more) < self._page_size
            if not more:
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def _row_id(self, row: R) -> str:
        return row["id"]  # type: ignore[index]  # the dict rows of the customer and asset lists

    def id_at(self, row: int) -> str | None:
        return self._row_id(self._rows[row]) if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str) -> int | None:
        """The row of a record among those loaded so far."""
        return next((n for n, row in enumerate(self._rows) if self._row_id(row) == row_id), None)


def current_id(view: QTableView) -> str | None:
    """The id of the view's current row, if any (the view shows a PagedTableModel)."""
    model = view.model()
    assert isinstance(model, PagedTableModel)
    index = view.currentIndex()
    return model.id_at(index.row()) if index.isValid() else None


def select_id(view: QTableView, row_id: str | None) -> None:
    """Select the record ``row_id`` if it is among the loaded rows, else clear the selection."""
    model = view.model()
    assert isinstance(model, PagedTableModel)
    row = model.row_of(row_id) if row_id else None
    if row is None:
        view.clearSelection()
        return
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.scrollTo(index)
