"""Choosing what "all routes of a day" prints: the date and, for a supervisor, whose routes.

The dialog says at once which routes that is (counted on the GUI thread: one
query over the route rows), and refuses a day with nothing to print with a
message beside the date rather than an empty preview. Reading the sheets and
planning their visits happen afterwards, on a worker, in the preview.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from fieldcrm.domain.route_values import RouteKind
from fieldcrm.domain.routes import RouteService
from fieldcrm.errors import FieldCRMError
from fieldcrm.printing.day_sheets import routes_of_day
from fieldcrm.ui.assets.field_form import error_label
from fieldcrm.ui.i18n import error_text
from fieldcrm.ui.page import Session

ISO_FORMAT = "yyyy-MM-dd"


class DayBatchDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Print all routes of a day"))
        start = today or date.today()
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.date_edit.setObjectName("dayBatchDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(ISO_FORMAT)
        self.rep_box = QComboBox(self)
        self.rep_box.setObjectName("dayBatchRep")
        self.rep_box.addItem(self.tr("Every rep"), None)
        for rep in self._reps() if session.is_supervisor else ():
            self.rep_box.addItem(rep, rep)
        self.summary = QLabel(self)
        self.summary.setObjectName("dayBatchSummary")
        self.summary.setWordWrap(True)
        self.error = error_label(self, "dayBatch")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.preview_button = self.buttons.addButton(self.tr("&Preview…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        date_label = QLabel(self.tr("&Date:"), self)
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, self.date_edit)
        if session.is_supervisor:
            rep_label = QLabel(self.tr("&Rep:"), self)
            rep_label.setBuddy(self.rep_box)
            form.addRow(rep_label, self.rep_box)
        else:  # a rep prints their own routes (day_sheets decides which those are)
            self.rep_box.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.date_edit.dateChanged.connect(self.check)
        self.rep_box.currentIndexChanged.connect(self.check)
        self.check()

    def _reps(self) -> list[str]:
        routes = RouteService(self._session.workspace).list_routes(kind=RouteKind.VISITING.value)
        return sorted({route.rep for route in routes if route.rep})

    @property
    def day(self) -> str:
        return self.date_edit.date().toString(ISO_FORMAT)

    @property
    def rep(self) -> str | None:
        chosen = self.rep_box.currentData()
        return chosen if isinstance(chosen, str) else None

    def check(self) -> bool:
        """Show which routes the choice prints, or why nothing would; True when there is something."""
        try:
            routes = routes_of_day(self._session.workspace, self.day, self.rep)
        except FieldCRMError as error:
            self.summary.clear()
            self.error.setText(error_text(error))
            self.error.show()
            return False
        stops = sum(route.stops for route in routes)
        self.summary.setText(self.tr("%n route(s): {routes}; {stops} stops in all", "", len(routes)).format(
            routes=", ".join(route.name for route in routes), stops=stops))
        self.error.clear()
        self.error.hide()
        return True

    def accept(self) -> None:
        """Only with something to print: the routes may have changed since the dialog opened."""
        if self.check():
            super().accept()
