"""A line to name a customer by code, completing from the customer search as the user types.

A territory can hold 100,000 cards, so there is no drop-down of them all: each
edit asks ``CustomerService`` for the first few matches (name, code, phone,
pinyin) and offers them. What is sent is the code (or whatever was typed), and
the asset service says when no such customer exists.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from fieldcrm.domain.customers import CustomerQuery, CustomerService

SUGGESTIONS = 15


class CustomerPicker(QLineEdit):
    def __init__(self, customers: CustomerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPicker")
        self._customers = customers
        self.setPlaceholderText(self.tr("Customer code, name or phone"))
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)

    def _suggest(self, text: str) -> None:
        if not text.strip():
            self._suggestions.setStringList([])
            return
        rows = self._customers.page(CustomerQuery(search=text), 0, SUGGESTIONS)
        self._suggestions.setStringList([f"{row['code']} {row['name']}" for row in rows])

    def customer(self) -> str:
        """The code of the chosen suggestion, or the text as typed (an id or a code)."""
        text = self.text().strip()
        return text.split(" ", 1)[0] if text else ""
