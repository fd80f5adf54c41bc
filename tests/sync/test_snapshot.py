"""Snapshots: a laptop bootstrapped from one equals a laptop that replayed every file."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.sync import clock
from fieldcrm.sync.conflicts import resolve
from fieldcrm.sync.cursors import needs_bootstrap, received
from fieldcrm.sync.snapshot_data import SnapshotError, bootstrap_from_snapshot, snapshot_records
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import Replica, conflict_view, exchange_all


def busy_history(laptop: MakeReplica) -> tuple[Replica, Replica, Replica]:
    """Three laptops' worth of edits, with open, resolved and delete conflicts and a future field."""
    boss, a, b = laptop("韩梅梅"), laptop("甲"), laptop("乙", Role.REP, "西湖区")
    cards = [boss.customers.create({"name": f"店{n}", "territory": "西湖区" if n % 2 else "滨江区"}) for n in range(6)]
    exchange_all([boss, a, b])
    a.customers.update(cards[1]["id"], {"city": "宁波"})
    b.customers.update(cards[1]["id"], {"city": "温州"})
    a.customers.update(cards[3]["id"], {"notes": "甲的备注"})
    boss.customers.update(cards[3]["id"], {"notes": "主管的备注"})
    boss.customers.delete(cards[5]["id"])
    b.customers.update(cards[5]["id"], {"street": "文一路"})
    a.customers.delete(cards[0]["id"])
    exchange_all([boss, a, b])
    resolve(boss.db, next(c.id for c in boss.conflicts() if c.field == "notes"), "loser")
    a.customers.update(cards[2]["id"], {"phones": "13912345678"})
    with_future_field = {**a.outgoing()[-1], "field": "loyalty_points", "value": 7, "hlc": a.outgoing()[-1]["hlc"] + 1}
    boss.receive(a, [with_future_field])
    exchange_all([boss, a, b])
    return boss, a, b


def round_trip(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Through JSON and back, as the snapshot file stores it."""
    return list(json.loads(json.dumps(records, ensure_ascii=False)))


def test_bootstrap_equals_a_full_replay(laptop: MakeReplica) -> None:
    boss, a, b = busy_history(laptop)
    replayed, fresh = laptop("回放"), laptop("新机")
    for sender in (boss, a, b):
        replayed.receive(sender)
    snapshot = round_trip(list(snapshot_records(boss.db)))
    bootstrap_from_snapshot(fresh.db, snapshot)
    assert boss.conflicts(), "the history should leave open conflicts"
    for replica in (replayed, fresh):
        assert replica.live() == boss.live()
        assert conflict_view(replica) == conflict_view(boss)
    assert received(fresh.db) == received(boss.db) | {boss.author.site_id: max(r["hlc"] for r in boss.outgoing())}
    assert clock.current(fresh.db) >= fresh.db.execute("SELECT max(hlc) FROM change").fetchone()[0]

    later = a.customers.create({"name": "后来的店", "territory": "西湖区"})
    for replica in (replayed, fresh):
        replica.receive(a)
        assert replica.customers.get(later["id"])["name"] == "后来的店"
    assert fresh.live() == replayed.live()


def test_a_rep_bootstrapped_from_a_supervisor_snapshot_holds_its_territory(laptop: MakeReplica) -> None:
    boss, _, rep = busy_history(laptop)
    fresh_rep = laptop("新人", Role.REP, "西湖区")
    bootstrap_from_snapshot(fresh_rep.db, snapshot_records(boss.db))
    territories = {r[0] for r in fresh_rep.db.execute("SELECT territory FROM customers")}
    assert territories == {"西湖区"}
    ids = "SELECT id FROM customers ORDER BY id"
    assert fresh_rep.db.execute(ids).fetchall() == rep.db.execute(ids).fetchall()


def test_only_a_fresh_workspace_can_be_bootstrapped(laptop: MakeReplica) -> None:
    boss, used = laptop("韩梅梅"), laptop("甲")
    boss.customers.create({"name": "店"})
    used.customers.create({"name": "自己的店"})
    with pytest.raises(SnapshotError):
        bootstrap_from_snapshot(used.db, snapshot_records(boss.db))
    newer = [{"kind": "snapshot", "format": 99, "site": "x", "hlc": 1}]
    with pytest.raises(SnapshotError):
        bootstrap_from_snapshot(laptop("新机").db, newer)


def test_a_laptop_behind_the_purged_files_must_bootstrap(laptop: MakeReplica) -> None:
    boss, a, away = laptop("韩梅梅"), laptop("甲"), laptop("乙")
    a.customers.create({"name": "店"})
    boss.receive(a)
    away.receive(a)
    first = max(r["hlc"] for r in a.outgoing())
    a.customers.create({"name": "又一家店"})
    boss.receive(a)
    purged = {a.author.site_id: max(r["hlc"] for r in a.outgoing())}  # the share dropped all of a's files
    assert needs_bootstrap(boss.db, purged) == []
    assert needs_bootstrap(away.db, purged) == [a.author.site_id]
    assert received(away.db)[a.author.site_id] == first
    assert needs_bootstrap(laptop("新机").db, purged) == [a.author.site_id]
    assert needs_bootstrap(a.db, purged) == []  # its own stream is never missing


def test_purged_tombstones_travel_alone_and_still_catch_a_late_edit(laptop: MakeReplica) -> None:
    boss, offline = laptop("韩梅梅"), laptop("乙")
    gone = boss.customers.create({"name": "关门的店", "city": "杭州"})
    kept = boss.customers.create({"name": "还在的店"})
    offline.receive(boss)
    boss.customers.delete(gone["id"])
    horizon = clock.current(boss.db) + 1
    snapshot = list(snapshot_records(boss.db, purge_deleted_before=horizon))
    fields = {(r["row"], r["field"]) for r in snapshot if r["kind"] == "change"}
    assert {f for row, f in fields if row == gone["id"]} == {"deleted", "@seen"}
    assert (kept["id"], "name") in fields

    fresh = laptop("新机")
    bootstrap_from_snapshot(fresh.db, snapshot)
    assert fresh.customers.get(gone["id"])["deleted"] == 1
    offline.customers.update(gone["id"], {"notes": "其实还开着"})  # had never seen the delete
    for replica in (boss, fresh):
        replica.receive(offline)
        assert [c.kind.value for c in replica.conflicts()] == ["deleted_while_edited"]
    assert [c.id for c in fresh.conflicts()] == [c.id for c in boss.conflicts()]
