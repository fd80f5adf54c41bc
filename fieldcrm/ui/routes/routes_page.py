"""The Routes page: territory tree, the routes of the chosen node, the chosen route's stops and map, the week plan.

The page lays the pieces out and keeps them in step: the tree picks the
routes listed, the route list picks the stops and the map, and the stops
table and the map share one selection. The actions on them (Optimise, pins,
add, remove, move, split, undo) live in ``RouteActions`` (``editing``), the
route's documents in ``RoutePrinting`` (``printing``); their buttons sit in
``toolbar`` (``current_route()`` says which route they act on).
Every write is announced on the data bus, and the page re-reads what it
shows from that announcement, whoever wrote, keeping the selection.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QTableView, QTabWidget, QToolBar,
    QTreeView, QVBoxLayout, QWidget,
)

from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.route_model import Route, RouteView, StopView
from fieldcrm.domain.route_split import SplitService
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import TerritoryNode, TerritoryService
from fieldcrm.errors import NotFound
from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.routes import texts
from fieldcrm.ui.routes.map_view import RouteMapView
from fieldcrm.ui.routes.route_actions import RouteActions
from fieldcrm.ui.routes.route_printing import RoutePrinting
from fieldcrm.ui.routes.route_list_model import RouteListModel
from fieldcrm.ui.routes.stop_model import StopTableModel
from fieldcrm.ui.routes.territory_model import TerritoryTreeModel
from fieldcrm.ui.routes.week_plan_view import WeekPlanPanel
from fieldcrm.ui.settings import app_settings
from fieldcrm.ui.visits.list_widgets import record_table

#: the tables the page shows; a change to any of them re-reads the page
ROUTE_TABLES = frozenset({"routes", "route_stops", "territories", "customers"})
SPLITTER_KEYS = ("routes/splitter_tree", "routes/splitter_lists", "routes/splitter_map")


class RoutesPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        workspace = session.workspace
        self.routes = RouteService(workspace)
        self.territories = TerritoryService(workspace)
        self.split = SplitService(workspace)
        self.customers = CustomerService(workspace)
        self._syncing = False  # True while the page itself moves a selection
        self._stale = False  # the data changed while the page was hidden

        self.tree_model = TerritoryTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("territoryTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.route_model = RouteListModel(self)
        self.route_table = record_table(self.route_model, "routeTable", self)
        self.stop_model = StopTableModel(self)
        self.stop_model.set_movable(not session.read_only)
        self.stop_table = self._stop_table()
        self.total_label = QLabel(self)
        self.total_label.setObjectName("routeTotal")
        self.map = RouteMapView(self)
        self.fit_button = QPushButton(self.tr("&Fit"), self)
        self.fit_button.setObjectName("mapFit")
        self.fit_button.setToolTip(self.tr("Show the whole route"))
        self.fit_button.clicked.connect(self.map.fit)
        self.map_note = QLabel(self)
        self.map_note.setObjectName("mapNote")
        self.week_plan = WeekPlanPanel(session.tasks, workspace.folder, self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("optimiseProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("optimiseCancel")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("optimiseResult")
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("routeToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.editing = RouteActions(self)
        self.printing = RoutePrinting(self)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("routeTabs")
        self.tabs.addTab(self._routes_tab(), self.tr("Routes"))
        self.tabs.addTab(self.week_plan, self.tr("Week plan"))
        status = QHBoxLayout()
        status.addWidget(self.result_label, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(status)
        self.setFocusProxy(self.tree)

        self.tree.selectionModel().currentChanged.connect(self._node_chosen)
        self.route_table.selectionModel().currentRowChanged.connect(self._route_chosen)
        self.stop_table.selectionModel().selectionChanged.connect(self._stops_chosen_in_table)
        self.stop_table.activated.connect(self._open_stop)
        self.map.stops_selected.connect(self._stops_chosen_on_map)
        self.map.customer_clicked.connect(session.bus.open_customer)
        self.week_plan.customer_opened.connect(session.bus.open_customer)
        session.bus.changed.connect(self._data_changed)

        self._restore_layout()
        self.reload()

    # -- layout ---------------------------------------------------------------

    def _stop_table(self) -> QTableView:
        table = record_table(self.stop_model, "stopTable", self)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setDragDropOverwriteMode(False)
        table.setDropIndicatorShown(True)
        return table

    def _routes_tab(self) -> QWidget:
        stops = QWidget(self)
        stops_layout = QVBoxLayout(stops)
        stops_layout.setContentsMargins(0, 0, 0, 0)
        stops_layout.addWidget(self.stop_table, 1)
        stops_layout.addWidget(self.total_label)
        map_panel = QWidget(self)
        map_header = QHBoxLayout()
        map_header.addWidget(self.map_note, 1)
        map_header.addWidget(self.fit_button)
        map_layout = QVBoxLayout(map_panel)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addLayout(map_header)
        map_layout.addWidget(self.map, 1)
        self.map_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.map_splitter.addWidget(stops)
        self.map_splitter.addWidget(map_panel)
        self.lists_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.lists_splitter.addWidget(self.route_table)
        self.lists_splitter.addWidget(self.map_splitter)
        self.tree_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.tree_splitter.addWidget(self.tree)
        self.tree_splitter.addWidget(self.lists_splitter)
        for splitter in self._splitters():
            splitter.setChildrenCollapsible(False)
        return self.tree_splitter

    def _splitters(self) -> tuple[QSplitter, QSplitter, QSplitter]:
        return (self.tree_splitter, self.lists_splitter, self.map_splitter)

    def _restore_layout(self) -> None:
        settings = app_settings()
        defaults = ([1, 3], [1, 2], [1, 1])
        for key, splitter, sizes in zip(SPLITTER_KEYS, self._splitters(), defaults, strict=True):
            state = settings.value(key)
            if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
                splitter.setSizes(sizes)

    def save_state(self) -> None:
        settings = app_settings()
        for key, splitter in zip(SPLITTER_KEYS, self._splitters(), strict=True):
            settings.setValue(key, splitter.saveState())

    # -- what is chosen -------------------------------------------------------

    def current_node(self) -> TerritoryNode | None:
        """The chosen territory node; None for "All routes"."""
        return self.tree_model.node(self.tree.currentIndex())

    def current_route(self) -> Route | None:
        index = self.route_table.currentIndex()
        return self.route_model.route(index.row()) if index.isValid() else None

    def selected_stops(self) -> list[StopView]:
        """The selected stops, in route order."""
        rows = sorted({index.row() for index in self.stop_table.selectionModel().selectedRows()})
        return [stop for stop in (self.stop_model.stop(row) for row in rows) if stop is not None]

    def select_node(self, node_id: str | None) -> None:
        """Choose a territory node by id (None: "All routes")."""
        index = self.tree_model.index_of(node_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def select_route(self, route_id: str | None) -> None:
        row = self.route_model.row_of(route_id)
        if row is None:
            self.route_table.clearSelection()
            self.route_table.setCurrentIndex(QModelIndex())
            return
        self.route_table.setCurrentIndex(self.route_model.index(row, 0))

    def select_stops(self, stop_ids: Iterable[str]) -> None:
        """Select stops by id in the table and on the map."""
        wanted = list(stop_ids)
        selection = QItemSelection()
        for stop_id in wanted:
            row = self.stop_model.row_of(stop_id)
            if row is not None:
                last = self.stop_model.index(row, self.stop_model.columnCount() - 1)
                selection.select(self.stop_model.index(row, 0), last)
        self._syncing = True
        try:
            self.stop_table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._syncing = False
        self.map.select_stops(wanted)
        self._update_actions()

    def _update_actions(self) -> None:
        self.editing.update()
        self.printing.update()

    # -- reading --------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the tree, the routes and the shown route, keeping what was chosen."""
        self._stale = False
        node_id = self._current_node_id()
        route = self.current_route()
        stops = [stop.stop_id for stop in self.selected_stops()]
        self._syncing = True
        try:
            self._load_tree(node_id)
            self._load_routes_choosing(route.id if route else None)
        finally:
            self._syncing = False
        self._show_route()
        self.select_stops(stops)
        self.week_plan.set_territory(self._current_node_id())

    def _current_node_id(self) -> str | None:
        node = self.current_node()
        return node.id if node else None

    def _load_tree(self, node_id: str | None) -> None:
        model = self.tree_model
        expanded = {
            model.node_id(index) for index in self._tree_indexes() if self.tree.isExpanded(index)
        } if model.rowCount() else None
        model.set_tree(self.territories.tree())
        for index in self._tree_indexes():
            if expanded is None or model.node_id(index) in expanded:
                self.tree.expand(index)
        chosen = model.index_of(node_id)
        self.tree.setCurrentIndex(chosen if chosen.isValid() else model.index(0, 0))
        self.tree.resizeColumnToContents(0)

    def _tree_indexes(self) -> list[QModelIndex]:
        found: list[QModelIndex] = []
        pending = [self.tree_model.index(row, 0) for row in range(self.tree_model.rowCount())]
        while pending:
            index = pending.pop()
            found.append(index)
            pending.extend(self.tree_model.index(row, 0, index) for row in range(self.tree_model.rowCount(index)))
        return found

    def _load_routes(self) -> None:
        try:
            routes = self.routes.list_routes(self._current_node_id())
        except NotFound:  # the node went away (sync) between reading the tree and its routes
            routes = []
        self.route_model.set_routes(routes)
        self.route_table.resizeColumnsToContents()

    def _load_routes_choosing(self, route_id: str | None) -> None:
        """List the node's routes and choose ``route_id``, or the first when it is not among them."""
        self._load_routes()
        if self.route_model.row_of(route_id) is None:
            first = self.route_model.route(0)
            route_id = first.id if first else None
        self.select_route(route_id)

    def _show_route(self) -> None:
        route = self.current_route()
        view: RouteView | None = None
        if route is not None:
            try:
                view = self.routes.view(route.id)
            except NotFound:
                view = None
        other_route = (view.route.id if view else None) != self.stop_model.route_id
        self.stop_model.set_view(view)
        if other_route:
            self.stop_table.resizeColumnsToContents()
        self.map.show_route(view)
        self._show_totals(view)
        self._update_actions()

    def _show_totals(self, view: RouteView | None) -> None:
        if view is None:
            self.total_label.setText("")
            self.map_note.setText("")
            return
        stops = self.tr("%n stop(s)", "", len(view.stops))
        if view.return_m is not None:
            text = self.tr("{stops} · total {total}, of which {back} back to the start point").format(
                stops=stops, total=texts.km(view.total_m), back=texts.km(view.return_m)
            )
        else:
            text = self.tr("{stops} · total {total} (no start point)").format(
                stops=stops, total=texts.km(view.total_m)
            )
        self.total_label.setText(text)
        unlocated = len(view.unlocated)
        note = self.tr("%n customer(s) without coordinates not on the map", "", unlocated) if unlocated else ""
        self.map_note.setText(note)

    def _data_changed(self, tables: set[str]) -> None:
        """Re-read what changed; while another page is shown, only remember to (cards change often)."""
        if tables & ROUTE_TABLES:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True
        self.week_plan.data_changed(tables)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.reload()

    # -- selection ------------------------------------------------------------

    def _node_chosen(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self._load_routes_choosing(None)
        finally:
            self._syncing = False
        self._show_route()
        self.week_plan.set_territory(self._current_node_id())

    def _route_chosen(self) -> None:
        if not self._syncing:
            self._show_route()

    def _stops_chosen_in_table(self) -> None:
        if self._syncing:
            return
        self.map.select_stops(stop.stop_id for stop in self.selected_stops())
        self._update_actions()

    def _stops_chosen_on_map(self, stop_ids: list[str]) -> None:
        self.select_stops(stop_ids)
        if stop_ids:
            row = self.stop_model.row_of(stop_ids[-1])
            if row is not None:
                self.stop_table.scrollTo(self.stop_model.index(row, 0))

    def _open_stop(self, index: QModelIndex) -> None:
        stop = self.stop_model.stop(index.row())
        if stop is not None:
            self.session.bus.open_customer.emit(stop.customer_id)
