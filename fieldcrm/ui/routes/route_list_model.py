"""The routes of the chosen territory node: who runs them, on which days, how many stops, how long."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from fieldcrm.domain.route_model import Route
from fieldcrm.ui.i18n import choice_label
from fieldcrm.ui.routes import texts
from fieldcrm.ui.routes.column_model import ColumnModel


class RouteListModel(ColumnModel[Route]):
    columns = ("name", "kind", "rep", "delivery", "days", "stops", "length")
    numeric = frozenset({"stops", "length"})

    def set_routes(self, routes: list[Route]) -> None:
        self.beginResetModel()
        self._rows = list(routes)
        self.endResetModel()

    @property
    def routes(self) -> tuple[Route, ...]:
        return tuple(self._rows)

    def route(self, row: int) -> Route | None:
        return self.row_at(row)

    def row_of(self, route_id: str | None) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == route_id), None)

    def text(self, row: int, route: Route, column: str) -> str:
        if column == "name":
            return route.name
        if column == "kind":
            return choice_label(route.kind)
        if column in ("rep", "delivery"):
            return getattr(route, column) or ""
        if column == "days":
            return texts.days(route.days)
        if column == "stops":
            return texts.count(route.stops)
        return texts.km(route.length_m)

    def styled(self, row: int, route: Route, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == "length" and route.depot is None:
            return self.tr("No start point: the length runs from the first stop to the last")
        return None

    def titles(self) -> dict[str, str]:
        return {
            "name": self.tr("Route"), "kind": self.tr("Kind"), "rep": self.tr("Rep"),
            "delivery": self.tr("Delivery person"), "days": self.tr("Days"), "stops": self.tr("Stops"),
            "length": self.tr("Length"),
        }
