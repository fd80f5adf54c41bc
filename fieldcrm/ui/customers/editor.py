"""The customer card (客户档案卡) editor, generated from ``CUSTOMER_FIELDS``.

One tab per section and one input per field, so a field added to the
domain appears here with its rules and no form code changes. Checking uses
``domain.validation`` (as the user leaves a field, and on save through the
service); writes go through ``CustomerService`` and are announced on the data
bus. The editor owns the "unsaved edits" question because only it knows
whether there are any.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QStackedWidget, QTabWidget,
    QVBoxLayout, QWidget,
)

from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, FieldSpec, Section
from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.validation import format_value, parse_value
from fieldcrm.errors import FieldCRMError, FieldError, ValidationErrors
from fieldcrm.ui import prompts
from fieldcrm.ui.card_tabs import CARD_TABS
from fieldcrm.ui.colours import BANNER_BACKGROUND, ERROR_TEXT, tint
from fieldcrm.ui.customers.display import card_title
from fieldcrm.ui.customers.field_widgets import FieldInput, make_input
from fieldcrm.ui.customers.history import HistoryTable
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.i18n import error_text, field_label, section_label

TITLE_SCALE = 1.3


class Mode(Enum):
    NONE = "none"  # nothing open: the hint is shown
    NEW = "new"  # a card being created, not stored yet
    CARD = "card"  # a stored card


class CustomerEditor(QWidget):
    saved = Signal(str)  # the id of the card just written
    closed = Signal()  # the user is done with the card (Esc/Cancel without edits)
    print_requested = Signal(str)  # the id of the stored card to print (the page owns printing)

    def __init__(
        self, service: CustomerService, bus: DataBus, *, supervisor: bool, read_only: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._bus = bus
        self._supervisor = supervisor
        self._workspace_read_only = read_only
        self.customer_id: str | None = None
        self._mode = Mode.NONE
        self._card: dict[str, Any] | None = None
        self._original: dict[str, str] = {}
        self._editable = False
        self._announcing = False
        self.inputs: dict[str, FieldInput] = {}
        self._errors: dict[str, QLabel] = {}

        self.title = QLabel(self)
        self.title.setObjectName("cardTitle")
        font = self.title.font()
        if font.pointSizeF() > 0:  # -1 when the platform font is sized in pixels
            font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        font.setBold(True)
        self.title.setFont(font)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setMargin(4)
        self.banner.setAutoFillBackground(True)
        tint(self.banner, QPalette.ColorRole.Window, BANNER_BACKGROUND)
        self.banner.hide()
        self._build_tabs()
        self._build_actions()
        self._build_layout()
        bus.changed.connect(self._data_changed)
        self._refresh_state()

    def _build_tabs(self) -> None:
        """A tab per section, then History; Alt+1… jumps to a tab from the keyboard."""
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cardTabs")
        for number, section in enumerate(Section, start=1):
            self.tabs.addTab(self._section_page(section), section_label(section))
            self.tabs.setTabToolTip(number - 1, f"Alt+{number}")
        self.history = HistoryTable(self)
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.setTabToolTip(self.tabs.count() - 1, f"Alt+{self.tabs.count()}")
        self.card_tabs: list[QWidget] = []
        for factory in CARD_TABS:
            title, tab = factory(self._service.workspace, self._bus, self)
            self.card_tabs.append(tab)
            self.tabs.addTab(tab, title)
            self.tabs.setTabToolTip(self.tabs.count() - 1, f"Alt+{self.tabs.count()}")
        for number in range(1, self.tabs.count() + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda index=number - 1: self._show_tab(index))

    def _build_actions(self) -> None:
        """Save (button, Ctrl+S anywhere in the window) and Cancel (button, Esc inside the card)."""
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setToolTip(QKeySequence(Qt.Key.Key_Escape).toString(QKeySequence.SequenceFormat.NativeText))
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("printCard")
        self.print_button.clicked.connect(self._request_print)
        self.save_action = QAction(self.tr("Save customer"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.cancel_action = QAction(self.tr("Cancel editing"), self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_action.triggered.connect(self.cancel)
        self.addAction(self.cancel_action)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        card = QWidget(self)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.banner)
        card_layout.addWidget(self.tabs, 1)
        card_layout.addLayout(buttons)
        hint = QLabel(self.tr("Open a customer from the list (Enter or double-click), or create one with Ctrl+N."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(hint)
        self.stack.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _section_page(self, section: Section) -> QScrollArea:
        page = QWidget()
        form = QFormLayout()
        column = QVBoxLayout(page)
        column.addLayout(form)
        column.addStretch(1)  # spare height goes below the fields, not into a message row
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in (s for s in CUSTOMER_FIELDS if s.section is section):
            field = make_input(spec, page)
            field.edited.connect(self._refresh_dirty)
            field.left.connect(lambda name=spec.name: self._check_field(name))
            error = QLabel(page)
            error.setObjectName(f"error_{spec.name}")
            tint(error, QPalette.ColorRole.WindowText, ERROR_TEXT)
            error.setWordWrap(True)
            error.hide()
            label = QLabel(self._label_text(spec), page)
            label.setBuddy(field.widget)
            if spec.supervisor_only:
                tip = self.tr("Only a supervisor may change this field")
                label.setToolTip(tip)
                field.widget.setToolTip(tip)
            form.addRow(label, field.widget)
            form.addRow(error)  # a row of its own, full width, shown only when there is a message
            self.inputs[spec.name] = field
            self._errors[spec.name] = error
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        return scroll

    def _label_text(self, spec: FieldSpec) -> str:
        label = field_label(spec)
        if spec.required:
            return self.tr("{label} *").format(label=label)
        if spec.supervisor_only:
            return self.tr("{label} (supervisor)").format(label=label)
        return label

    # -- what is open ---------------------------------------------------------

    def show_customer(self, customer_id: str) -> None:
        """Load a card; the caller has asked ``confirm_leave`` first."""
        self._load(customer_id)

    def start_new(self) -> None:
        self.customer_id = None
        self._card = None
        self._mode = Mode.NEW
        self._fill({})
        self.history.history.set_rows([])
        self._show_customer_in_tabs(None)
        self.tabs.setCurrentIndex(0)
        self._refresh_state()
        self.inputs["name"].widget.setFocus()

    def close_card(self) -> None:
        self.customer_id = None
        self._card = None
        self._mode = Mode.NONE
        self._fill({})
        self.history.history.set_rows([])
        self._show_customer_in_tabs(None)
        self._refresh_state()

    def _show_customer_in_tabs(self, customer_id: str | None) -> None:
        for tab in self.card_tabs:
            tab.set_customer(customer_id)  # type: ignore[attr-defined]

    @property
    def is_open(self) -> bool:
        return self._mode is not Mode.NONE

    def _load(self, customer_id: str) -> None:
        card = self._service.get(customer_id)
        self.customer_id = card["id"]
        self._card = card
        self._mode = Mode.CARD
        self._fill(card)
        self.history.history.set_rows(self._service.history(card["id"]))
        self._show_customer_in_tabs(card["id"])
        self._refresh_state()

    def _fill(self, card: dict[str, Any]) -> None:
        self._original = {}
        for name, field in self.inputs.items():
            text = format_value(field.spec, card.get(name))
            field.set_text(text)
            self._original[name] = text
            self._set_error(name, None)

    # -- state ----------------------------------------------------------------

    def is_dirty(self) -> bool:
        return bool(self._changed())

    def _changed(self) -> dict[str, str]:
        """The fields whose text differs from the card as loaded (for a new card: those typed in)."""
        return {
            name: field.text()
            for name, field in self.inputs.items()
            if self._field_editable(field.spec) and field.text() != self._original.get(name, "")
        }

    def _field_editable(self, spec: FieldSpec) -> bool:
        return self._editable and (self._supervisor or not spec.supervisor_only)

    def _refresh_state(self) -> None:
        """After a card is opened or closed: who may edit what, and the banner saying why not."""
        open_ = self.is_open
        self.stack.setCurrentIndex(1 if open_ else 0)
        deleted = bool(self._card and self._card.get("deleted"))
        self._editable = open_ and not self._workspace_read_only and not deleted
        for field in self.inputs.values():
            field.set_read_only(not self._field_editable(field.spec))
        if self._workspace_read_only:
            self._show_banner(self.tr("The workspace is open read-only; cards cannot be changed."))
        elif deleted:
            self._show_banner(self.tr("This customer is deleted. Restore it from the list to edit the card."))
        else:
            self.banner.hide()
        self.cancel_button.setEnabled(open_)
        self.cancel_action.setEnabled(open_)
        self._refresh_dirty()

    def _refresh_dirty(self) -> None:
        """After each keystroke: the title's star and whether Save is offered."""
        dirty = self.is_dirty()
        name = card_title(self._card) if self._card else self.tr("New customer")
        self.title.setText(f"{name} *" if dirty else name)
        self.save_button.setEnabled(self._editable and (dirty or self._mode is Mode.NEW))
        self.save_action.setEnabled(self.save_button.isEnabled())
        # The print is of the stored card: with edits pending it would not show them.
        self.print_button.setEnabled(self._mode is Mode.CARD and not dirty)
        self.print_button.setToolTip(self.tr("Save the card first: the print shows the stored card") if dirty else "")

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    # -- checking and saving --------------------------------------------------

    def _check_field(self, name: str) -> None:
        field = self.inputs[name]
        if not self._field_editable(field.spec):
            return
        try:
            parse_value(field.spec, field.text())
        except FieldError as error:
            self._set_error(name, error_text(error))
        else:
            self._set_error(name, None)

    def _set_error(self, name: str, message: str | None) -> None:
        label = self._errors[name]
        label.setText(message or "")
        label.setVisible(bool(message))
        self.inputs[name].set_invalid(bool(message))
        self.inputs[name].widget.setAccessibleDescription(message or "")

    def error_message(self, name: str) -> str:
        """The message shown under a field, empty when it is fine."""
        return "" if self._errors[name].isHidden() else self._errors[name].text()

    def save(self) -> bool:
        """Write the edits; on refusal mark every bad field and go to the first. True when saved."""
        if not self._editable:
            return False
        edits = self._changed()
        if self._mode is Mode.CARD and not edits:
            return True
        for name in self.inputs:
            self._set_error(name, None)
        try:
            if self.customer_id is None:
                self.customer_id = self._service.create({"name": "", **edits})["id"]
            else:
                self._service.update(self.customer_id, edits)
        except ValidationErrors as errors:
            self._show_field_errors(errors.errors)
            return False
        except FieldCRMError as error:
            if _field_of(error) in self.inputs:
                self._show_field_errors([error])
            else:
                prompts.show_error(self, error)
            return False
        self._load(self.customer_id)
        self.saved.emit(self.customer_id)
        self._announcing = True
        try:
            self._bus.notify("customers")
        finally:
            self._announcing = False
        return True

    def _show_field_errors(self, errors: list[FieldError] | list[FieldCRMError]) -> None:
        shown = [(_field_of(error), error) for error in errors if _field_of(error) in self.inputs]
        for name, error in shown:
            self._set_error(name, error_text(error))
        if not shown:
            return
        first = self.inputs[shown[0][0]]
        self.tabs.setCurrentIndex(list(Section).index(first.spec.section))
        first.widget.setFocus()

    def cancel(self) -> None:
        """Esc/Cancel: drop the edits (after asking), or hand focus back when there are none."""
        if not self.is_open:
            return
        if self.is_dirty():
            question = self.tr("Discard the changes to {card}?").format(card=self._card_name())
            if not prompts.confirm(self, self.tr("Discard changes"), question, self.tr("&Discard")):
                return
            self._discard()
            if self._mode is Mode.CARD:
                return  # the card stays open, as it was before the edits
        elif self._mode is Mode.NEW:
            self.close_card()
        self.closed.emit()

    def _discard(self) -> None:
        if self._mode is Mode.CARD and self._card is not None:
            self._fill(self._card)
            self._refresh_state()
        else:
            self.close_card()

    def confirm_leave(self) -> bool:
        """Before another card, page or closing: Save / Discard / Cancel. True means go ahead."""
        if not self.is_dirty():
            return True
        answer = prompts.ask_unsaved(self, self._card_name())
        if answer is prompts.Unsaved.SAVE:
            return self.save()
        if answer is prompts.Unsaved.DISCARD:
            self._discard()
            return True
        return False

    def _request_print(self) -> None:
        if self._mode is Mode.CARD and self.customer_id is not None and not self.is_dirty():
            self.print_requested.emit(self.customer_id)

    def _card_name(self) -> str:
        return card_title(self._card) if self._card else self.tr("The new customer")

    def _show_tab(self, index: int) -> None:
        if not self.is_open:
            return
        self.tabs.setCurrentIndex(index)
        self.focus_first_field()

    def focus_first_field(self) -> None:
        """Put the cursor in the first field of the shown tab, for keyboard users."""
        section = list(Section)[self.tabs.currentIndex()] if self.tabs.currentIndex() < len(Section) else None
        for field in self.inputs.values():
            if field.spec.section is section:
                field.widget.setFocus()
                return
        self.tabs.currentWidget().setFocus()

    def _data_changed(self, tables: set[str]) -> None:
        """Someone else wrote (delete, restore, later sync): show the new state unless mid-edit."""
        if "customers" not in tables or self._announcing or self.customer_id is None or self.is_dirty():
            return
        self._load(self.customer_id)


def _field_of(error: FieldCRMError) -> str | None:
    """The field an error is about: FieldError says so, PermissionDenied names it in its arguments."""
    name = getattr(error, "field", None) or error.args_map.get("field")
    return name if isinstance(name, str) else None
