"""Every visit-log table follows the sync rules, and every write to it is captured."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from fieldcrm.sync.registry import SYNCED_TABLES
from tests.visits.helpers import VISIT_LOG_TABLES, Services


def test_tables_are_registered_with_their_role_and_territory_rules(sup: Services) -> None:
    assert set(VISIT_LOG_TABLES) <= set(SYNCED_TABLES)
    assert "last_visits" not in SYNCED_TABLES  # derived, local to each laptop
    assert {"code", "name", "price", "active", "deleted"} <= SYNCED_TABLES["products"].supervisor_only
    assert SYNCED_TABLES["urgent_reports"].supervisor_only == {"acknowledged_by", "acknowledged_at"}
    assert SYNCED_TABLES["orders"].supervisor_only == {"credit_reviewed_by", "credit_reviewed_at"}
    assert SYNCED_TABLES["settings"].supervisor_only == {"value", "deleted"}
    for table in VISIT_LOG_TABLES:
        scoped = SYNCED_TABLES[table].territory_column
        assert scoped in (None, "territory") and (scoped is None) == (table in ("products", "settings"))
        columns = {c.name: c for c in sup.db[table].columns}
        assert sup.db[table].pks == ["id"] and columns["id"].type == "TEXT", table
        assert columns["deleted"].notnull and columns["deleted"].default_value == "0", table
        assert sup.db.execute(f"PRAGMA foreign_key_list({table})").fetchall() == [], table


def test_every_tables_writes_are_captured(sup: Services) -> None:
    card = sup.customers.create({"name": "张三超市", "territory": "西湖区", "credit_limit": "100"})
    sup.catalogue.add({"code": "BEV-001", "name": "冰红茶", "unit": "箱", "price": "36"})
    visit = sup.visits.log(card["id"], {"complaints": "断货", "urgent_category": "big_complaint"})
    order = sup.orders.add(card["id"], [("BEV-001", 5, None, "1")], visit_id=visit["id"], reason="老客户")
    sup.orders.set_status(order.id, "delivered")
    sup.receivables.invoice(card["id"], "500", invoice_date="2024-01-01")
    sup.receivables.payment(card["id"], "100", visit_id=visit["id"])
    sup.planning.set_frequency("key", 10)
    sup.reports.flag_urgent("credit_risk", "拖欠")
    sup.reports.submit_daily("韩梅梅", visit["visit_date"])
    for table in VISIT_LOG_TABLES:
        rows = sup.db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in rows.description]
        found = rows.fetchall()
        assert found, table
        for row in found:
            stored = {k: v for k, v in zip(names, row) if k != "id" and v is not None}
            captured = _latest(sup, table, row[0])
            assert captured == stored, table


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


def test_rows_are_never_hard_deleted(svc: Services, shop: dict[str, Any]) -> None:
    svc.visits.log(shop["id"], {})
    for table in ("visits", "products"):
        with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
            svc.db.execute(f"DELETE FROM {table}")
