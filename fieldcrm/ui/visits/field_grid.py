"""A form of visit-log fields built from their specs with the card editor's inputs.

The visit form, its payment part and the product editor all need the same
thing: one ``field_widgets`` input per spec, a message row under each for
refusals, the text of every field, and which fields differ from what was
loaded. Keeping that here keeps those widgets to their layout.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from fieldcrm.domain.customer_fields import FieldSpec
from fieldcrm.domain.validation import format_value
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.colours import ERROR_TEXT, tint
from fieldcrm.ui.customers.field_widgets import FieldInput, make_input
from fieldcrm.ui.visits import texts


class FieldGrid(QObject):
    """Inputs for ``specs`` added to ``form``; values are the texts users see (codes for choices)."""

    edited = Signal()

    def __init__(
        self, specs: Iterable[FieldSpec], form: QFormLayout, parent: QWidget, *, mark_required: bool = True
    ) -> None:
        super().__init__(parent)
        self.specs = {spec.name: spec for spec in specs}
        self.inputs: dict[str, FieldInput] = {}
        self._errors: dict[str, QLabel] = {}
        self._original: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        for spec in self.specs.values():
            field = make_input(spec, parent)
            field.edited.connect(self.edited)
            text = texts.label(spec)
            starred = mark_required and spec.required
            caption = QLabel(self.tr("{label} *").format(label=text) if starred else text, parent)
            caption.setBuddy(field.widget)
            error = QLabel(parent)
            error.setObjectName(f"error_{spec.name}")
            error.setWordWrap(True)
            tint(error, QPalette.ColorRole.WindowText, ERROR_TEXT)
            error.hide()
            form.addRow(caption, field.widget)
            form.addRow(error)
            self.inputs[spec.name] = field
            self._errors[spec.name] = error

    def widget(self, name: str) -> QWidget:
        return self.inputs[name].widget

    def load(self, stored: Mapping[str, Any], shown: Mapping[str, str] | None = None) -> None:
        """Remember ``stored`` as the saved state and show it, or ``shown`` over it (a draft's values)."""
        self._original = {name: format_value(spec, stored.get(name)) for name, spec in self.specs.items()}
        self._shown = {name: (shown or {}).get(name, self._original[name]) for name in self.specs}
        for name, field in self.inputs.items():
            field.set_text(self._shown[name])
        self.clear_errors()

    def text(self, name: str) -> str:
        return self.inputs[name].text()

    def set_text(self, name: str, text: str) -> None:
        self.inputs[name].set_text(text)
        self.edited.emit()

    def changed(self) -> dict[str, str]:
        """Fields whose text differs from what was loaded: what to send as edits."""
        return {n: f.text() for n, f in self.inputs.items() if f.text() != self._original.get(n, "")}

    def is_dirty(self) -> bool:
        """Whether the user typed anything since the form was filled (a draft's values are not edits)."""
        return any(f.text() != self._shown.get(n, "") for n, f in self.inputs.items())

    def set_read_only(self, read_only: bool) -> None:
        for field in self.inputs.values():
            field.set_read_only(read_only)

    def clear_errors(self) -> None:
        for name in self.inputs:
            self.set_error(name, None)

    def set_error(self, name: str, text: str | None) -> None:
        label = self._errors[name]
        label.setText(text or "")
        label.setVisible(bool(text))
        self.inputs[name].set_invalid(bool(text))
        self.inputs[name].widget.setAccessibleDescription(text or "")

    def error(self, name: str) -> str:
        return "" if self._errors[name].isHidden() else self._errors[name].text()

    def show_errors(self, errors: Iterable[FieldCRMError]) -> QWidget | None:
        """Mark each refused field; returns the first one's widget, to put the cursor there."""
        first = None
        for error in errors:
            name = getattr(error, "field", None)
            if name in self.inputs:
                self.set_error(name, texts.message(error, self.specs))
                first = first or self.inputs[name].widget
        return first
