"""The order part of the visit form: pick products, type quantities, see totals and credit live.

Every change is priced by ``OrderService.quote`` (milliseconds), which also
checks the customer's credit, so the rep sees the total, the credit left and
a warning before saving, not after. The section holds no rule of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.catalogue import Product
from fieldcrm.domain.orders import CreditStatus, Quote
from fieldcrm.domain.visit_entry import OrderInput
from fieldcrm.domain.visit_fields import (
    LINE_FIELDS_BY_NAME,
    ORDER_FIELDS_BY_NAME,
    RecordSection,
)
from fieldcrm.errors import FieldCRMError, FieldError, NotFound, ValidationErrors
from fieldcrm.ui.colours import ERROR_TEXT, tint
from fieldcrm.ui.i18n import translate
from fieldcrm.ui.visits import texts
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.ui.visits.order_lines import NAME, QUANTITY, OrderLinesModel

LINE_AND_ORDER_FIELDS = {**LINE_FIELDS_BY_NAME, **ORDER_FIELDS_BY_NAME}


class OrderSection(QGroupBox):
    edited = Signal()

    def __init__(self, context: VisitContext, customer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(texts.section_title(RecordSection.ORDER), parent)
        self._context = context
        self._customer_id = customer_id
        self._products: dict[str, Product] = {}
        self.quote: Quote | None = None

        self.product_edit = QLineEdit(self)
        self.product_edit.setObjectName("orderProduct")
        self.product_edit.setPlaceholderText(self.tr("SKU or product name"))
        self._choices = QStringListModel(self)
        completer = QCompleter(self._choices, self.product_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.product_edit.setCompleter(completer)
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setObjectName("orderQuantity")
        self.quantity_edit.setPlaceholderText(self.tr("Quantity"))
        # Digits only; empty (1) and 0 are left to the order service, which names the line it refuses.
        self.quantity_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,7}"), self.quantity_edit)
        )
        self.add_button = QPushButton(self.tr("&Add line"), self)
        self.add_button.setAutoDefault(False)  # Enter in the picker adds a line, it must not save the form
        self.add_error = QLabel(self)
        self.add_error.setObjectName("orderAddError")
        tint(self.add_error, QPalette.ColorRole.WindowText, ERROR_TEXT)
        self.add_error.hide()

        self.lines = OrderLinesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("orderLines")
        self.table.setModel(self.lines)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, so the form stays keyboard-friendly
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)  # product names are the long text
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 7)
        self.remove_action = QAction(self.tr("Remove line"), self.table)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.table.addAction(self.remove_action)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("orderTotal")
        self.credit_label = QLabel(self)
        self.credit_label.setObjectName("orderCredit")
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("creditWarning")
        self.warning_label.setWordWrap(True)
        tint(self.warning_label, QPalette.ColorRole.WindowText, ERROR_TEXT)
        self.warning_label.hide()

        picker = QHBoxLayout()
        picker.addWidget(self.product_edit, 3)
        picker.addWidget(self.quantity_edit, 1)
        picker.addWidget(self.add_button)
        sums = QGridLayout()
        sums.addWidget(self.total_label, 0, 0)
        sums.addWidget(self.credit_label, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.add_error)
        layout.addWidget(self.table)
        layout.addLayout(sums)
        layout.addWidget(self.warning_label)

        self.product_edit.returnPressed.connect(self.quantity_edit.setFocus)
        self.quantity_edit.returnPressed.connect(self.add_line)
        self.add_button.clicked.connect(self.add_line)
        self.lines.edited.connect(self._lines_edited)
        self.load_products()
        self.refresh()

    # -- products -------------------------------------------------------------

    def load_products(self) -> None:
        products = self._context.catalogue.list(active_only=True)
        self._products = {p.code: p for p in products}
        self._choices.setStringList([f"{p.code}  {p.name}" for p in products])

    def _find_product(self, text: str) -> Product:
        """The product the picker names: a completion ("SKU  name"), a SKU, or the one name matching."""
        sku = text.strip().split("  ")[0].strip().upper()
        if sku in self._products:
            return self._products[sku]
        matches = [p for p in self._products.values() if text.strip().lower() in p.name.lower()]
        if len(matches) == 1:
            return matches[0]
        return self._context.catalogue.get(text.strip())  # raises NotFound with the service's message

    def add_line(self) -> None:
        """Add the picked product with the typed quantity (1 when left empty), priced from the catalogue."""
        text = self.product_edit.text()
        if not text.strip():
            self.product_edit.setFocus()
            return
        try:
            product = self._find_product(text)
        except NotFound as error:
            self._show_add_error(texts.message(error))
            self.product_edit.setFocus()
            return
        self._show_add_error("")
        self.lines.add(product, self.quantity_edit.text() or "1")
        self.product_edit.clear()
        self.quantity_edit.clear()
        self.product_edit.setFocus()

    def remove_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.lines.remove(index.row())

    def _show_add_error(self, text: str) -> None:
        self.add_error.setText(text)
        self.add_error.setVisible(bool(text))

    # -- pricing --------------------------------------------------------------

    def _lines_edited(self) -> None:
        self.refresh()
        self.edited.emit()

    def refresh(self) -> None:
        """Price the lines and check credit again; a refused line is marked, not raised."""
        self.quote = None
        errors: dict[int, str] = {}
        credit: CreditStatus | None = None
        if self.lines.rowCount():
            try:
                self.quote = self._context.orders.quote(self._customer_id, self.lines.inputs())
            except ValidationErrors as refused:
                errors = self._line_errors(refused.errors)
            except FieldError as refused:
                errors = self._line_errors([refused])
        if self.quote is not None:
            credit = self.quote.credit
        else:
            credit = self._context.orders.credit(self._customer_id)
        self.lines.apply_quote(self.quote, errors)
        total = self.quote.total if self.quote else None
        self.total_label.setText(
            self.tr("Order total: {total}").format(total=texts.money(total) if total is not None else "—")
        )
        self.credit_label.setText(self._credit_text(credit))
        warning = self.warning_text()
        self.warning_label.setText(warning or "")
        self.warning_label.setVisible(bool(warning))

    def _line_errors(self, errors: list[FieldError]) -> dict[int, str]:
        found: dict[int, str] = {}
        for error in errors:
            line = error.args_map.get("line")
            if isinstance(line, int):
                found.setdefault(line, texts.message(error, LINE_AND_ORDER_FIELDS))
        return found

    def _credit_text(self, credit: CreditStatus) -> str:
        if credit.limit is None:
            return self.tr("No credit limit · used {used}").format(used=texts.money(credit.used))
        return self.tr("Credit limit {limit} · used {used} · left {left}").format(
            limit=texts.money(credit.limit), used=texts.money(credit.used), left=texts.money(credit.left)
        )

    def warning_text(self) -> str | None:
        """The credit warning of the current order, in the user's language; None when within the limit."""
        if self.quote is None or self.quote.warning is None:
            return None
        warning = self.quote.warning
        return translate("Credit", warning.template).format(**warning.args_map)

    # -- saving ---------------------------------------------------------------

    def has_lines(self) -> bool:
        return self.lines.rowCount() > 0

    def order_input(self, reason: str | None) -> OrderInput:
        return OrderInput(self.lines.inputs(), reason=reason)

    def show_errors(self, errors: list[FieldError], cause: FieldCRMError) -> QWidget:
        """Mark refused lines; anything else (credit reason, no lines) goes in the warning row."""
        per_line = self._line_errors(errors)
        self.lines.apply_quote(None, per_line)
        if per_line:
            first = min(per_line)
            self.table.setCurrentIndex(self.lines.index(first - 1, QUANTITY))
            self.warning_label.setText(per_line[first])
            self.warning_label.show()
            return self.table
        self.warning_label.setText(texts.message(cause, LINE_AND_ORDER_FIELDS))
        self.warning_label.show()
        return self.product_edit

    def clear(self) -> None:
        self.lines.clear()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.product_edit, self.quantity_edit, self.add_button):
            widget.setEnabled(not read_only)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            triggers.NoEditTriggers if read_only
            else triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
