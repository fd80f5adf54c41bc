"""The asset table as a lazily filled model: a page of units at a time, filtered by SQLite.

A distributor's fleet runs to tens of thousands of units; the view asks for
rows as the user scrolls (``canFetchMore``/``fetchMore``) and every filter is
a new ``AssetFilter`` handed to ``AssetService.list``. Like the customer
list, the model never counts: it stops when a page comes back short, and the
page shows the total from a background count.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, Callable, Iterator

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fieldcrm.domain.assets import AssetService
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.ui.assets import texts

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]


@dataclass(frozen=True)
class AssetFilter:
    """What the filter bar asks for; empty means "any"."""

    status: str | None = None
    type: str | None = None
    territory: str | None = None
    overdue: bool = False
    search: str = ""

    def criteria(self) -> dict[str, Any]:
        """The keyword arguments of ``AssetService.list``/``count``."""
        return asdict(self)


def _customer(row: Row) -> str:
    return " ".join(str(p) for p in (row["customer_code"], row["customer_name"]) if p)


def _due(row: Row) -> str:
    if row["overdue"]:
        return QCoreApplication.translate("AssetList", "{date} (overdue)").format(date=row["due_on"])
    return row["due_on"] or ""


COLUMNS: tuple[tuple[str, Callable[[Row], str]], ...] = (
    (_N("AssetList", "Tag"), lambda r: r["tag"]),
    (_N("AssetList", "Type"), lambda r: texts.asset_type(r["type"])),
    (_N("AssetList", "Status"), lambda r: texts.status(r["status"])),
    (_N("AssetList", "Brand"), lambda r: r["brand"] or ""),
    (_N("AssetList", "Model"), lambda r: r["model"] or ""),
    (_N("AssetList", "Customer"), _customer),
    (_N("AssetList", "Territory"), lambda r: r["territory"] or ""),
    (_N("AssetList", "Warehouse"), lambda r: r["warehouse"] or ""),
    (_N("AssetList", "Last inspected"), lambda r: r["last_checked_on"] or ""),
    (_N("AssetList", "Next inspection"), _due),
)


def column_title(section: int) -> str:
    return QCoreApplication.translate("AssetList", COLUMNS[section][0])


class AssetListModel(QAbstractTableModel):
    def __init__(self, service: AssetService, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._filter = AssetFilter()
        self._rows: list[Row] = []
        self._exhausted = True
        self._busy = False

    @property
    def filter(self) -> AssetFilter:
        return self._filter

    def set_filter(self, chosen: AssetFilter) -> None:
        """Show the first page of what ``chosen`` matches; further pages come as the view scrolls."""
        self._filter = chosen
        self._reload(self._page_size)

    def refresh(self) -> None:
        """Re-read after a write, keeping as many rows loaded as before so the view does not jump."""
        self._reload(max(self._page_size, len(self._rows)))

    def _reload(self, limit: int) -> None:
        with self._changing():
            self.beginResetModel()
            self._rows = self._service.list(**self._filter.criteria(), offset=0, limit=limit)
            self._exhausted = len(self._rows) < limit
            self.endResetModel()

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """No fetching while a change is announced: a nested insert would load a page twice."""
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
            more = self._service.list(**self._filter.criteria(), offset=len(self._rows), limit=self._page_size)
            self._exhausted = len(more) < self._page_size
            if not more:
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][1](row)
        if role == ID_ROLE:
            return row["id"]
        if role == OVERDUE_ROLE:
            return row["overdue"]
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return column_title(section)
        return None

    def id_at(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, asset_id: str) -> int | None:
        """The row of a unit among those loaded so far."""
        return next((n for n, row in enumerate(self._rows) if row["id"] == asset_id), None)
