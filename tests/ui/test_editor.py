"""The card editor: checking, the unsaved-changes guard, roles and read-only workspaces."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from fieldcrm.ui.card_tabs import CARD_TABS
from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, Kind, Section
from fieldcrm.domain.customers import CustomerService
from fieldcrm.ui import prompts
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.workspace import Workspace, open_workspace
from tests.ui.conftest import Prompts
from tests.ui.helpers import type_text, wait_idle


def edit(qtbot: QtBot, page: CustomersPage, field: str, text: str) -> None:
    widget = page.editor.inputs[field].widget
    page.editor.tabs.setCurrentIndex(list(Section).index(page.editor.inputs[field].spec.section))
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    type_text(qtbot, widget, text)


def leave(qtbot: QtBot, page: CustomersPage, field: str) -> None:
    qtbot.keyClick(page.editor.inputs[field].widget, Qt.Key.Key_Tab)


def test_the_form_is_built_from_the_field_list(page: CustomersPage) -> None:
    editor = page.editor
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert titles[:8] == [
        "Basic data", "Owner, manager, legal representative", "Characteristics", "Business status",
        "Trading status", "Classification", "Notes", "History",
    ]
    # Then one tab per feature registered in fieldcrm.ui.card_tabs, e.g. the customer's visits.
    assert len(titles) == 8 + len(CARD_TABS) and "Visits" in titles
    expected = {
        Kind.LONGTEXT: QPlainTextEdit, Kind.CHOICE: QComboBox, Kind.TEXT: QLineEdit, Kind.DATE: QLineEdit,
        Kind.MONEY: QLineEdit, Kind.INT: QLineEdit, Kind.PHONES: QLineEdit, Kind.LATITUDE: QLineEdit,
    }
    assert set(editor.inputs) == {spec.name for spec in CUSTOMER_FIELDS}
    for spec in CUSTOMER_FIELDS:
        assert isinstance(editor.inputs[spec.name].widget, expected.get(spec.kind, QLineEdit)), spec.name
    grade = editor.inputs["grade"].widget
    assert isinstance(grade, QComboBox) and grade.itemText(0) == "" and grade.itemText(1) == "Key"


def test_a_bad_value_is_marked_when_leaving_the_field(qtbot: QtBot, page: CustomersPage) -> None:
    page.new_customer()
    edit(qtbot, page, "founded_on", "2024-02-30")
    assert page.editor.error_message("founded_on") == ""  # not while typing
    leave(qtbot, page, "founded_on")
    assert page.editor.error_message("founded_on") == "Founded on: '2024-02-30' is not a real calendar date"
    assert page.editor.inputs["founded_on"].widget.property("invalid") is True
    edit(qtbot, page, "founded_on", "2024-02-29")
    leave(qtbot, page, "founded_on")
    assert page.editor.error_message("founded_on") == ""


def test_nothing_is_saved_while_a_field_is_wrong(
    qtbot: QtBot, main_window: MainWindow, page: CustomersPage, customers: CustomerService
) -> None:
    page.new_customer()
    edit(qtbot, page, "phones", "not a phone")
    edit(qtbot, page, "owner_age", "7")
    qtbot.keyClick(page.editor.inputs["owner_age"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor.error_message("name") == "Name: is required"
    assert editor.error_message("phones") == "Phones: 'not a phone' is not a phone number"
    assert editor.error_message("owner_age") == "Owner: age: must be at least 14"
    assert editor.tabs.currentIndex() == 0 and editor.inputs["name"].widget.hasFocus()  # the first bad field
    assert customers.count(page.model.query) == 0 and editor.customer_id is None

    edit(qtbot, page, "name", "张三超市")
    edit(qtbot, page, "phones", "0571-88886666")
    edit(qtbot, page, "owner_age", "45")
    assert editor.save()
    assert editor.error_message("phones") == "" and customers.get(editor.customer_id or "")["owner_age"] == 45


def test_money_is_typed_in_yuan(qtbot: QtBot, page: CustomersPage) -> None:
    page.new_customer()
    edit(qtbot, page, "name", "张三超市")
    edit(qtbot, page, "assets", "1,200.50")
    assert page.editor.save()
    assert page.editor.inputs["assets"].text() == "1200.50"


def test_leaving_a_card_with_edits_asks_first(
    qtbot: QtBot, main_window: MainWindow, page: CustomersPage, customers: CustomerService, answers: Prompts
) -> None:
    first = customers.create({"name": "张三超市"})
    second = customers.create({"name": "李四便利店"})
    main_window.session.bus.notify("customers")
    page.open_customer(first["id"])
    edit(qtbot, page, "city", "杭州")
    assert page.editor.is_dirty()

    answers.unsaved.append(prompts.Unsaved.CANCEL)
    page.open_customer(second["id"])
    assert page.editor.customer_id == first["id"] and page.editor.inputs["city"].text() == "杭州"
    answers.unsaved.append(prompts.Unsaved.CANCEL)
    assert main_window.close() is False  # closing the window asks too, and Cancel keeps it open

    answers.unsaved.append(prompts.Unsaved.DISCARD)
    page.open_customer(second["id"])
    assert page.editor.customer_id == second["id"]
    assert customers.get(first["id"])["city"] is None

    edit(qtbot, page, "city", "宁波")
    answers.unsaved.append(prompts.Unsaved.SAVE)
    page.new_customer()
    assert customers.get(second["id"])["city"] == "宁波"
    assert page.editor.customer_id is None and page.editor.is_open
    assert answers.asked == [f"unsaved: {first['code']} 张三超市"] * 3 + [f"unsaved: {second['code']} 李四便利店"]


def test_escape_reverts_edits_after_asking(qtbot: QtBot, main_window: MainWindow, page: CustomersPage,
                                           customers: CustomerService, answers: Prompts) -> None:
    card = customers.create({"name": "张三超市", "city": "杭州"})
    page.open_customer(card["id"])
    edit(qtbot, page, "city", "宁波")
    answers.confirms.append(False)
    qtbot.keyClick(page.editor.inputs["city"].widget, Qt.Key.Key_Escape)
    assert page.editor.inputs["city"].text() == "宁波"
    answers.confirms.append(True)
    qtbot.keyClick(page.editor.inputs["city"].widget, Qt.Key.Key_Escape)
    assert page.editor.inputs["city"].text() == "杭州" and not page.editor.is_dirty()
    assert customers.get(card["id"])["city"] == "杭州"


def test_a_rep_cannot_edit_supervisor_fields(
    qtbot: QtBot, page: CustomersPage, customers: CustomerService
) -> None:
    card = customers.create({"name": "张三超市"})
    page.open_customer(card["id"])
    editor = page.editor
    for name in ("credit_grade", "credit_limit", "grade"):
        widget = editor.inputs[name].widget
        assert (not widget.isEnabled()) if isinstance(widget, QComboBox) else widget.isReadOnly(), name
        assert "supervisor" in widget.toolTip()
    assert not editor.inputs["name"].widget.isReadOnly()
    assert editor.inputs["channel"].widget.isEnabled()


def test_a_supervisor_sets_credit(qtbot: QtBot, supervisor_window: MainWindow,
                                  supervisor_customers: CustomerService) -> None:
    page = supervisor_window.pages["customers"]
    assert isinstance(page, CustomersPage)
    page.new_customer()
    edit(qtbot, page, "name", "张三超市")
    edit(qtbot, page, "credit_limit", "50000")
    grade = page.editor.inputs["credit_grade"].widget
    assert isinstance(grade, QComboBox) and grade.isEnabled()
    grade.setFocus()
    qtbot.keyClicks(grade, "A")  # keyboard search: the first grade starting with A is AAA
    qtbot.keyClick(grade, Qt.Key.Key_Down)
    assert page.editor.save()
    card = supervisor_customers.get(page.editor.customer_id or "")
    assert (card["credit_limit"], card["credit_grade"]) == (5_000_000, "AA")
    wait_idle(qtbot, supervisor_window)


def test_a_read_only_workspace_shows_cards_without_editing(
    qtbot: QtBot, workspace: Workspace, customers: CustomerService, windows: Callable[[Workspace], MainWindow]
) -> None:
    card = customers.create({"name": "张三超市"})
    read_only = open_workspace(Path(workspace.folder), read_only=True)
    try:
        window = windows(read_only)
        page = window.pages["customers"]
        assert isinstance(page, CustomersPage)
        assert not page.new_action.isEnabled()
        page.open_customer(card["id"])
        assert page.editor.inputs["name"].widget.isReadOnly()
        assert not page.editor.save_button.isEnabled()
        assert "read-only" in page.editor.banner.text()
        assert window.close()
    finally:
        read_only.close()


def test_the_card_is_usable_by_keyboard(qtbot: QtBot, main_window: MainWindow, page: CustomersPage) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    order = ["name", "province", "city", "district", "street", "phones", "contacts", "founded_on"]
    for current, following in zip(order, order[1:]):
        assert editor.inputs[current].widget.hasFocus(), current
        qtbot.keyClick(editor.inputs[current].widget, Qt.Key.Key_Tab)
    contacts = editor.inputs["contacts"].widget
    assert isinstance(contacts, QPlainTextEdit) and contacts.toPlainText() == ""  # Tab moved on, typed nothing
    qtbot.keyClick(editor.inputs["founded_on"].widget, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert editor.tabs.currentIndex() == list(Section).index(Section.CHARACTERISTICS)
    assert editor.inputs["service_area"].widget.hasFocus()
    qtbot.keyClick(editor.inputs["service_area"].widget, Qt.Key.Key_Escape)  # nothing typed: back to the list
    assert page.table.hasFocus() and not editor.is_open
