"""Visits page, first section: a day's visits (today by default), filtered by rep, date and customer.

Enter or a double-click opens a visit in the form, where past visits are
edited with their history.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.colours import ERROR_TEXT, tint
from fieldcrm.ui.visits import columns, texts
from fieldcrm.ui.visits.context import VISIT_LOG_TABLES, VisitContext
from fieldcrm.ui.visits.list_widgets import filter_edit, record_table
from fieldcrm.ui.visits.table_model import RecordsModel
from fieldcrm.ui.visits.visit_form import VisitForm, open_visit_form


class VisitListSection(QWidget):
    def __init__(self, context: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form: VisitForm | None = None
        self.rep_edit = filter_edit(self.tr("Rep"), "visitRep", self)
        self.date_edit = filter_edit(self.tr("Date (YYYY-MM-DD), empty for all"), "visitDate", self)
        self.customer_edit = filter_edit(self.tr("Customer code"), "visitCustomer", self)
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.today_button.clicked.connect(self.show_today)
        self.error_label = QLabel(self)
        tint(self.error_label, QPalette.ColorRole.WindowText, ERROR_TEXT)
        self.error_label.hide()
        self.model: RecordsModel[dict[str, object]] = RecordsModel(columns.VISITS, self)
        self.table = record_table(self.model, "visitTable", self)
        self.table.activated.connect(self._open)
        for edit in (self.rep_edit, self.date_edit, self.customer_edit):
            edit.returnPressed.connect(self.refresh)
        filters = QHBoxLayout()
        for widget in (self.rep_edit, self.date_edit, self.customer_edit, self.today_button):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        context.bus.changed.connect(self._data_changed)
        self.show_today()

    def show_today(self) -> None:
        self.date_edit.setText(self._context.visits.now().date().isoformat())
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self._context.visits.list(
                customer=self.customer_edit.text().strip() or None, rep=self.rep_edit.text().strip() or None,
                date=self.date_edit.text().strip() or None,
            )
        except FieldCRMError as error:
            self.error_label.setText(texts.message(error))
            self.error_label.show()
            self.model.set_rows([])
            return
        self.error_label.hide()
        self.model.set_rows(rows)

    def _open(self, index: QModelIndex) -> None:
        row = self.model.record(index.row())
        if row is not None:
            self.form = open_visit_form(self._context, self, visit_id=str(row["id"]))

    def _data_changed(self, tables: set[str]) -> None:
        if tables & {*VISIT_LOG_TABLES, "customers"}:
            self.refresh()
