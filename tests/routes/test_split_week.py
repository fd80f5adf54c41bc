"""Splitting a zone into balanced routes (proposal, then acceptance) and the week plan."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldcrm.domain.route_split import route_lengths
from fieldcrm.domain.visits import VisitService
from fieldcrm.domain.week_plan import WeekPlanService
from tests.routes.helpers import DEPOT, FIELD_ERRORS, Services, Town, card, counts


def test_a_proposal_covers_every_customer_once_evenly_and_writes_nothing(sup: Services, town: Town) -> None:
    lost = sup.shop("没坐标小店")
    sup.territories.assign(town.beishan, [lost])
    before = counts(sup.db)
    proposal = sup.split.propose_split("北山街道", 3, depot=DEPOT, seed=4)
    assert counts(sup.db) == before
    assert len(proposal) == 3
    members = [c for group in proposal for c in group]
    assert sorted(members) == sorted([*town.shops, lost])
    located = [len([c for c in group if c != lost]) for group in proposal]
    assert max(located) - min(located) <= 1
    assert sup.split.propose_split("北山街道", 3, depot=DEPOT, seed=4) == proposal


def test_a_proposal_is_measured_from_the_start_its_routes_would_get(sup: Services, town: Town) -> None:
    old = sup.routes.create("北山老线", territory="北山街道", depot=DEPOT)
    sup.routes.assign(old.id, town.shops)
    proposal = sup.split.propose("北山街道", 2)
    assert proposal.start == (30.275, 120.13)  # the existing route's start point (DEPOT), as accept_split uses
    assert proposal.groups == sup.split.propose_split("北山街道", 2)
    customers = {c["id"]: c for c in sup.territories.customers(town.beishan)}
    lengths = route_lengths(proposal.start, proposal.groups, customers)
    result = sup.split.accept_split("北山街道", proposal.groups)
    for route, length in zip(result.routes, lengths, strict=True):
        assert sup.routes.view(route.id).total_m == pytest.approx(length)  # what the Routes page then shows


def test_accepting_creates_the_routes_moves_stops_and_retires_emptied_routes(sup: Services, town: Town) -> None:
    old = sup.routes.create("北山老线", territory="北山街道", depot=DEPOT)
    sup.routes.assign(old.id, town.shops)
    (stop,) = [s.stop_id for s in sup.routes.view(old.id).stops if s.customer_id == town.shops[0]]
    proposal = sup.split.propose_split("北山街道", 2)  # from the old route's depot
    result = sup.split.accept_split("北山街道", proposal, days="tue", rep="李雷")
    assert result.retired == ("北山老线",)
    assert [r.name for r in sup.routes.list_routes()] == ["北山街道-1", "北山街道-2"]
    for route, group in zip(result.routes, proposal, strict=True):
        assert [s.customer_id for s in sup.routes.view(route.id).stops] == group
        assert (route.territory_id, route.depot, route.rep, [d.value for d in route.days]) == (
            town.beishan, (30.275, 120.13), "李雷", ["tue"])
        assert all(card(sup, c)["route"] == route.name for c in group)
    moved = {s.customer_id: s.stop_id for r in result.routes for s in sup.routes.view(r.id).stops}
    assert moved[town.shops[0]] == stop  # the customer's one stop row moved, no second one made


def test_an_edited_proposal_is_checked_before_anything_is_written(sup: Services, town: Town) -> None:
    proposal = sup.split.propose_split("北山街道", 2, depot=DEPOT)
    before = counts(sup.db)
    for bad, field in (
        ([proposal[0], []], "routes"),
        ([proposal[0], [*proposal[1], proposal[0][0]]], "customer"),  # twice
        ([proposal[0], [*proposal[1], town.xixi_shops[0]]], "customer"),  # another zone
    ):
        with pytest.raises(FIELD_ERRORS) as caught:
            sup.split.accept_split("北山街道", bad, depot=DEPOT)
        assert caught.value.field == field
    with pytest.raises(FIELD_ERRORS, match="^names: 2 routes need 2 names, got 1"):
        sup.split.accept_split("北山街道", proposal, names=["只有一个"], depot=DEPOT)
    assert counts(sup.db) == before
    sup.routes.create("北山街道-2")
    taken = counts(sup.db)
    with pytest.raises(FIELD_ERRORS, match="^name: a route named '北山街道-2' already exists"):
        sup.split.accept_split("北山街道", proposal, depot=DEPOT)  # fails on the second route: the first is rolled back
    assert counts(sup.db) == taken
    with pytest.raises(FIELD_ERRORS, match="^routes: 11 is not between 1 and 10"):
        sup.split.propose_split("北山街道", 11)


def test_the_week_plan_lists_running_routes_and_who_is_due_each_day(sup: Services, town: Town) -> None:
    now = datetime(2026, 9, 30, 9, 0)
    visits = VisitService(sup.workspace, lambda: now)
    a, b, c, d, e = town.shops[:5]
    grades = {a: "key", b: "key", c: "scattered", d: "general", e: "key"}
    for shop, grade in grades.items():
        sup.customers.update(shop, {"grade": grade})
    for shop, day in ((a, "2026-09-21"), (c, "2026-09-10"), (d, "2026-09-17"), (e, "2026-09-27")):
        visits.log(shop, {"visit_date": day})
    route = sup.routes.create("一线", days="mon,thu", depot=DEPOT)
    sup.routes.assign(route.id, [a, b, c, d, e])
    sup.routes.create("送货线", kind="delivery", days="tue")
    sup.routes.create("未排线")
    plan = WeekPlanService(sup.workspace, lambda: now).week()  # a Wednesday: the week from Monday 28th
    assert plan.start == date(2026, 9, 28)
    by_day = {day.weekday.value: day for day in plan.days}
    assert [r.route.name for r in by_day["mon"].routes] == ["一线"]
    # a (key) is due Monday and not again Thursday; b was never visited; d (general) is due Thursday;
    # c (scattered) and e (key, visited Sunday) are not due this week.
    assert [s.customer_id for s in by_day["mon"].routes[0].due or ()] == [a, b]
    assert [s.customer_id for s in by_day["thu"].routes[0].due or ()] == [d]
    assert [(r.route.name, r.due) for r in by_day["tue"].routes] == [("送货线", None)]
    assert by_day["wed"].routes == ()
    assert [r.name for r in plan.unscheduled] == ["未排线"]
    shape = plan.to_json()
    assert list(shape) == ["week_start", "days", "unscheduled"]
    assert shape["days"][0]["routes"][0]["due"][0] == {
        "customer_id": a, "code": sup.customers.get(a)["code"], "name": "北山0号店", "grade": "key",
        "last_visit": "2026-09-21", "due_date": "2026-09-28",
    }
    assert WeekPlanService(sup.workspace).week("2026-10-04").start == date(2026, 9, 28)
