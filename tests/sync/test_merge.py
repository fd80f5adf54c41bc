"""Field-level merge: both edits of different fields kept, same field by (hlc, site), any order, duplicates."""

from __future__ import annotations

import json
import random

import pytest

from fieldcrm.sync.conflicts import Kind
from fieldcrm.sync.merge import apply_files, apply_incoming
from fieldcrm.sync.outbox import collect_outgoing, exported_through, mark_exported
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import exchange_all


def test_edits_of_different_fields_both_survive_without_conflict(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市", "city": "杭州"})
    b.receive(a)
    a.customers.update(card["id"], {"city": "宁波"})
    b.customers.update(card["id"], {"street": "文一路 8 号"})
    exchange_all([a, b])
    for replica in (a, b):
        got = replica.customers.get(card["id"])
        assert (got["city"], got["street"]) == ("宁波", "文一路 8 号")
        assert replica.conflicts() == []
    assert a.live() == b.live()


def test_same_field_is_decided_by_the_greater_timestamp_and_the_loser_is_kept(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市"})
    b.receive(a)
    a.customers.update(card["id"], {"city": "宁波"})
    b.customers.update(card["id"], {"city": "温州"})  # later: its timestamp is greater
    exchange_all([a, b])
    assert a.customers.get(card["id"])["city"] == b.customers.get(card["id"])["city"] == "温州"
    [conflict] = a.conflicts()
    assert conflict.kind is Kind.FIELD and conflict.field == "city"
    assert (conflict.winner.value, conflict.loser.value) == ("温州", "宁波")
    assert (conflict.winner.user, conflict.loser.user) == ("乙", "甲")
    assert conflict.loser.at <= conflict.winner.at
    assert [c.id for c in b.conflicts()] == [conflict.id]


def test_a_sequential_edit_is_no_conflict(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市", "city": "杭州"})
    b.receive(a)
    b.customers.update(card["id"], {"city": "温州"})  # b had seen a's value
    a.receive(b)
    assert a.customers.get(card["id"])["city"] == "温州"
    assert a.conflicts() == b.conflicts() == []


def test_order_and_duplicates_do_not_matter(laptop: MakeReplica) -> None:
    a, b, c = laptop("甲"), laptop("乙"), laptop("丙")
    card = a.customers.create({"name": "张三超市", "city": "杭州"})
    for replica in (b, c):
        replica.receive(a)
    b.customers.update(card["id"], {"city": "宁波", "notes": "新店"})
    c.customers.update(card["id"], {"city": "温州"})
    a.customers.update(card["id"], {"notes": "老客户"})
    files = [(a.outgoing(), a.author), (b.outgoing(), b.author), (c.outgoing(), c.author)]
    receivers = [laptop("丁"), laptop("戊")]
    rng = random.Random(3)
    for receiver in receivers:
        shuffled = files * 2
        rng.shuffle(shuffled)
        for records, author in shuffled:
            half = list(records)
            rng.shuffle(half)
            apply_incoming(receiver.db, half, author)
    assert receivers[0].live() == receivers[1].live()
    assert [x.id for x in receivers[0].conflicts()] == [x.id for x in receivers[1].conflicts()]


def test_a_file_delivered_twice_changes_nothing_the_second_time(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    a.customers.create({"name": "张三超市"})
    first = b.receive(a)
    second = b.receive(a)
    assert first.applied == first.received > 0 and first.changed
    assert (second.applied, second.duplicates, second.changed) == (0, second.received, {})


def test_a_row_is_created_by_its_first_change_even_out_of_order(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    card = a.customers.create({"name": "张三超市", "city": "杭州"})
    a.customers.update(card["id"], {"street": "文一路"})
    records = a.outgoing()
    street = [r for r in records if r["field"] == "street"]
    b.receive(a, street)
    row = b.customers.get(card["id"])
    assert (row["street"], row["name"], row["deleted"]) == ("文一路", None, 0)
    b.receive(a, [r for r in records if r["field"] != "street"])
    assert b.live() == a.live()


def test_a_sync_round_applies_several_files_at_once(laptop: MakeReplica) -> None:
    a, b, c = laptop("甲"), laptop("乙"), laptop("丙")
    first = a.customers.create({"name": "一号店"})
    second = b.customers.create({"name": "二号店"})
    result = apply_files(c.db, [(a.outgoing(), a.author), (b.outgoing(), b.author)])
    assert result.changed == {"customers": {first["id"], second["id"]}}
    assert result.applied == result.received
    assert {c.customers.get(first["id"])["name"], c.customers.get(second["id"])["name"]} == {"一号店", "二号店"}


def test_outgoing_records_are_json_and_resume_after_a_cursor(laptop: MakeReplica) -> None:
    a = laptop("甲")
    card = a.customers.create({"name": "张三超市", "employees": "12"})
    records = collect_outgoing(a.db, 0)
    assert json.loads(json.dumps(records)) == records
    assert set(records[0]) == {"tbl", "row", "field", "value", "hlc", "site", "prev_hlc", "prev_site"}
    assert {r["site"] for r in records} == {a.author.site_id}
    mark_exported(a.db, max(r["hlc"] for r in records))
    a.customers.update(card["id"], {"city": "杭州"})
    later = collect_outgoing(a.db, exported_through(a.db))
    assert [(r["field"], r["value"]) for r in later] == [("city", "杭州")]
    assert later[0]["prev_hlc"] is None


def test_received_changes_are_not_sent_on(laptop: MakeReplica) -> None:
    a, b = laptop("甲"), laptop("乙")
    a.customers.create({"name": "张三超市"})
    b.receive(a)
    assert b.outgoing() == []


def test_a_failing_apply_leaves_nothing_behind(laptop: MakeReplica, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = laptop("甲"), laptop("乙")
    a.customers.create({"name": "张三超市"})
    from fieldcrm.sync import contested

    def broken(db: object) -> None:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(contested, "refresh", broken)
    with pytest.raises(RuntimeError):
        b.receive(a)
    assert b.live() == [] and b.db.execute("SELECT count(*) FROM change").fetchone()[0] == 0
    assert b.db.execute("SELECT applying FROM capture_mode").fetchone()[0] == 0
