"""Daily and monthly reports from the visit log, their versioned submission, and urgent reports."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from fieldcrm.errors import PermissionDenied
from tests.visits.helpers import Clock, Services, applying


@pytest.fixture
def day(svc: Services, shop: dict[str, Any]) -> dict[str, Any]:
    """李雷's 2024-06-10: two shops visited, one missed, one still planned, orders, collections, an urgent flag."""
    second = svc.customers.create({"name": "李四便利店"})
    third = svc.customers.create({"name": "王五小卖部"})
    fourth = svc.customers.create({"name": "赵六烟酒店"})
    first_visit = svc.visits.log(shop["id"], {
        "check_in": "09:00", "check_out": "09:30", "outcome": "补货", "complaints": "冰柜噪音大",
        "complaint_handling": "报修", "competitor_prices": "统一冰红茶 33 元/箱",
    })
    second_visit = svc.visits.log(second["id"], {
        "check_in": "10:15", "competitor_promotions": "可口可乐买一送一", "urgent_category": "competitor_move",
        "urgent_note": "对手进店铺冰柜",
    })
    svc.visits.log(third["id"], {"status": "missed", "missed_reason": "店铺装修"})
    svc.visits.plan(fourth["id"], "2024-06-10")
    svc.visits.log(shop["id"], {"visit_date": "2024-06-09"})  # another day: not in the report
    svc.orders.add(shop["id"], [("BEV-001", 2), ("ICE-001", 20)], visit_id=first_visit["id"])  # 72 + 100
    cancelled = svc.orders.add(second["id"], [("SNK-001", 1)], visit_id=second_visit["id"])
    svc.orders.set_status(cancelled.id, "cancelled")
    svc.receivables.payment(shop["id"], "150", visit_id=first_visit["id"], method="cash")
    svc.receivables.payment(second["id"], "50.5")
    return {"first": first_visit, "second": second_visit}


def test_daily_report_is_built_from_the_days_visits(svc: Services, day: dict[str, Any]) -> None:
    report = svc.reports.daily("李雷", "2024-06-10")
    content = report.to_json()
    assert (content["customers_visited"], content["visits_done"], content["visits_missed"]) == (2, 2, 1)
    assert content["visits_planned"] == 1
    assert [v["customer_name"] for v in content["visited"]] == ["张三超市", "李四便利店"]
    assert content["missed"][0]["missed_reason"] == "店铺装修"
    assert (content["orders_count"], content["orders_amount"], content["collected"]) == (1, 172.0, 200.5)
    assert [c["complaints"] for c in content["complaints"]] == ["冰柜噪音大"]
    assert [m["customer_name"] for m in content["market"]] == ["张三超市", "李四便利店"]
    assert [(u["category"], u["note"]) for u in content["urgent"]] == [("competitor_move", "对手进店铺冰柜")]
    assert content["submitted_version"] is None
    json.dumps(content)


def test_resubmitting_after_an_edit_makes_a_new_version(svc: Services, day: dict[str, Any], clock: Clock) -> None:
    first = svc.reports.submit_daily("李雷", "2024-06-10", remarks="天气热，冰品走得快")
    assert (first.version, first.period, first.kind) == (1, "2024-06-10", "daily")
    assert svc.reports.submit_daily("李雷", "2024-06-10", remarks="天气热，冰品走得快").id == first.id
    report = svc.reports.daily("李雷", "2024-06-10")
    assert (report.submitted_version, report.changed_since_submission) == (1, False)
    clock.value = datetime(2024, 6, 11, 8, 0)
    svc.visits.update(day["first"]["id"], {"outcome": "补货，加单一箱"})
    assert svc.reports.daily("李雷", "2024-06-10").changed_since_submission
    second = svc.reports.submit_daily("李雷", "2024-06-10")
    assert second.version == 2 and second.submitted_at == "2024-06-11T08:00:00"
    assert second.content["visited"][0]["outcome"] == "补货，加单一箱"
    assert [(s.version, s.rep) for s in svc.reports.submissions()] == [(2, "李雷")]


def test_a_rep_submits_only_their_own_report(svc: Services) -> None:
    with pytest.raises(PermissionDenied):
        svc.reports.submit_daily("王五", "2024-06-10")


def test_monthly_summary_adds_up_the_days(svc: Services, day: dict[str, Any]) -> None:
    summary = svc.reports.monthly("李雷", "2024-06").to_json()
    assert [d["date"] for d in summary["days"]] == ["2024-06-09", "2024-06-10"]
    assert (summary["days_worked"], summary["visits_done"], summary["visits_missed"]) == (2, 3, 1)
    assert (summary["customers_visited"], summary["complaints"], summary["market_reports"]) == (2, 1, 2)
    assert (summary["orders_count"], summary["orders_amount"], summary["collected"]) == (1, 172.0, 200.5)
    assert summary["urgent_reports"] == 1
    submitted = svc.reports.submit_monthly("李雷", "2024-06")
    assert submitted.version == 1 and svc.reports.monthly("李雷", "2024-06").submitted_version == 1
    assert svc.reports.monthly("李雷", "2024-05").to_json()["visits_done"] == 0


def test_submitted_reports_reach_the_supervisor_as_one_synced_row(svc: Services, day: dict[str, Any]) -> None:
    submitted = svc.reports.submit_daily("李雷", "2024-06-10")
    fields = dict(svc.db.execute(
        "SELECT field, value FROM change WHERE tbl = 'submitted_reports' AND row_id = ?", [submitted.id]
    ).fetchall())
    assert json.loads(fields["content"])["visits_done"] == 2 and fields["territory"] == "西湖区"


def test_urgent_reports_list_unacknowledged_first_and_supervisors_acknowledge(
    svc: Services, sup: Services, shop: dict[str, Any], clock: Clock
) -> None:
    clock.value = datetime(2024, 6, 10, 8, 0)
    closing = svc.visits.log(shop["id"], {"urgent_category": "customer_closing", "urgent_note": "月底关店"})
    clock.value = datetime(2024, 6, 10, 9, 0)
    note = svc.reports.flag_urgent("credit_risk", "听说老板欠了供货商很多钱", customer_id=shop["code"])
    clock.value = datetime(2024, 6, 10, 10, 0)
    standalone = svc.reports.flag_urgent("competitor_move", "统一在全区降价 10%")
    assert standalone.customer_id is None and standalone.code.startswith("U-")
    assert [r.id for r in svc.reports.urgent()][0] == standalone.id
    with pytest.raises(PermissionDenied):
        svc.reports.acknowledge(standalone.id)
    # The supervisor's laptop receives them by sync, acknowledges one, and it syncs back.
    copied = svc.db.execute("SELECT * FROM urgent_reports").fetchall()
    with applying(sup.db):
        for row in copied:
            sup.db.execute(f"INSERT INTO urgent_reports VALUES ({', '.join('?' * len(row))})", row)
    acknowledged = sup.reports.acknowledge(standalone.code)
    assert acknowledged.acknowledged_by == "韩梅梅"
    assert sup.reports.acknowledge(standalone.id).acknowledged_at == acknowledged.acknowledged_at
    order = [r.note for r in sup.reports.urgent()]
    assert order == ["听说老板欠了供货商很多钱", "月底关店", "统一在全区降价 10%"]
    unacknowledged = sup.reports.urgent(include_acknowledged=False)
    assert [r.id for r in unacknowledged] == [note.id, unacknowledged[1].id]
    assert unacknowledged[1].visit_id == closing["id"]  # its visit and customer have not synced here yet
