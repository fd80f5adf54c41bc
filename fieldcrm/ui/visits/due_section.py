"""Visits page: who is due or overdue for a visit, by route and territory; log a visit from a row.

The list pages itself (``DueModel``), so a territory with thousands due
opens as fast as a route with ten.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldcrm.ui.visits.context import VISIT_LOG_TABLES, VisitContext
from fieldcrm.ui.visits.due_model import DueModel
from fieldcrm.ui.visits.list_widgets import current_row, filter_edit, record_table
from fieldcrm.ui.visits.visit_form import VisitForm, open_visit_form


class DueSection(QWidget):
    def __init__(self, context: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form: VisitForm | None = None
        self.route_edit = filter_edit(self.tr("Route"), "dueRoute", self)
        self.territory_edit = filter_edit(self.tr("Territory"), "dueTerritory", self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("dueCount")
        self.log_button = QPushButton(self.tr("&Log visit"), self)
        self.log_button.setObjectName("dueLogVisit")
        self.log_button.clicked.connect(self.log_visit)
        self.model = DueModel(context.planning, parent=self)
        self.table = record_table(self.model, "dueTable", self)
        self.table.activated.connect(lambda index: self.log_visit())
        self.log_action = QAction(self.tr("Log visit"), self)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.log_action.triggered.connect(self.log_visit)
        self.addAction(self.log_action)
        for edit in (self.route_edit, self.territory_edit):
            edit.returnPressed.connect(self.apply_filter)
        filters = QHBoxLayout()
        for widget in (self.route_edit, self.territory_edit, self.log_button):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.log_button.setEnabled(not context.read_only)
        self.log_action.setEnabled(not context.read_only)
        context.bus.changed.connect(self._data_changed)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(self.route_edit.text().strip(), self.territory_edit.text().strip())
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n customer(s) due", "", self.model.total))

    def log_visit(self) -> VisitForm | None:
        """A visit form for the selected customer, with the time of arrival filled in."""
        due = self.model.record(current_row(self.table))
        if due is None or self._context.read_only:
            return None
        self.form = open_visit_form(self._context, self, customer_id=due.customer_id)
        return self.form

    def _data_changed(self, tables: set[str]) -> None:
        if tables & {*VISIT_LOG_TABLES, "customers", "settings"}:
            self.model.refresh()
            self._show_count()
