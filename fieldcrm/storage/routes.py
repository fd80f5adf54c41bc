"""Route and stop queries.

A stop is *shown* when it is live, on a live route, and its customer card is
here and live: a rep's laptop may hold a stop whose customer sync kept
elsewhere, and a retired card must not turn up on a delivery sheet. Such
hidden stops keep their rows and positions, so nothing is lost when the card
comes back. Shown stops come in route order: position, then id, which breaks
the tie when two laptops chose the same key for different stops.
"""

from __future__ import annotations

from typing import Any, Iterable

import sqlite_utils

from fieldcrm.storage.territories import id_list

ROUTE_COLUMNS = (
    "id", "name", "kind", "territory_id", "territory", "rep", "delivery", "depot_lat", "depot_lon", "days",
)
STOP_COLUMNS = ("id", "route_id", "customer_id", "position", "pin", "code", "name", "latitude", "longitude")
MEMBERSHIP_COLUMNS = ("customer_id", "stop_id", "route_id", "route_name", "pin")

_SHOWN_STOPS = """
    FROM route_stops AS s JOIN customers AS c ON c.id = s.customer_id
    WHERE s.deleted = 0 AND c.deleted = 0"""
_STOP_ORDER = "s.position IS NULL, s.position, s.id"


def get_route(db: sqlite_utils.Database, route_id: str) -> dict[str, Any] | None:
    """A live route by id."""
    columns = ", ".join(ROUTE_COLUMNS)
    row = db.execute(f"SELECT {columns} FROM routes WHERE id = ? AND deleted = 0", [route_id]).fetchone()
    return dict(zip(ROUTE_COLUMNS, row)) if row else None


def route_ids_named(db: sqlite_utils.Database, name: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM routes WHERE name = ? AND deleted = 0 ORDER BY id", [name])]


def list_routes(db: sqlite_utils.Database, territory_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Live routes by name, each with ``stops``, its number of shown stops; optionally only these territories'."""
    columns = ", ".join(f"r.{c}" for c in ROUTE_COLUMNS)
    where, params = "r.deleted = 0", []
    if territory_ids is not None:
        where += " AND r.territory_id IN (SELECT value FROM json_each(?))"
        params.append(id_list(territory_ids))
    rows = db.execute(
        f"SELECT {columns}, (SELECT count(*) {_SHOWN_STOPS} AND s.route_id = r.id) "
        f"FROM routes AS r WHERE {where} ORDER BY r.name, r.id",
        params,
    )
    return [{**dict(zip(ROUTE_COLUMNS, row)), "stops": row[-1]} for row in rows]


def shown_stops(db: sqlite_utils.Database, route_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The shown stops of each route, in route order, with the card fields a stop list shows."""
    wanted = list(route_ids)
    found: dict[str, list[dict[str, Any]]] = {route_id: [] for route_id in wanted}
    rows = db.execute(
        "SELECT s.id, s.route_id, s.customer_id, s.position, s.pin, c.code, c.name, c.latitude, c.longitude "
        f"{_SHOWN_STOPS} AND s.route_id IN (SELECT value FROM json_each(?)) ORDER BY s.route_id, {_STOP_ORDER}",
        [id_list(wanted)],
    )
    for row in rows:
        found[row[1]].append(dict(zip(STOP_COLUMNS, row)))
    return found


def live_stop_ids(db: sqlite_utils.Database, route_id: str) -> list[tuple[str, str]]:
    """(stop id, customer id) of every live stop of a route, shown or hidden (for retiring a route)."""
    rows = db.execute("SELECT id, customer_id FROM route_stops WHERE route_id = ? AND deleted = 0", [route_id])
    return [(stop_id, customer_id) for stop_id, customer_id in rows]


def memberships(db: sqlite_utils.Database, customer_ids: Iterable[str], kind: str) -> list[dict[str, Any]]:
    """Where the customers stand on live routes of ``kind`` (whatever state their card is in)."""
    rows = db.execute(
        """
        SELECT s.customer_id, s.id, r.id, r.name, s.pin
        FROM route_stops AS s JOIN routes AS r ON r.id = s.route_id
        WHERE s.deleted = 0 AND r.deleted = 0 AND r.kind = ?
          AND s.customer_id IN (SELECT value FROM json_each(?))
        ORDER BY r.name, r.id, s.id
        """,
        [kind, id_list(customer_ids)],
    )
    return [dict(zip(MEMBERSHIP_COLUMNS, row)) for row in rows]


def stop_territories(db: sqlite_utils.Database, route_id: str) -> list[tuple[str, str | None]]:
    """(stop id, territory) of a route's live stops, to re-scope them when the route's territory changes."""
    rows = db.execute("SELECT id, territory FROM route_stops WHERE route_id = ? AND deleted = 0", [route_id])
    return [(stop_id, territory) for stop_id, territory in rows]


ROUTING_CARD_COLUMNS = ("id", "territory", "route", "rep", "latitude", "longitude")


def cards_in_entry_order(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Live cards' routing fields in the order they were entered, for generators that must be reproducible."""
    columns = ", ".join(ROUTING_CARD_COLUMNS)
    rows = db.execute(f"SELECT {columns} FROM customers WHERE deleted = 0 ORDER BY rowid")
    return [dict(zip(ROUTING_CARD_COLUMNS, row)) for row in rows]
