"""All routes of a day: which routes, who prints them, one PDF with each sheet numbered on its own."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from fieldcrm.domain.route_values import Weekday
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.visits import VisitService
from fieldcrm.errors import FieldError, NotFound
from fieldcrm.printing import Cancelled, PrintSettings, jobs, write_atomically
from fieldcrm.printing.day_sheets import day_sheets, next_run, routes_of_day
from fieldcrm.printing.model import SheetHeader, VisitSheet
from fieldcrm.printing.visit_sheet import render_visit_sheets
from fieldcrm.workspace import Workspace
from tests.printing.conftest import MONDAY_ROUTE_2, ROUTE, TUESDAY_ROUTE, Routed, make_stop, next_weekday, page_texts


def test_the_day_s_routes_are_those_running_on_its_weekday_with_stops(routed: Routed) -> None:
    ws = routed.workspace
    assert [r.name for r in routes_of_day(ws, routed.monday)] == [ROUTE, MONDAY_ROUTE_2]  # by rep: 李雷, 王芳
    assert [r.name for r in routes_of_day(ws, next_weekday(1))] == [TUESDAY_ROUTE]
    assert [r.name for r in routes_of_day(ws, next_weekday(3))] == [MONDAY_ROUTE_2]
    assert [r.name for r in routes_of_day(ws, routed.monday, rep=" 王芳 ")] == [MONDAY_ROUTE_2]


def test_a_day_without_routes_is_not_found_naming_the_date(routed: Routed) -> None:
    sunday = next_weekday(6)
    with pytest.raises(NotFound) as refused:
        routes_of_day(routed.workspace, sunday)
    assert refused.value.message == f"date: no route with stops runs on {sunday}"
    with pytest.raises(NotFound) as refused:
        routes_of_day(routed.workspace, routed.monday, rep="韩梅梅")
    assert refused.value.message == f"date: no route of 韩梅梅 with stops runs on {routed.monday}"


@pytest.mark.parametrize("bad", ["2026-02-30", "next monday"])
def test_a_bad_date_is_refused_naming_the_field(routed: Routed, bad: str) -> None:
    with pytest.raises(FieldError) as refused:
        routes_of_day(routed.workspace, bad)
    assert refused.value.field == "date"


def test_delivery_runs_get_no_visit_sheet(routed: Routed) -> None:
    RouteService(routed.workspace).create("周一送货", kind="delivery", days="mon", delivery="张师傅")
    assert "周一送货" not in [r.name for r in routes_of_day(routed.workspace, routed.monday)]


def test_the_sheets_plan_each_route_s_visits_for_its_rep(routed: Routed) -> None:
    seen: list[tuple[int, int]] = []
    sheets = day_sheets(routed.workspace, routed.monday, progress=lambda done, total: seen.append((done, total)))
    assert [(s.header.route, s.header.rep, s.header.date) for s in sheets] == [
        (ROUTE, "李雷", routed.monday), (MONDAY_ROUTE_2, "王芳", routed.monday)]
    assert [s.customer_id for s in sheets[1].stops] == list(routed.others)
    planned = VisitService(routed.workspace).list(date=routed.monday)
    assert sorted((v["rep"], v["code"]) for v in planned) == sorted(
        (s.header.rep, stop.visit_code) for s in sheets for stop in s.stops)
    assert seen == [(0, 5), (3, 5), (5, 5)]


def test_cancelling_between_routes_stops_the_batch(routed: Routed) -> None:
    seen: list[int] = []
    with pytest.raises(Cancelled):
        day_sheets(routed.workspace, routed.monday, progress=lambda done, total: seen.append(done),
                   cancelled=lambda: len(seen) >= 1)
    assert {v["rep"] for v in VisitService(routed.workspace).list(date=routed.monday)} == {"李雷"}


def test_a_rep_prints_their_own_routes_and_those_without_a_rep(workspace: Workspace) -> None:
    from fieldcrm.domain.customers import CustomerService

    customers, routes = CustomerService(workspace), RouteService(workspace)
    for name, rep in (("我的周三线", "李雷"), ("无人周三线", None), ("别人的周三线", "王芳")):
        routes.create(name, days="wed", rep=rep)
        routes.assign(name, [customers.create({"name": f"{name}的店"})["id"]])
    wednesday = next_weekday(2)
    assert [r.name for r in routes_of_day(workspace, wednesday)] == ["无人周三线", "我的周三线"]
    sheets = day_sheets(workspace, wednesday)
    assert {s.header.rep for s in sheets} == {"李雷"}
    with pytest.raises(FieldError) as refused:
        routes_of_day(workspace, wednesday, rep="王芳")
    assert refused.value.message == "rep: a rep prints only their own routes"


def test_a_route_prints_on_its_next_running_day() -> None:
    monday = date(2026, 11, 23)
    assert next_run((Weekday.MON,), monday) == monday
    assert next_run((Weekday.WED, Weekday.FRI), monday) == date(2026, 11, 25)
    assert next_run((Weekday.SUN,), date(2026, 11, 24)) == date(2026, 11, 29)
    assert next_run((), monday) == monday


@pytest.mark.parametrize("after_stops", [0, 2, 4])
def test_a_batch_cancelled_while_reading_or_laying_out_leaves_no_file(routed: Routed, tmp_path: Path,
                                                                      after_stops: int) -> None:
    """The same job the preview runs, into a file: cancelled at any point, nothing is left behind."""
    seen: list[int] = []
    render = jobs.day_batch(routed.workspace.folder, routed.monday)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(Cancelled):
        write_atomically(out_dir / "day.pdf", lambda out: render(
            out, lambda done, total: seen.append(done), lambda: len(seen) > after_stops))
    assert list(out_dir.iterdir()) == []


def test_the_batch_job_reads_then_lays_out_on_one_progress_bar(routed: Routed) -> None:
    seen: list[tuple[int, int]] = []
    pages = jobs.day_batch(routed.workspace.folder, routed.monday)(
        io.BytesIO(), lambda done, total: seen.append((done, total)), lambda: False)
    assert pages == 2
    fractions = [done / total for done, total in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == 1
    assert 0.5 in fractions  # reading done, laying out starts


# -- the PDF ----------------------------------------------------------------------------------


def two_sheets() -> list[VisitSheet]:
    return [
        VisitSheet(SheetHeader("李雷", ROUTE, "西湖区", "2026-11-23"), tuple(make_stop(n) for n in range(1, 8))),
        VisitSheet(SheetHeader("王芳", MONDAY_ROUTE_2, "拱墅区", "2026-11-23"), tuple(make_stop(n) for n in range(8, 10))),
    ]


def test_each_route_starts_a_page_under_its_own_masthead_and_is_numbered_on_its_own(settings: PrintSettings) -> None:
    out = io.BytesIO()
    assert render_visit_sheets(two_sheets(), settings, out) == 3
    texts = page_texts(out.getvalue())
    assert ["第 1 页，共 2 页" in texts[0], "第 2 页，共 2 页" in texts[1], "第 1 页，共 1 页" in texts[2]] == [True] * 3
    assert all(ROUTE in t and "李雷" in t for t in texts[:2])
    assert MONDAY_ROUTE_2 in texts[2] and "王芳" in texts[2] and ROUTE not in texts[2]
    assert "C-TEST008" in texts[2] and "C-TEST008" not in texts[1]


def test_progress_counts_the_stops_of_every_route(settings: PrintSettings) -> None:
    seen: list[tuple[int, int]] = []
    render_visit_sheets(two_sheets(), settings, io.BytesIO(), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (9, 9) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancelling_the_layout_raises(settings: PrintSettings) -> None:
    seen: list[int] = []
    with pytest.raises(Cancelled):
        render_visit_sheets(two_sheets(), settings, io.BytesIO(), progress=lambda done, total: seen.append(done),
                            cancelled=lambda: len(seen) >= 8)
    assert max(seen) < 9
