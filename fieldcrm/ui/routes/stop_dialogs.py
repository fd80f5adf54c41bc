"""Putting customers on a route and moving stops to another route.

OK calls the service once. A refusal is shown in the dialog, which stays
open with what was chosen; success closes it and the page announces the
write. The dialogs hold no rules: whether a customer may join a route is
the service's answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.route_model import Route
from fieldcrm.domain.routes import MSG_ON_OTHER, RouteService
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui import prompts
from fieldcrm.ui.assets.customer_picker import CustomerPicker
from fieldcrm.ui.assets.field_form import error_label, show_message
from fieldcrm.ui.routes import texts


def cheapest_box(parent: QWidget, route: Route | None) -> QCheckBox:
    box = QCheckBox(QCoreApplication.translate("RouteDialogs", "At the position that adds the least distance"), parent)
    box.setObjectName("cheapestPosition")
    follow_depot(box, route)
    return box


def follow_depot(box: QCheckBox, route: Route | None) -> None:
    """Cheapest placement measures from the start point, so a route without one takes customers at the end."""
    has_depot = route is not None and route.depot is not None
    box.setEnabled(has_depot)
    box.setChecked(has_depot)
    box.setToolTip(
        "" if has_depot
        else QCoreApplication.translate("RouteDialogs", "The route has no start point: customers join at the end")
    )


def try_write(label: QLabel, write: Callable[[], object]) -> bool:
    """Run one service write; a known refusal is shown in ``label`` (the dialog stays open) and gives False."""
    try:
        write()
    except FieldCRMError as error:
        show_message(label, texts.message(error))
        return False
    return True


def lay_out(dialog: QDialog, rows: list[tuple[str, QWidget]], error: QLabel) -> QDialogButtonBox:
    """A form of labelled rows, the error line under it, then OK and Cancel; returns the buttons."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout()
    for label, widget in rows:
        form.addRow(label, widget)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return buttons


class AddStopDialog(QDialog):
    """A customer onto the route, where it adds least (or at the end); offers to move one from another route."""

    def __init__(
        self, routes: RouteService, customers: CustomerService, route: Route, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a customer to {route}").format(route=route.name))
        self._routes = routes
        self._route = route
        self.picker = CustomerPicker(customers, self)
        self.cheapest = cheapest_box(self, route)
        self.error = error_label(self, "addStop")
        self.buttons = lay_out(self, [(self.tr("Customer"), self.picker), ("", self.cheapest)], self.error)

    def accept(self) -> None:
        if try_write(self.error, self._add):
            super().accept()

    def _add(self) -> None:
        customer = self.picker.customer()
        try:
            self._routes.assign(self._route.id, [customer], cheapest=self.cheapest.isChecked())
        except FieldCRMError as error:
            if error.template != MSG_ON_OTHER:
                raise
            question = self.tr("{reason}\n\nMove the customer to {route}?").format(
                reason=texts.message(error), route=self._route.name
            )
            if not prompts.confirm(self, self.tr("Move customer"), question, self.tr("&Move here")):
                raise
            self._routes.move([customer], self._route.id, cheapest=self.cheapest.isChecked())


class MoveStopsDialog(QDialog):
    """The selected stops onto another route of the same kind (visiting or delivery)."""

    def __init__(
        self, move: Callable[[str, bool], None], targets: Sequence[Route], count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move %n customer(s)", "", count))
        self._move = move
        self._targets = list(targets)
        self.target = QComboBox(self)
        self.target.setObjectName("moveTarget")
        for route in self._targets:
            self.target.addItem(route.name, route.id)
        self.cheapest = cheapest_box(self, self._targets[0] if self._targets else None)
        self.target.currentIndexChanged.connect(lambda row: follow_depot(self.cheapest, self._targets[row]))
        self.error = error_label(self, "moveStops")
        self.buttons = lay_out(self, [(self.tr("To route"), self.target), ("", self.cheapest)], self.error)

    def accept(self) -> None:
        if try_write(self.error, lambda: self._move(str(self.target.currentData()), self.cheapest.isChecked())):
            super().accept()
