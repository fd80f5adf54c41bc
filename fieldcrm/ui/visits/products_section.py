"""Visits page: the product catalogue, edited by supervisors (prices are company policy).

The form is built from ``PRODUCT_FIELDS`` with the same inputs as every other
form; reps see the list read-only. Writes go through ``CatalogueService``,
which enforces the supervisor rule and unique SKUs.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.catalogue import Product
from fieldcrm.domain.visit_fields import PRODUCT_FIELDS
from fieldcrm.errors import FieldCRMError, ValidationErrors
from fieldcrm.ui import prompts
from fieldcrm.ui.visits import columns
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.ui.visits.field_grid import FieldGrid
from fieldcrm.ui.visits.list_widgets import record_table
from fieldcrm.ui.visits.table_model import RecordsModel


class ProductsSection(QWidget):
    def __init__(self, context: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.product_id: str | None = None  # None: the form holds a new product
        self.model: RecordsModel[Product] = RecordsModel(columns.PRODUCTS, self)
        self.table = record_table(self.model, "productTable", self)
        self.table.activated.connect(self._open)
        editor = QWidget(self)
        form = QFormLayout(editor)
        self.fields = FieldGrid(PRODUCT_FIELDS, form, editor)
        self.new_button = QPushButton(self.tr("&New product"), self)
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("Save &product"), self)
        self.save_button.setObjectName("saveProduct")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        side = QVBoxLayout()
        side.addWidget(editor)
        side.addLayout(buttons)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(side, 1)
        editable = context.is_supervisor and not context.read_only
        self.fields.set_read_only(not editable)
        self.new_button.setEnabled(editable)
        self.save_button.setEnabled(editable)
        context.bus.changed.connect(self._data_changed)
        self.refresh()
        self.start_new()

    def refresh(self) -> None:
        self.model.set_rows(self._context.catalogue.list(active_only=False))

    def start_new(self) -> None:
        self.product_id = None
        self.fields.load({"active": 1})

    def _open(self, index: QModelIndex) -> None:
        product = self.model.record(index.row())
        if product is not None:
            self.product_id = product.id
            self.fields.load({
                "code": product.code, "name": product.name, "category": product.category, "unit": product.unit,
                "price": product.price, "active": int(product.active),
            })

    def save(self) -> bool:
        self.fields.clear_errors()
        try:
            if self.product_id is None:
                edits = {name: text for name, text in self.fields.changed().items() if text.strip()}
                self.product_id = self._context.catalogue.add(edits).id
            else:
                self._context.catalogue.update(self.product_id, self.fields.changed())
        except ValidationErrors as refused:
            self.fields.show_errors(refused.errors)
            return False
        except FieldCRMError as error:
            if self.fields.show_errors([error]) is None:
                prompts.show_error(self, error)
            return False
        self._context.announce("products")
        return True

    def _data_changed(self, tables: set[str]) -> None:
        if "products" in tables:
            self.refresh()
