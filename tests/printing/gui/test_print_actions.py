"""Print actions where the data is: each opens the preview, and the previewed PDF holds the document."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.visits import VisitService
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.print_preview import PrintPreview
from fieldcrm.ui.printing import actions
from fieldcrm.ui.visits.visits_page import VisitsPage
from fieldcrm.workspace import Workspace
from tests.printing.conftest import ROUTE, Populated, Routed, day, next_weekday
from tests.printing.gui.conftest import rendered, texts_of
from tests.ui.conftest import Prompts
from tests.ui.test_editor import edit

Windows = Callable[[Workspace], MainWindow]


def customers_page(window: MainWindow) -> CustomersPage:
    page = window.pages["customers"]
    assert isinstance(page, CustomersPage)
    return page


def previews(window: MainWindow) -> list[PrintPreview]:
    return window.findChildren(PrintPreview)


# -- customer cards -------------------------------------------------------------------------------


def test_the_selected_cards_print_as_one_pdf_in_list_order(
    qtbot: QtBot, windows: Windows, populated: Populated, tmp_path: Path,
) -> None:
    page = customers_page(windows(populated.workspace))
    assert not page.print_action.isEnabled()
    model, selection = page.model, page.table.selectionModel()
    for row in (2, 0):
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert page.print_action.isEnabled()
    page.print_action.trigger()
    (preview,) = previews(page.window())  # type: ignore[arg-type]
    rendered(qtbot, preview)
    expected = [CustomerService(populated.workspace).get(model.id_at(row))["code"] for row in (0, 2)]
    firsts = [text for text in texts_of(preview, tmp_path) if "第 1 页" in text]
    assert len(firsts) == 2 and all(code in text for code, text in zip(expected, firsts, strict=True))
    assert preview.windowTitle() == "Customer cards (2)"


def test_the_open_card_prints_from_the_editor_once_saved(
    qtbot: QtBot, windows: Windows, populated: Populated, tmp_path: Path,
) -> None:
    page = customers_page(windows(populated.workspace))
    customer = populated.customer_ids[0]
    page.open_customer(customer)
    editor = page.editor
    assert editor.print_button.isEnabled()
    edit(qtbot, page, "notes", "改过了")
    assert not editor.print_button.isEnabled() and "Save the card first" in editor.print_button.toolTip()
    assert editor.save()
    editor.print_button.click()
    (preview,) = previews(page.window())  # type: ignore[arg-type]
    rendered(qtbot, preview)
    texts = texts_of(preview, tmp_path)
    assert CustomerService(populated.workspace).get(customer)["code"] in texts[0] and "改过了" in "".join(texts)


# -- the daily report ---------------------------------------------------------------------------------


def test_the_daily_report_prints_its_submitted_version(
    qtbot: QtBot, windows: Windows, submitted: Populated, tmp_path: Path,
) -> None:
    window = windows(submitted.workspace)
    visits = window.pages["visits"]
    assert isinstance(visits, VisitsPage)
    report = visits.daily_report
    report.rep_edit.setText("李雷")
    report.date_edit.setText(day(-1))
    report.build()
    assert not report.print_button.isEnabled()  # nothing submitted for that day
    report.date_edit.setText(day(-7))
    report.build()
    assert report.print_button.isEnabled()
    report.print_button.click()
    (preview,) = previews(window)
    rendered(qtbot, preview)
    (text,) = texts_of(preview, tmp_path)
    assert "业务日报" in text and "雨天" in text and "李雷" in text


# -- the route documents, as the Routes page calls them --------------------------------------------------


def test_a_route_s_visit_sheet_defaults_to_its_next_running_day_and_plans_it(
    qtbot: QtBot, windows: Windows, routed: Routed, tmp_path: Path,
) -> None:
    window = windows(routed.workspace)
    changed: list[set[str]] = []
    window.session.bus.changed.connect(changed.append)
    preview = actions.print_visit_sheet(window.session, routed.route_ids[ROUTE], window)
    assert preview is not None and preview.windowTitle() == f"Visit sheet: {ROUTE}, {routed.monday}"
    rendered(qtbot, preview)
    qtbot.waitUntil(lambda: {"visits"} in changed)
    (text,) = texts_of(preview, tmp_path)
    codes = [v["code"] for v in VisitService(routed.workspace).list(date=routed.monday)]
    assert len(codes) == 3 and all(code in text for code in codes) and ROUTE in text


def test_a_route_s_cards_and_inspection_sheet(qtbot: QtBot, windows: Windows, routed: Routed, tmp_path: Path) -> None:
    window = windows(routed.workspace)
    cards = actions.print_route_cards(window.session, routed.route_ids[ROUTE], window)
    assert cards is not None
    assert sum("第 1 页" in text for text in texts_of(rendered(qtbot, cards), tmp_path)) == 3
    sheet = actions.print_inspection_sheet(window.session, routed.route_ids[ROUTE], window)
    assert sheet is not None
    (text,) = texts_of(rendered(qtbot, sheet), tmp_path)
    assert "资产巡检单" in text and "FZ-001" in text


def test_a_route_that_is_gone_is_reported_not_previewed(windows: Windows, routed: Routed, answers: Prompts) -> None:
    window = windows(routed.workspace)
    assert actions.print_visit_sheet(window.session, "no-such-route", window) is None
    assert answers.errors and "no-such-route" in answers.errors[0] and previews(window) == []


def test_a_document_that_cannot_be_made_says_why(qtbot: QtBot, windows: Windows, routed: Routed,
                                                 answers: Prompts) -> None:
    window = windows(routed.workspace)
    preview = actions.print_inspection_sheet(window.session, routed.route_ids["拱墅-周一线"], window)
    assert preview is not None
    rendered(qtbot, preview)
    assert answers.errors and answers.errors[0].startswith("inspection sheet: no units")
    assert preview.status.text() == "Not printed" and not preview.save_button.isEnabled()


@pytest.mark.parametrize("which", ["Monday", "Thursday"])
def test_the_day_batch_through_its_action(qtbot: QtBot, windows: Windows, routed: Routed, tmp_path: Path,
                                          which: str) -> None:
    window = windows(routed.workspace)
    when = routed.monday if which == "Monday" else next_weekday(3)
    preview = actions.print_day(window.session, when, None, window)
    texts = texts_of(rendered(qtbot, preview), tmp_path)
    assert len(texts) == (2 if which == "Monday" else 1)
    assert all("第 1 页，共 1 页" in text for text in texts)
