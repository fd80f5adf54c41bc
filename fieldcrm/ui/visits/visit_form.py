"""The visit form: a visit, the order taken, the money collected and the units inspected, saved in one step.

Opened from a customer card or the Due list with the customer and the time
of arrival filled in (``VisitEntryService.draft``; nothing is written until
Save), or from a list to edit a past visit, with its history. Works by
keyboard alone: fields in reading order, Enter in the product picker adds a
line, Ctrl+S saves, Esc cancels (asking first when something was typed).
Saving goes through ``VisitEntryService.record``, so the visit, the order,
the payment and the inspections (``inspection_section``) are stored together
or not at all.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.visit_entry import (
    INSPECTION,
    ORDER,
    PAYMENT,
    EntryRefused,
    PaymentInput,
    VisitEntry,
)
from fieldcrm.domain.visit_fields import (
    PAYMENT_FIELDS_BY_NAME,
    VISIT_FIELDS,
    RecordSection,
)
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui import prompts
from fieldcrm.ui.assets.context import ASSET_TABLES
from fieldcrm.ui.visits import questions, texts
from fieldcrm.ui.visits.context import VISIT_LOG_TABLES, VisitContext
from fieldcrm.ui.visits.field_grid import FieldGrid
from fieldcrm.ui.visits.inspection_section import InspectionSection
from fieldcrm.ui.visits.order_section import OrderSection
from fieldcrm.ui.visits.visit_history import VisitHistoryTable

VISIT_SECTIONS = (
    RecordSection.VISIT, RecordSection.MARKET, RecordSection.COMPLAINTS, RecordSection.FOLLOW_UP, RecordSection.URGENT,
)
PAYMENT_SHOWN = ("amount", "method", "reference")


class VisitForm(QDialog):
    saved = Signal(str)  # the visit's id

    def __init__(
        self, context: VisitContext, customer_id: str, *, visit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """A new visit at ``customer_id``, or the stored visit ``visit_id`` to edit."""
        super().__init__(parent)
        self.setObjectName("visitForm")
        self._context = context
        self.customer_id = customer_id
        self.visit_id = visit_id
        self.editing = visit_id is not None
        self.entry: VisitEntry | None = None
        self.grids: dict[RecordSection, FieldGrid] = {}

        self.title = QLabel(self)
        self.title.setObjectName("visitTitle")
        self.title.setWordWrap(True)
        self.already = QLabel(self)
        self.already.setObjectName("visitAlready")
        self.already.hide()
        body = QWidget()
        column = QVBoxLayout(body)
        for section in VISIT_SECTIONS:
            column.addWidget(self._section_box(section, body))
            if section is RecordSection.VISIT:
                self.order = OrderSection(context, customer_id, body)
                self.order.edited.connect(self._refresh_dirty)
                column.addWidget(self.order)
                column.addWidget(self._payment_box(body))
                self.assets = InspectionSection(body)
                self.assets.edited.connect(self._refresh_dirty)
                column.addWidget(self.assets)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.scroll, texts.section_title(RecordSection.VISIT))
        self.history = VisitHistoryTable(self) if self.editing else None
        if self.history is not None:
            self.tabs.addTab(self.history, self.tr("History"))

        self.check_out_button = self._button(self.tr("Check &out now"), self.check_out_now)
        self.save_button = self._button(self.tr("&Save"), self.save)
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.cancel_button = self._button(self.tr("&Cancel"), self.reject)
        self.save_action = QAction(self.tr("Save visit"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.already)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(760, 820)
        self._load()
        read_only = context.read_only
        for grid in (*self.grids.values(), self.payment):
            grid.set_read_only(read_only)
        self.order.set_read_only(read_only)
        self.assets.set_read_only(read_only)
        for widget in (self.save_button, self.check_out_button):
            widget.setEnabled(not read_only)
        self.save_action.setEnabled(not read_only)
        self.grids[RecordSection.VISIT].widget("purpose").setFocus()

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter in a field must never save half a form
        button.clicked.connect(slot)
        return button

    def _section_box(self, section: RecordSection, parent: QWidget) -> QGroupBox:
        box = QGroupBox(texts.section_title(section), parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        grid = FieldGrid((s for s in VISIT_FIELDS if s.section is section), form, box)
        grid.edited.connect(self._refresh_dirty)
        self.grids[section] = grid
        return box

    def _payment_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(texts.section_title(RecordSection.PAYMENT), parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        specs = [PAYMENT_FIELDS_BY_NAME[name] for name in PAYMENT_SHOWN]
        self.payment = FieldGrid(specs, form, box, mark_required=False)
        self.payment.edited.connect(self._refresh_dirty)
        return box

    # -- loading --------------------------------------------------------------

    def _load(self) -> None:
        if self.visit_id is not None:
            stored = self._context.visits.get(self.visit_id)
            self.visit_id = stored["id"]
            for grid in self.grids.values():
                grid.load(stored)
            if self.history is not None:
                self.history.history.set_rows(self._context.visits.history(stored["id"]))
            self._show_already(stored["id"])
            name = " ".join(p for p in (stored["customer_code"], stored["customer_name"]) if p)
            self.title.setText(self.tr("Visit {code} at {customer}").format(code=stored["code"], customer=name))
        else:
            draft = self._context.entry.draft(self.customer_id)
            self.customer_id = draft.customer_id
            self.visit_id = draft.visit_id
            planned = self._context.visits.get(draft.visit_id) if draft.visit_id else {}
            for grid in self.grids.values():
                grid.load(planned, draft.values)
            name = " ".join(p for p in (draft.customer_code, draft.customer_name) if p)
            if draft.visit_code:
                self.title.setText(self.tr("Planned visit {code} at {customer}").format(
                    code=draft.visit_code, customer=name))
            else:
                self.title.setText(self.tr("New visit at {customer}").format(customer=name))
        self.assets.load(self._context.entry.assets_at(self.customer_id, self.visit_id))
        self.payment.load({})
        self.setWindowTitle(self.title.text())

    def _show_already(self, visit_id: str) -> None:
        """What was ordered and collected at this visit before: orders are fixed once placed."""
        for summary in self._context.visits.for_customer(self.customer_id):
            if summary.id == visit_id and (summary.ordered or summary.collected):
                self.already.setText(self.tr("Already at this visit: ordered {ordered}, collected {collected}").format(
                    ordered=texts.money(summary.ordered), collected=texts.money(summary.collected)))
                self.already.show()

    # -- state ----------------------------------------------------------------

    def is_dirty(self) -> bool:
        grids = (*self.grids.values(), self.payment)
        return any(grid.is_dirty() for grid in grids) or self.order.has_lines() or self.assets.is_dirty()

    def _refresh_dirty(self) -> None:
        title = self.title.text()
        self.setWindowTitle(f"{title} *" if self.is_dirty() else title)

    def check_out_now(self) -> None:
        self.grids[RecordSection.VISIT].set_text("check_out", self._context.visits.now().strftime("%H:%M"))

    def field(self, name: str) -> FieldGrid:
        """The grid holding visit field ``name``."""
        return next(grid for grid in self.grids.values() if name in grid.inputs)

    # -- saving ---------------------------------------------------------------

    def save(self) -> bool:
        """Store the visit with its order and payment in one step; on refusal mark what to fix. True when saved."""
        if self._context.read_only:
            return False
        for grid in (*self.grids.values(), self.payment):
            grid.clear_errors()
        self.assets.clear_errors()
        order = None
        if self.order.has_lines():
            self.order.refresh()
            if self.order.quote is None:
                self.order.table.setFocus()
                return False
            reason = None
            warning = self.order.warning_text()
            if warning:
                reason = questions.ask_credit_reason(self, warning)
                if reason is None:
                    return False
            order = self.order.order_input(reason)
        payment = None
        if self.payment.text("amount").strip():
            payment = PaymentInput(
                self.payment.text("amount"), self.payment.text("method") or None,
                self.payment.text("reference").strip() or None,
            )
        edits: dict[str, str] = {}
        for grid in self.grids.values():
            edits.update(grid.changed())
        try:
            self.entry = self._context.entry.record(
                self.customer_id, edits, visit_id=self.visit_id, order=order, payment=payment,
                inspections=self.assets.inputs(),
            )
        except EntryRefused as refused:
            self._show_refusal(refused)
            return False
        except FieldCRMError as error:
            prompts.show_error(self, error, texts.message)
            return False
        self._context.announce(*VISIT_LOG_TABLES, *(ASSET_TABLES if self.entry.inspections else ()))
        self.saved.emit(self.entry.visit["id"])
        super().accept()
        return True

    def _show_refusal(self, refused: EntryRefused) -> None:
        target: QWidget | None = None
        if refused.part == ORDER:
            target = self.order.show_errors(refused.errors, refused.cause)
        elif refused.part == PAYMENT:
            target = self.payment.show_errors(refused.errors)
        elif refused.part == INSPECTION:
            target = self.assets.show_refusal(refused)
        else:
            for grid in self.grids.values():
                found = grid.show_errors(refused.errors)
                target = target or found
        if target is None:
            prompts.show_error(self, refused.cause, texts.message)
            return
        self.tabs.setCurrentIndex(0)
        self.scroll.ensureWidgetVisible(target)
        target.setFocus()

    def reject(self) -> None:
        """Esc, Cancel or closing the window: leave, after asking when something was typed."""
        if self.is_dirty() and not self._context.read_only:
            question = self.tr("Discard this visit and what was typed into it?")
            if not prompts.confirm(self, self.tr("Discard visit"), question, self.tr("&Discard")):
                return
        super().reject()


def open_visit_form(
    context: VisitContext, parent: QWidget | None, *, customer_id: str | None = None, visit_id: str | None = None
) -> VisitForm:
    """Show the form window-modal (not blocking the event loop); it deletes itself when closed."""
    if customer_id is None:
        assert visit_id is not None, "give a customer for a new visit or a visit to edit"
        customer_id = str(context.visits.get(visit_id)["customer_id"])
    form = VisitForm(context, customer_id, visit_id=visit_id, parent=parent)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.open()
    return form
