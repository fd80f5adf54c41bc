"""Forward compatibility: changes to fields this version lacks are kept and applied after an upgrade."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import capture, clock
from fieldcrm.sync.merge import rematerialise
from fieldcrm.sync.registry import SYNCED_TABLES
from fieldcrm.sync.roles import Reason
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import Replica


def newer_change(sender: Replica, row: str, field_name: str, value: Any, tbl: str = "customers") -> dict[str, Any]:
    """A change as a newer FieldCRM on ``sender``'s laptop would write it."""
    with write_transaction(sender.db):
        hlc = clock.tick(sender.db)
    return {"tbl": tbl, "row": row, "field": field_name, "value": value, "hlc": hlc,
            "site": sender.author.site_id, "prev_hlc": None, "prev_site": None}


def upgrade(replica: Replica, column: str) -> None:
    """What a migration adding a column does, followed by the rematerialise it must call."""
    with write_transaction(replica.db):
        replica.db.execute(f"ALTER TABLE customers ADD COLUMN {column} INTEGER")
        capture.install(replica.db)
    rematerialise(replica.db)


def test_an_unknown_field_is_kept_and_reaches_its_column_after_the_upgrade(laptop: MakeReplica) -> None:
    new, old = laptop("新版"), laptop("旧版")
    card = new.customers.create({"name": "张三超市"})
    old.receive(new)
    future = [
        newer_change(new, card["id"], "loyalty_points", 120),
        newer_change(new, "P1", "caption", "门头", "photos"),  # a table this version lacks
    ]
    result = old.receive(new, future)
    assert result.rejected == [] and result.applied == 2
    assert "loyalty_points" not in old.customers.get(card["id"])
    stored = old.db.execute("SELECT field, value FROM change WHERE field IN ('loyalty_points', 'caption')").fetchall()
    assert sorted(stored) == [("caption", "门头"), ("loyalty_points", 120)]
    upgrade(old, "loyalty_points")
    assert old.db.execute("SELECT loyalty_points FROM customers WHERE id = ?", [card["id"]]).fetchone()[0] == 120
    old.customers.update(card["id"], {"city": "杭州"})  # the upgraded laptop captures the new column's row as usual
    assert old.conflicts() == []


def test_a_field_that_turns_out_supervisor_only_is_dropped_like_an_upgraded_laptop_would(
    laptop: MakeReplica, monkeypatch: pytest.MonkeyPatch
) -> None:
    boss, rep, old = laptop("韩梅梅"), laptop("李雷", Role.REP, "西湖区"), laptop("旧版")
    card = boss.customers.create({"name": "张三超市", "territory": "西湖区"})
    old.receive(boss)
    rep.receive(boss)
    by_rep = [newer_change(rep, card["id"], "rebate_rate", 30)]
    by_boss = [newer_change(boss, card["id"], "rebate_rate", 5)]
    old.receive(rep, by_rep)  # this version does not know the field, so it cannot judge it yet

    customers = SYNCED_TABLES["customers"]
    monkeypatch.setitem(
        SYNCED_TABLES, "customers", replace(customers, supervisor_only=customers.supervisor_only | {"rebate_rate"})
    )
    assert [r.reason for r in boss.receive(rep, by_rep).rejected] == [Reason.SUPERVISOR_ONLY]  # upgraded: rejects
    upgrade(old, "rebate_rate")
    old.receive(boss, by_boss)
    assert old.db.execute("SELECT rebate_rate FROM customers").fetchone()[0] == 5
    assert old.db.execute("SELECT count(*) FROM change WHERE field = 'rebate_rate'").fetchone()[0] == 1
    assert old.db.execute("SELECT count(*) FROM sync_deferred").fetchone()[0] == 0
