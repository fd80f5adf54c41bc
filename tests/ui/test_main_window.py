"""The main window: pages, the status bar, remembered state, the language setting."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from fieldcrm.domain.customers import CustomerService
from fieldcrm.i18n import QT_TRANSLATE_NOOP
from fieldcrm.ui import prompts
from fieldcrm.ui.customers.list_model import COLUMNS
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.i18n import stored_language, ui_locale
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.pages import PAGES, PageSpec
from fieldcrm.ui.workers import TaskRunner
from fieldcrm.workspace import Workspace
from tests.ui.conftest import Prompts


class NotesPage(Page):
    """A stand-in for a later page (Visits, Routes…), to show registration is one line."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel(session.workspace.folder.name, self))


def test_status_bar_names_the_owner_and_role(main_window: MainWindow, supervisor_window: MainWindow) -> None:
    assert main_window.owner_label.text() == "李雷 · Sales rep · 西湖区"
    assert supervisor_window.owner_label.text() == "韩梅梅 · Supervisor"
    assert [main_window.navigation.item(i).text() for i in range(main_window.navigation.count())] == [
        spec.title for spec in PAGES
    ]
    assert main_window.navigation.item(0).text() == "Customers"


def test_a_page_is_registered_with_one_line(
    qtbot: QtBot, workspace: Workspace, customers: CustomerService, answers: Prompts
) -> None:
    pages = (PAGES[0], PageSpec("notes", QT_TRANSLATE_NOOP("Pages", "Notes"), "customers", NotesPage))
    window = MainWindow(Session(workspace, DataBus(), TaskRunner()), pages)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert [window.navigation.item(i).text() for i in range(2)] == ["Customers", "Notes"]

    customers_page = window.pages["customers"]
    assert isinstance(customers_page, CustomersPage)
    customers_page.new_customer()
    customers_page.editor.inputs["city"].set_text("杭州")
    answers.unsaved.append(prompts.Unsaved.CANCEL)
    window.navigation.setCurrentRow(1)  # leaving a card with edits asks first
    assert window.current_key == "customers" and window.navigation.currentRow() == 0
    answers.unsaved.append(prompts.Unsaved.DISCARD)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "notes" and window.navigation.currentRow() == 1
    assert window.close()
    window.session.tasks.shutdown()


def test_window_size_page_and_columns_are_remembered(
    workspace: Workspace, windows: Callable[[Workspace], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = windows(workspace)
    page = first.pages["customers"]
    assert isinstance(page, CustomersPage)
    page.table.sortByColumn(COLUMNS.index("code"), Qt.SortOrder.DescendingOrder)
    assert first.close()
    geometry = first.saveGeometry()

    restored: list[QByteArray] = []
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda window, state: restored.append(state) or True)
    second = windows(workspace)
    assert restored == [geometry]  # the offscreen screen is too small to compare real sizes
    assert second.current_key == "customers"
    page = second.pages["customers"]
    assert isinstance(page, CustomersPage)
    assert page.model.query.sort == "code" and page.model.query.descending


def test_the_language_setting_applies_on_the_next_start(main_window: MainWindow, answers: Prompts) -> None:
    assert stored_language() is None
    main_window.language_actions["zh_CN"].trigger()
    assert stored_language() == "zh_CN"
    assert ui_locale().name() == "zh_CN"
    assert ui_locale("en").name() == QLocale("en").name()  # --lang wins over the setting
    assert "next time" in answers.infos[-1]
    main_window.language_actions[None].trigger()
    assert stored_language() is None
    assert QCoreApplication.translate("Pages", "Customers") == "Customers"  # nothing changed yet


def test_while_a_first_sync_has_the_workspace_file_the_window_stays_on_its_page(main_window: MainWindow) -> None:
    """No other page and no printing: the window's connection reads a copy and writes nothing meanwhile."""
    bus = main_window.session.bus
    bus.handed_over.emit(True)
    assert not main_window.navigation.isEnabled() and not main_window.file_menu.isEnabled()
    assert not any(action.isEnabled() for action in main_window.go_menu_actions)
    bus.handed_over.emit(False)
    assert main_window.navigation.isEnabled() and main_window.file_menu.isEnabled()
    assert all(action.isEnabled() for action in main_window.go_menu_actions)
