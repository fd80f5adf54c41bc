"""The asset table as a lazily filled model: a page of units at a time, filtered by SQLite.

A distributor's fleet runs to tens of thousands of units; the view asks for
rows as the user scrolls (``canFetchMore``/``fetchMore``) and every filter is
a new ``AssetFilter`` handed to ``AssetService.list``. Like the customer
list, the model never counts: it stops when a page comes back short, and the
page shows the total from a background count.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from fieldcrm.domain.assets import AssetService
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.ui.assets import texts
from fieldcrm.ui.paged_model import PAGE_SIZE, AnyIndex, PagedTableModel, Row

ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2


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


class AssetListModel(PagedTableModel):
    def __init__(self, service: AssetService, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._service = service
        self._filter = AssetFilter()

    @property
    def filter(self) -> AssetFilter:
        return self._filter

    def set_filter(self, chosen: AssetFilter) -> None:
        """Show the first page of what ``chosen`` matches; further pages come as the view scrolls."""
        self._filter = chosen
        self._reload(self._page_size)

    def _fetch(self, offset: int, limit: int) -> list[Row]:
        return self._service.list(**self._filter.criteria(), offset=offset, limit=limit)

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
