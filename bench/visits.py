"""Visit-log timings on a large workspace: 100,000 customers, 1,000,000 visits and 1,000,000 orders.

Budgets (from the issue): a customer card's visit history (with what was
ordered and collected at each visit) under 200 ms; a rep's daily report under
100 ms; the Due list under 200 ms. ``run()`` returns every figure measured
and whether each budget held; the workspace is built once with bulk inserts
and kept under ``bench/.cache/`` (rebuilt when the schema or this generator
changes).

Capture is switched off while loading, the way sync applies received rows, so
building does not write tens of millions of ``change`` rows; the indexes and
the ``last_visits`` triggers are the real ones. Ids are 26-character,
time-ordered strings like ULIDs, made from a counter because generating four
million real ULIDs would dominate the build.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterator

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.planning import PlanningService
from fieldcrm.domain.receivables import ReceivablesService
from fieldcrm.domain.reports import ReportService
from fieldcrm.domain.visits import VisitService
from fieldcrm.storage import migrations
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace, open_workspace

from timing import median_ms

CUSTOMERS = 100_000
VISITS = 1_000_000
ORDERS = 1_000_000
REPS = 400  # 250 customers each, on 10 routes of 25
DAYS = 160  # the visits span this many days up to TODAY (capped at VISITS)
TODAY = date(2026, 9, 30)
NOW = datetime(2026, 9, 30, 18, 0)
GENERATOR_VERSION = 3
HISTORY_BUDGET_MS = 200.0
DAILY_BUDGET_MS = 100.0
DUE_BUDGET_MS = 200.0
CACHE = Path(__file__).resolve().parent / ".cache"
TERRITORIES = ("西湖区", "上城区", "拱墅区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区")
GRADES = (("key", 7, 15), ("general", 14, 45), ("scattered", 30, 40))  # code, days between visits, percent
PRODUCTS = 60


def _marker() -> str:
    return f"schema={migrations.LATEST} generator={GENERATOR_VERSION} customers={CUSTOMERS} visits={VISITS}"


class _Ids:
    """Time-ordered 26-character ids, one prefix per table."""

    def __init__(self, prefix: str) -> None:
        self.prefix, self.count = prefix, 0

    def __call__(self) -> str:
        self.count += 1
        return f"01BENCH{self.prefix}{self.count:018d}"


def _customers(db: Any, rng: random.Random) -> list[tuple[str, str, int]]:
    """(id, rep, visit frequency) per customer; rep n serves territory n % 8, routes R<n>-0..9."""
    ids = _Ids("C")
    rows, plan = [], []
    weights = [g[2] for g in GRADES]
    for n in range(CUSTOMERS):
        rep = n % REPS
        grade, frequency, _ = rng.choices(GRADES, weights=weights)[0]
        cid = ids()
        rows.append((
            cid, f"C-BNCH{n:06d}", f"测试商店{n}号", TERRITORIES[rep % len(TERRITORIES)], f"R{rep:03d}-{n // REPS % 10}",
            f"业务员{rep:03d}", grade, rng.choice((None, 500_000, 2_000_000, 5_000_000)),
        ))
        plan.append((cid, f"业务员{rep:03d}", frequency))
    db.conn.executemany(
        "INSERT INTO customers (id, code, deleted, name, territory, route, rep, grade, credit_limit, lifecycle) "
        "VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, 'active')",
        rows,
    )
    return plan


def _products(db: Any) -> list[tuple[str, int]]:
    products = [(f"01BENCHP{n:018d}", 500 + n * 137 % 9000) for n in range(PRODUCTS)]
    db.conn.executemany(
        "INSERT INTO products (id, code, deleted, name, category, unit, price, active) "
        "VALUES (?, ?, 0, ?, ?, '箱', ?, 1)",
        [(pid, f"SKU-{n:03d}", f"测试商品{n}", ("饮料", "冰淇淋", "零食")[n % 3], price)
         for n, (pid, price) in enumerate(products)],
    )
    return products


def _visit_days(rng: random.Random, frequency: int) -> Iterator[date]:
    day = TODAY - timedelta(days=DAYS - rng.randrange(frequency))
    while day <= TODAY - timedelta(days=rng.randrange(frequency)):  # some stop short: due or overdue now
        yield day
        day += timedelta(days=max(1, frequency + rng.randint(-2, 2)))


def _log(db: Any, rng: random.Random, plan: list[tuple[str, str, int]], products: list[tuple[str, int]]) -> None:
    """Visits with orders at most of them, payments at some, and orders taken by phone to reach ORDERS."""
    visit_id, order_id, line_id, pay_id = _Ids("V"), _Ids("O"), _Ids("L"), _Ids("P")
    visits, orders, lines, payments = [], [], [], []

    def order(cid: str, rep: str, vid: str | None, day: date) -> None:
        oid, total = order_id(), 0
        for number in range(1, rng.randint(1, 3) + 1):
            pid, price = rng.choice(products)
            quantity = rng.randint(1, 10)
            lines.append((line_id(), oid, number, pid, quantity, price))
            total += quantity * price
        delivered = day + timedelta(days=1)
        status = "delivered" if delivered <= TODAY else "placed"
        orders.append((oid, f"O-BNCH{order_id.count:07d}", cid, vid, rep, day.isoformat(), status,
                       delivered.isoformat() if status == "delivered" else None, total))

    for cid, rep, frequency in plan:
        for day in _visit_days(rng, frequency):
            if len(visits) >= VISITS:
                break
            vid = visit_id()
            missed = rng.random() < 0.06
            hour = rng.randint(8, 16)
            visits.append((
                vid, f"V-BNCH{visit_id.count:07d}", cid, rep, day.isoformat(), "missed" if missed else "done",
                None if missed else f"{hour:02d}:{rng.randrange(60):02d}",
                None if missed else f"{hour + 1:02d}:{rng.randrange(60):02d}",
                "店铺关门" if missed else None, None if missed else "正常补货",
                "冰柜噪音大" if rng.random() < 0.05 else None,
                "统一冰红茶 33 元/箱" if rng.random() < 0.1 else None,
            ))
            if missed:
                continue
            if rng.random() < 0.7:
                order(cid, rep, vid, day)
            if rng.random() < 0.35:
                payments.append((pay_id(), f"P-BNCH{pay_id.count:07d}", cid, vid, rep, day.isoformat(),
                                 rng.randint(100, 5000) * 100))
    while len(orders) < ORDERS:
        cid, rep, _ = rng.choice(plan)
        order(cid, rep, None, TODAY - timedelta(days=rng.randrange(DAYS)))
    db.conn.executemany(
        "INSERT INTO visits (id, code, deleted, customer_id, territory, rep, visit_date, status, purpose, check_in, "
        "check_out, missed_reason, outcome, complaints, competitor_prices) "
        "VALUES (?, ?, 0, ?, NULL, ?, ?, ?, 'routine', ?, ?, ?, ?, ?, ?)",
        visits,
    )
    db.conn.executemany(
        "INSERT INTO orders (id, code, deleted, customer_id, visit_id, rep, order_date, status, delivered_on, total) "
        "VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
        orders,
    )
    db.conn.executemany(
        "INSERT INTO order_lines (id, deleted, order_id, line_no, product_id, quantity, unit_price, discount) "
        "VALUES (?, 0, ?, ?, ?, ?, ?, 0)",
        lines,
    )
    db.conn.executemany(
        "INSERT INTO payments (id, code, deleted, customer_id, visit_id, rep, paid_on, amount, method) "
        "VALUES (?, ?, 0, ?, ?, ?, ?, ?, 'cash')",
        payments,
    )


def build(folder: Path) -> Workspace:
    """The cached workspace, built with bulk inserts if missing or stale."""
    marker = folder / "marker.txt"
    if marker.exists() and marker.read_text() == _marker():
        return open_workspace(folder)
    shutil.rmtree(folder, ignore_errors=True)
    ws = open_workspace(folder, create=True)
    ws.initialise("基准主管", Role.SUPERVISOR, None)
    rng = random.Random(20260930)
    db = ws.db
    db.execute("PRAGMA cache_size = -400000")  # 400 MB while loading: index pages stay in memory
    with write_transaction(db):
        db.execute("UPDATE capture_mode SET applying = 1")
        plan = _customers(db, rng)
        _log(db, rng, plan, _products(db))
        db.execute("UPDATE capture_mode SET applying = 0")
    db.execute("ANALYZE")
    marker.write_text(_marker())
    return ws


def _now() -> datetime:
    """The services' clock: the evening of TODAY, so the figures do not move with the calendar."""
    return NOW


def run() -> dict[str, Any]:
    """Build (or reuse) the workspace and time the card's visit history, daily reports and the Due list."""
    CACHE.mkdir(exist_ok=True)
    started = time.perf_counter()
    ws = build(CACHE / "visits-100k")
    build_s = time.perf_counter() - started
    visits, reports, planning = VisitService(ws, _now), ReportService(ws, _now), PlanningService(ws, _now)
    try:
        db = ws.db
        rng = random.Random(7)
        customers = [r[0] for r in db.execute("SELECT id FROM customers ORDER BY rowid")]
        busiest = db.execute(
            "SELECT customer_id FROM visits GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        sample = [busiest, *rng.sample(customers, 29)]
        history_ms = [median_ms(lambda c=c: visits.for_customer(c), repeat=3) for c in sample]
        days = [(f"业务员{rng.randrange(REPS):03d}", (TODAY - timedelta(days=rng.randrange(DAYS))).isoformat())
                for _ in range(30)]
        daily_ms = [median_ms(lambda r=r, d=d: reports.daily(r, d), repeat=3) for r, d in days]
        due = {
            "route": median_ms(lambda: planning.due(route="R123-4")),
            "rep": median_ms(lambda: planning.due(rep="业务员123")),
            "territory": median_ms(lambda: planning.due(territory="滨江区"), repeat=3),
            "everyone_page_and_count": median_ms(lambda: (planning.due(limit=100), planning.due_count())),
            "everyone_page_at_20000": median_ms(lambda: planning.due(limit=100, offset=20_000), repeat=3),
            "everyone_whole_list": median_ms(lambda: planning.due(), repeat=3),
        }
        budgeted = ("route", "rep", "territory", "everyone_page_and_count")
        counts = db.execute(
            "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM visits), (SELECT count(*) FROM orders), "
            "(SELECT count(*) FROM order_lines), (SELECT count(*) FROM payments)"
        ).fetchone()
        due_rows = {"territory": planning.due_count(territory="滨江区"), "everyone": planning.due_count()}
        receivables = ReceivablesService(ws, _now)
        result = {
            "customers": counts[0], "visits": counts[1], "orders": counts[2], "order_lines": counts[3],
            "payments": counts[4],
            "build_or_open_s": round(build_s, 2),
            "visit_history_ms_median": round(statistics.median(history_ms), 2),
            "visit_history_ms_max": round(max(history_ms), 2),
            "visit_history_budget_ms": HISTORY_BUDGET_MS,
            "visit_history_ok": max(history_ms) < HISTORY_BUDGET_MS,
            "daily_report_ms_median": round(statistics.median(daily_ms), 2),
            "daily_report_ms_max": round(max(daily_ms), 2),
            "daily_report_budget_ms": DAILY_BUDGET_MS,
            "daily_report_ok": max(daily_ms) < DAILY_BUDGET_MS,
            "due_list_ms": {k: round(v, 2) for k, v in due.items()},
            "due_list_rows": due_rows,
            "due_list_budget_ms": DUE_BUDGET_MS,
            "due_list_ok": max(due[k] for k in budgeted) < DUE_BUDGET_MS,
            "monthly_report_ms": round(median_ms(lambda: reports.monthly("业务员123", TODAY.isoformat()[:7]), repeat=3), 2),
            "customer_aging_ms": round(median_ms(lambda: receivables.aging(busiest), repeat=3), 2),
            "all_customers_aging_ms": round(median_ms(lambda: receivables.aging(), repeat=3), 1),
        }
    finally:
        ws.close()
    return result


if __name__ == "__main__":
    json.dump(run(), sys.stdout, ensure_ascii=False, indent=2)
    print()
