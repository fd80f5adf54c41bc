"""Role rules on receipt: decided by the record and its signer only, so every replica rejects alike."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldcrm.domain.classifications import Role
from fieldcrm.errors import PermissionDenied
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync.conflicts import resolve
from fieldcrm.sync.roles import Author, Reason, check, screen
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import exchange_all

REP = Author("李雷", Role.REP, "西湖区", "a" * 32)
BOSS = Author("韩梅梅", Role.SUPERVISOR, None, "b" * 32)


def record(**overrides: Any) -> dict[str, Any]:
    base = {
        "tbl": "customers", "row": "01HROW", "field": "city", "value": "杭州", "hlc": 1 << 40,
        "site": REP.site_id, "prev_hlc": None, "prev_site": None,
    }
    return {**base, **overrides}


def test_a_tampered_rep_laptop_cannot_raise_a_credit_limit_anywhere(laptop: MakeReplica) -> None:
    boss, rep, other_rep = laptop("韩梅梅"), laptop("李雷", Role.REP, "西湖区"), laptop("王芳", Role.REP, "西湖区")
    card = boss.customers.create({"name": "张三超市", "territory": "西湖区", "credit_limit": "1000"})
    exchange_all([boss, rep, other_rep])
    with write_transaction(rep.db):  # bypassing the service, as a tampered copy would
        rep.db.execute("UPDATE customers SET credit_limit = 99999999, city = '杭州' WHERE id = ?", [card["id"]])
    for receiver in (boss, other_rep):
        result = receiver.receive(rep)
        assert [(r.record["field"], r.reason) for r in result.rejected] == [("credit_limit", Reason.SUPERVISOR_ONLY)]
        assert "李雷" in result.rejected[0].message and "credit_limit" in result.rejected[0].message
        got = receiver.customers.get(card["id"])
        assert (got["credit_limit"], got["city"]) == (100000, "杭州")  # the rest of the file applied
    assert boss.live() == other_rep.live()


def test_supervisor_changes_to_supervisor_fields_reach_reps(laptop: MakeReplica) -> None:
    boss, rep = laptop("韩梅梅"), laptop("李雷", Role.REP, "西湖区")
    card = boss.customers.create({"name": "张三超市", "territory": "西湖区"})
    boss.customers.update(card["id"], {"credit_grade": "A", "grade": "key"})
    result = rep.receive(boss)
    assert result.rejected == []
    got = rep.customers.get(card["id"])
    assert (got["credit_grade"], got["grade"]) == ("A", "key")


def test_records_claiming_another_laptop_are_rejected(laptop: MakeReplica) -> None:
    boss, rep, victim = laptop("韩梅梅"), laptop("李雷", Role.REP, "西湖区"), laptop("王芳", Role.REP, "西湖区")
    victim.customers.create({"name": "王芳的店", "territory": "西湖区"})
    forged = [{**r, "value": "伪造"} if r["field"] == "name" else r for r in victim.outgoing()]
    result = boss.receive(rep, forged)  # signed by 李雷, claiming to be 王芳's changes
    assert {r.reason for r in result.rejected} == {Reason.FORGED}
    assert len(result.rejected) == len(forged) and boss.live() == []


def test_malformed_records_are_rejected_and_the_rest_applies(laptop: MakeReplica) -> None:
    boss, sender = laptop("韩梅梅"), laptop("李雷")
    sender.customers.create({"name": "张三超市"})
    good = sender.outgoing()
    site = sender.author.site_id
    bad: list[Any] = [
        {"tbl": "customers"},
        "not a record",
        {**good[0], "field": "id"},
        {**good[0], "field": "name; DROP TABLE customers"},
        {**good[0], "tbl": "customers x"},
        {**good[0], "hlc": "12"},
        {**good[0], "hlc": -5},
        {**good[0], "hlc": 1 << 70},
        {**good[0], "hlc": 1 << 62},
        {**good[0], "value": ["a", "list"]},
        {**good[0], "value": 1 << 64},
        {**good[0], "row": ""},
        {**good[0], "prev_hlc": 1.5},
        {**good[0], "field": "@seen", "value": "not json"},
        {**good[0], "site": None},
        {**good[0], "site": "f" * 32},
    ]
    result = boss.receive(sender, [*bad, *good])
    assert [r.reason for r in result.rejected] == [Reason.MALFORMED] * (len(bad) - 1) + [Reason.FORGED]
    assert result.applied == len(good)
    assert boss.live() == sender.live() and {r["site"] for r in good} == {site}


def test_a_rep_cannot_resolve_a_conflict_on_a_supervisor_field(laptop: MakeReplica) -> None:
    a, b, rep = laptop("韩梅梅"), laptop("张伟"), laptop("李雷", Role.REP, "西湖区")
    card = a.customers.create({"name": "张三超市", "territory": "西湖区"})
    b.receive(a)
    a.customers.update(card["id"], {"credit_grade": "A"})
    b.customers.update(card["id"], {"credit_grade": "C"})
    exchange_all([a, b])
    rep.receive(a)
    rep.receive(b)
    [conflict] = rep.conflicts()
    with pytest.raises(PermissionDenied):
        resolve(rep.db, conflict.id, "loser")
    resolve(a.db, conflict.id, "loser")
    rep.receive(a)
    assert rep.conflicts() == [] and rep.customers.get(card["id"])["credit_grade"] == "A"


names = st.sampled_from(["customers", "visits", "credit_limit", "city", "id", "@seen", "bad name", "", "x" * 70])
values = st.one_of(st.none(), st.text(max_size=5), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
                   st.booleans(), st.lists(st.integers(), max_size=1), st.just('{"ab": 3}'))
fields_of_record = st.fixed_dictionaries(
    {
        "tbl": names, "row": st.one_of(st.text(max_size=3), st.integers()), "field": names, "value": values,
        "hlc": st.one_of(st.integers(-5, 2**64), st.booleans(), st.text(max_size=2)),
        "site": st.sampled_from([REP.site_id, BOSS.site_id, None]),
        "prev_hlc": st.one_of(st.none(), st.integers(0, 2**64)), "prev_site": st.one_of(st.none(), st.text(max_size=2)),
    }
)
without_prev_site = fields_of_record.map(lambda r: {k: v for k, v in r.items() if k != "prev_site"})
maybe_record = st.one_of(fields_of_record, without_prev_site)


@settings(max_examples=300, deadline=None)
@given(batch=st.lists(maybe_record, max_size=6), author=st.sampled_from([REP, BOSS]))
def test_screening_a_batch_decides_exactly_as_checking_each_record(batch: list[dict[str, Any]], author: Author) -> None:
    """The fast whole-batch path must never accept what the per-record rules reject, or replicas could differ."""
    screened = screen(batch, author)
    expected = [check(r, author) for r in batch]
    assert [r.reason for r in screened.rejected] == [reason for reason in expected if reason is not None]
    assert len(screened.rows) == expected.count(None)


def test_only_supervisors_may_change_supervisor_fields() -> None:
    assert check(record(field="credit_limit", value=5), REP) is Reason.SUPERVISOR_ONLY
    assert check(record(field="credit_limit", value=5, site=BOSS.site_id), BOSS) is None
    assert check(record(tbl="visits", field="future_field"), REP) is None  # unknown: kept, judged after upgrade
