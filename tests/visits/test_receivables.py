"""Balances and aging: payments settle the oldest debts first; what remains is bucketed by age."""

from __future__ import annotations

from typing import Any

import pytest

from fieldcrm.domain.receivables import bucket_for
from tests.visits.helpers import Services


def delivered(svc: Services, customer_id: str, sku: str, quantity: int, ordered: str, on: str) -> None:
    order = svc.orders.add(customer_id, [(sku, quantity)], order_date=ordered)
    svc.orders.set_status(order.id, "delivered", delivered_on=on)


@pytest.fixture
def ledger(svc: Services, shop: dict[str, Any]) -> str:
    """Debts 1000 (02-01), 480 + 20 (03-15), 300 (04-20), 200 (05-15), 100 (06-10); paid 800 + 500."""
    cid = shop["id"]
    svc.receivables.invoice(cid, "1000", invoice_date="2024-02-01", reference="期初余额")
    delivered(svc, cid, "SNK-001", 5, "2024-03-10", "2024-03-15")  # 5 × 96.00 = 480.00
    svc.receivables.invoice(cid, "20", invoice_date="2024-03-15")  # same day, entered later: after the order
    svc.receivables.invoice(cid, "300", invoice_date="2024-04-20")
    delivered(svc, cid, "ICE-001", 40, "2024-05-15", "2024-05-15")  # 40 × 5.00 = 200.00
    svc.receivables.invoice(cid, "100", invoice_date="2024-06-10")
    svc.orders.add(cid, [("BEV-001", 10)])  # placed, not delivered: not owed yet
    cancelled = svc.orders.add(cid, [("BEV-001", 5)], order_date="2024-04-01")
    svc.orders.set_status(cancelled.id, "cancelled")
    svc.receivables.payment(cid, "800", paid_on="2024-03-01")
    svc.receivables.payment(cid, "500.00", paid_on="2024-05-31", method="wechat")
    return cid


def test_buckets_start_at_30_60_and_90_days() -> None:
    assert [bucket_for(d) for d in (-3, 0, 29, 30, 59, 60, 89, 90, 400)] == [
        "current", "current", "current", "days_30", "days_30", "days_60", "days_60", "days_90_plus", "days_90_plus",
    ]


def test_balance_counts_delivered_orders_and_invoices_less_payments(svc: Services, ledger: str) -> None:
    balance = svc.receivables.balance(ledger)
    assert (balance.debts, balance.paid, balance.outstanding) == (210_000, 130_000, 80_000)
    assert balance.to_json()["outstanding"] == 800.0


def test_payments_settle_the_oldest_debts_first(svc: Services, ledger: str) -> None:
    debts = svc.receivables.open_debts(ledger)
    assert [(d.day, d.amount, d.open, d.bucket) for d in debts] == [
        ("2024-03-15", 48_000, 18_000, "days_60"),  # 1000 + 480 + 20 > 1300 paid: 180 of the order left
        ("2024-03-15", 2_000, 2_000, "days_60"),
        ("2024-04-20", 30_000, 30_000, "days_30"),
        ("2024-05-15", 20_000, 20_000, "current"),
        ("2024-06-10", 10_000, 10_000, "current"),
    ]
    assert [d.age_days for d in debts] == [87, 87, 51, 26, 0]


def test_aging_buckets_each_customer_exactly(svc: Services, ledger: str) -> None:
    aging = svc.receivables.aging(ledger)
    (row,) = aging.rows
    assert row.buckets == (30_000, 30_000, 20_000, 0) and row.outstanding == 80_000 and row.credit == 0
    assert aging.to_json()["rows"][0] | {"customer_id": None} == {
        "customer_id": None, "customer_code": row.customer_code, "customer_name": "张三超市",
        "outstanding": 800.0, "current": 300.0, "days_30": 300.0, "days_60": 200.0, "days_90_plus": 0.0,
        "credit": 0.0,
    }


def test_aging_as_of_an_earlier_day_ignores_later_debts_and_payments(svc: Services, ledger: str) -> None:
    (row,) = svc.receivables.aging(ledger, today="2024-05-01").rows
    # Debts to date 1000 (90 days), 480 + 20 (47), 300 (11); paid 800: 200 of the oldest is left.
    assert row.buckets == (30_000, 50_000, 0, 20_000)


def test_overpayment_is_a_credit_and_totals_add_up(svc: Services, ledger: str) -> None:
    ahead = svc.customers.create({"name": "预付款客户"})
    svc.receivables.invoice(ahead["id"], "100", invoice_date="2024-06-01")
    svc.receivables.payment(ahead["id"], "150", paid_on="2024-06-02")
    aging = svc.receivables.aging()
    assert [r.customer_name for r in aging.rows] == ["张三超市", "预付款客户"]
    assert aging.rows[1].outstanding == 0 and aging.rows[1].credit == 5_000
    assert svc.receivables.balance(ahead["id"]).outstanding == -5_000
    assert aging.total.buckets == (30_000, 30_000, 20_000, 0) and aging.total.credit == 5_000


def test_a_payment_at_a_visit_takes_its_date_and_rep(svc: Services, shop: dict[str, Any]) -> None:
    visit = svc.visits.log(shop["id"], {"visit_date": "2024-06-08"})
    payment = svc.receivables.payment(shop["code"], "¥1,200.50", visit_id=visit["code"], method="cash")
    assert (payment.day, payment.amount, payment.rep, payment.visit_id) == ("2024-06-08", 120_050, "李雷", visit["id"])
    assert payment.code.startswith("P-") and payment.to_json()["amount"] == 1200.5
    assert [p.code for p in svc.receivables.payments(shop["id"])] == [payment.code]
