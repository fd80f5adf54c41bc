"""The lines of the order being taken, as the visit form's table edits them.

Quantities, prices and discounts stay the text the user typed until the
order service prices them (``OrderService.quote``), so the form refuses
exactly what saving would refuse, with the same messages, per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from fieldcrm.domain.catalogue import Product
from fieldcrm.domain.orders import Quote
from fieldcrm.domain.validation import format_value
from fieldcrm.domain.visit_fields import LINE_FIELDS_BY_NAME
from fieldcrm.ui.colours import ERROR_TEXT
from fieldcrm.ui.visits import texts

AnyIndex = QModelIndex | QPersistentModelIndex
SKU, NAME, QUANTITY, PRICE, DISCOUNT, AMOUNT = range(6)
EDITABLE = {QUANTITY: "quantity", PRICE: "unit_price", DISCOUNT: "discount"}


@dataclass
class LineDraft:
    sku: str
    name: str
    unit: str | None
    quantity: str
    unit_price: str
    discount: str = ""
    amount: int | None = None  # fen, once priced
    error: str = ""


class OrderLinesModel(QAbstractTableModel):
    edited = Signal()  # a line was added, removed or changed: time to price again

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[LineDraft] = []

    @property
    def lines(self) -> list[LineDraft]:
        return list(self._lines)

    def add(self, product: Product, quantity: str) -> None:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        price = format_value(LINE_FIELDS_BY_NAME["unit_price"], product.price)
        self._lines.append(LineDraft(product.code, product.name, product.unit, quantity.strip(), price))
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()
            self.edited.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self._lines = []
        self.endResetModel()
        self.edited.emit()

    def inputs(self) -> list[tuple[str, str, str | None, str | None]]:
        """The lines as ``OrderService`` takes them; a blank price means the list price."""
        return [(d.sku, d.quantity, d.unit_price or None, d.discount or None) for d in self._lines]

    def apply_quote(self, quote: Quote | None, errors: dict[int, str] | None = None) -> None:
        """Amounts from a quote, or the refusals per 1-based line number when it could not be priced."""
        for number, draft in enumerate(self._lines, start=1):
            draft.amount = quote.lines[number - 1].amount if quote is not None else None
            draft.error = (errors or {}).get(number, "")
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, AMOUNT))

    # -- table ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else AMOUNT + 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        draft = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                draft.sku, draft.name, draft.quantity, draft.unit_price, draft.discount,
                texts.money(draft.amount) if draft.amount is not None else "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return draft.error or None
        if role == Qt.ItemDataRole.ForegroundRole and draft.error:
            return QBrush(ERROR_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, PRICE, DISCOUNT, AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        setattr(self._lines[index.row()], EDITABLE[index.column()], str(value).strip())
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("OrderLines", "SKU"),
            QCoreApplication.translate("OrderLines", "Product"),
            QCoreApplication.translate("OrderLines", "Quantity"),
            QCoreApplication.translate("OrderLines", "Unit price"),
            QCoreApplication.translate("OrderLines", "Discount"),
            QCoreApplication.translate("OrderLines", "Amount"),
        )
        return titles[section] if 0 <= section < len(titles) else None
