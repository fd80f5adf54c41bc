"""The one place a table joins sync.

A registered table gets change-capture triggers on every column but ``id``
(columns added by later migrations are captured automatically), is merged
field by field, and is checked against its role rules when changes arrive.
Tables never hard-delete: a row is retired by setting ``deleted`` to 1, which
merges like any other field.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldcrm.domain.asset_fields import ASSET_SUPERVISOR_ONLY_FIELDS
from fieldcrm.domain.customer_fields import SUPERVISOR_ONLY_FIELDS
from fieldcrm.domain.visit_fields import SUPERVISOR_ONLY as VISIT_SUPERVISOR_ONLY

# The tombstone column every synced table has.
TOMBSTONE = "deleted"
# Fields starting with this travel in ``change`` but are never columns: they
# carry sync metadata about a row (see SEEN below).
PSEUDO_PREFIX = "@"
# Written with every delete: which versions of the row, per site, the deleting
# site had when it deleted, so an edit it had not seen is told apart from one
# it deliberately deleted over ("deleted while edited").
SEEN = PSEUDO_PREFIX + "seen"
PSEUDO_FIELDS = frozenset({SEEN})


@dataclass(frozen=True)
class SyncedTable:
    name: str
    # Fields only a supervisor or admin may change; checked on every replica.
    supervisor_only: frozenset[str] = frozenset()
    # The column naming the territory a row belongs to, for rep laptops that keep
    # only their own territory; None when the table is not scoped that way.
    territory_column: str | None = None
    # Local tables keyed by this table's rowid (search indexes) without a delete
    # trigger of their own, that must forget a row sync drops from a rep's laptop.
    rowid_indexes: tuple[str, ...] = ()


SYNCED_TABLES: dict[str, SyncedTable] = {
    t.name: t
    for t in (
        SyncedTable("customers", supervisor_only=SUPERVISOR_ONLY_FIELDS, territory_column="territory"),
        SyncedTable("assets", supervisor_only=ASSET_SUPERVISOR_ONLY_FIELDS),
        SyncedTable("asset_events", supervisor_only=frozenset({"reason"})),
        SyncedTable("visits", territory_column="territory"),
        SyncedTable("products", supervisor_only=VISIT_SUPERVISOR_ONLY["products"]),
        SyncedTable("orders", supervisor_only=VISIT_SUPERVISOR_ONLY["orders"], territory_column="territory"),
        SyncedTable("order_lines", territory_column="territory"),
        SyncedTable("invoices", territory_column="territory"),
        SyncedTable("payments", territory_column="territory"),
        SyncedTable("settings", supervisor_only=VISIT_SUPERVISOR_ONLY["settings"]),
        SyncedTable("urgent_reports", supervisor_only=VISIT_SUPERVISOR_ONLY["urgent_reports"], territory_column="territory"),
        SyncedTable("submitted_reports", territory_column="territory"),
        SyncedTable("territories", supervisor_only=frozenset({"name", "level", "parent_id", "manager", "deleted"})),
        SyncedTable("routes", territory_column="territory"),
        SyncedTable("route_stops", territory_column="territory"),
    )
}


def is_supervisor_only(table: str, field: str) -> bool:
    synced = SYNCED_TABLES.get(table)
    return synced is not None and field in synced.supervisor_only
