"""The Assets page: every unit, filtered and searched, with flags and review lists for supervisors.

The page wires the pieces: the filter bar feeds the lazy list, the total is
counted in the background, Enter opens a unit's window, and the toolbar
registers a unit (supervisors). Writes happen in the action dialogs and are
announced on the data bus; the list and the supervisors' lists refresh from
that announcement, whoever made the change.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.ui.assets import actions, readers
from fieldcrm.ui.assets.action_dialog import ActionDialog
from fieldcrm.ui.assets.asset_window import AssetWindow, open_asset
from fieldcrm.ui.assets.context import AssetContext, touches_assets
from fieldcrm.ui.assets.filter_bar import AssetFilterBar
from fieldcrm.ui.assets.list_model import AssetListModel
from fieldcrm.ui.assets.supervisor_views import FlagsView, ReviewView
from fieldcrm.ui.customers import readers as customer_readers
from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.settings import app_settings
from fieldcrm.ui.workers import Job
from fieldcrm.ui.paged_model import current_id, select_id

HEADER_KEY = "assets/header"


class AssetsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.context = AssetContext.of(session)
        self._folder = session.workspace.folder
        self._count_job: Job | None = None
        self.asset_window: AssetWindow | None = None  # the last unit opened from the list
        self.dialog: ActionDialog | None = None  # the last registration opened

        self.filter_bar = AssetFilterBar(self)
        self.model = AssetListModel(self.context.assets, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("assetTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("assetCount")

        self.new_action = QAction(self.tr("&New unit…"), self)
        self.new_action.triggered.connect(self.register_unit)
        self.new_action.setVisible(session.is_supervisor)
        self.new_action.setEnabled(session.is_supervisor and not session.read_only)
        self.open_action = QAction(self.tr("&Open"), self)
        self.open_action.triggered.connect(self.open_selected)
        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.filter_bar.focus_search)
        self.addAction(self.find_action)
        toolbar = QToolBar(self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.open_action)

        units = QWidget(self)
        units_layout = QVBoxLayout(units)
        units_layout.addWidget(toolbar)
        units_layout.addWidget(self.filter_bar)
        units_layout.addWidget(self.table, 1)
        units_layout.addWidget(self.count_label)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("assetTabs")
        self.tabs.addTab(units, self.tr("Units"))
        self.flags: FlagsView | None = None
        self.review: ReviewView | None = None
        if session.is_supervisor:
            self.flags = FlagsView(self.context, self)
            self.review = ReviewView(self.context, self)
            self.tabs.addTab(self.flags, self.tr("Flagged"))
            self.tabs.addTab(self.review, self.tr("Review"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.table)

        self.filter_bar.changed.connect(self._apply_filter)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        session.bus.changed.connect(self._data_changed)
        self._restore_layout()
        self.model.set_filter(self.filter_bar.filter())
        self._count()
        self._load_territories()
        self._update_actions()

    def _restore_layout(self) -> None:
        state = app_settings().value(HEADER_KEY)
        if isinstance(state, QByteArray):
            self.table.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        app_settings().setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # -- list -----------------------------------------------------------------

    def _apply_filter(self) -> None:
        self.model.set_filter(self.filter_bar.filter())
        self._count()
        self._update_actions()

    def _count(self) -> None:
        """Count in the background: a search over a big fleet takes a moment."""
        if self._count_job is not None:
            self._count_job.cancel()
        chosen = self.model.filter
        self.count_label.setText(self.tr("Counting…"))
        job = self._session.tasks.submit(lambda progress: readers.count_assets(self._folder, chosen))
        job.succeeded.connect(lambda total: self.count_label.setText(self.tr("%n unit(s)", "", total)))
        job.failed.connect(lambda error: self.count_label.setText(""))
        self._count_job = job

    def _load_territories(self) -> None:
        job = self._session.tasks.submit(
            lambda progress: customer_readers.values_in_use(self._folder, ("territory",))["territory"]
        )
        job.succeeded.connect(self.filter_bar.set_territories)

    def current_id(self) -> str | None:
        return current_id(self.table)

    def select(self, asset_id: str | None) -> None:
        select_id(self.table, asset_id)

    def _update_actions(self) -> None:
        self.open_action.setEnabled(self.current_id() is not None)

    def _data_changed(self, tables: set[str]) -> None:
        if not touches_assets(tables):
            return
        keep = self.current_id()
        self.model.refresh()
        self.select(keep)
        self._count()
        if "customers" in tables:
            self._load_territories()
        self._update_actions()

    # -- actions --------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        asset_id = self.model.id_at(index.row())
        if asset_id is not None:
            self.open_asset(asset_id)

    def open_selected(self) -> None:
        asset_id = self.current_id()
        if asset_id is not None:
            self.open_asset(asset_id)

    def open_asset(self, tag_or_id: str) -> AssetWindow:
        self.asset_window = open_asset(self.context, tag_or_id, self)
        return self.asset_window

    def register_unit(self) -> ActionDialog | None:
        if not self.new_action.isEnabled():
            return None
        self.dialog = actions.register(self.context, self)
        return self.dialog
