"""The Customers page driven through its widgets, as a rep would use it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit
from pytestqt.qtbot import QtBot

from fieldcrm.domain.customers import CustomerService
from fieldcrm.ui.customers.list_model import COLUMNS, PAGE_SIZE
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.workspace import Workspace
from tests.ui.conftest import Prompts
from tests.ui.helpers import add_customers, type_text, wait_idle


def section_centre(header: QHeaderView, section: int) -> QPoint:
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def cell(page: CustomersPage, row: int, column: str) -> str:
    return page.model.data(page.model.index(row, COLUMNS.index(column)))


def names(page: CustomersPage) -> list[str]:
    return [cell(page, row, "name") for row in range(page.model.rowCount())]


def type_into(qtbot: QtBot, page: CustomersPage, field: str, text: str) -> None:
    widget = page.editor.inputs[field].widget
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    type_text(qtbot, widget, text)


def search(qtbot: QtBot, window: MainWindow, page: CustomersPage, text: str) -> None:
    page.filter_bar.search.clear()
    type_text(qtbot, page.filter_bar.search, text)
    qtbot.waitUntil(lambda: page.model.query.search == text)  # after the debounce
    wait_idle(qtbot, window)


def test_create_edit_find_filter_and_reopen_a_customer(
    qtbot: QtBot, main_window: MainWindow, page: CustomersPage, customers: CustomerService
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor.is_open and editor.title.text() == "New customer"
    assert editor.inputs["name"].widget.hasFocus()

    type_text(qtbot, editor.inputs["name"].widget, "张三超市")
    type_into(qtbot, page, "phones", "0571-88886666")
    channel = editor.inputs["channel"].widget
    channel.setFocus()
    qtbot.keyClicks(channel, "Retail")
    type_into(qtbot, page, "founded_on", "2015-03-01")
    assert editor.title.text() == "New customer *"
    qtbot.keyClick(editor.inputs["founded_on"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, main_window)

    card = customers.get(editor.customer_id or "")
    assert (card["name"], card["phones"], card["channel"], card["founded_on"]) == (
        "张三超市", "0571-88886666", "retail", "2015-03-01",
    )
    assert names(page) == ["张三超市"]
    assert page.current_id() == card["id"]  # the list selects what was just saved
    assert cell(page, 0, "channel") == "Retail"
    assert page.count_label.text() == "1 customer(s)"

    type_into(qtbot, page, "phones", "13800001111")
    editor.save_button.click()
    wait_idle(qtbot, main_window)
    assert cell(page, 0, "phones") == "13800001111"
    assert page.current_id() == card["id"]
    assert editor.title.text() == f"{card['code']} 张三超市"

    customers.create({"name": "李四便利店", "channel": "wholesale"})
    main_window.session.bus.notify("customers")
    wait_idle(qtbot, main_window)
    assert names(page) == ["张三超市", "李四便利店"]
    assert page.current_id() == card["id"]  # a refresh keeps the selection

    for text in ("zscs", "zhangsan", "138000", "0001111", card["code"].lower(), "超市"):
        search(qtbot, main_window, page, text)
        assert names(page) == ["张三超市"], text
    search(qtbot, main_window, page, "lsbld")
    assert names(page) == ["李四便利店"]
    search(qtbot, main_window, page, "")
    assert len(names(page)) == 2

    combo = page.filter_bar.combos["channel"]
    combo.setCurrentIndex(combo.findData("wholesale"))
    wait_idle(qtbot, main_window)
    assert names(page) == ["李四便利店"]
    assert page.count_label.text() == "1 customer(s)"
    combo.setCurrentIndex(combo.findData("retail"))
    assert names(page) == ["张三超市"]
    page.filter_bar.clear_button.click()
    wait_idle(qtbot, main_window)
    assert page.count_label.text() == "2 customer(s)"

    # reopen from the list by keyboard: everything typed is there, and the history says who did it
    editor.close_card()
    page.select(card["id"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert editor.customer_id == card["id"]
    assert editor.inputs["phones"].text() == "13800001111"
    assert editor.inputs["channel"].widget.currentText() == "Retail"
    history = editor.history.history
    rows = [[history.data(history.index(r, c)) for c in range(1, 5)] for r in range(history.rowCount())]
    assert ["Phones", "0571-88886666", "13800001111", "李雷"] in rows
    assert ["Name", "", "张三超市", "李雷"] in rows


def test_double_click_opens_and_escape_returns_to_the_list(
    qtbot: QtBot, main_window: MainWindow, page: CustomersPage, customers: CustomerService
) -> None:
    card = customers.create({"name": "王五烟酒店"})
    main_window.session.bus.notify("customers")
    rect = page.table.visualRect(page.model.index(0, COLUMNS.index("name")))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editor.customer_id is None  # one click selects, it does not open
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editor.customer_id == card["id"]
    assert page.editor.inputs["name"].widget.hasFocus()
    qtbot.keyClick(page.editor.inputs["name"].widget, Qt.Key.Key_Escape)
    assert page.table.hasFocus()


def test_delete_show_deleted_and_restore(
    qtbot: QtBot, main_window: MainWindow, page: CustomersPage, customers: CustomerService, answers: Prompts
) -> None:
    keep = customers.create({"name": "张三超市"})
    gone = customers.create({"name": "李四便利店"})
    main_window.session.bus.notify("customers")
    page.select(gone["id"])
    page.table.setFocus()

    answers.confirms.append(False)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert customers.get(gone["id"])["deleted"] == 0
    assert "李四便利店" in answers.asked[-1]

    answers.confirms.append(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, main_window)
    assert customers.get(gone["id"])["deleted"] == 1
    assert names(page) == ["张三超市"]

    page.filter_bar.show_deleted.click()
    wait_idle(qtbot, main_window)
    assert names(page) == ["李四便利店"]
    assert page.count_label.text() == "1 deleted customer(s)"
    assert page.restore_action.isVisible() is False or page.restore_action.isEnabled() is False
    page.select(gone["id"])
    assert page.restore_action.isEnabled() and not page.delete_action.isEnabled()
    page.open_customer(gone["id"])
    assert page.editor.banner.isVisibleTo(page.editor)
    assert not page.editor.save_button.isEnabled()
    assert page.editor.inputs["name"].widget.isReadOnly()

    page.restore_action.trigger()
    wait_idle(qtbot, main_window)
    assert customers.get(gone["id"])["deleted"] == 0
    assert names(page) == []
    assert not page.editor.inputs["name"].widget.isReadOnly()  # the open card follows the restore
    page.filter_bar.show_deleted.click()
    assert names(page) == ["张三超市", "李四便利店"]
    assert keep["id"] in {page.model.id_at(row) for row in range(2)}


def test_list_of_a_big_workspace_loads_lazily(
    qtbot: QtBot, workspace: Workspace, windows: Callable[[Workspace], MainWindow]
) -> None:
    add_customers(workspace, 1000)
    window = windows(workspace)
    page = window.pages["customers"]
    assert isinstance(page, CustomersPage)
    assert page.model.rowCount() == PAGE_SIZE
    assert page.count_label.text() == "1000 customer(s)"
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE_SIZE)

    # a header click sorts in the database, over all 1000 rows, not only the loaded ones
    name = COLUMNS.index("name")
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == name and page.model.query.sort == "name"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section_centre(header, name))
    assert page.model.query.descending and cell(page, 0, "name") == "客户00999"
    assert page.model.rowCount() == PAGE_SIZE
    code = COLUMNS.index("code")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section_centre(header, code))
    assert page.model.query.sort == "code"


def test_route_filter_offers_the_routes_in_use(
    qtbot: QtBot, main_window: MainWindow, page: CustomersPage, customers: CustomerService
) -> None:
    customers.create({"name": "张三超市", "route": "R01", "territory": "西湖区"})
    customers.create({"name": "李四便利店", "route": "R02", "territory": "西湖区"})
    main_window.session.bus.notify("customers")
    wait_idle(qtbot, main_window)
    route = page.filter_bar.combos["route"]
    assert [route.itemText(i) for i in range(route.count())] == ["All", "R01", "R02"]
    route.setCurrentIndex(route.findData("R02"))
    assert names(page) == ["李四便利店"]


def test_clicking_a_header_sorts_every_row_through_the_view(
    qtbot: QtBot, workspace: Workspace, windows: Callable[[Workspace], MainWindow], customers: CustomerService
) -> None:
    """Both directions of a column with blanks, over pages fetched as the view scrolls: blanks last, ties by id."""
    add_customers(workspace, 2 * PAGE_SIZE + 50)  # routes R00–R06: long runs of ties
    for name in ("没有线路的店", "另一家没有线路的店"):
        customers.create({"name": name})
    window = windows(workspace)
    page = window.pages["customers"]
    assert isinstance(page, CustomersPage)
    cards = workspace.db.execute("SELECT id, route FROM customers WHERE deleted = 0").fetchall()
    header = page.table.horizontalHeader()
    route = COLUMNS.index("route")

    def shown() -> list[str | None]:
        while page.model.canFetchMore():
            loaded = page.model.rowCount()
            page.table.scrollToBottom()  # the view asks for the next page
            qtbot.waitUntil(lambda: page.model.rowCount() > loaded)
        return [page.model.id_at(row) for row in range(page.model.rowCount())]

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section_centre(header, route))
    assert header.sortIndicatorSection() == route and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert page.model.rowCount() == PAGE_SIZE
    routed = sorted((c for c in cards if c[1] is not None), key=lambda c: (c[1], c[0]))
    blank = sorted(c for c in cards if c[1] is None)
    assert shown() == [c[0] for c in routed + blank]
    assert cell(page, 0, "route") == "R00" and cell(page, len(cards) - 1, "route") == ""

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section_centre(header, route))
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder and page.model.query.descending
    assert shown() == [c[0] for c in routed[::-1] + blank[::-1]]
    assert cell(page, 0, "route") == "R06"
