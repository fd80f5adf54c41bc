"""What the capture triggers record for merging: stamps from the laptop's clock, deletes with what they had seen."""

from __future__ import annotations

import json
import sqlite3

import pytest

from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock
from tests.sync.conftest import MakeReplica


def test_rows_are_still_never_hard_deleted_by_anyone_but_sync(laptop: MakeReplica) -> None:
    a = laptop("甲")
    card = a.customers.create({"name": "张三超市"})
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        with write_transaction(a.db):
            a.db.execute("DELETE FROM customers WHERE id = ?", [card["id"]])
    assert a.customers.get(card["id"])["name"] == "张三超市"


def test_a_delete_records_what_its_laptop_had_seen_of_the_row(laptop: MakeReplica) -> None:
    a, b, c = laptop("甲"), laptop("乙"), laptop("丙")
    card = a.customers.create({"name": "张三超市"})
    b.receive(a)
    b.customers.update(card["id"], {"city": "宁波"})
    b.customers.update(card["id"], {"notes": "新店"})
    c.receive(a)
    c.receive(b)
    c.customers.delete(card["id"])
    [seen] = [r for r in c.outgoing() if r["field"] == "@seen"]
    [delete] = [r for r in c.outgoing() if r["field"] == "deleted" and r["value"] == 1]
    assert (seen["hlc"], seen["prev_hlc"]) == (delete["hlc"], None)
    newest = {s: max(r["hlc"] for r in x.outgoing()) for x in (a, b) for s in [x.author.site_id]}
    assert json.loads(seen["value"]) == newest
    c.customers.restore(card["id"])
    assert [r["field"] for r in c.outgoing()].count("@seen") == 1  # restoring records no frontier


def test_stamps_come_from_the_laptops_own_clock(laptop: MakeReplica) -> None:
    a = laptop("甲")
    a.wall.skew = 3600.0
    a.customers.create({"name": "张三超市"})
    stamp = a.outgoing()[0]["hlc"]
    assert abs(clock.wall_ms(stamp) - (a.wall.world.now + 3600.0) * 1000) < 1000
    assert clock.wall_now_ms(a.db) > clock.wall_ms(stamp)


def test_every_field_of_one_edit_is_captured_with_the_version_it_replaced(laptop: MakeReplica) -> None:
    a = laptop("甲")
    card = a.customers.create({"name": "张三超市", "city": "杭州"})
    created = {r["field"]: r for r in a.outgoing()}
    a.customers.update(card["id"], {"city": "宁波", "street": "文一路"})
    edit = {r["field"]: r for r in a.outgoing(max(r["hlc"] for r in created.values()))}
    assert set(edit) == {"city", "street"}
    assert (edit["city"]["prev_hlc"], edit["city"]["prev_site"]) == (created["city"]["hlc"], a.author.site_id)
    assert edit["street"]["prev_hlc"] is None
