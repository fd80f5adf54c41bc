"""Visits page: the supervisor's inboxes, urgent reports and over-limit orders.

Both are a list, newest-needing-attention first as the services order them,
and one action a supervisor takes on the selected row (acknowledge,
review); reps see the lists but not the action.
"""

from __future__ import annotations

from typing import Callable, Generic, Sequence, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fieldcrm.domain.orders import Order
from fieldcrm.domain.reports import UrgentReport
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui import prompts
from fieldcrm.ui.visits import columns, texts
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.ui.visits.list_widgets import current_row, record_table
from fieldcrm.ui.visits.table_model import Column, RecordsModel

T = TypeVar("T")


class ReviewSection(QWidget, Generic[T]):
    def __init__(
        self, context: VisitContext, name: str, cols: Sequence[Column[T]], load: Callable[[], list[T]],
        action_text: str, act: Callable[[T], object], tables: frozenset[str], parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._load = load
        self._act = act
        self._tables = tables
        self.model: RecordsModel[T] = RecordsModel(cols, self)
        self.table = record_table(self.model, f"{name}Table", self)
        self.action_button = QPushButton(action_text, self)
        self.action_button.setObjectName(f"{name}Action")
        self.action_button.clicked.connect(self.act_on_selected)
        self.action_button.setVisible(context.is_supervisor)
        self.action_button.setEnabled(not context.read_only)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        context.bus.changed.connect(self._data_changed)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._load())

    def act_on_selected(self) -> None:
        record = self.model.record(current_row(self.table))
        if record is None:
            return
        try:
            self._act(record)
        except FieldCRMError as error:
            prompts.show_error(self, error, texts.message)
            return
        self._context.announce(*self._tables)

    def _data_changed(self, tables: set[str]) -> None:
        if tables & self._tables:
            self.refresh()


def urgent_section(context: VisitContext, parent: QWidget | None = None) -> ReviewSection[UrgentReport]:
    """Urgent reports, unacknowledged first; a supervisor acknowledges the selected one."""
    return ReviewSection(
        context, "urgent", columns.URGENT, context.reports.urgent,
        QCoreApplication.translate("ReviewSection", "&Acknowledge"),
        lambda report: context.reports.acknowledge(report.id), frozenset({"urgent_reports", "visits"}), parent,
    )


def flagged_section(context: VisitContext, parent: QWidget | None = None) -> ReviewSection[Order]:
    """Orders saved over the credit limit, unreviewed first; a supervisor marks the selected one reviewed."""
    return ReviewSection(
        context, "flagged", columns.FLAGGED, context.orders.flagged,
        QCoreApplication.translate("ReviewSection", "&Mark reviewed"),
        lambda order: context.orders.review(order.id), frozenset({"orders"}), parent,
    )
