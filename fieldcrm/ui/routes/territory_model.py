"""The territory tree (district → area → zone) under one "All routes" root, as a Qt item model.

The root stands for every route, those outside the tree included: a rep's
laptop holds routes before any tree has reached it by sync. Items are
numbered in a flat list and indexes carry that number, so a parent is found
without Python objects hidden in index pointers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from fieldcrm.domain.route_values import Level
from fieldcrm.domain.territories import TerritoryNode
from fieldcrm.ui.i18n import choice_label
from fieldcrm.ui.routes import texts
from fieldcrm.ui.routes.column_model import RIGHT, AnyIndex, header_title

COLUMNS = ("name", "level", "manager", "customers", "routes")
_COUNTS = {"customers", "routes"}


@dataclass
class _Item:
    node: TerritoryNode | None  # None: the "All routes" root
    parent: int | None  # number of the parent item
    row: int
    children: list[int] = field(default_factory=list)


class TerritoryTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[_Item] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_tree(self, roots: list[TerritoryNode]) -> None:
        """Show ``roots`` under the "All routes" root."""
        self.beginResetModel()
        self._items = [_Item(None, None, 0)]
        pending = [(root, 0) for root in roots]
        while pending:
            node, parent = pending.pop(0)
            number = len(self._items)
            self._items.append(_Item(node, parent, len(self._items[parent].children)))
            self._items[parent].children.append(number)
            pending.extend((child, number) for child in node.children)
        self.endResetModel()

    # -- lookups --------------------------------------------------------------

    def node(self, index: AnyIndex) -> TerritoryNode | None:
        """The node at ``index``; None for the root and for no index."""
        return self._items[index.internalId()].node if index.isValid() else None

    def node_id(self, index: AnyIndex) -> str | None:
        node = self.node(index)
        return node.id if node else None

    def index_of(self, node_id: str | None) -> QModelIndex:
        """The index of a node by id, the root for None; invalid when the node is gone."""
        if not self._items:
            return QModelIndex()
        for number, item in enumerate(self._items):
            if (item.node.id if item.node else None) == node_id:
                return self.createIndex(item.row, 0, number)
        return QModelIndex()

    # -- Qt model -------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, self._items[parent.internalId()].children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        above = self._items[index.internalId()].parent
        if above is None:
            return QModelIndex()
        return self.createIndex(self._items[above].row, 0, above)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        if not parent.isValid():
            return 1 if self._items else 0
        if parent.column() != 0:
            return 0
        return len(self._items[parent.internalId()].children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _COUNTS:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and node is None:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and node is not None and node.level is Level.ZONE:
            return self.tr("A zone: its customers can be split into balanced routes")
        return None

    def _text(self, node: TerritoryNode | None, column: str) -> str:
        if node is None:
            return self.tr("All routes") if column == "name" else ""
        if column == "name":
            return node.name
        if column == "level":
            return choice_label(node.level)
        if column == "manager":
            return node.manager or ""
        return texts.count(node.customers if column == "customers" else node.routes)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = {
            "name": self.tr("Territory"), "level": self.tr("Level"), "manager": self.tr("Manager"),
            "customers": self.tr("Customers"), "routes": self.tr("Routes"),
        }
        return header_title(titles, COLUMNS, section, orientation, role)
