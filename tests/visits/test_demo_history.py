"""The demo history generates every kind of record, passes validation, and is reproducible per seed."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

import pytest

from fieldcrm.demo_history import CATALOGUE, HISTORY_TODAY, build_history
from fieldcrm.domain.visit_fields import VISIT_FIELDS
from fieldcrm.storage.database import DB_NAME
from fieldcrm.workspace import Workspace, open_workspace
from tests.visits.helpers import Clock, Services, services_for, synced_card_update

TODAY = date(2024, 9, 30)
GRADES = ("key", "general", "scattered")
LIFECYCLES = ("active", "active", "active", "new", "prospect", "lost")


def populate(svc: Services, count: int = 14) -> None:
    """Customers the way the demo makes them: graded, with limits, reps, routes and lifecycles."""
    for n in range(count):
        card = svc.customers.create({
            "name": f"演示店{n:02d}", "rep": ("王芳", "陈强")[n % 2], "territory": "西湖区", "route": f"R{n % 3}",
            "lifecycle": LIFECYCLES[n % len(LIFECYCLES)],
        })
        synced_card_update(svc.db, card["id"], {"grade": GRADES[n % 3], "credit_limit": (n % 4) * 300_000 or None})


@pytest.fixture
def demo(sup: Services) -> Services:
    populate(sup)
    calls: list[tuple[int, int]] = []
    build_history(sup.workspace, months=4, seed=7, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1] == 15
    return sup


def test_the_default_today_is_the_demos(sup: Services) -> None:
    from fieldcrm.demo import DEMO_TODAY

    assert HISTORY_TODAY == DEMO_TODAY


def test_every_kind_of_record_is_generated(demo: Services) -> None:
    db = demo.db
    count = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "visits", "orders", "order_lines", "payments", "urgent_reports", "submitted_reports")}
    assert all(n > 0 for n in count.values()), count
    assert db.execute("SELECT count(*), sum(active = 0) FROM products").fetchone() == (len(CATALOGUE), 1)
    statuses = dict(db.execute("SELECT status, count(*) FROM visits GROUP BY status").fetchall())
    assert statuses["done"] > 50 and statuses["missed"] > 0
    assert db.execute("SELECT count(*) FROM visits WHERE competitor_prices IS NOT NULL").fetchone()[0] > 0
    assert db.execute("SELECT count(*) FROM visits WHERE complaints IS NOT NULL").fetchone()[0] > 0
    assert {r[0] for r in db.execute("SELECT DISTINCT rep FROM visits")} == {"王芳", "陈强"}
    aging = demo.receivables.aging(today=TODAY)
    assert all(amount > 0 for amount in aging.total.buckets), aging.total
    assert demo.planning.due(today=TODAY.isoformat())
    first_daily = demo.reports.submissions(rep="王芳")[-1]
    assert first_daily.content["visits_done"] + first_daily.content["visits_missed"] > 0


def test_a_sample_passes_the_services_validation_unchanged(demo: Services, clock: Clock) -> None:
    """Re-entering a sampled visit's every stored value through the service is accepted and changes nothing."""
    clock.value = clock.value.replace(year=2024, month=10, day=1)
    visits = [r[0] for r in demo.db.execute("SELECT id FROM visits ORDER BY rowid")]
    for visit_id in random.Random(3).sample(visits, 25):
        visit = demo.visits.get(visit_id)
        raw = {f.name: "" if visit[f.name] is None else str(visit[f.name]) for f in VISIT_FIELDS}
        assert demo.visits.update(visit_id, raw) == [], visit["code"]
    for order in demo.orders.flagged(include_reviewed=True):
        assert order.credit_reason
    for (order_id,) in demo.db.execute("SELECT id FROM orders").fetchall()[:40]:
        order = demo.orders.get(order_id)
        assert order.lines and all(line.quantity > 0 and line.amount >= 0 for line in order.lines)
        assert order.total == sum(line.amount for line in order.lines)
    assert demo.db.execute("SELECT min(amount) FROM payments").fetchone()[0] > 0
    for row in demo.receivables.aging(today=TODAY).rows:
        balance = demo.receivables.balance(row.customer_id, today=TODAY)
        assert row.outstanding - row.credit == balance.outstanding


def signature(ws: Workspace) -> list[tuple[object, ...]]:
    return ws.db.execute(
        """
        SELECT c.name, v.visit_date, v.status, v.check_in, v.outcome, v.competitor_prices,
               (SELECT group_concat(o.total) FROM orders AS o WHERE o.visit_id = v.id),
               (SELECT group_concat(p.amount) FROM payments AS p WHERE p.visit_id = v.id)
        FROM visits AS v JOIN customers AS c ON c.id = v.customer_id
        ORDER BY c.name, v.visit_date, v.status
        """
    ).fetchall()


def test_the_same_seed_gives_the_same_history(sup: Services, tmp_path: Path, clock: Clock) -> None:
    populate(sup, count=6)
    sup.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copies = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        (tmp_path / name).mkdir()
        shutil.copyfile(sup.workspace.db_path, tmp_path / name / DB_NAME)
        ws = open_workspace(tmp_path / name)
        build_history(ws, months=2, seed=seed, today=TODAY)
        copies.append(signature(ws))
        ws.close()
    assert copies[0] == copies[1] and copies[0] != copies[2]


def test_a_reps_workspace_gets_the_catalogue_as_synced_in(svc: Services, clock: Clock) -> None:
    svc.db.execute("UPDATE capture_mode SET applying = 1")
    svc.db.execute("DELETE FROM products")  # start without the test catalogue
    svc.db.execute("UPDATE capture_mode SET applying = 0")
    card = svc.customers.create({"name": "我的店", "rep": "李雷", "lifecycle": "active"})
    synced_card_update(svc.db, card["id"], {"grade": "key"})
    build_history(svc.workspace, months=1, seed=1, today=TODAY)
    assert svc.db.execute("SELECT count(*) FROM products").fetchone()[0] == len(CATALOGUE)
    assert svc.db.execute("SELECT count(*) FROM change WHERE tbl = 'products'").fetchone()[0] == 0
    assert {r[0] for r in svc.db.execute("SELECT DISTINCT rep FROM visits")} == {"李雷"}
    assert services_for(svc.workspace, clock).reports.submissions(rep="李雷")
