"""One input widget per field kind, behind one small interface.

The editor is generated from ``CUSTOMER_FIELDS``; this module decides how each
``Kind`` is typed in. Every input deals in the text a user sees
(``validation.format_value`` / ``parse_value`` convert to and from stored
values), so checking a field is the same call whatever its widget. Validators
only stop characters that can never be right; the domain gives the messages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import QApplication, QCalendarWidget, QComboBox, QLineEdit, QMenu, QPlainTextEdit, QWidget, QWidgetAction

from fieldcrm.domain.customer_fields import FieldSpec, Kind
from fieldcrm.ui.colours import INVALID_BACKGROUND, tint
from fieldcrm.ui.i18n import choice_label
from fieldcrm.ui.icons import icon

ISO_DATE = "yyyy-MM-dd"
TEXT_AREA_LINES = 4

_ALLOWED_CHARACTERS: dict[Kind, str] = {
    Kind.INT: r"[+\-]?[0-9,]*",
    Kind.MONEY: r"[¥]?[+\-]?[0-9,]*\.?[0-9]*",
    Kind.DATE: r"[0-9]{0,4}(-[0-9]{0,2}(-[0-9]{0,2})?)?",
    Kind.LATITUDE: r"[+\-]?[0-9]*\.?[0-9]*",
    Kind.LONGITUDE: r"[+\-]?[0-9]*\.?[0-9]*",
}


class FieldInput(QObject):
    """Adapts one widget to what the editor needs: text in and out, edits, leaving."""

    edited = Signal()  # the user changed the value
    left = Signal()  # focus left the field: the moment to check it

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        super().__init__(widget)
        self.spec = spec
        self.widget = widget
        widget.setObjectName(f"field_{spec.name}")
        widget.installEventFilter(self)

    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        """Show ``text`` without it counting as a user edit."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    def set_invalid(self, invalid: bool) -> None:
        """Tint the field while its value is refused (a palette, as style sheets are slow to apply)."""
        if bool(self.widget.property("invalid")) == invalid:
            return
        self.widget.setProperty("invalid", invalid)
        normal = QApplication.palette(self.widget).color(QPalette.ColorRole.Base)
        tint(self.widget, QPalette.ColorRole.Base, INVALID_BACKGROUND if invalid else normal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return False


class LineInput(FieldInput):
    """One line: text, phones, numbers, money and coordinates."""

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        self.line = QLineEdit(parent)
        super().__init__(spec, self.line)
        pattern = _ALLOWED_CHARACTERS.get(spec.kind)
        if pattern:
            self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        if spec.kind is Kind.TEXT:
            self.line.setMaxLength(spec.max_length)
        self.line.setPlaceholderText(_placeholder(spec.kind))
        self.line.textEdited.connect(self.edited)

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        self.line.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)


class DateInput(LineInput):
    """YYYY-MM-DD typed in, or picked from a calendar; empty stays allowed."""

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        super().__init__(spec, parent)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.menu = QMenu(self.line)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.pick_action = self.line.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.pick_action.setToolTip(QCoreApplication.translate("FieldInput", "Pick a date"))
        self.pick_action.triggered.connect(self._show_calendar)

    def _show_calendar(self) -> None:
        shown = QDate.fromString(self.line.text(), ISO_DATE)
        self.calendar.setSelectedDate(shown if shown.isValid() else QDate.currentDate())
        self.menu.popup(self.line.mapToGlobal(self.line.rect().bottomLeft()))

    def _picked(self, day: QDate) -> None:
        self.menu.close()
        self.line.setText(day.toString(ISO_DATE))
        self.edited.emit()
        self.line.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.pick_action.setVisible(not read_only)


class TextAreaInput(FieldInput):
    """Several lines; Tab moves on to the next field instead of typing a tab."""

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        self.area = QPlainTextEdit(parent)
        super().__init__(spec, self.area)
        self.area.setTabChangesFocus(True)
        self.area.setFixedHeight(self.area.fontMetrics().lineSpacing() * TEXT_AREA_LINES + 12)
        self._loading = False
        self.area.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def text(self) -> str:
        return self.area.toPlainText()

    def set_text(self, text: str) -> None:
        self._loading = True
        try:
            self.area.setPlainText(text)
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.area.setReadOnly(read_only)


class ChoiceInput(FieldInput):
    """A fixed list shown as translated labels, with an empty entry for "not known"."""

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        assert spec.choices is not None
        self.combo = QComboBox(parent)
        super().__init__(spec, self.combo)
        self.combo.addItem("", "")
        for member in spec.choices:
            self.combo.addItem(choice_label(member), member.value)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.activated.connect(self.edited)

    def text(self) -> str:
        return str(self.combo.currentData() or "")

    def set_text(self, text: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(text)))

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)


_INPUTS: dict[Kind, type[FieldInput]] = {
    Kind.TEXT: LineInput,
    Kind.PHONES: LineInput,
    Kind.INT: LineInput,
    Kind.MONEY: LineInput,
    Kind.LATITUDE: LineInput,
    Kind.LONGITUDE: LineInput,
    Kind.DATE: DateInput,
    Kind.LONGTEXT: TextAreaInput,
    Kind.CHOICE: ChoiceInput,
}


def make_input(spec: FieldSpec, parent: QWidget) -> FieldInput:
    return _INPUTS[spec.kind](spec, parent)  # type: ignore[call-arg]


def _placeholder(kind: Kind) -> str:
    return {
        Kind.DATE: QCoreApplication.translate("FieldInput", "YYYY-MM-DD"),
        Kind.MONEY: QCoreApplication.translate("FieldInput", "Amount in yuan, e.g. 1200.50"),
        Kind.PHONES: QCoreApplication.translate("FieldInput", "e.g. 0571-88886666, 13800001111"),
        Kind.LATITUDE: QCoreApplication.translate("FieldInput", "e.g. 30.2741"),
        Kind.LONGITUDE: QCoreApplication.translate("FieldInput", "e.g. 120.1551"),
    }.get(kind, "")
