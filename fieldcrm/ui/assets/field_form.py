"""The inputs of one asset form, built from its FieldSpecs with the card editor's widgets.

``field_widgets`` decides how each kind is typed in; this adds the asset
labels, a message row under each input for refusals, and the values to send
(blank fields left out, so the domain's "is required" names what is missing).
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from fieldcrm.domain.customer_fields import FieldSpec
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.assets import texts
from fieldcrm.ui.colours import ERROR_TEXT, tint
from fieldcrm.ui.customers.field_widgets import FieldInput, make_input


def error_label(parent: QWidget, name: str) -> QLabel:
    """A red, wrapping message row, hidden until there is something to say."""
    label = QLabel(parent)
    label.setObjectName(f"error_{name}")
    label.setWordWrap(True)
    tint(label, QPalette.ColorRole.WindowText, ERROR_TEXT)
    label.hide()
    return label


def show_message(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


class FieldForm(QObject):
    """Inputs for ``specs`` added to ``form``; texts are what users see (choice codes for choices)."""

    def __init__(self, specs: Iterable[FieldSpec], form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.inputs: dict[str, FieldInput] = {}
        self._errors: dict[str, QLabel] = {}
        for spec in specs:
            field = make_input(spec, parent)
            text = texts.label(spec)
            caption = QLabel(self.tr("{label} *").format(label=text) if spec.required else text, parent)
            caption.setBuddy(field.widget)
            error = error_label(parent, spec.name)
            form.addRow(caption, field.widget)
            form.addRow(error)
            self.inputs[spec.name] = field
            self._errors[spec.name] = error

    def widget(self, name: str) -> QWidget:
        return self.inputs[name].widget

    def set_text(self, name: str, text: str) -> None:
        self.inputs[name].set_text(text)

    def values(self) -> dict[str, str]:
        """The fields filled in; a blank one is left out, as if never typed."""
        return {name: field.text() for name, field in self.inputs.items() if field.text().strip()}

    def set_error(self, name: str, text: str | None) -> None:
        show_message(self._errors[name], text)
        self.inputs[name].set_invalid(bool(text))
        self.inputs[name].widget.setAccessibleDescription(text or "")

    def error(self, name: str) -> str:
        return "" if self._errors[name].isHidden() else self._errors[name].text()

    def clear_errors(self) -> None:
        for name in self.inputs:
            self.set_error(name, None)

    def show_errors(self, errors: Iterable[FieldCRMError]) -> list[FieldCRMError]:
        """Mark each refused field here and put the cursor in the first; returns the errors of other fields."""
        others: list[FieldCRMError] = []
        first: QWidget | None = None
        for error in errors:
            name = getattr(error, "field", None)
            if isinstance(name, str) and name in self.inputs:
                self.set_error(name, texts.message(error))
                first = first or self.inputs[name].widget
            else:
                others.append(error)
        if first is not None:
            first.setFocus()
        return others
