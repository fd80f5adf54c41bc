"""Logging, starting and editing visits; past edits show in the history; codes find planned visits."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from fieldcrm.errors import NotFound, PermissionDenied
from tests.visits.helpers import FIELD_ERRORS, Clock, Services


def test_log_records_a_full_visit_done_today_by_the_rep(svc: Services, shop: dict[str, Any]) -> None:
    visit = svc.visits.log(shop["code"], {
        "check_in": "9:05", "check_out": "09:40", "purpose": "promotion", "outcome": "上了两个端架",
        "competitor_products": "统一冰红茶", "competitor_prices": "统一 33 元/箱", "competitor_promotions": "买十送一",
        "complaints": "上次送货晚了", "complaint_handling": "已和配送沟通", "next_action": "送海报",
        "next_visit_date": "2024-06-17",
    })
    assert visit["code"].startswith("V-") and visit["customer_code"] == shop["code"]
    assert (visit["visit_date"], visit["rep"], visit["status"]) == ("2024-06-10", "李雷", "done")
    assert (visit["check_in"], visit["check_out"], visit["territory"]) == ("09:05", "09:40", "西湖区")
    assert visit["urgent_category"] is None


def test_editing_a_past_visit_is_recorded_in_its_history(svc: Services, shop: dict[str, Any], clock: Clock) -> None:
    visit = svc.visits.log(shop["id"], {"visit_date": "2024-06-03", "outcome": "下单"})
    clock.value = datetime(2024, 6, 10, 18, 0)
    assert svc.visits.update(visit["code"], {"outcome": "下单，补货冰柜", "visit_date": "2024-06-03"}) == ["outcome"]
    svc.visits.update(visit["id"], {"urgent_category": "competitor_move", "urgent_note": "对手铺冰柜"})
    history = svc.visits.history(visit["id"])
    outcome = [h for h in history if h.field == "outcome"]
    assert [(h.old, h.new) for h in outcome] == [("下单", "下单，补货冰柜"), (None, "下单")]
    assert outcome[0].user == "李雷"
    assert ("urgent_category", None, "competitor_move") in [(h.field, h.old, h.new) for h in history]
    assert svc.visits.get(visit["id"])["urgent_note"] == "对手铺冰柜"


def test_unflagging_and_reflagging_reuses_the_one_urgent_report(svc: Services, shop: dict[str, Any]) -> None:
    visit = svc.visits.log(shop["id"], {"urgent_category": "credit_risk"})
    svc.visits.update(visit["id"], {"urgent_category": ""})
    assert svc.visits.get(visit["id"])["urgent_category"] is None
    assert svc.reports.urgent() == []
    svc.visits.update(visit["id"], {"urgent_category": "customer_closing"})
    reports = svc.reports.urgent()
    assert [(r.category, r.visit_code) for r in reports] == [("customer_closing", visit["code"])]
    assert svc.db.execute("SELECT count(*) FROM urgent_reports").fetchone()[0] == 1


def test_a_planned_visit_is_found_by_its_code_and_taken_over_on_start(
    svc: Services, shop: dict[str, Any], clock: Clock
) -> None:
    planned = svc.visits.plan(shop["id"], "2024-06-10", purpose="collection")
    assert planned["status"] == "planned" and planned["visit_date"] == "2024-06-10"
    assert svc.visits.get(planned["code"].lower())["id"] == planned["id"]
    clock.value = datetime(2024, 6, 10, 14, 7)
    started = svc.visits.start(shop["id"])
    assert started["id"] == planned["id"]
    assert (started["status"], started["check_in"], started["purpose"]) == ("done", "14:07", "collection")
    clock.value = datetime(2024, 6, 10, 14, 30)
    finished = svc.visits.finish(started["code"], {"outcome": "收款 2000 元"})
    assert (finished["check_out"], finished["outcome"]) == ("14:30", "收款 2000 元")


def test_start_without_a_plan_makes_an_unplanned_visit(svc: Services, shop: dict[str, Any]) -> None:
    svc.visits.plan(shop["id"], "2024-06-20")  # not due yet: left alone
    started = svc.visits.start(shop["id"], "delivery")
    assert started["planned_date"] is None and started["purpose"] == "delivery"
    statuses = sorted(v["status"] for v in svc.visits.list(customer=shop["id"]))
    assert statuses == ["done", "planned"]


def test_list_filters_by_customer_rep_and_day(svc: Services, shop: dict[str, Any]) -> None:
    other = svc.customers.create({"name": "李四便利店"})
    svc.visits.log(shop["id"], {"visit_date": "2024-06-07"})
    svc.visits.log(shop["id"], {})
    svc.visits.log(other["id"], {})
    assert [v["visit_date"] for v in svc.visits.list(customer=shop["code"])] == ["2024-06-10", "2024-06-07"]
    assert len(svc.visits.list(date="2024-06-10")) == 2
    assert len(svc.visits.list(rep="李雷")) == 3 and svc.visits.list(rep="王五") == []


def test_customer_history_shows_orders_and_collections_per_visit(svc: Services, shop: dict[str, Any]) -> None:
    first = svc.visits.log(shop["id"], {"visit_date": "2024-06-03", "check_in": "10:00"})
    second = svc.visits.log(shop["id"], {"check_in": "09:00"})
    svc.orders.add(shop["id"], [("BEV-001", 2), ("ICE-001", 40, "4.50")], visit_id=first["id"])
    cancelled = svc.orders.add(shop["id"], [("SNK-001", 1)], visit_id=first["id"])
    svc.orders.set_status(cancelled.id, "cancelled")
    svc.receivables.payment(shop["id"], "300", visit_id=second["code"])
    history = svc.visits.for_customer(shop["code"])
    assert [h.code for h in history] == [second["code"], first["code"]]
    assert (history[0].ordered, history[0].collected, history[0].items) == (0, 30_000, ())
    assert history[1].ordered == 2 * 3600 + 40 * 450
    assert [(sku, qty) for sku, _name, _unit, qty in history[1].items] == [("BEV-001", 2), ("ICE-001", 40)]
    assert history[1].to_json()["ordered"] == 252.0


def test_a_rep_changes_only_their_own_visits(svc: Services, shop: dict[str, Any]) -> None:
    with pytest.raises(FIELD_ERRORS) as caught:
        svc.visits.log(shop["id"], {"rep": "王五"})
    assert caught.value.field == "rep"
    visit = svc.visits.log(shop["id"], {})
    svc.db.execute("UPDATE capture_mode SET applying = 1")  # as if a supervisor reassigned it by sync
    svc.db.execute("UPDATE visits SET rep = '王五' WHERE id = ?", [visit["id"]])
    svc.db.execute("UPDATE capture_mode SET applying = 0")
    with pytest.raises(PermissionDenied):
        svc.visits.update(visit["id"], {"outcome": "改"})


def test_a_supervisor_plans_for_a_rep(sup: Services) -> None:
    card = sup.customers.create({"name": "王记批发"})
    planned = sup.visits.plan(card["id"], "2024-06-12", rep="李雷")
    assert planned["rep"] == "李雷"


def test_deleting_a_visit_leaves_a_tombstone_and_drops_its_flag(svc: Services, shop: dict[str, Any]) -> None:
    visit = svc.visits.log(shop["id"], {"urgent_category": "big_complaint"})
    svc.visits.delete(visit["code"])
    assert svc.visits.get(visit["id"])["deleted"] == 1
    assert svc.visits.list(customer=shop["id"]) == [] and svc.reports.urgent() == []


def test_unknown_visit_is_not_found(svc: Services) -> None:
    with pytest.raises(NotFound) as caught:
        svc.visits.get("V-NOPE99")
    assert caught.value.message.startswith("visit:")
