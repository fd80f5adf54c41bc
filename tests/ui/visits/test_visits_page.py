"""The Visits page's sections through their widgets, and every visit-log model under qtmodeltester."""

from __future__ import annotations

from datetime import date
from typing import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.visit_fields import RecordSection
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.page import Session
from fieldcrm.ui.visits import columns
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.ui.visits.due_model import DueModel
from fieldcrm.ui.visits.order_lines import OrderLinesModel
from fieldcrm.ui.visits.table_model import RecordsModel
from fieldcrm.ui.visits.visits_page import VisitsPage
from fieldcrm.ui.workers import TaskRunner
from fieldcrm.workspace import Workspace
from tests.ui.conftest import Prompts
from tests.ui.helpers import add_customers
from tests.visits.helpers import seed_products

TODAY = date.today().isoformat()


@pytest.fixture
def page(qtbot: QtBot, context: VisitContext, bus: DataBus) -> Iterator[VisitsPage]:
    tasks = TaskRunner()
    widget = VisitsPage(Session(context.workspace, bus, tasks))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    tasks.deleteLater()


@pytest.fixture
def supervisor_page(qtbot: QtBot, supervisor_workspace: Workspace, bus: DataBus) -> Iterator[VisitsPage]:
    seed_products(supervisor_workspace.db)
    tasks = TaskRunner()
    widget = VisitsPage(Session(supervisor_workspace, bus, tasks))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    tasks.deleteLater()


def test_the_due_list_opens_a_prefilled_visit_form(qtbot: QtBot, page: VisitsPage, shop: str) -> None:
    due = page.due
    due.route_edit.setText("R1")
    qtbot.keyClick(due.route_edit, Qt.Key.Key_Return)
    assert due.model.rowCount() == 1 and due.model.total == 1
    assert "1" in due.count_label.text()
    due.table.setCurrentIndex(due.model.index(0, 0))
    qtbot.keyClick(due.table, Qt.Key.Key_Return)
    form = due.form
    assert form is not None and form.customer_id == shop and "张三超市" in form.title.text()
    assert form.grids[RecordSection.VISIT].text("visit_date") == TODAY
    assert form.save() is True
    assert due.model.rowCount() == 0  # visited today: no longer due, refreshed from the data bus
    assert page.visit_list.model.rowCount() == 1  # and today's visits show it


def test_the_daily_report_is_built_and_submitted(page: VisitsPage, context: VisitContext, shop: str,
                                                  answers: Prompts) -> None:
    context.visits.log(shop, {"check_in": "09:00", "complaints": "价格太高"})
    context.announce("visits")
    report = page.daily_report
    assert "张三超市" in report.view.toPlainText() and "价格太高" in report.view.toPlainText()
    assert report.status_label.text() == "Not submitted yet"
    report.submit_button.click()
    assert answers.infos == ["Submitted as version 1."]
    assert "version 1" in report.status_label.text()
    report.date_edit.setText("2024-02-30")
    report.build()
    assert "2024-02-30" in report.status_label.text() and not report.submit_button.isEnabled()


def test_the_monthly_summary_is_built_and_submitted(page: VisitsPage, context: VisitContext, shop: str,
                                                     answers: Prompts) -> None:
    context.visits.log(shop, {"check_in": "09:00", "complaints": "价格太高"})
    context.announce("visits")
    summary = page.monthly_summary
    day = context.visits.now().date().isoformat()
    assert summary.date_edit.text() == day[:7]
    assert day in summary.view.toPlainText()
    assert summary.status_label.text() == "Not submitted yet"
    summary.submit_button.click()
    assert answers.infos == ["Submitted as version 1."]
    assert "version 1" in summary.status_label.text()
    summary.date_edit.setText("2024-13")
    summary.build()
    assert "2024-13" in summary.status_label.text() and not summary.submit_button.isEnabled()


def test_a_bad_date_filter_says_so_instead_of_listing(page: VisitsPage) -> None:
    page.visit_list.date_edit.setText("2024-13-01")
    page.visit_list.refresh()
    assert page.visit_list.error_label.isVisible() and page.visit_list.model.rowCount() == 0


def test_reps_see_the_supervisor_lists_without_their_actions(page: VisitsPage) -> None:
    assert not page.urgent.action_button.isVisibleTo(page)
    assert not page.flagged.action_button.isVisibleTo(page)
    assert not page.products.save_button.isEnabled()


def test_a_supervisor_acknowledges_reviews_and_edits_the_catalogue(
    qtbot: QtBot, supervisor_page: VisitsPage, supervisor_workspace: Workspace, bus: DataBus
) -> None:
    context = VisitContext.create(supervisor_workspace, bus)
    shop = CustomerService(supervisor_workspace).create({"name": "李四便利店", "credit_limit": "10"})["id"]
    context.visits.log(shop, {"urgent_category": "credit_risk", "urgent_note": "拖欠货款"})
    context.orders.add(shop, [("BEV-001", 1)], reason="节前备货")
    context.announce()

    urgent = supervisor_page.urgent
    assert urgent.model.rowCount() == 1
    urgent.table.setCurrentIndex(urgent.model.index(0, 0))
    qtbot.mouseClick(urgent.action_button, Qt.MouseButton.LeftButton)
    assert urgent.model.record(0).acknowledged_by == "韩梅梅"  # type: ignore[union-attr]

    flagged = supervisor_page.flagged
    flagged.table.setCurrentIndex(flagged.model.index(0, 0))
    qtbot.mouseClick(flagged.action_button, Qt.MouseButton.LeftButton)
    assert flagged.model.rowCount() == 0  # reviewed orders leave the list

    products = supervisor_page.products
    products.fields.set_text("code", "tea-009")
    products.fields.set_text("name", "龙井 250g")
    products.fields.set_text("price", "88")
    assert products.save() is True
    assert "TEA-009" in [p.code for p in products.model.records]
    products.start_new()
    products.fields.set_text("code", "TEA-009")
    products.fields.set_text("name", "重复")
    products.fields.set_text("price", "1")
    assert products.save() is False and "TEA-009" in products.fields.error("code")


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, context: VisitContext, shop: str) -> None:
    add_customers(context.workspace, 25)
    due = DueModel(context.planning, page_size=10)
    due.set_filter(None, None)
    assert due.rowCount() == 10 and due.canFetchMore()
    qtmodeltester.check(due)  # fetches the remaining pages as a scrolling view would
    assert due.rowCount() == due.total == context.planning.due_count() > 20 and not due.canFetchMore()
    assert len({d.customer_id for d in due.records}) == due.total

    context.visits.log(shop, {"outcome": "好"})
    visits = RecordsModel(columns.CUSTOMER_VISITS)
    visits.set_rows(context.visits.for_customer(shop))
    qtmodeltester.check(visits)

    lines = OrderLinesModel()
    lines.add(context.catalogue.get("BEV-001"), "2")
    lines.add(context.catalogue.get("ICE-001"), "1")
    lines.apply_quote(context.orders.quote(shop, lines.inputs()))
    qtmodeltester.check(lines)
    assert lines.setData(lines.index(0, 2), "3") and lines.inputs()[0] == ("BEV-001", "3", "36.00", None)
