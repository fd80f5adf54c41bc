"""The catalogue is a supervisor's; orders are priced from it; credit limits warn and flag."""

from __future__ import annotations

from typing import Any

import pytest

from fieldcrm.errors import FieldError, PermissionDenied
from tests.visits.helpers import FIELD_ERRORS, Services, synced_card_update


def test_only_a_supervisor_changes_the_catalogue(svc: Services, sup: Services) -> None:
    with pytest.raises(PermissionDenied):
        svc.catalogue.add({"code": "NEW-1", "name": "新品", "price": "1"})
    with pytest.raises(PermissionDenied):
        svc.catalogue.update("BEV-001", {"price": "1"})
    assert svc.catalogue.get("bev-001").price == 3600
    product = sup.catalogue.add({"code": " ice-009 ", "name": "蒙牛 随变 经典香草", "unit": "支", "price": "3.5"})
    assert (product.code, product.price, product.active) == ("ICE-009", 350, True)
    assert product.to_json()["price"] == 3.5


def test_skus_stay_unique_and_products_can_be_withdrawn(sup: Services) -> None:
    sup.catalogue.add({"code": "SNK-1", "name": "旺旺雪饼", "price": "12"})
    with pytest.raises(FieldError) as caught:
        sup.catalogue.add({"code": "snk-1", "name": "重复", "price": "1"})
    assert caught.value.field == "code"
    assert sup.catalogue.update("SNK-1", {"price": "12.00", "active": "0"}) == ["active"]
    assert [p.code for p in sup.catalogue.list()] == []
    assert [p.code for p in sup.catalogue.list(active_only=False, search="雪饼")] == ["SNK-1"]


def test_a_withdrawn_product_cannot_be_ordered(svc: Services, shop: dict[str, Any]) -> None:
    svc.db.execute("UPDATE capture_mode SET applying = 1")
    svc.db.execute("UPDATE products SET active = 0 WHERE code = 'SNK-001'")
    svc.db.execute("UPDATE capture_mode SET applying = 0")
    with pytest.raises(FIELD_ERRORS) as caught:
        svc.orders.add(shop["id"], [("SNK-001", 1)])
    assert caught.value.field == "product"


def test_order_totals_use_list_price_unless_given_and_subtract_discounts(svc: Services, shop: dict[str, Any]) -> None:
    order = svc.orders.add(shop["code"], [
        ("BEV-001", 3),  # 3 × 36.00
        ("ICE-001", 100, "4.20", "20"),  # 100 × 4.20 − 20
        ("SNK-001", "2", None, "0.50"),  # 2 × 96.00 − 0.50
    ])
    assert [line.amount for line in order.lines] == [10_800, 40_000, 19_150]
    assert order.total == 69_950 and order.status == "placed" and order.order_date == "2024-06-10"
    assert order.to_json()["total"] == 699.5
    assert order.to_json()["lines"][1] == {
        "product_id": order.lines[1].product_id, "sku": "ICE-001", "name": "伊利巧乐兹 脆皮", "unit": "支",
        "quantity": 100, "unit_price": 4.2, "discount": 20.0, "amount": 400.0,
    }
    assert svc.orders.get(order.code).total == 69_950


def test_an_order_at_a_visit_takes_its_date_and_rep(svc: Services, shop: dict[str, Any]) -> None:
    visit = svc.visits.log(shop["id"], {"visit_date": "2024-06-07"})
    order = svc.orders.add(shop["id"], [("BEV-002", 1)], visit_id=visit["code"])
    assert (order.order_date, order.rep, order.visit_code) == ("2024-06-07", "李雷", visit["code"])


def test_status_moves_from_placed_only(svc: Services, shop: dict[str, Any]) -> None:
    order = svc.orders.add(shop["id"], [("BEV-002", 1)])
    with pytest.raises(FIELD_ERRORS) as caught:
        svc.orders.set_status(order.id, "delivered", delivered_on="2024-06-01")
    assert caught.value.field == "delivered_on"
    delivered = svc.orders.set_status(order.id, "delivered")
    assert (delivered.status, delivered.delivered_on) == ("delivered", "2024-06-10")
    with pytest.raises(FieldError) as caught:
        svc.orders.set_status(order.id, "cancelled")
    assert caught.value.field == "status"


def test_credit_used_is_balance_plus_open_orders(svc: Services, shop: dict[str, Any]) -> None:
    svc.receivables.invoice(shop["id"], "1000", invoice_date="2024-05-01")
    svc.receivables.payment(shop["id"], "400", paid_on="2024-05-20")
    svc.orders.add(shop["id"], [("BEV-001", 10)])  # 360.00 placed
    credit = svc.orders.credit(shop["id"])
    assert (credit.limit, credit.balance, credit.open_orders, credit.used, credit.left) == (
        500_000, 60_000, 36_000, 96_000, 404_000,
    )
    assert credit.to_json()["left"] == 4040.0


def test_check_credit_warns_before_the_limit_is_exceeded(svc: Services, shop: dict[str, Any]) -> None:
    svc.receivables.invoice(shop["id"], "4000", invoice_date="2024-06-01")
    assert svc.orders.check_credit(shop["id"], 100_000) is None  # exactly at the limit
    warning = svc.orders.check_credit(shop["id"], 100_001)
    assert warning is not None and warning.excess == 1
    assert "limit 5000.00" in warning.message and "left 1000.00" in warning.message
    quote = svc.orders.quote(shop["id"], [("SNK-001", 11)])  # 1056.00
    assert quote.total == 105_600 and quote.warning is not None and quote.warning.excess == 5_600


def test_over_the_limit_needs_a_reason_and_is_flagged(svc: Services, sup: Services, shop: dict[str, Any]) -> None:
    before = svc.db.execute("SELECT count(*) FROM orders").fetchone()[0]
    with pytest.raises(FieldError) as caught:
        svc.orders.add(shop["id"], [("SNK-001", 60)])  # 5760.00 > 5000.00
    assert caught.value.field == "reason" and "760.00" in caught.value.message
    assert svc.db.execute("SELECT count(*) FROM orders").fetchone()[0] == before
    within = svc.orders.add(shop["id"], [("BEV-001", 1)], reason="不需要")
    assert not within.credit_flag and within.credit_reason is None
    over = svc.orders.add(shop["id"], [("SNK-001", 60)], reason="节前备货，老板承诺月底结清")
    assert over.credit_flag and over.credit_reason == "节前备货，老板承诺月底结清"
    assert [o.code for o in svc.orders.flagged()] == [over.code]
    with pytest.raises(PermissionDenied):
        svc.orders.review(over.id)


def test_a_supervisor_reviews_flagged_orders(sup: Services) -> None:
    card = sup.customers.create({"name": "赊账店", "credit_limit": "100"})
    sup.catalogue.add({"code": "BEV-001", "name": "冰红茶", "price": "36"})
    over = sup.orders.add(card["id"], [("BEV-001", 3)], reason="试单")
    reviewed = sup.orders.review(over.code)
    assert reviewed.credit_reviewed_by == "韩梅梅"
    assert sup.orders.flagged() == [] and [o.id for o in sup.orders.flagged(include_reviewed=True)] == [over.id]


def test_no_limit_recorded_means_no_credit_check(svc: Services) -> None:
    card = svc.customers.create({"name": "现金客户"})
    assert svc.orders.check_credit(card["id"], 10**9) is None
    synced_card_update(svc.db, card["id"], {"credit_limit": 0})
    assert svc.orders.check_credit(card["id"], 1) is not None
