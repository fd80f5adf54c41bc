"""The customer service: every card field round-trips, role rules hold, writes are all-or-nothing."""

from __future__ import annotations

import pytest

from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, Kind
from fieldcrm.domain.customers import CustomerQuery, CustomerService, parse_filters
from fieldcrm.errors import NotFound, PermissionDenied, ValidationErrors

SAMPLE = {
    Kind.TEXT: "西湖区文三路 88 号", Kind.LONGTEXT: "性格开朗\n喜欢钓鱼", Kind.INT: "45",
    Kind.MONEY: "88000.25", Kind.DATE: "2015-06-01", Kind.PHONES: "0571-88881234, 13912345678",
    Kind.LATITUDE: "30.2741", Kind.LONGITUDE: "120.1551",
}


def full_card() -> dict[str, str]:
    card = {}
    for spec in CUSTOMER_FIELDS:
        card[spec.name] = spec.choices.codes()[-1] if spec.kind is Kind.CHOICE else SAMPLE[spec.kind]
    card["name"] = "张三超市"
    return card


def test_every_field_round_trips_through_storage(supervisor_customers: CustomerService) -> None:
    created = supervisor_customers.create(full_card())
    stored = supervisor_customers.get(created["id"])
    assert stored["code"].startswith("C-") and stored["deleted"] == 0
    for spec in CUSTOMER_FIELDS:
        raw = full_card()[spec.name]
        expected = {Kind.INT: 45, Kind.MONEY: 8_800_025, Kind.LATITUDE: 30.2741, Kind.LONGITUDE: 120.1551}.get(
            spec.kind, raw
        )
        assert stored[spec.name] == expected, spec.name


def test_codes_are_unique_and_found_like_ids(customers: CustomerService) -> None:
    first = customers.create({"name": "一号店"})
    second = customers.create({"name": "二号店"})
    assert first["code"] != second["code"]
    assert customers.get(second["code"].lower())["id"] == second["id"]


def test_update_records_only_changed_fields(customers: CustomerService) -> None:
    card = customers.create({"name": "便利店", "city": "杭州"})
    assert customers.update(card["id"], {"city": "杭州", "street": "文一路"}) == ["street"]
    history = customers.history(card["id"])
    street = [h for h in history if h.field == "street"]
    assert len(street) == 1 and street[0].old is None and street[0].new == "文一路"
    assert street[0].user == "李雷"
    customers.update(card["id"], {"street": "文二路"})
    latest = [h for h in customers.history(card["id"]) if h.field == "street"][0]
    assert (latest.old, latest.new) == ("文一路", "文二路")


def test_rep_cannot_set_supervisor_only_fields(customers: CustomerService) -> None:
    with pytest.raises(PermissionDenied) as caught:
        customers.create({"name": "店", "credit_limit": "1000"})
    assert caught.value.message.startswith("credit_limit:")
    card = customers.create({"name": "店"})
    with pytest.raises(PermissionDenied):
        customers.update(card["id"], {"grade": "key"})
    assert customers.get(card["id"])["grade"] is None


def test_supervisor_sets_credit_terms(supervisor_customers: CustomerService) -> None:
    card = supervisor_customers.create({"name": "店", "credit_limit": "5000", "grade": "key"})
    assert supervisor_customers.get(card["id"])["credit_limit"] == 500_000


def test_bad_input_writes_nothing(customers: CustomerService) -> None:
    db = customers.db
    before = db.execute("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM change)").fetchone()
    with pytest.raises(ValidationErrors):
        customers.create({"name": "店", "latitude": "200"})
    card_count = db.execute("SELECT count(*) FROM customers").fetchone()[0]
    assert card_count == before[0]
    card = customers.create({"name": "好店"})
    changes = db.execute("SELECT count(*) FROM change").fetchone()[0]
    with pytest.raises(ValidationErrors):
        customers.update(card["id"], {"city": "杭州", "founded_on": "2024-02-30"})
    assert customers.get(card["id"])["city"] is None
    assert db.execute("SELECT count(*) FROM change").fetchone()[0] == changes


def test_unknown_customer(customers: CustomerService) -> None:
    with pytest.raises(NotFound) as caught:
        customers.update("C-NOPE", {"city": "x"})
    assert caught.value.message.startswith("customer:")


def test_delete_is_a_tombstone_that_can_be_restored(customers: CustomerService) -> None:
    card = customers.create({"name": "要关的店", "city": "杭州"})
    customers.delete(card["id"])
    assert customers.count(CustomerQuery()) == 0
    assert customers.count(CustomerQuery(include_deleted=True)) == 1
    customers.restore(card["code"])
    assert customers.get(card["id"])["city"] == "杭州"
    assert customers.count(CustomerQuery()) == 1


def test_filters_by_every_classification(supervisor_customers: CustomerService) -> None:
    svc = supervisor_customers
    svc.create({"name": "甲", "channel": "retail", "grade": "key", "territory": "西湖区", "lifecycle": "active"})
    svc.create({"name": "乙", "channel": "wholesale", "grade": "general", "territory": "滨江区", "nature": "individual"})
    svc.create({"name": "丙", "channel": "retail", "grade": "scattered", "route": "西湖-周一线", "rep": "王五"})
    names = lambda **f: sorted(r["name"] for r in svc.page(CustomerQuery(filters=parse_filters(f)), 0, 50))  # noqa: E731
    assert names(channel="retail") == ["丙", "甲"]
    assert names(channel="retail", grade="key") == ["甲"]
    assert names(territory="滨江区") == ["乙"]
    assert names(nature="individual") == ["乙"]
    assert names(route="西湖-周一线", rep="王五") == ["丙"]
    assert names(lifecycle="Active") == ["甲"]
    with pytest.raises(ValidationErrors) as caught:
        parse_filters({"notes": "x"})
    assert caught.value.field == "notes"


def test_sorting_is_done_by_the_database(customers: CustomerService) -> None:
    for name, city in (("b店", "杭州"), ("a店", None), ("c店", "宁波")):
        customers.create({"name": name, "city": city})
    assert [r["name"] for r in customers.page(CustomerQuery(sort="name"), 0, 10)] == ["a店", "b店", "c店"]
    assert [r["name"] for r in customers.page(CustomerQuery(sort="name", descending=True), 0, 10)] == [
        "c店", "b店", "a店",
    ]
    assert [r["city"] for r in customers.page(CustomerQuery(sort="city"), 0, 10)] == ["宁波", "杭州", None]
    assert len(customers.page(CustomerQuery(), 1, 1)) == 1
