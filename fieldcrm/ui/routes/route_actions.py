"""What the Routes page does to routes: Optimise, reorder, pin, add, remove, move, split, undo.

Each action calls one service method and then announces the write on the
data bus; the page re-reads from that. Optimise solves on a worker and
writes the result on the GUI thread's connection (the one writer), through
the same undo history as drag and drop. The services decide what is
allowed; a read-only workspace (which refuses every write) has the actions
disabled. Changing who is on a route cannot be undone, and clears the
order history, whose steps would name the wrong stops.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolButton

from fieldcrm.domain.route_model import OptimiseResult
from fieldcrm.domain.route_values import Level, StopPin
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui import prompts
from fieldcrm.ui.i18n import choice_label
from fieldcrm.ui.routes import readers, texts
from fieldcrm.ui.routes.order_history import OrderCommand
from fieldcrm.ui.routes.split_dialog import SplitDialog
from fieldcrm.ui.routes.stop_dialogs import AddStopDialog, MoveStopsDialog
from fieldcrm.ui.workers import Job

if TYPE_CHECKING:
    from fieldcrm.ui.routes.routes_page import RoutesPage

#: what a change of who is on a route touches (the card's route text follows the visiting route)
MEMBERSHIP_TABLES = ("route_stops", "customers")
PIN_ORDER = (StopPin.FIRST, StopPin.LAST, StopPin.FIXED, StopPin.NONE)


class RouteActions(QObject):
    def __init__(self, page: RoutesPage) -> None:
        super().__init__(page)
        self.page = page
        self.session = page.session
        self.routes = page.routes
        self.history = QUndoStack(self)
        self.optimise_job: Job | None = None
        self.dialog: AddStopDialog | MoveStopsDialog | SplitDialog | None = None  # the last one opened

        self.optimise_action = self._action(self.tr("&Optimise"), "optimise", self.optimise)
        self.optimise_action.setToolTip(self.tr("Reorder the route for the shortest tour, keeping pinned stops"))
        self.undo_action = self.history.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.history.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            page.addAction(action)
        self.pin_menu = QMenu(self.tr("Pin"), page)
        self.pin_actions: dict[StopPin, QAction] = {}
        for pin in PIN_ORDER:
            text = self.tr("Unpin") if pin is StopPin.NONE else self.tr("Pin: {pin}").format(pin=choice_label(pin))
            self.pin_actions[pin] = self.pin_menu.addAction(text, lambda pin=pin: self.pin(pin))
        self.pin_action = self.pin_menu.menuAction()
        self.pin_action.setObjectName("pin")
        self.add_action = self._action(self.tr("&Add customer…"), "addStop", self.add_customer)
        self.remove_action = self._action(self.tr("&Remove from route"), "removeStops", self.remove_selected)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        page.stop_table.addAction(self.remove_action)
        self.move_action = self._action(self.tr("&Move to route…"), "moveStops", self.move_selected)
        self.split_action = self._action(self.tr("&Split zone…"), "splitZone", self.split_zone)
        self.split_action.setToolTip(self.tr("Divide the chosen zone's customers into balanced routes"))

        toolbar = page.toolbar
        for action in (self.optimise_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.pin_action)
        button = toolbar.widgetForAction(self.pin_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for action in (self.add_action, self.remove_action, self.move_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.split_action)

        page.stop_model.reorder_requested.connect(self.reorder)
        page.cancel_button.clicked.connect(self.cancel_optimise)
        page.progress.hide()
        page.cancel_button.hide()

    def _action(self, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    # -- enabled state --------------------------------------------------------

    def update(self) -> None:
        """Enable what the shown route, the chosen stops and the workspace allow."""
        writable = not self.session.read_only
        busy = self.optimise_job is not None
        route = self.page.current_route()
        chosen = bool(self.page.selected_stops())
        located = sum(1 for stop in self.page.stop_model.stops if stop.located)
        node = self.page.current_node()
        self.optimise_action.setEnabled(
            writable and not busy and route is not None and route.depot is not None and located >= 2
        )
        self.page.stop_model.set_movable(writable and not busy and route is not None)
        for action in (self.pin_action, self.remove_action, self.move_action):
            action.setEnabled(writable and not busy and chosen)
        self.add_action.setEnabled(writable and not busy and route is not None)
        self.split_action.setEnabled(
            writable and not busy and node is not None and node.level is Level.ZONE and node.customers > 0
        )
        self.undo_action.setEnabled(writable and not busy and self.history.canUndo())
        self.redo_action.setEnabled(writable and not busy and self.history.canRedo())

    # -- order ----------------------------------------------------------------

    def reorder(self, order: tuple[str, ...]) -> None:
        """A drop in the stops table: store the new order, undoably."""
        route = self.page.current_route()
        if route is None or self.session.read_only:
            return
        text = self.tr("Reorder {route}").format(route=route.name)
        self._push_order(text, route.id, self.page.stop_model.order, order)

    def _push_order(self, text: str, route_id: str, before: tuple[str, ...], after: tuple[str, ...]) -> None:
        self.history.push(OrderCommand(text, route_id, before, after, self._write_order, self._show_error))
        self.update()

    def _write_order(self, route_id: str, order: tuple[str, ...]) -> None:
        self.routes.set_order(route_id, order)
        self.session.bus.notify("route_stops")

    def optimise(self) -> Job | None:
        """Solve the shown route on a worker; the result is written when it arrives, unless cancelled."""
        route = self.page.current_route()
        if route is None or self.optimise_job is not None or self.session.read_only:
            return None
        folder, route_id = self.session.workspace.folder, route.id
        self.optimise_job = job = readers.start(
            self.session.tasks, lambda progress: readers.propose_order(folder, route_id, progress),
            self._optimised, self._show_error, self._optimise_finished,
        )
        self.page.result_label.setText(self.tr("Optimising {route}…").format(route=route.name))
        self.page.progress.show()
        self.page.cancel_button.show()
        self.update()
        return job

    def cancel_optimise(self) -> None:
        if self.optimise_job is not None:
            self.optimise_job.cancel()
            self.page.result_label.setText(self.tr("Optimising cancelled; nothing was changed"))

    def _optimise_finished(self) -> None:
        """One optimisation runs at a time, so whichever finished is the one running."""
        self.optimise_job = None
        self.page.progress.hide()
        self.page.cancel_button.hide()
        self.update()

    def _optimised(self, result: OptimiseResult) -> None:
        try:
            current = self.routes.view(result.route_id).order
        except FieldCRMError as error:
            self._show_error(error)
            return
        if set(current) != set(result.previous_order):
            self.page.result_label.setText(
                self.tr("{route} changed while it was being optimised; nothing was changed. Optimise again.").format(
                    route=result.name
                )
            )
            return
        lengths = self.tr("{route}: {before} → {after}").format(
            route=result.name, before=texts.km(result.before_m), after=texts.km(result.after_m)
        )
        if result.order == current:
            self.page.result_label.setText(self.tr("{lengths} (already in the best order)").format(lengths=lengths))
            return
        self.page.result_label.setText(lengths)
        self._push_order(self.tr("Optimise {route}").format(route=result.name), result.route_id, current, result.order)

    # -- stops ----------------------------------------------------------------

    def pin(self, pin: StopPin) -> None:
        route, customers = self.page.current_route(), [s.customer_id for s in self.page.selected_stops()]
        if route is None or not customers or self.session.read_only:
            return
        self._write(lambda: self.routes.set_pins(route.id, customers, pin.value), ("route_stops",), clears=False)

    def add_customer(self) -> AddStopDialog | None:
        route = self.page.current_route()
        if route is None or self.session.read_only:
            return None
        dialog = AddStopDialog(self.routes, self.page.customers, route, self.page)
        return self._open(dialog)

    def remove_selected(self) -> None:
        route, stops = self.page.current_route(), self.page.selected_stops()
        if route is None or not stops or self.session.read_only:
            return
        names = ", ".join(stop.name or stop.code or stop.customer_id for stop in stops[:5])
        question = self.tr("Take %n customer(s) off {route}?\n\n{names}", "", len(stops)).format(
            route=route.name, names=names + (" …" if len(stops) > 5 else "")
        )
        if prompts.confirm(self.page, self.tr("Remove from route"), question, self.tr("&Remove")):
            customers = [stop.customer_id for stop in stops]
            self._write(lambda: self.routes.remove(route.id, customers), MEMBERSHIP_TABLES)

    def move_selected(self) -> MoveStopsDialog | None:
        route, stops = self.page.current_route(), self.page.selected_stops()
        if route is None or not stops or self.session.read_only:
            return None
        targets = [r for r in self.routes.list_routes(kind=route.kind.value) if r.id != route.id]
        if not targets:
            prompts.show_info(
                self.page, self.tr("Move to route"),
                self.tr("There is no other {kind} route to move to.").format(kind=choice_label(route.kind).lower()),
            )
            return None
        customers = [stop.customer_id for stop in stops]

        def move(target: str, cheapest: bool) -> None:
            self.routes.move(customers, target, cheapest=cheapest)

        return self._open(MoveStopsDialog(move, targets, len(customers), self.page))

    def split_zone(self) -> SplitDialog | None:
        node = self.page.current_node()
        if node is None or node.level is not Level.ZONE or self.session.read_only:
            return None
        folder = self.session.workspace.folder
        dialog = SplitDialog(self.page.split, self.session.tasks, folder, node, self.page)
        return self._open(dialog, ("routes", *MEMBERSHIP_TABLES))

    # -- writing --------------------------------------------------------------

    def _open(
        self, dialog: AddStopDialog | MoveStopsDialog | SplitDialog, tables: tuple[str, ...] = MEMBERSHIP_TABLES,
    ) -> AddStopDialog | MoveStopsDialog | SplitDialog:
        """Show a dialog that writes on OK; once it has, the write is announced and the order history cleared."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._announce(tables, clears=True))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _write(self, change: Callable[[], object], tables: tuple[str, ...], *, clears: bool = True) -> None:
        try:
            change()
        except FieldCRMError as error:
            self._show_error(error)
            return
        self._announce(tables, clears=clears)

    def _announce(self, tables: tuple[str, ...], *, clears: bool) -> None:
        if clears:
            self.history.clear()
        self.session.bus.notify(*tables)

    def _show_error(self, error: FieldCRMError) -> None:
        prompts.show_error(self.page, error, texts.message)
