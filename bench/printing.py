"""Printing timings: a 300-stop visit sheet, 1,000 customer cards, and all routes of a day.

Budgets (from the issue): a 300-stop visit sheet in under 1 s; 1,000
customer cards in under 30 s. Both are measured twice: rendering alone, from
documents made in memory with every card field filled (the layout's worst
case), and end to end on a demo workspace, where the sources read each card,
its units, visits and receivables through the services (and the visit sheet
plans its 300 visits). Font registration happens once per process and is
reported on its own. Wall-clock seconds are what the budgets judge; CPU
seconds are reported beside them because a shared machine's load can
stretch the wall clock several times over.

The day's batch (no budget in the issue; the visit sheet's one scales to
about 2 s of layout for 600 stops) is timed as the GUI's preview runs it
(``printing.jobs.day_batch``: its own connection, read, plan, lay out) on a
demo workspace with its routes: 3,000 customers on 60 weekday routes, ten
reps' routes and about 600 stops on a Monday. The first print plans every
visit; a reprint reuses them. Reading and layout are also timed apart.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

from fieldcrm.demo import build_demo
from fieldcrm.demo_routes import build_routes
from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, Kind
from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.printing import PrintSettings, jobs, render_customer_cards, render_visit_sheet, sources
from fieldcrm.printing.day_sheets import day_sheets, routes_of_day
from fieldcrm.printing.fonts import register_fonts
from fieldcrm.printing.visit_sheet import render_visit_sheets
from fieldcrm.printing.model import (
    AssetLine, CardDebt, CardPayment, CardVisit, CreditLine, CustomerCardDoc, SheetHeader, SheetStop, VisitSheet,
)
from fieldcrm.workspace import open_workspace

SHEET_STOPS = 300
CARDS = 1000
SHEET_BUDGET_S = 1.0
CARDS_BUDGET_S = 30.0
DAY_CUSTOMERS = 3000
SETTINGS = PrintSettings(company_name="杭州鲜饮食品销售有限公司")
LONG_TEXT = "店主经营十余年，为人诚信，喜欢乒乓球和钓鱼。Weekly promotion on 3 SKUs; 冰柜陈列良好，周末客流大。"


def _seconds(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall-clock and CPU seconds of ``action``, and what it returned."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _sheet() -> VisitSheet:
    stops = tuple(
        SheetStop(
            number, f"id{number}", f"C-BENCH{number:03d}", f"联华超市（文三路{number}号店）", f"V-BENCH{number:03d}",
            address="杭州市 西湖区 文三路 478 号华星时代广场 A 座 1 楼", contacts="王建国（店主）; 李娜（店长）",
            phones="0571-88886666, 13800001111",
            assets=(AssetLine(f"FZ-{number:04d}", "freezer", inspection_due=number % 3 == 0),
                    AssetLine(f"RK-{number:04d}", "display_rack")),
            last_visit="2026-11-02", credit=CreditLine("AA", 500_000, 612_345, 10_000, 30_000),
        )
        for number in range(1, SHEET_STOPS + 1)
    )
    return VisitSheet(SheetHeader("李雷", "西湖-周一线", "西湖区", "2026-11-23"), stops)


def _value(kind: Kind, choices: Any, number: int) -> Any:
    if kind is Kind.LONGTEXT:
        return LONG_TEXT
    if kind is Kind.CHOICE:
        codes = list(choices)
        return codes[number % len(codes)].value
    if kind is Kind.INT:
        return 30
    if kind is Kind.MONEY:
        return 12_345_600
    if kind is Kind.DATE:
        return "2020-05-01"
    if kind in (Kind.LATITUDE, Kind.LONGITUDE):
        return 30.27
    return f"示例{number}"


def _cards() -> list[CustomerCardDoc]:
    return [
        CustomerCardDoc(
            f"id{number}", f"C-BENCH{number:04d}",
            {spec.name: _value(spec.kind, spec.choices, number) for spec in CUSTOMER_FIELDS}, "2026-11-22",
            assets=(AssetLine("FZ-0001", "freezer", "海尔", "SC-316", "2025-01-01", "AG-1", 50_000, "2026-10-01",
                              "2026-10-31"),),
            visits=tuple(CardVisit(f"2026-11-{day:02d}", f"V-BENCH{day}", "routine", "done", "李雷", "补货两箱",
                                   12_000, 5_000) for day in range(1, 11)),
            credit=CreditLine("AA", 1_000_000, 50_000, 2_000, 1_000),
            debts=(CardDebt("invoice", "I-BENCH1", "2026-09-01", 100_000, 50_000, 82),),
            payments=(CardPayment("2026-10-05", "P-BENCH1", 20_000, "wechat"),),
        )
        for number in range(CARDS)
    ]


def _render_only(quick: bool) -> dict[str, Any]:
    sheet, cards = _sheet(), _cards()
    runs = [_seconds(lambda: render_visit_sheet(sheet, SETTINGS, io.BytesIO())) for _ in range(1 if quick else 3)]
    sheet_s, sheet_cpu_s = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    count = 100 if quick else CARDS
    out = io.BytesIO()
    cards_s, cards_cpu_s, pages = _seconds(lambda: render_customer_cards(cards[:count], SETTINGS, out))
    return {
        "visit_sheet_300_render_s": round(sheet_s, 3),
        "visit_sheet_300_render_cpu_s": round(sheet_cpu_s, 3),
        "visit_sheet_budget_s": SHEET_BUDGET_S,
        "visit_sheet_within_budget": sheet_s < SHEET_BUDGET_S,
        f"cards_{count}_render_s": round(cards_s, 2),
        f"cards_{count}_render_cpu_s": round(cards_cpu_s, 2),
        f"cards_{count}_pages": pages,
        f"cards_{count}_pdf_mb": round(len(out.getvalue()) / 1e6, 2),
        "cards_budget_s": CARDS_BUDGET_S,
        "cards_within_budget": cards_s * CARDS / count < CARDS_BUDGET_S,
    }


def _end_to_end(quick: bool, folder: Path) -> dict[str, Any]:
    customers = 400 if quick else CARDS
    workspace = open_workspace(folder / "workspace", create=True)
    try:
        workspace.initialise("演示主管", Role.SUPERVISOR, None)
        build_start = time.perf_counter()
        build_demo(workspace, customers=customers, seed=1)
        build_s = time.perf_counter() - build_start
        ids = [c["id"] for c in CustomerService(workspace).iter_cards(CustomerQuery(sort="code"))]
        day = (date.today() + timedelta(days=1)).isoformat()
        sheet_sources_s, _, sheet = _seconds(
            lambda: sources.visit_sheet_for_customers(workspace, ids[:SHEET_STOPS], day, route="bench")
        )
        sheet_render_s, _, _ = _seconds(lambda: render_visit_sheet(sheet, SETTINGS, io.BytesIO()))
        cards_sources_s, _, cards = _seconds(lambda: sources.customer_cards(workspace, ids))
        out = io.BytesIO()
        cards_render_s, cards_render_cpu_s, pages = _seconds(lambda: render_customer_cards(cards, SETTINGS, out))
    finally:
        workspace.close()
    return {
        "workspace_customers": customers,
        "workspace_build_s": round(build_s, 2),
        "visit_sheet_300_sources_and_planning_s": round(sheet_sources_s, 3),
        "visit_sheet_300_workspace_render_s": round(sheet_render_s, 3),
        f"cards_{customers}_sources_s": round(cards_sources_s, 2),
        f"cards_{customers}_workspace_render_s": round(cards_render_s, 2),
        f"cards_{customers}_workspace_render_cpu_s": round(cards_render_cpu_s, 2),
        f"cards_{customers}_pages": pages,
        f"cards_{customers}_pdf_mb": round(len(out.getvalue()) / 1e6, 2),
        "cards_end_to_end_within_budget": (cards_sources_s + cards_render_s) * CARDS / customers < CARDS_BUDGET_S,
    }


def _next_monday() -> str:
    today = date.today()
    return (today + timedelta(days=7 - today.weekday())).isoformat()


def _day_batch(quick: bool, folder: Path) -> dict[str, Any]:
    customers = 1000 if quick else DAY_CUSTOMERS
    workspace = open_workspace(folder / "day", create=True)
    try:
        workspace.initialise("演示主管", Role.SUPERVISOR, None)
        build_demo(workspace, customers=customers, seed=1)
        build_routes(workspace, seed=1)
        monday = _next_monday()
        routes = routes_of_day(workspace, monday)
        batch = jobs.day_batch(workspace.folder, monday)

        def whole() -> int:
            return batch(io.BytesIO(), lambda done, total: None, lambda: False)

        first_s, first_cpu_s, pages = _seconds(whole)
        again_s, again_cpu_s, _ = _seconds(whole)
        sources_s, _, sheets = _seconds(lambda: day_sheets(workspace, monday))
        render_s, render_cpu_s, _ = _seconds(lambda: render_visit_sheets(sheets, SETTINGS, io.BytesIO()))
    finally:
        workspace.close()
    return {
        "day_workspace_customers": customers,
        "day_routes": len(routes),
        "day_stops": sum(route.stops for route in routes),
        "day_pages": pages,
        "day_batch_first_print_s": round(first_s, 2),
        "day_batch_first_print_cpu_s": round(first_cpu_s, 2),
        "day_batch_reprint_s": round(again_s, 2),
        "day_batch_reprint_cpu_s": round(again_cpu_s, 2),
        "day_batch_sources_s": round(sources_s, 2),
        "day_batch_render_s": round(render_s, 2),
        "day_batch_render_cpu_s": round(render_cpu_s, 2),
    }


def run(quick: bool = False) -> dict[str, Any]:
    fonts_s, _, _ = _seconds(register_fonts)
    result: dict[str, Any] = {"font_registration_s": round(fonts_s, 3)}
    result.update(_render_only(quick))
    with tempfile.TemporaryDirectory(prefix="fieldcrm-bench-printing-") as folder:
        result.update(_end_to_end(quick, Path(folder)))
        result.update(_day_batch(quick, Path(folder)))
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(run(), ensure_ascii=False, indent=2))
