"""Every kind of bad input is refused with an error naming the field, and nothing is written."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from fieldcrm.errors import ValidationErrors
from tests.visits.helpers import FIELD_ERRORS, Services, counts

Attempt = Callable[[Services, dict[str, str]], object]

CASES: list[tuple[str, str, Attempt]] = [
    ("check-out before check-in", "check_out",
     lambda s, x: s.visits.log(x["shop"], {"check_in": "10:00", "check_out": "09:59"})),
    ("check-out without check-in", "check_out", lambda s, x: s.visits.log(x["shop"], {"check_out": "09:00"})),
    ("check-out before check-in on edit", "check_out",
     lambda s, x: s.visits.update(x["visit"], {"check_out": "07:00"})),
    ("time in a wrong format", "check_in", lambda s, x: s.visits.log(x["shop"], {"check_in": "9.30"})),
    ("time out of range", "check_in", lambda s, x: s.visits.log(x["shop"], {"check_in": "24:00"})),
    ("date in a wrong format", "visit_date", lambda s, x: s.visits.log(x["shop"], {"visit_date": "10/06/2024"})),
    ("impossible date", "planned_date", lambda s, x: s.visits.plan(x["shop"], "2024-02-30")),
    ("next visit before the visit", "next_visit_date",
     lambda s, x: s.visits.log(x["shop"], {"next_visit_date": "2024-06-01"})),
    ("missed without a reason", "missed_reason", lambda s, x: s.visits.log(x["shop"], {"status": "missed"})),
    ("unknown purpose", "purpose", lambda s, x: s.visits.log(x["shop"], {"purpose": "party"})),
    ("unknown visit field", "weather", lambda s, x: s.visits.log(x["shop"], {"weather": "晴"})),
    ("urgent note without a category", "urgent_category",
     lambda s, x: s.visits.log(x["shop"], {"urgent_note": "要关门"})),
    ("visit at an unknown customer", "customer", lambda s, x: s.visits.log("C-NOPE01", {})),
    ("zero quantity", "quantity", lambda s, x: s.orders.add(x["shop"], [("BEV-001", 0)])),
    ("negative quantity", "quantity", lambda s, x: s.orders.add(x["shop"], [("BEV-001", "1"), ("BEV-002", "-3")])),
    ("fractional quantity", "quantity", lambda s, x: s.orders.add(x["shop"], [("BEV-001", "1.5")])),
    ("unknown product", "product", lambda s, x: s.orders.add(x["shop"], [("BEV-999", 1)])),
    ("negative price", "unit_price", lambda s, x: s.orders.add(x["shop"], [("BEV-001", 1, "-1")])),
    ("discount above the line", "discount", lambda s, x: s.orders.add(x["shop"], [("ICE-001", 2, None, "10.01")])),
    ("order without lines", "lines", lambda s, x: s.orders.add(x["shop"], [])),
    ("order at an unknown customer", "customer", lambda s, x: s.orders.add("nope", [("BEV-001", 1)])),
    ("order at another customer's visit", "visit",
     lambda s, x: s.orders.add(x["other"], [("BEV-001", 1)], visit_id=x["visit"])),
    ("order date in a wrong format", "order_date",
     lambda s, x: s.orders.add(x["shop"], [("BEV-001", 1)], order_date="2024-6-1")),
    ("zero payment", "amount", lambda s, x: s.receivables.payment(x["shop"], "0")),
    ("negative payment", "amount", lambda s, x: s.receivables.payment(x["shop"], "-20")),
    ("payment not an amount", "amount", lambda s, x: s.receivables.payment(x["shop"], "二十")),
    ("payment with a bad date", "paid_on", lambda s, x: s.receivables.payment(x["shop"], "20", paid_on="2024-13-01")),
    ("payment at an unknown visit", "visit", lambda s, x: s.receivables.payment(x["shop"], "20", visit_id="V-NOPE01")),
    ("payment from an unknown customer", "customer", lambda s, x: s.receivables.payment("C-NOPE01", "20")),
    ("zero invoice", "amount", lambda s, x: s.receivables.invoice(x["shop"], "0.00")),
    ("urgent note with a bad category", "category", lambda s, x: s.reports.flag_urgent("fire", "着火")),
    ("daily report date", "date", lambda s, x: s.reports.daily("李雷", "June 10")),
    ("monthly report month", "month", lambda s, x: s.reports.monthly("李雷", "2024-13")),
    ("due list date", "today", lambda s, x: s.planning.due(today="2024/06/10")),
]


@pytest.mark.parametrize(("field", "attempt"), [(f, a) for _, f, a in CASES], ids=[c[0] for c in CASES])
def test_bad_input_names_the_field_and_writes_nothing(
    svc: Services, shop: dict[str, Any], field: str, attempt: Attempt
) -> None:
    ids = {
        "shop": shop["id"], "visit": svc.visits.log(shop["id"], {"check_in": "08:00"})["id"],
        "other": svc.customers.create({"name": "别家"})["id"],
    }
    before = counts(svc.db)
    with pytest.raises(FIELD_ERRORS) as caught:
        attempt(svc, ids)
    assert caught.value.field == field
    assert caught.value.message.startswith(f"{field}:")
    assert counts(svc.db) == before


def test_all_bad_fields_are_reported_at_once(svc: Services, shop: dict[str, Any]) -> None:
    with pytest.raises(ValidationErrors) as caught:
        svc.orders.add(shop["id"], [("BEV-001", 0), ("NOPE", 1), ("ICE-001", 2, "x")])
    found = [(e.field, e.args_map["line"]) for e in caught.value.errors]
    assert found == [("quantity", 1), ("product", 2), ("unit_price", 3)]
