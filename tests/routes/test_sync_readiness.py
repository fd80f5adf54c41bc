"""The route tables follow the sync rules, every write is captured, and stop order merges field by field."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from fieldcrm.sync.registry import SYNCED_TABLES
from tests.routes.helpers import DEPOT, ROUTE_TABLES, Services, Town


def test_tables_are_registered_with_their_role_and_scope_rules(sup: Services) -> None:
    assert set(ROUTE_TABLES) <= set(SYNCED_TABLES)
    assert SYNCED_TABLES["territories"].supervisor_only == {"name", "level", "parent_id", "manager", "deleted"}
    assert SYNCED_TABLES["territories"].territory_column is None  # every laptop needs the whole tree
    assert SYNCED_TABLES["routes"].territory_column == SYNCED_TABLES["route_stops"].territory_column == "territory"
    for table in ROUTE_TABLES:
        columns = {c.name: c for c in sup.db[table].columns}
        assert sup.db[table].pks == ["id"] and columns["id"].type == "TEXT", table
        assert columns["deleted"].notnull and columns["deleted"].default_value == "0", table
        assert sup.db.execute(f"PRAGMA foreign_key_list({table})").fetchall() == [], table
    assert "zone_id" in {c.name for c in sup.db["customers"].columns}


def _latest(svc: Services, table: str, row_id: str) -> dict[str, Any]:
    rows = svc.db.execute(
        """
        SELECT field, value FROM change AS c
        WHERE tbl = ? AND row_id = ? AND field NOT GLOB '@*' AND hlc = (
            SELECT max(hlc) FROM change WHERE tbl = c.tbl AND row_id = c.row_id AND field = c.field)
        """,
        [table, row_id],
    )
    return {field: value for field, value in rows if value is not None}


def test_every_write_is_captured(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线", territory="北山街道", depot=DEPOT, days="mon", rep="陈志刚")
    sup.routes.assign(route.id, town.shops[:4])
    sup.routes.set_pin(route.id, town.shops[1], "first")
    sup.routes.optimise(route.id)
    sup.routes.remove(route.id, [town.shops[3]])
    for table in ROUTE_TABLES:
        rows = sup.db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in rows.description]
        found = rows.fetchall()
        assert found, table
        for row in found:
            stored = {k: v for k, v in zip(names, row) if k != "id" and v is not None}
            assert _latest(sup, table, row[0]) == stored, table
    for shop in town.shops[:4]:
        card = sup.db.execute("SELECT zone_id, territory, route FROM customers WHERE id = ?", [shop]).fetchone()
        captured = _latest(sup, "customers", shop)
        assert (captured.get("zone_id"), captured.get("territory"), captured.get("route")) == card


def test_rows_are_never_hard_deleted(sup: Services, town: Town) -> None:
    sup.routes.assign(sup.routes.create("一线").id, town.shops[:1])
    for table in ROUTE_TABLES:
        with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
            sup.db.execute(f"DELETE FROM {table}")


def test_moving_one_stop_by_hand_changes_one_row(sup: Services, town: Town) -> None:
    """What lets two laptops reorder different parts of one route and keep both changes."""
    route = sup.routes.create("一线")
    sup.routes.assign(route.id, town.shops)
    order = list(sup.routes.view(route.id).order)
    order.insert(7, order.pop(2))
    newest = sup.db.execute("SELECT max(hlc) FROM change").fetchone()[0]
    sup.routes.set_order(route.id, order)
    written = sup.db.execute("SELECT row_id, field FROM change WHERE hlc > ? AND field NOT GLOB '@*'", [newest])
    assert written.fetchall() == [(order[7], "position")]
