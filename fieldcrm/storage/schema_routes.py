"""Schema step: the territory tree, routes and their stops, and each customer's zone.

Frozen like every step (columns listed literally; a later field is a new
step). All three tables are synced, so they follow the sync rules: ``id TEXT
PRIMARY KEY``, a ``deleted`` tombstone, and no FOREIGN KEY between them,
because rows from other laptops arrive in any order; the services check
references instead.

A stop's place in its route is a text sort key on the stop row itself
(``position``), not an index kept on the route: inserting between two stops
changes one row, and two laptops editing different stops of one route merge
field by field without either losing the other's work.

``routes.territory`` and ``route_stops.territory`` copy the sync scope of the
route's territory node at write time (the name of its area, the unit a rep's
laptop keeps), so a rep laptop scopes them without a join, as the visit log
does. ``customers.zone_id`` links a card to its zone; the card's ``territory``
text stays the zone's area name, which is what sync scopes customers by.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script

TABLES = """
CREATE TABLE territories (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT,
    level TEXT,
    parent_id TEXT,
    manager TEXT
);
CREATE TABLE routes (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT,
    kind TEXT,
    territory_id TEXT,
    territory TEXT,
    rep TEXT,
    delivery TEXT,
    depot_lat REAL,
    depot_lon REAL,
    days TEXT
);
CREATE TABLE route_stops (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    route_id TEXT,
    customer_id TEXT,
    territory TEXT,
    position TEXT,
    pin TEXT
);
ALTER TABLE customers ADD COLUMN zone_id TEXT;
"""

INDEXES = """
CREATE INDEX territories_parent ON territories (parent_id);
CREATE INDEX routes_territory ON routes (territory_id);
CREATE INDEX route_stops_route ON route_stops (route_id, position);
CREATE INDEX route_stops_customer ON route_stops (customer_id);
CREATE INDEX customers_zone ON customers (zone_id);
"""


def add_territories_routes(db: sqlite_utils.Database) -> None:
    """Territory tree (district, area, zone), routes, route stops, and customers.zone_id."""
    run_script(db, TABLES)
    run_script(db, INDEXES)
