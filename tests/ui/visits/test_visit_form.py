"""Logging a visit with its order and payment through the widgets, as a rep at a shop would."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldcrm.domain.visit_fields import RecordSection
from fieldcrm.ui.visits import questions
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.ui.visits.customer_visits_tab import CustomerVisitsTab
from fieldcrm.ui.visits.visit_form import VisitForm
from tests.ui.conftest import Prompts
from tests.ui.helpers import type_text
from tests.visits.helpers import counts


@pytest.fixture
def tab(qtbot: QtBot, context: VisitContext, shop: str) -> CustomerVisitsTab:
    """The shop's Visits tab as the card shows it (held here: qtbot only keeps a weak reference)."""
    widget = CustomerVisitsTab(context)
    qtbot.addWidget(widget)
    widget.set_customer(shop)
    widget.show()
    return widget


def open_form(qtbot: QtBot, tab: CustomerVisitsTab) -> VisitForm:
    qtbot.mouseClick(tab.log_button, Qt.MouseButton.LeftButton)
    form = tab.form
    assert form is not None
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def add_line(qtbot: QtBot, form: VisitForm, product: str, quantity: str) -> None:
    """Type a SKU or name, Enter, a quantity, Enter: the keyboard path through the picker."""
    type_text(qtbot, form.order.product_edit, product)
    qtbot.keyClick(form.order.product_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.order.quantity_edit
    qtbot.keyClicks(form.order.quantity_edit, quantity)
    qtbot.keyClick(form.order.quantity_edit, Qt.Key.Key_Return)


def test_a_visit_with_an_order_and_a_payment_is_one_save_and_shows_on_the_card(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab
) -> None:
    form = open_form(qtbot, tab)
    visit = form.grids[RecordSection.VISIT]
    assert visit.text("check_in") == datetime.now().strftime("%H:%M")
    assert (visit.text("status"), visit.text("rep")) == ("done", "李雷")
    assert "张三超市" in form.title.text()

    type_text(qtbot, visit.widget("outcome"), "补货两箱")
    add_line(qtbot, form, "BEV-001", "2")
    add_line(qtbot, form, "巧乐兹", "")  # a name completes to its SKU; an empty quantity means 1
    assert [(d.sku, d.quantity, d.unit_price) for d in form.order.lines.lines] == [
        ("BEV-001", "2", "36.00"), ("ICE-001", "1", "5.00"),
    ]
    assert "77.00" in form.order.total_label.text()
    assert "100.00" in form.order.credit_label.text() and form.order.warning_label.isHidden()
    qtbot.keyClicks(form.payment.widget("amount"), "50")
    qtbot.keyClick(form.payment.widget("amount"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert form.entry is not None and not form.isVisible()
    assert form.entry.order is not None and form.entry.order.total == 7700
    assert form.entry.payment is not None and form.entry.payment.amount == 5000
    assert tab.model.rowCount() == 1
    shown = tab.model.record(0)
    assert shown is not None and (shown.ordered, shown.collected, shown.outcome) == (7700, 5000, "补货两箱")
    assert [(sku, quantity) for sku, _, _, quantity in shown.items] == [("BEV-001", 2), ("ICE-001", 1)]
    assert "27.00" in tab.balance_label.text() or "-50.00" in tab.balance_label.text()


def test_going_over_the_credit_limit_warns_and_asks_for_a_reason(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers = iter([None, "老客户，月底结清"])

    def ask(parent: object, warning: str) -> str | None:
        asked.append(warning)
        return next(answers)

    monkeypatch.setattr(questions, "ask_credit_reason", ask)
    form = open_form(qtbot, tab)
    add_line(qtbot, form, "BEV-001", "3")  # 108 yuan against a 100 yuan limit
    assert form.order.warning_label.isVisible()
    assert "108.00" in form.order.warning_label.text()

    assert form.save() is False  # the rep backed out of the reason: nothing saved, the form stays
    assert form.isVisible() and counts(context.workspace.db)["visits"] == 0
    assert form.save() is True
    assert len(asked) == 2 and "100.00" in asked[0]
    flagged = context.orders.flagged()
    assert [(o.credit_reason, o.total) for o in flagged] == [("老客户，月底结清", 10800)]


def test_a_refused_visit_saves_nothing_of_the_order_or_payment(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab
) -> None:
    form = open_form(qtbot, tab)
    visit = form.grids[RecordSection.VISIT]
    visit.set_text("check_in", "10:00")
    visit.set_text("check_out", "09:30")
    add_line(qtbot, form, "BEV-002", "1")
    form.payment.set_text("amount", "20")
    before = counts(context.workspace.db)
    assert form.save() is False
    assert counts(context.workspace.db) == before
    assert "09:30" in visit.error("check_out") and QApplication.focusWidget() is visit.widget("check_out")

    visit.set_text("check_out", "10:20")
    form.payment.set_text("amount", "0")
    assert form.save() is False
    assert counts(context.workspace.db) == before
    assert form.payment.error("amount") != ""
    form.payment.set_text("amount", "20")
    assert form.save() is True


def test_a_bad_quantity_is_marked_on_its_line(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab
) -> None:
    form = open_form(qtbot, tab)
    add_line(qtbot, form, "BEV-002", "1")
    form.order.lines.setData(form.order.lines.index(0, 2), "0")
    assert form.order.quote is None
    assert form.order.lines.lines[0].error != ""
    assert form.save() is False and counts(context.workspace.db)["visits"] == 0


def test_escape_asks_before_dropping_what_was_typed(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab, answers: Prompts
) -> None:
    form = open_form(qtbot, tab)
    type_text(qtbot, form.grids[RecordSection.VISIT].widget("notes"), "门店装修")
    answers.confirms.extend([False, True])
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible()
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and len(answers.asked) == 2
    assert counts(context.workspace.db)["visits"] == 0


def test_escape_without_edits_leaves_without_asking(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab
) -> None:
    form = open_form(qtbot, tab)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_a_past_visit_opens_with_its_history_and_takes_edits(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab
) -> None:
    logged = context.visits.log(shop, {"visit_date": "2024-06-01", "check_in": "09:00", "outcome": "初次拜访"})
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.table.activated.emit(tab.model.index(0, 0))
    form = tab.form
    assert form is not None and form.editing and form.tabs.count() == 2
    assert logged["code"] in form.title.text()
    visit = form.grids[RecordSection.VISIT]
    assert visit.text("outcome") == "初次拜访" and not form.is_dirty()
    visit.set_text("outcome", "谈妥陈列")
    assert form.save() is True
    assert context.visits.get(logged["id"])["outcome"] == "谈妥陈列"
    fields = {row.field for row in context.visits.history(logged["id"])}
    assert "outcome" in fields
    assert tab.model.record(0).outcome == "谈妥陈列"  # type: ignore[union-attr]


def test_a_planned_visit_is_taken_over_with_its_code(
    qtbot: QtBot, context: VisitContext, shop: str, tab: CustomerVisitsTab
) -> None:
    planned = context.visits.plan(shop, datetime.now().date().isoformat(), purpose="collection")
    form = open_form(qtbot, tab)
    assert planned["code"] in form.title.text()
    assert form.grids[RecordSection.VISIT].text("purpose") == "collection"
    assert form.save() is True
    taken = context.visits.get(planned["id"])
    assert (taken["status"], taken["check_in"]) == ("done", form.grids[RecordSection.VISIT].text("check_in"))
    assert counts(context.workspace.db)["visits"] == 1
