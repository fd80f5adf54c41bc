"""The customer card's Assets tab, and the supervisors' flags and review lists."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from fieldcrm.storage import assets as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.ui.assets.assets_page import AssetsPage
from fieldcrm.ui.assets.context import AssetContext
from fieldcrm.ui.assets.customer_assets_tab import CustomerAssetsTab
from fieldcrm.ui.assets.supervisor_views import ReviewView


def cells(model: Any, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_customer_tab_lists_units_with_inspection_and_flags_and_inspects(
    qtbot: QtBot, context: AssetContext, fleet: dict[str, Any], shops: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    tab = CustomerAssetsTab(context, shops[0]["id"])
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1
    tag, _, status, agreement, deposit, last, due, flags = cells(tab.model, 0)
    assert (tag, status, agreement, deposit, last, flags) == ("BG-001", "Deployed", "AG-7", "300.00", "2024-03-01",
                                                              "Not clean")
    assert due.endswith("(overdue)")
    assert tab.summary.text() == "1 unit(s) here · deposits held 300.00 yuan"
    assert not tab.inspect_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.inspect_button.isEnabled()
    tab.inspect_button.click()
    dialog = tab.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    for name, text in (("clean", "yes"), ("display_ok", "yes"), ("share_percent", "90"), ("condition", "working")):
        dialog.form.set_text(name, text)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert cells(tab.model, 0)[7] == "" and not cells(tab.model, 0)[6].endswith("(overdue)")
    assert tab.table.currentIndex().row() == 0  # the selection survives the refresh

    tab.set_customer(shops[1]["id"])
    assert tab.model.rowCount() == 0 and tab.summary.text() == "No units at this customer."
    tab.set_customer(None)
    assert tab.summary.text() == "" and not tab.inspect_button.isEnabled()


def test_flags_list_for_supervisors(page: AssetsPage) -> None:
    assert page.flags is not None and page.tabs.count() == 3
    model = page.flags.model
    assert model.rowCount() == 1
    assert cells(model, 0)[0] == "BG-001" and cells(model, 0)[-1] == "Not clean"


def test_review_lists_a_disagreement_and_correcting_settles_it(
    qtbot: QtBot, page: AssetsPage, context: AssetContext, fleet: dict[str, Any]
) -> None:
    review = page.review
    assert isinstance(review, ReviewView) and review.model.rowCount() == 0
    with write_transaction(context.workspace.db):  # as a sync merge can leave it: history says the shop
        store.update_asset(context.workspace.db, fleet["BG-001"]["id"], {"location": "warehouse:总仓"})
    context.announce()
    problems = [cells(review.model, r)[0] for r in range(review.model.rowCount())]
    assert "Location disagrees with history" in problems
    review.table.selectRow(problems.index("Location disagrees with history"))
    dialog = review.correct_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Correct the location of BG-001"
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error("action").startswith("location: give either")
    dialog.form.set_text("warehouse", "总仓")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert review.model.rowCount() == 0
