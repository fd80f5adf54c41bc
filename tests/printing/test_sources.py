"""Documents built from a workspace through the services: what each one shows, and what printing plans."""

from __future__ import annotations

import pytest

from fieldcrm.domain.visits import VisitService
from fieldcrm.errors import FieldError, NotFound
from fieldcrm.printing import sources
from tests.printing.conftest import ROUTE, Populated, day


def test_a_route_is_its_customers_in_code_order(populated: Populated) -> None:
    members = sources.route_members(populated.workspace, ROUTE)
    assert members.customer_ids == populated.customer_ids
    assert members.territory == "西湖区"


def test_an_unknown_route_is_refused_naming_the_field(populated: Populated) -> None:
    with pytest.raises(FieldError) as refused:
        sources.route_members(populated.workspace, "没有这条线")
    assert refused.value.field == "route"


def test_visit_sheet_plans_each_stop_once_and_reprints_the_same_codes(populated: Populated) -> None:
    ws = populated.workspace
    first = sources.visit_sheet(ws, ROUTE, day(1), rep="李雷")
    again = sources.visit_sheet(ws, ROUTE, day(1), rep="李雷")
    codes = [s.visit_code for s in first.stops]
    assert codes == [s.visit_code for s in again.stops]
    assert len(set(codes)) == 3 and all(code.startswith("V-") for code in codes)
    visits = VisitService(ws)
    for stop in first.stops:
        visit = visits.get(stop.visit_code)  # the code on paper opens the planned visit
        assert (visit["customer_id"], visit["status"], visit["planned_date"], visit["rep"]) == \
            (stop.customer_id, "planned", day(1), "李雷")
    assert len(visits.list(rep="李雷", date=day(1))) == 3


def test_visit_sheet_stop_shows_assets_last_visit_and_money(populated: Populated) -> None:
    sheet = sources.visit_sheet(populated.workspace, ROUTE, day(1), rep="李雷")
    assert (sheet.header.rep, sheet.header.route, sheet.header.territory, sheet.header.date) == \
        ("李雷", ROUTE, "西湖区", day(1))
    assert [s.sequence for s in sheet.stops] == [1, 2, 3]
    with_assets = [s for s in sheet.stops if s.assets]
    assert len(with_assets) == 1
    stop = with_assets[0]
    due = {a.tag: a.inspection_due for a in stop.assets}
    assert due == {"FZ-001": True, "FZ-002": True}  # last checked 40 and 60 days ago, every 30 days
    assert stop.last_visit == day(-7)
    assert stop.credit.balance == 100_000 and stop.credit.overdue == 120_000 - 20_000
    assert stop.credit.grade == "AA" and stop.credit.limit == 100_000
    assert stop.address == "杭州市 西湖区 文三路 1 号" and stop.phones == "0571-88880001"


def test_a_rep_cannot_plan_another_rep_s_day(workspace) -> None:  # type: ignore[no-untyped-def]
    from fieldcrm.domain.customers import CustomerService

    CustomerService(workspace).create({"name": "联华超市", "route": ROUTE})
    with pytest.raises(FieldError) as refused:
        sources.visit_sheet(workspace, ROUTE, day(1), rep="王五")
    assert refused.value.field == "rep"
    assert sources.visit_sheet(workspace, ROUTE, day(1)).header.rep == "李雷"


def test_a_bad_date_is_refused_naming_the_field(populated: Populated) -> None:
    with pytest.raises(FieldError) as refused:
        sources.visit_sheet(populated.workspace, ROUTE, "2026-02-30")
    assert refused.value.field == "date"


def test_customer_card_carries_the_card_assets_visits_and_receivables(populated: Populated) -> None:
    card = sources.customer_card(populated.workspace, populated.customer_ids[0])
    assert card.values["name"] == "联华超市（文三路店）" and not card.retired
    assert {a.tag for a in card.assets} == {"FZ-001", "FZ-002"}
    placed = next(a for a in card.assets if a.tag == "FZ-001")
    assert (placed.agreement, placed.deposit_held, placed.placed_on) == ("AG-1", 50_000, day(-60))
    assert [v.date for v in card.visits] == [day(-7)]
    assert [(d.kind, d.amount, d.open) for d in card.debts] == [("invoice", 120_000, 100_000)]
    assert [(p.amount, p.method) for p in card.payments] == [(20_000, "cash")]


def test_a_retired_card_prints_without_visits_and_money(populated: Populated) -> None:
    from fieldcrm.domain.customers import CustomerService

    CustomerService(populated.workspace).delete(populated.customer_ids[0])
    card = sources.customer_card(populated.workspace, populated.customer_ids[0])
    assert card.retired and card.visits == () and card.debts == ()
    assert {a.tag for a in card.assets} == {"FZ-001", "FZ-002"}


def test_cards_of_a_territory_and_of_a_list(populated: Populated) -> None:
    ws = populated.workspace
    assert sources.territory_members(ws, "西湖区") == populated.customer_ids
    codes = [sources.customer_card(ws, cid).code for cid in populated.customer_ids]
    assert sources.resolve_customers(ws, [codes[2], codes[0], codes[2]]) == \
        (populated.customer_ids[2], populated.customer_ids[0])
    with pytest.raises(NotFound):
        sources.resolve_customers(ws, ["C-NOSUCH"])


def test_inspection_sheet_lists_the_route_s_deployed_units(populated: Populated) -> None:
    sheet = sources.inspection_sheet(populated.workspace, ROUTE, day(0))
    assert [s.customer_id for s in sheet.stops] == [populated.customer_ids[0]]
    units = {u.tag: u for u in sheet.stops[0].units}
    assert units["FZ-001"].overdue and units["FZ-001"].last_checked_on == day(-40)
    assert units["FZ-002"].last_checked_on == day(-60)  # placing a unit counts as its first check


def test_an_inspection_sheet_without_units_is_refused(populated: Populated) -> None:
    with pytest.raises(NotFound):
        sources.inspection_sheet(populated.workspace, "拱墅-周二线")


def test_daily_report_is_the_submitted_snapshot(submitted: Populated) -> None:
    report = sources.daily_report(submitted.workspace, "李雷", day(-7))
    assert (report.rep, report.date, report.version, report.remarks) == ("李雷", day(-7), 1, "雨天")
    assert report.figures.visits_done == 1 and len(report.visited) == 1
    assert report.visited[0].outcome == "补货"


def test_a_report_never_submitted_is_not_found(populated: Populated) -> None:
    with pytest.raises(NotFound):
        sources.daily_report(populated.workspace, "李雷", day(-7))


def test_a_route_of_the_routes_service_keeps_its_stop_order_and_rep(populated: Populated) -> None:
    from fieldcrm.domain.routes import RouteService

    ws = populated.workspace
    routes = RouteService(ws)
    routes.create("文三路早班", rep="李雷")
    backwards = list(reversed(populated.customer_ids))
    routes.assign("文三路早班", backwards)
    members = sources.route_members(ws, "文三路早班")
    assert (members.route, members.rep, members.customer_ids) == ("文三路早班", "李雷", tuple(backwards))
    sheet = sources.visit_sheet(ws, "文三路早班", day(2))
    assert sheet.header.rep == "李雷" and sheet.header.route == "文三路早班"
    assert [s.customer_id for s in sheet.stops] == backwards


def test_a_route_without_stops_is_refused(populated: Populated) -> None:
    from fieldcrm.domain.routes import RouteService

    RouteService(populated.workspace).create("空线路")
    with pytest.raises(FieldError) as refused:
        sources.route_members(populated.workspace, "空线路")
    assert refused.value.field == "route"


def test_a_territory_of_the_tree_takes_every_zone_under_it(populated: Populated) -> None:
    from fieldcrm.domain.territories import TerritoryService

    ws = populated.workspace
    tree = TerritoryService(ws)
    tree.add("杭州", level="district")
    tree.add("西湖片", parent="杭州")
    tree.add("文三路", parent="西湖片")
    tree.assign("文三路", populated.customer_ids[:2])
    assert sources.territory_members(ws, "杭州") == populated.customer_ids[:2]
