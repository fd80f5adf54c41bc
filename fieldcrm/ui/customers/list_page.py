"""The Customers page: filters and the lazy list on the left, the card on the right.

The page wires the pieces together and runs the list actions (new, open,
delete, restore, print the selected cards). Writes go through
``CustomerService`` and are announced on the data bus; the list, the filter
menus and the open card refresh from that announcement, whoever made the
change.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QByteArray, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QTableView, QToolBar, QVBoxLayout, QWidget

from fieldcrm.domain.customers import CustomerService
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui import prompts
from fieldcrm.ui.customers import readers
from fieldcrm.ui.customers.display import card_title
from fieldcrm.ui.customers.editor import CustomerEditor
from fieldcrm.ui.customers.filters import FREE_TEXT_FILTERS, FilterBar
from fieldcrm.ui.customers.list_model import COLUMNS, CustomerListModel
from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.printing.actions import print_customer_cards
from fieldcrm.ui.settings import app_settings
from fieldcrm.ui.workers import Job
from fieldcrm.ui.paged_model import current_id, select_id

SPLITTER_KEY = "customers/splitter"
HEADER_KEY = "customers/header"


class CustomersPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._service = CustomerService(session.workspace)
        self._folder = session.workspace.folder
        self._count_job: Job | None = None
        self._select_next: str | None = None

        self.filter_bar = FilterBar(self)
        self.model = CustomerListModel(self._service, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several cards print as one PDF
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.setFocusProxy(self.table)  # arriving on the page puts the keyboard in the list
        self.count_label = QLabel(self)
        self.count_label.setObjectName("customerCount")
        self.editor = CustomerEditor(
            self._service, session.bus, supervisor=session.is_supervisor, read_only=session.read_only, parent=self
        )

        self.new_action = QAction(self.tr("&New customer"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_customer)
        self.delete_action = QAction(self.tr("&Delete"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.restore_action = QAction(self.tr("&Restore"), self)
        self.restore_action.triggered.connect(self.restore_selected)
        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.filter_bar.focus_search)
        self.addAction(self.find_action)
        self.print_action = QAction(self.tr("&Print cards…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_action.triggered.connect(self.print_selected)
        self.addAction(self.print_action)
        toolbar = QToolBar(self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.delete_action, self.restore_action, self.print_action):
            toolbar.addAction(action)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(toolbar)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.filter_bar.changed.connect(self._apply_filters)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.editor.saved.connect(self._remember_saved)
        self.editor.print_requested.connect(lambda customer_id: self.print_cards([customer_id]))
        self.editor.closed.connect(self.table.setFocus)
        session.bus.changed.connect(self._data_changed)

        self._restore_layout()
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)  # runs the first query, in the saved or default order
        self._count()
        self._load_values_in_use()
        self._update_actions()

    def _restore_layout(self) -> None:
        settings = app_settings()
        header = self.table.horizontalHeader()
        header.setSortIndicator(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
        state = settings.value(HEADER_KEY)
        if isinstance(state, QByteArray) and not header.restoreState(state):
            header.setSortIndicator(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
        splitter = settings.value(SPLITTER_KEY)
        if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
            self.splitter.setSizes([1, 1])  # proportions: half list, half card

    def save_state(self) -> None:
        settings = app_settings()
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    def can_leave(self) -> bool:
        return self.editor.confirm_leave()

    # -- list -----------------------------------------------------------------

    def _apply_filters(self) -> None:
        filters = self.filter_bar.filters()
        deleted_only = self.filter_bar.deleted_only()
        if deleted_only:
            filters["deleted"] = "1"
        self.model.set_criteria(self.filter_bar.search_text(), filters, include_deleted=deleted_only)
        self._count()
        self._update_actions()

    def _count(self) -> None:
        """Count in the background: on a big workspace a search's total takes a moment."""
        if self._count_job is not None:
            self._count_job.cancel()
        query = self.model.query
        self.count_label.setText(self.tr("Counting…"))
        job = self._session.tasks.submit(lambda progress: readers.count_customers(self._folder, query))
        job.succeeded.connect(self._show_count)
        job.failed.connect(lambda error: self.count_label.setText(""))
        self._count_job = job

    def _show_count(self, total: int) -> None:
        if self.filter_bar.deleted_only():
            self.count_label.setText(self.tr("%Ln deleted customer(s)", "", total))
        else:
            self.count_label.setText(self.tr("%Ln customer(s)", "", total))

    def _load_values_in_use(self) -> None:
        job = self._session.tasks.submit(lambda progress: readers.values_in_use(self._folder, FREE_TEXT_FILTERS))
        job.succeeded.connect(self.filter_bar.set_values_in_use)

    def current_id(self) -> str | None:
        return current_id(self.table)

    def select(self, customer_id: str | None) -> None:
        select_id(self.table, customer_id)

    def selected_ids(self) -> list[str]:
        """The selected cards in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [cid for cid in (self.model.id_at(row) for row in rows) if cid is not None]

    def _update_actions(self) -> None:
        writable = not self._session.read_only
        selected = self.current_id() is not None
        deleted_only = self.filter_bar.deleted_only()
        self.new_action.setEnabled(writable)
        self.delete_action.setEnabled(writable and selected and not deleted_only)
        self.delete_action.setVisible(not deleted_only)
        self.restore_action.setEnabled(writable and selected and deleted_only)
        self.restore_action.setVisible(deleted_only)
        self.print_action.setEnabled(bool(self.selected_ids()))

    def _data_changed(self, tables: set[str]) -> None:
        if not tables & {"customers", "customer_search"}:  # customer_search: rebuilt after an upgrade
            return
        keep = self._select_next or self.current_id()
        self._select_next = None
        self.model.refresh()
        self.select(keep)
        self._count()
        self._load_values_in_use()
        self._update_actions()

    def _remember_saved(self, customer_id: str) -> None:
        self._select_next = customer_id

    # -- actions --------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        customer_id = self.model.id_at(index.row())
        if customer_id is not None:
            self.open_customer(customer_id)

    def open_customer(self, customer_id: str) -> None:
        if customer_id != self.editor.customer_id and not self.editor.confirm_leave():
            return
        if customer_id != self.editor.customer_id or not self.editor.is_open:
            self.editor.show_customer(customer_id)
        self.editor.focus_first_field()

    def new_customer(self) -> None:
        if self._session.read_only or not self.editor.confirm_leave():
            return
        self.editor.start_new()

    def delete_selected(self) -> None:
        customer_id = self.current_id()
        if customer_id is None or self._session.read_only:
            return
        if customer_id == self.editor.customer_id and not self.editor.confirm_leave():
            return
        name = card_title(self._service.get(customer_id))
        question = self.tr("Delete {card}?\n\nThe card moves to the deleted customers, where it can be restored.").format(
            card=name
        )
        if not prompts.confirm(self, self.tr("Delete customer"), question, self.tr("&Delete")):
            return
        self._write(lambda: self._service.delete(customer_id))

    def restore_selected(self) -> None:
        customer_id = self.current_id()
        if customer_id is None or self._session.read_only:
            return
        self._write(lambda: self._service.restore(customer_id))

    def print_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.print_cards(ids)

    def print_cards(self, customer_ids: list[str]) -> None:
        print_customer_cards(self._session, customer_ids, self)

    def _write(self, change: Callable[[], None]) -> None:
        try:
            change()
        except FieldCRMError as error:
            prompts.show_error(self, error)
            return
        self._session.bus.notify("customers")
