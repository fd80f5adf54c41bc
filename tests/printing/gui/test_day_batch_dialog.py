"""File > Print all routes of a day…: the day (and rep) dialog, the batch's preview, and cancelling it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.visits import VisitService
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.print_preview import PrintPreview
from fieldcrm.ui.printing import actions
from fieldcrm.ui.printing.day_dialog import DayBatchDialog
from fieldcrm.workspace import Workspace
from tests.printing.conftest import MONDAY_ROUTE_2, ROUTE, Routed, next_weekday
from tests.printing.gui.conftest import rendered, texts_of

Windows = Callable[[Workspace], MainWindow]


def set_day(dialog: DayBatchDialog, iso: str) -> None:
    dialog.date_edit.setDate(QDate.fromString(iso, "yyyy-MM-dd"))


def test_the_dialog_lists_the_day_s_routes_and_a_supervisor_picks_a_rep(qtbot: QtBot, windows: Windows,
                                                                          routed: Routed) -> None:
    window = windows(routed.workspace)
    dialog = DayBatchDialog(window.session, window, today=date.fromisoformat(routed.monday))
    qtbot.addWidget(dialog)
    assert dialog.day == routed.monday and dialog.rep is None
    assert dialog.summary.text() == f"2 route(s): {ROUTE}, {MONDAY_ROUTE_2}; 5 stops in all"
    assert [dialog.rep_box.itemText(i) for i in range(dialog.rep_box.count())] == ["Every rep", "李雷", "王芳"]
    dialog.rep_box.setCurrentIndex(2)
    assert dialog.rep == "王芳" and dialog.summary.text() == f"1 route(s): {MONDAY_ROUTE_2}; 2 stops in all"


def test_a_day_with_nothing_to_print_is_refused_in_the_dialog(qtbot: QtBot, windows: Windows, routed: Routed) -> None:
    window = windows(routed.workspace)
    dialog = DayBatchDialog(window.session, window)
    qtbot.addWidget(dialog)
    sunday = next_weekday(6)
    set_day(dialog, sunday)
    assert dialog.error.text() == f"date: no route with stops runs on {sunday}" and dialog.summary.text() == ""
    dialog.show()
    dialog.preview_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    set_day(dialog, routed.monday)
    assert dialog.error.isHidden()
    dialog.preview_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_rep_is_not_asked_whose_routes(qtbot: QtBot, windows: Windows, workspace: Workspace) -> None:
    window = windows(workspace)
    dialog = DayBatchDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.rep_box.isHidden() and dialog.rep is None
    assert dialog.error.text().startswith("date: no route with stops runs on")


def answer_the_dialog_when_it_opens(day: str | None) -> None:
    """Pick ``day`` and ask for the preview, or with None cancel."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DayBatchDialog)
        if day is None:
            dialog.reject()
            return
        set_day(dialog, day)
        dialog.preview_button.click()

    QTimer.singleShot(0, answer)


def test_the_file_menu_prints_all_routes_of_a_day(qtbot: QtBot, windows: Windows, routed: Routed,
                                                  tmp_path: Path) -> None:
    window = windows(routed.workspace)
    action = window.findChild(QAction, "printDayAction")
    assert action is not None and action.text() == "Print all &routes of a day…"
    answer_the_dialog_when_it_opens(None)
    action.trigger()
    assert window.findChildren(PrintPreview) == []
    answer_the_dialog_when_it_opens(routed.monday)
    action.trigger()
    (preview,) = window.findChildren(PrintPreview)
    rendered(qtbot, preview)
    assert preview.document.pageCount() == 2
    assert preview.windowTitle() == f"Visit sheets of every route for {routed.monday}"
    texts = texts_of(preview, tmp_path)
    assert ROUTE in texts[0] and MONDAY_ROUTE_2 in texts[1]
    assert {v["rep"] for v in VisitService(routed.workspace).list(date=routed.monday)} == {"李雷", "王芳"}


def test_cancelling_the_batch_shows_nothing_and_offers_no_save(qtbot: QtBot, windows: Windows,
                                                               routed: Routed) -> None:
    window = windows(routed.workspace)
    preview = actions.print_day(window.session, routed.monday, None, window)
    succeeded: list[object] = []
    preview.job.succeeded.connect(succeeded.append)
    preview.cancel_button.click()
    rendered(qtbot, preview)
    assert succeeded == [] and preview.document.pageCount() == 0
    assert not preview.save_button.isEnabled() and not preview.print_button.isEnabled()
    assert preview.status.text() == "Cancelled"


def test_a_deleted_route_leaves_the_day_without_it(qtbot: QtBot, windows: Windows, routed: Routed) -> None:
    RouteService(routed.workspace).delete(MONDAY_ROUTE_2)
    window = windows(routed.workspace)
    dialog = DayBatchDialog(window.session, window, today=date.fromisoformat(routed.monday))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == f"1 route(s): {ROUTE}; 3 stops in all"
