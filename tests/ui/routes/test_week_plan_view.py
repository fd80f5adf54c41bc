"""The week plan tab: which routes run on each day and who is due on them; a due customer opens their card."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from fieldcrm.domain.route_values import Weekday
from fieldcrm.domain.visits import VisitService
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.routes.routes_page import RoutesPage
from fieldcrm.ui.routes.week_plan_view import WeekPlanPanel
from tests.ui.routes.conftest import Routed

WEEK = date(2024, 6, 3)  # a Monday


def show_week(qtbot: QtBot, page: RoutesPage, day: date) -> WeekPlanPanel:
    panel = page.week_plan
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        page.tabs.setCurrentWidget(panel)
        panel.week.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: panel.model.plan is not None and panel.model.plan.start == WEEK)
    return panel


def test_each_day_lists_its_routes_and_the_customers_due(
    qtbot: QtBot, page: RoutesPage, routed: Routed, qtmodeltester
) -> None:
    visited = routed.town.shops[1]
    VisitService(routed.svc.workspace, lambda: datetime(2024, 6, 2, 10)).log(visited, {"visit_date": "2024-06-02"})
    panel = show_week(qtbot, page, date(2024, 6, 5))  # any day picks its week
    model = panel.model
    assert model.headerData(0, Qt.Orientation.Horizontal).startswith("Mon")
    assert model.routes_on(Weekday.MON) == [routed.beishan.id]
    assert model.routes_on(Weekday.TUE) == [routed.xixi.id]
    assert model.routes_on(Weekday.THU) == [routed.beishan.id]
    assert model.routes_on(Weekday.SUN) == []
    shops = routed.town.shops[:6]
    plan_order = [c for c in routed.order(routed.beishan) if c != visited]
    assert model.customers_on(Weekday.MON) == plan_order  # never visited: due at once; visited yesterday: not
    assert model.customers_on(Weekday.THU) == []  # planned on Monday, not due again by Thursday
    assert sorted(model.customers_on(Weekday.TUE)) == sorted(routed.town.xixi_shops)
    assert model.index(0, 0).data().startswith("北山线")
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert set(shops) - set(plan_order) == {visited}
    qtmodeltester.check(model)


def test_choosing_a_territory_plans_only_its_routes_and_weeks_move(
    qtbot: QtBot, page: RoutesPage, routed: Routed
) -> None:
    panel = show_week(qtbot, page, WEEK)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        page.select_node(routed.town.xixi)
    assert panel.model.routes_on(Weekday.MON) == [] and panel.model.routes_on(Weekday.TUE) == [routed.xixi.id]
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.shift_weeks(1)
    assert panel.start == date(2024, 6, 10) and panel.model.plan is not None
    assert panel.model.plan.start == date(2024, 6, 10)


def test_double_clicking_a_due_customer_opens_the_card(
    qtbot: QtBot, window: MainWindow, page: RoutesPage, routed: Routed
) -> None:
    panel = show_week(qtbot, page, WEEK)
    index = panel.model.index(1, 0)
    customer = panel.model.customer_at(index)
    assert customer is not None
    with qtbot.waitSignal(page.session.bus.open_customer, timeout=2000):
        centre = panel.table.visualRect(index).center()
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    customers = window.pages["customers"]
    assert isinstance(customers, CustomersPage)
    assert window.current_key == "customers" and customers.editor.customer_id == customer


def test_the_plan_follows_route_changes_while_shown(qtbot: QtBot, page: RoutesPage, routed: Routed) -> None:
    panel = show_week(qtbot, page, WEEK)
    routed.svc.routes.update(routed.xixi.id, days="wed,fri")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        page.session.bus.notify("routes")
    assert panel.model.routes_on(Weekday.TUE) == []
    assert panel.model.routes_on(Weekday.WED) == panel.model.routes_on(Weekday.FRI) == [routed.xixi.id]
    routed.svc.routes.update(routed.xixi.id, days="")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        page.session.bus.notify("routes")
    assert panel.unscheduled.text() == "Routes without days: 西溪线"
