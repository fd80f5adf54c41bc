"""The customer card's Visits tab: what the customer owes, and every visit with what it brought.

Given the customer's id by the card editor; reads the visit history
(``VisitService.for_customer``) and one customer's balance and aging, both
fast for a single customer, directly on the GUI thread. "Log visit" opens the
visit form prefilled for this customer; Enter or a double-click on a visit
opens it for editing. Refreshes itself from the data bus after any save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.receivables import BUCKETS
from fieldcrm.domain.visits import VisitSummary
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.visits import columns, texts
from fieldcrm.ui.visits.context import VISIT_LOG_TABLES, VisitContext
from fieldcrm.ui.visits.table_model import RecordsModel
from fieldcrm.ui.visits.visit_form import VisitForm, open_visit_form


class CustomerVisitsTab(QWidget):
    @staticmethod
    def title() -> str:
        """The tab's caption, translated here so the card editor needs no string of its own."""
        return QCoreApplication.translate("CustomerVisitsTab", "Visits")

    def __init__(self, context: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerVisits")
        self._context = context
        self.customer_id: str | None = None
        self.form: VisitForm | None = None  # the last form opened from here

        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("visitsBalance")
        self.credit_label = QLabel(self)
        self.credit_label.setObjectName("visitsCredit")
        self.bucket_labels = {name: QLabel(self) for name in BUCKETS}
        self.log_button = QPushButton(self.tr("&Log visit"), self)
        self.log_button.setObjectName("logVisit")
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(self.log_visit)
        self.log_action = QAction(self.tr("Log visit"), self)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.log_action.triggered.connect(self.log_visit)
        self.addAction(self.log_action)

        self.model: RecordsModel[VisitSummary] = RecordsModel(columns.CUSTOMER_VISITS, self)
        self.table = QTableView(self)
        self.table.setObjectName("customerVisitTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_index)

        money = QGridLayout()
        money.addWidget(self.balance_label, 0, 0, 1, 2)
        money.addWidget(self.credit_label, 0, 2, 1, 2)
        titles = {
            "current": self.tr("Under 30 days"), "days_30": self.tr("30–59 days"),
            "days_60": self.tr("60–89 days"), "days_90_plus": self.tr("90 days or more"),
        }
        for number, name in enumerate(BUCKETS):
            money.addWidget(QLabel(titles[name], self), 1, number)
            self.bucket_labels[name].setObjectName(f"bucket_{name}")
            money.addWidget(self.bucket_labels[name], 2, number)
        top = QHBoxLayout()
        top.addLayout(money, 1)
        top.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        context.bus.changed.connect(self._data_changed)
        self.set_customer(None)

    def set_customer(self, customer_id: str | None) -> None:
        """Show ``customer_id``'s visits and money; None (a new or no card) shows nothing."""
        self.customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        writable = self.customer_id is not None and not self._context.read_only
        self.log_button.setEnabled(writable)
        self.log_action.setEnabled(writable)
        if self.customer_id is None:
            self.model.set_rows([])
            self.balance_label.clear()
            self.credit_label.clear()
            for label in self.bucket_labels.values():
                label.clear()
            return
        try:
            self.model.set_rows(self._context.visits.for_customer(self.customer_id))
            balance = self._context.receivables.balance(self.customer_id)
            aging = self._context.receivables.aging(self.customer_id)
            credit = self._context.orders.credit(self.customer_id)
        except FieldCRMError as error:  # a retired customer: nothing to log against
            self.model.set_rows([])
            self.balance_label.setText(texts.message(error))
            self.log_button.setEnabled(False)
            self.log_action.setEnabled(False)
            return
        self.balance_label.setText(self.tr("Owes {outstanding} (billed {debts}, paid {paid})").format(
            outstanding=texts.money(balance.outstanding), debts=texts.money(balance.debts),
            paid=texts.money(balance.paid)))
        if credit.limit is None:
            self.credit_label.setText(self.tr("No credit limit"))
        else:
            self.credit_label.setText(self.tr("Credit limit {limit} · used {used} · left {left}").format(
                limit=texts.money(credit.limit), used=texts.money(credit.used), left=texts.money(credit.left)))
        row = aging.rows[0] if aging.rows else None
        for number, name in enumerate(BUCKETS):
            self.bucket_labels[name].setText(texts.money(row.buckets[number] if row else 0))

    def log_visit(self) -> VisitForm | None:
        if self.customer_id is None or self._context.read_only:
            return None
        self.form = open_visit_form(self._context, self, customer_id=self.customer_id)
        return self.form

    def open_visit(self, visit_id: str) -> VisitForm:
        self.form = open_visit_form(self._context, self, visit_id=visit_id)
        return self.form

    def _open_index(self, index: QModelIndex) -> None:
        summary = self.model.record(index.row())
        if summary is not None:
            self.open_visit(summary.id)

    def _data_changed(self, tables: set[str]) -> None:
        if self.customer_id is not None and tables & {*VISIT_LOG_TABLES, "customers"}:
            self.refresh()
