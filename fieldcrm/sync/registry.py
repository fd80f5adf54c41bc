"""The one place a table joins sync.

A registered table gets change-capture triggers on every column but ``id``
(columns added by later migrations are captured automatically), is merged
field by field, and is checked against its role rules when changes arrive.
Tables never hard-delete: a row is retired by setting ``deleted`` to 1, which
merges like any other field.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldcrm.domain.customer_fields import SUPERVISOR_ONLY_FIELDS


@dataclass(frozen=True)
class SyncedTable:
    name: str
    # Fields only a supervisor or admin may change; checked on every replica.
    supervisor_only: frozenset[str] = frozenset()
    # The column naming the territory a row belongs to, for rep laptops that keep
    # only their own territory; None when the table is not scoped that way.
    territory_column: str | None = None


SYNCED_TABLES: dict[str, SyncedTable] = {
    t.name: t
    for t in (
        SyncedTable("customers", supervisor_only=SUPERVISOR_ONLY_FIELDS, territory_column="territory"),
    )
}
