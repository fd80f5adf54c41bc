"""Conflicts: surfaced alike everywhere, resolved by a change that syncs and clears them everywhere."""

from __future__ import annotations

import pytest

from fieldcrm.errors import NotFound
from fieldcrm.sync.conflicts import Kind, resolve
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import Replica, conflict_view, exchange_all


def city_race(laptop: MakeReplica, laptops: int = 3) -> tuple[list[Replica], str]:
    """Laptops that all edited the city of one card without seeing each other."""
    made = [laptop(name) for name in ("甲", "乙", "丙", "丁")[:laptops]]
    card = made[0].customers.create({"name": "张三超市", "city": "杭州"})
    exchange_all(made)
    for replica, city in zip(made, ("宁波", "温州", "丽水", "嘉兴")):
        replica.customers.update(card["id"], {"city": city})
    exchange_all(made)
    return made, card["id"]


@pytest.mark.parametrize(("keep", "city"), [("winner", "丽水"), ("loser", "宁波"), ("湖州", "湖州")])
def test_resolving_syncs_and_clears_the_conflict_everywhere(laptop: MakeReplica, keep: str, city: str) -> None:
    (a, b, c), card = city_race(laptop)
    assert [(x.winner.value, x.loser.value) for x in a.conflicts()] == [("丽水", "宁波"), ("丽水", "温州")]
    assert conflict_view(a) == conflict_view(b) == conflict_view(c)
    chosen = next(x for x in b.conflicts() if x.loser.value == "宁波")
    resolve(b.db, chosen.id, keep)
    exchange_all([a, b, c])
    for replica in (a, b, c):
        assert replica.customers.get(card)["city"] == city
        remaining = [(x.winner.value, x.loser.value) for x in replica.conflicts()]
        assert remaining == [(city, "温州")]  # the other loser is still open, against the new value
    with pytest.raises(NotFound):
        resolve(a.db, chosen.id, "winner")


def test_resolving_every_loser_leaves_no_conflict(laptop: MakeReplica) -> None:
    (a, b, c), card = city_race(laptop)
    for conflict in a.conflicts():
        resolve(a.db, conflict.id, "winner")
    exchange_all([a, b, c])
    assert [r.conflicts() for r in (a, b, c)] == [[], [], []]
    assert {r.customers.get(card)["city"] for r in (a, b, c)} == {"丽水"}


def test_two_laptops_resolving_differently_meet_as_a_new_conflict(laptop: MakeReplica) -> None:
    (a, b), card = city_race(laptop, 2)
    [conflict] = a.conflicts()
    resolve(a.db, conflict.id, "winner")
    resolve(b.db, conflict.id, "loser")
    exchange_all([a, b])
    assert a.live() == b.live()
    assert conflict_view(a) == conflict_view(b)
    [again] = a.conflicts()
    assert {again.winner.value, again.loser.value} == {"温州", "宁波"}


def test_typing_the_losing_value_by_hand_also_settles_it(laptop: MakeReplica) -> None:
    (a, b), card = city_race(laptop, 2)
    a.customers.update(card, {"city": "宁波"})
    exchange_all([a, b])
    assert a.conflicts() == b.conflicts() == []


def test_deleted_while_edited_is_surfaced_and_a_restore_keeps_the_edit(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市", "city": "杭州"})
    b.receive(a)
    b.customers.update(card["id"], {"phones": "13912345678", "notes": "新联系人"})
    a.customers.delete(card["id"])  # a had not seen b's edit
    exchange_all([a, b])
    for replica in (a, b):
        assert replica.customers.get(card["id"])["deleted"] == 1
        [conflict] = replica.conflicts()
        assert conflict.kind is Kind.DELETED_WHILE_EDITED
        assert (conflict.winner.value, conflict.winner.user) == (1, "甲")
        edits = {(e.field, e.value, e.user) for e in conflict.edits}
        assert edits == {("phones", "13912345678", "乙"), ("notes", "新联系人", "乙")}
    resolve(a.db, a.conflicts()[0].id, "loser")
    exchange_all([a, b])
    for replica in (a, b):
        restored = replica.customers.get(card["id"])
        kept = (restored["deleted"], restored["phones"], restored["notes"], restored["city"])
        assert kept == (0, "13912345678", "新联系人", "杭州")
        assert replica.conflicts() == []


def test_confirming_the_delete_clears_it_everywhere(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市"})
    b.receive(a)
    b.customers.update(card["id"], {"city": "宁波"})
    a.customers.delete(card["id"])
    exchange_all([a, b])
    resolve(b.db, b.conflicts()[0].id, "winner")
    exchange_all([a, b])
    for replica in (a, b):
        assert replica.conflicts() == [] and replica.customers.get(card["id"])["deleted"] == 1


def test_a_delete_conflict_takes_no_third_value(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市"})
    b.receive(a)
    b.customers.update(card["id"], {"city": "宁波"})
    a.customers.delete(card["id"])
    a.receive(b)
    with pytest.raises(ValueError):
        resolve(a.db, a.conflicts()[0].id, "another value")
    assert len(a.conflicts()) == 1


def test_a_delete_made_after_seeing_the_edit_is_no_conflict(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市"})
    b.receive(a)
    b.customers.update(card["id"], {"city": "宁波"})
    a.receive(b)
    a.customers.delete(card["id"])
    exchange_all([a, b])
    assert a.conflicts() == b.conflicts() == []
