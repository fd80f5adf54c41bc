"""The selected route's stops in visiting order, each with the leg that reaches it; reordered by drag and drop.

Customers without coordinates are listed apart at the end, unnumbered and
marked, where the optimiser keeps them too. A drop does not move rows by
itself: the model works out the new order and asks for it
(``reorder_requested``); the page writes it through the service and the
stored order comes back through ``set_view``. A new order of the same stops
is a layout change, so the view's selection follows the stops it had.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from fieldcrm.domain.route_model import RouteView, StopView
from fieldcrm.domain.route_values import StopPin
from fieldcrm.ui.i18n import choice_label
from fieldcrm.ui.routes import texts
from fieldcrm.ui.routes.column_model import AnyIndex, ColumnModel

MIME_TYPE = "application/x-fieldcrm-route-stops"
UNLOCATED_TEXT = QColor("#8a8a8a")


def display_order(stops: Sequence[StopView]) -> list[StopView]:
    """Located stops in route order, then those without coordinates: the order the table and map show."""
    return [s for s in stops if s.located] + [s for s in stops if not s.located]


class StopTableModel(ColumnModel[StopView]):
    columns = ("number", "code", "name", "pin", "leg")
    numeric = frozenset({"number", "leg"})
    #: the whole new order of stop ids, asked for by a drop or ``moveRows``
    reorder_requested = Signal(tuple)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._route_id: str | None = None
        self._located = 0
        self._movable = False
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- contents -------------------------------------------------------------

    def set_view(self, view: RouteView | None) -> None:
        """Show a route's stops; the same stops of the same route keep their rows (and the selection)."""
        stops = display_order(view.stops) if view is not None else []
        route_id = view.route.id if view is not None else None
        same_stops = route_id == self._route_id and {s.stop_id for s in stops} == set(self.order)
        if not same_stops:
            self.beginResetModel()
            self._set(route_id, stops)
            self.endResetModel()
        elif [s.stop_id for s in stops] == list(self.order):
            self._set(route_id, stops)
            if stops:
                self.dataChanged.emit(self.index(0, 0), self.index(len(stops) - 1, len(self.columns) - 1))
        else:
            self._reorder(stops)

    def _set(self, route_id: str | None, stops: list[StopView]) -> None:
        self._route_id = route_id
        self._rows = stops
        self._located = sum(1 for s in stops if s.located)

    def _reorder(self, stops: list[StopView]) -> None:
        self.layoutAboutToBeChanged.emit()
        rows = {s.stop_id: row for row, s in enumerate(stops)}
        moved_from = self.persistentIndexList()
        moved_to = [self.index(rows[self._rows[i.row()].stop_id], i.column()) for i in moved_from]
        self._set(self._route_id, stops)
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def set_movable(self, movable: bool) -> None:
        """Whether stops may be dragged (a writable workspace showing a route)."""
        self._movable = movable

    @property
    def route_id(self) -> str | None:
        return self._route_id

    @property
    def stops(self) -> tuple[StopView, ...]:
        return tuple(self._rows)

    @property
    def order(self) -> tuple[str, ...]:
        """Stop ids as shown, which is the order a write from this table stores."""
        return tuple(s.stop_id for s in self._rows)

    def stop(self, row: int) -> StopView | None:
        return self.row_at(row)

    def row_of(self, stop_id: str) -> int | None:
        return next((n for n, s in enumerate(self._rows) if s.stop_id == stop_id), None)

    def number(self, row: int) -> int | None:
        """The stop's number on the route (and on the map); None for a stop without coordinates."""
        return row + 1 if 0 <= row < self._located else None

    # -- display --------------------------------------------------------------

    def text(self, row: int, stop: StopView, column: str) -> str:
        if column == "number":  # the number on the map's marker, so written the same way
            number = self.number(row)
            return str(number) if number is not None else ""
        if column == "code":
            return stop.code or ""
        if column == "name":
            return stop.name or ""
        if column == "pin":
            return "" if stop.pin is StopPin.NONE else choice_label(stop.pin)
        if not stop.located:
            return self.tr("no coordinates")
        return texts.km(stop.leg_m)

    def styled(self, row: int, stop: StopView, column: str, role: int) -> Any:
        """Customers without coordinates are greyed and in italics, with the reason in a tooltip."""
        if stop.located:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return UNLOCATED_TEXT
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("No coordinates: kept at the end of the route and not shown on the map")
        return None

    def titles(self) -> dict[str, str]:
        return {
            "number": self.tr("#"), "code": self.tr("Code"), "name": self.tr("Customer"), "pin": self.tr("Pin"),
            "leg": self.tr("Leg"),
        }

    # -- drag and drop --------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._movable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._movable and self._rows[index.row()].located:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(MIME_TYPE, "\n".join(self._rows[row].stop_id for row in rows).encode())
        return data

    def canDropMimeData(  # noqa: N802 - Qt API
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self._movable and action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def dropMimeData(  # noqa: N802 - Qt API
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Move the dragged stops in front of ``row`` (dropped on a row: in front of it; below all: last)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        stop_ids = bytes(data.data(MIME_TYPE).data()).decode().split("\n")
        return self._move(stop_ids, row)

    def moveRows(  # noqa: N802 - Qt API
        self, source_parent: AnyIndex, source_row: int, count: int, destination_parent: AnyIndex,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or not self._movable:
            return False
        if count < 1 or source_row < 0 or source_row + count > len(self._rows):
            return False
        return self._move(list(self.order[source_row:source_row + count]), destination_child)

    def _move(self, stop_ids: Sequence[str], row: int) -> bool:
        """Ask for the order with ``stop_ids`` in front of ``row``; True once the model shows it."""
        wanted = set(stop_ids)
        if not wanted or not wanted <= set(self.order):
            return False
        current = list(self._rows)
        moving = [s for s in current if s.stop_id in wanted]
        before = [s for s in current[:row] if s.stop_id not in wanted]
        after = [s for s in current[row:] if s.stop_id not in wanted]
        order = tuple(s.stop_id for s in display_order([*before, *moving, *after]))
        if order == self.order:
            return False
        self.reorder_requested.emit(order)
        return self.order == order
