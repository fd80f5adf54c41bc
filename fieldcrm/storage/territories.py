"""Territory tree queries, and the row helpers the route tables share.

SQL for territories, routes and stops lives here and in ``storage.routes``,
nowhere above. ``insert_row``/``update_row`` write only the columns given, so
capture records exactly the fields that changed.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

import sqlite_utils

from fieldcrm.storage import customers as customer_store
from fieldcrm.storage.rows import insert_row, update_row  # noqa: F401 - the feature's writers

NODE_COLUMNS = ("id", "name", "level", "parent_id", "manager")


def id_list(ids: Iterable[str]) -> str:
    """Ids as one JSON parameter, read back with ``json_each``: any number of ids, one statement."""
    return json.dumps(list(ids))


def live_nodes(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every live node, by name, then id (a stable order for trees and listings)."""
    columns = ", ".join(NODE_COLUMNS)
    rows = db.execute(f"SELECT {columns} FROM territories WHERE deleted = 0 ORDER BY name, id")
    return [dict(zip(NODE_COLUMNS, row)) for row in rows]


def get_node(db: sqlite_utils.Database, node_id: str) -> dict[str, Any] | None:
    """A live node by id."""
    columns = ", ".join(NODE_COLUMNS)
    row = db.execute(f"SELECT {columns} FROM territories WHERE id = ? AND deleted = 0", [node_id]).fetchone()
    return dict(zip(NODE_COLUMNS, row)) if row else None


def node_ids_named(db: sqlite_utils.Database, name: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM territories WHERE name = ? AND deleted = 0 ORDER BY id", [name])]


def customer_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Live customers per zone id."""
    rows = db.execute(
        "SELECT zone_id, count(*) FROM customers WHERE deleted = 0 AND zone_id IS NOT NULL GROUP BY zone_id"
    )
    return {zone: count for zone, count in rows}


def route_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Live routes per territory node id."""
    rows = db.execute(
        "SELECT territory_id, count(*) FROM routes WHERE deleted = 0 AND territory_id IS NOT NULL GROUP BY territory_id"
    )
    return {node: count for node, count in rows}


CUSTOMER_REF_COLUMNS = ("id", "code", "name", "deleted", "zone_id", "territory", "route", "latitude", "longitude")


def customers_in_zones(db: sqlite_utils.Database, zone_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Live customers of the given zones, in the order they were entered (reproducible proposals)."""
    columns = ", ".join(f"c.{c}" for c in CUSTOMER_REF_COLUMNS)
    rows = db.execute(
        f"SELECT {columns} FROM customers AS c WHERE c.deleted = 0 "
        "AND c.zone_id IN (SELECT value FROM json_each(?)) ORDER BY c.rowid",
        [id_list(zone_ids)],
    )
    return [dict(zip(CUSTOMER_REF_COLUMNS, row)) for row in rows]


def customer_refs(db: sqlite_utils.Database, customer_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The few card fields territories and routes need, by id (deleted cards included)."""
    columns = ", ".join(f"c.{c}" for c in CUSTOMER_REF_COLUMNS)
    rows = db.execute(
        f"SELECT {columns} FROM customers AS c WHERE c.id IN (SELECT value FROM json_each(?))",
        [id_list(customer_ids)],
    )
    return {row[0]: dict(zip(CUSTOMER_REF_COLUMNS, row)) for row in rows}


def find_customer(db: sqlite_utils.Database, id_or_code: str) -> str | None:
    return customer_store.find_id(db, id_or_code)


def set_card_fields(db: sqlite_utils.Database, customer_id: str, values: dict[str, Any]) -> None:
    """Write the card fields routes keep in step (zone_id, territory, route); unchanged ones are skipped."""
    customer_store.update(db, customer_id, values)
