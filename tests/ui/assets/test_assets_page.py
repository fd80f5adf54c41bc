"""The Assets page through its widgets: filtering, counting, opening a unit, registering one."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldcrm.ui.assets.asset_window import AssetWindow
from fieldcrm.ui.assets.assets_page import AssetsPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.workspace import Workspace
from tests.ui.helpers import type_text


def tags(page: AssetsPage) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def choose(combo: Any, code: str) -> None:
    """Pick an entry as a user does: set it and emit ``activated``, which the bar listens to."""
    combo.setCurrentIndex(combo.findData(code))
    combo.activated.emit(combo.currentIndex())


def test_filters_and_search_narrow_the_list(qtbot: QtBot, page: AssetsPage) -> None:
    assert tags(page) == ["BG-001", "BG-002", "CL-001"]
    assert page.count_label.text() == "3 unit(s)"
    bar = page.filter_bar
    choose(bar.type, "cooler")
    assert tags(page) == ["CL-001"]
    choose(bar.type, "")
    choose(bar.status, "in_stock")
    assert tags(page) == ["BG-002", "CL-001"]
    qtbot.waitUntil(lambda: page.count_label.text() == "2 unit(s)")
    choose(bar.status, "")
    qtbot.waitUntil(lambda: bar.territory.findData("西湖区") >= 0)  # filled in the background
    choose(bar.territory, "西湖区")
    assert tags(page) == ["BG-001"]
    choose(bar.territory, "")
    bar.overdue.setChecked(True)
    assert tags(page) == ["BG-001"]
    bar.overdue.setChecked(False)
    type_text(qtbot, bar.search, "澳柯玛")
    qtbot.waitUntil(lambda: tags(page) == ["CL-001"])
    qtbot.waitUntil(lambda: page.count_label.text() == "1 unit(s)")


def test_enter_opens_the_unit_with_its_history(qtbot: QtBot, page: AssetsPage) -> None:
    page.table.setFocus()
    page.select(page.model.id_at(0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    window = page.asset_window
    assert isinstance(window, AssetWindow)
    qtbot.addWidget(window)
    assert window.title.text().startswith("BG-001")
    assert window.fields["status"].text() == "Deployed"
    assert "张三超市" in window.fields["location"].text()
    assert "300.00" in window.fields["placement"].text() and "AG-7" in window.fields["placement"].text()
    assert window.fields["flags"].text() == "Not clean"
    kinds = [window.history.events.index(r, 1).data() for r in range(window.history.events.rowCount())]
    assert kinds == ["Inspected", "Deployed to customer", "Received into stock"]


def test_a_supervisor_registers_a_unit_and_the_list_shows_it(qtbot: QtBot, page: AssetsPage) -> None:
    assert page.new_action.isVisible() and page.new_action.isEnabled()
    dialog = page.register_unit()
    assert dialog is not None
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.widget("tag"), "bg-001")
    dialog.form.set_text("type", "freezer")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.form.error("tag") == "Tag number: BG-001 is already the tag of another unit"
    dialog.form.set_text("tag", "bg-003")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert tags(page) == ["BG-001", "BG-002", "BG-003", "CL-001"]
    qtbot.waitUntil(lambda: page.count_label.text() == "4 unit(s)")


def test_the_page_is_registered_and_reps_see_no_supervisor_lists(
    windows: Callable[[Workspace], MainWindow], workspace: Workspace
) -> None:
    window = windows(workspace)
    assets = window.pages["assets"]
    assert isinstance(assets, AssetsPage)
    assert assets.tabs.count() == 1 and assets.flags is None and not assets.new_action.isVisible()
    assert assets.register_unit() is None
