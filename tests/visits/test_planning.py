"""Visit frequencies by grade and the Due list, read from the trigger-kept last-visit table."""

from __future__ import annotations

from typing import Any

import pytest
from ulid import ULID

from fieldcrm.domain.planning import DEFAULT_FREQUENCIES
from fieldcrm.errors import PermissionDenied
from fieldcrm.storage.schema_visits import rebuild_last_visits
from fieldcrm.storage.visits import insert_row, update_row
from tests.visits.helpers import FIELD_ERRORS, Services, applying, synced_card_update

TODAY = "2024-06-10"


def card(svc: Services, name: str, grade: str | None, route: str = "R1", territory: str = "西湖区") -> str:
    created = svc.customers.create({"name": name, "route": route, "territory": territory})
    if grade:
        synced_card_update(svc.db, created["id"], {"grade": grade})
    return str(created["id"])


def last_visits(svc: Services) -> dict[str, str]:
    """Customers with a done visit, and its date."""
    return dict(svc.db.execute("SELECT customer_id, last_date FROM last_visits WHERE last_date IS NOT NULL"))


def derived(svc: Services) -> list[tuple[str, str | None, str]]:
    return svc.db.execute("SELECT customer_id, last_date, due_on FROM last_visits ORDER BY 1").fetchall()


def recomputed(svc: Services) -> list[tuple[str, str | None, str]]:
    """What a rebuild from scratch gives, to compare with what the triggers kept."""
    with applying(svc.db):
        rebuild_last_visits(svc.db)
    return derived(svc)


def test_default_frequencies_and_a_supervisors_setting_syncs(svc: Services, sup: Services) -> None:
    assert svc.planning.frequencies() == DEFAULT_FREQUENCIES == {"key": 7, "general": 14, "scattered": 30}
    with pytest.raises(PermissionDenied):
        svc.planning.set_frequency("key", 5)
    sup.planning.set_frequency("Key", "5")
    sup.planning.set_frequency("key", "5")  # unchanged: nothing recorded
    assert sup.planning.frequencies()["key"] == 5
    changes = sup.db.execute("SELECT row_id, field, value FROM change WHERE tbl = 'settings' ORDER BY field").fetchall()
    assert changes == [("visit_frequency.key", "deleted", 0), ("visit_frequency.key", "value", "5")]
    with pytest.raises(FIELD_ERRORS) as caught:
        sup.planning.set_frequency("vip", 3)
    assert caught.value.field == "grade"
    with pytest.raises(FIELD_ERRORS) as caught:
        sup.planning.set_frequency("general", 0)
    assert caught.value.field == "frequency_days"


def test_due_list_by_grade_with_days_overdue(svc: Services) -> None:
    key = card(svc, "重点客户", "key")
    general = card(svc, "一般客户", "general")
    scattered = card(svc, "零散客户", "scattered")
    ungraded = card(svc, "未分级客户", None)
    fresh = card(svc, "新开户", "key")
    card(svc, "已流失", "key")  # never visited, but lost: not due
    svc.db.execute("UPDATE capture_mode SET applying = 1")
    svc.db.execute("UPDATE customers SET lifecycle = 'lost' WHERE name = '已流失'")
    svc.db.execute("UPDATE capture_mode SET applying = 0")
    svc.visits.log(key, {"visit_date": "2024-06-01"})  # 9 days ago, every 7: 2 overdue
    svc.visits.log(general, {"visit_date": "2024-05-27"})  # 14 days ago, every 14: due today
    svc.visits.log(scattered, {"visit_date": "2024-05-20"})  # 21 days ago, every 30: not due
    svc.visits.log(ungraded, {"visit_date": "2024-05-01"})  # general frequency: 26 overdue
    due = svc.planning.due(today=TODAY)
    assert [(d.name, d.days_overdue) for d in due] == [
        ("新开户", None), ("未分级客户", 26), ("重点客户", 2), ("一般客户", 0),
    ]
    assert due[0].customer_id == fresh and due[0].last_visit is None and due[0].due_date is None
    assert due[2].to_json() | {"customer_id": None, "code": None} == {
        "customer_id": None, "code": None, "name": "重点客户", "grade": "key", "route": "R1",
        "territory": "西湖区", "rep": None, "last_visit": "2024-06-01", "frequency_days": 7,
        "due_date": "2024-06-08", "days_overdue": 2, "next_planned": None,
    }


def test_due_list_filters_by_route_and_territory_and_shows_planned_visits(svc: Services) -> None:
    card(svc, "一路店", "key", route="R1")
    two = card(svc, "二路店", "key", route="R2")
    card(svc, "滨江店", "key", route="R9", territory="滨江区")
    svc.visits.plan(two, "2024-06-12")
    assert [d.name for d in svc.planning.due(route="R2", today=TODAY)] == ["二路店"]
    assert svc.planning.due(route="R2", today=TODAY)[0].next_planned == "2024-06-12"
    assert [d.name for d in svc.planning.due(territory="滨江区", today=TODAY)] == ["滨江店"]
    assert len(svc.planning.due(today=TODAY, limit=2)) == 2


def test_frequency_changes_apply_to_the_due_list(svc: Services) -> None:
    cid = card(svc, "店", "scattered")
    svc.visits.log(cid, {"visit_date": "2024-05-20"})
    assert svc.planning.due(today=TODAY) == []
    with applying(svc.db):  # a supervisor's setting arriving by sync
        insert_row(svc.db, "settings", {"id": "visit_frequency.scattered", "deleted": 0, "value": "21"})
    assert [d.days_overdue for d in svc.planning.due(today=TODAY)] == [0]


def test_last_visit_table_follows_edits(svc: Services) -> None:
    a, b = card(svc, "甲", "key"), card(svc, "乙", "key")
    old = svc.visits.log(a, {"visit_date": "2024-05-01"})
    new = svc.visits.log(a, {"visit_date": "2024-06-05"})
    svc.visits.plan(a, "2024-06-20")  # planned: not a visit yet
    assert last_visits(svc) == {a: "2024-06-05"}
    svc.visits.update(new["id"], {"visit_date": "2024-06-07"})
    assert last_visits(svc) == {a: "2024-06-07"}
    svc.visits.update(new["id"], {"status": "missed", "missed_reason": "店主不在"})
    assert last_visits(svc) == {a: "2024-05-01"}
    svc.visits.delete(old["id"])
    assert last_visits(svc) == {}
    svc.visits.log(b, {"visit_date": "2024-06-01"})
    assert last_visits(svc) == {b: "2024-06-01"}
    assert derived(svc) == recomputed(svc)
    assert [d.name for d in svc.planning.due(today=TODAY)] == ["甲", "乙"]


def test_last_visit_table_follows_sync_style_writes_with_capture_off(svc: Services) -> None:
    a, b = card(svc, "甲", "key"), card(svc, "乙", "key")
    visit_id = str(ULID())
    before = svc.db.execute("SELECT count(*) FROM change").fetchone()[0]
    with applying(svc.db):
        # Sync may insert a bare row and set its fields one by one, in any order.
        insert_row(svc.db, "visits", {"id": visit_id, "deleted": 0})
        update_row(svc.db, "visits", visit_id, {"visit_date": "2024-06-03"})
        update_row(svc.db, "visits", visit_id, {"status": "done"})
        update_row(svc.db, "visits", visit_id, {"customer_id": a})
    assert svc.db.execute("SELECT count(*) FROM change").fetchone()[0] == before
    assert last_visits(svc) == {a: "2024-06-03"}
    with applying(svc.db):
        update_row(svc.db, "visits", visit_id, {"customer_id": b})  # a correction moved it
    assert last_visits(svc) == {b: "2024-06-03"}
    with applying(svc.db):
        insert_row(svc.db, "visits", {
            "id": str(ULID()), "deleted": 0, "customer_id": b, "visit_date": "2024-05-30", "status": "done",
        })
        update_row(svc.db, "visits", visit_id, {"deleted": 1})
    assert last_visits(svc) == {b: "2024-05-30"}
    assert derived(svc) == recomputed(svc)
    with applying(svc.db):  # the territory moved away: sync drops the rows from this laptop
        svc.db.execute("DELETE FROM visits WHERE customer_id = ?", [b])
    assert last_visits(svc) == {}


def test_rebuild_matches_the_triggers_on_a_mixed_log(svc: Services, shop: dict[str, Any]) -> None:
    others = [card(svc, f"店{n}", "general") for n in range(4)]
    for n, cid in enumerate([shop["id"], *others]):
        for day in range(1, 1 + n * 3, 2):
            visit = svc.visits.log(cid, {"visit_date": f"2024-05-{day:02d}"})
            if day % 3 == 0:
                svc.visits.update(visit["id"], {"status": "missed", "missed_reason": "关门"})
    assert derived(svc) == recomputed(svc)


def test_due_dates_follow_grade_changes_and_sync_order(svc: Services) -> None:
    cid = card(svc, "店", "scattered")
    svc.visits.log(cid, {"visit_date": "2024-05-20"})
    assert derived(svc)[0][1:] == ("2024-05-20", "2024-06-19")
    synced_card_update(svc.db, cid, {"grade": "key"})  # the supervisor regraded it
    assert derived(svc)[0][1:] == ("2024-05-20", "2024-05-27")
    assert [d.days_overdue for d in svc.planning.due(today=TODAY)] == [14]
    early = str(ULID())
    with applying(svc.db):  # a visit that syncs in before its customer does
        insert_row(svc.db, "visits", {
            "id": str(ULID()), "deleted": 0, "customer_id": early, "visit_date": "2024-06-01", "status": "done",
        })
        svc.db.execute("INSERT INTO customers (id, deleted, name, grade) VALUES (?, 0, '后到的客户', 'scattered')", [early])
    assert dict((c, d) for c, _, d in derived(svc))[early] == "2024-07-01"
    assert derived(svc) == recomputed(svc)
    with applying(svc.db):  # its territory moved away: sync drops the card from this laptop
        svc.db.execute("DELETE FROM customers WHERE id = ?", [early])
    assert early not in dict((c, d) for c, _, d in derived(svc))
    svc.customers.delete(cid)  # a retired card is never due, and is again once restored
    assert svc.planning.due(today=TODAY) == [] and svc.planning.due_count(today=TODAY) == 0
    svc.customers.restore(cid)
    assert [d.customer_id for d in svc.planning.due(today=TODAY)] == [cid]


def test_due_list_pages_and_counts(svc: Services) -> None:
    ids = [card(svc, f"店{n}", "general") for n in range(5)]
    for n, cid in enumerate(ids[:3]):
        svc.visits.log(cid, {"visit_date": f"2024-05-0{n + 1}"})
    whole = svc.planning.due(today=TODAY)
    assert svc.planning.due_count(today=TODAY) == len(whole) == 5
    assert [d.last_visit for d in whole] == [None, None, "2024-05-01", "2024-05-02", "2024-05-03"]
    pages = svc.planning.due(today=TODAY, limit=2) + svc.planning.due(today=TODAY, limit=2, offset=2) \
        + svc.planning.due(today=TODAY, limit=2, offset=4)
    assert [d.customer_id for d in pages] == [d.customer_id for d in whole]
    assert svc.planning.due_count(route="R9", today=TODAY) == 0
