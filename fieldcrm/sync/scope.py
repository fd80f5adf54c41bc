"""Who keeps what: which rows a laptop materialises into its live tables.

Supervisors and admins keep every row. Everyone else keeps the rows of their
own territory, plus rows with no territory yet that they wrote to themselves
(a card a rep just created without one must not vanish from their laptop).

A laptop stores every version it receives, its territory or not, and only
materialises the rows in scope. The versions are needed because a customer
moving into the territory must arrive whole, with its history and open
conflicts, and the files it came in may be long purged; they are also no
wider than what the rep could read on the share anyway. Not materialising
keeps other territories' cards out of the UI, the search index, exports and
printouts, which is what confidentiality asks of the app itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldcrm.storage import identity as identity_store
from fieldcrm.sync.registry import SyncedTable


@dataclass(frozen=True)
class Scope:
    site_id: str
    territory: str | None
    everything: bool

    def narrows(self, table: SyncedTable) -> bool:
        """Whether this laptop keeps only some of ``table``'s rows."""
        return not self.everything and table.territory_column is not None

    def condition(self, table: SyncedTable, territory: str, row_id: str) -> tuple[str, list[Any]]:
        """SQL true when a row whose territory is the expression ``territory`` belongs here."""
        if not self.narrows(table):
            return "1", []
        return (
            f"({territory} IS ? OR ({territory} IS NULL AND EXISTS ("
            f"SELECT 1 FROM change AS mine WHERE mine.tbl = ? AND mine.row_id = {row_id} AND mine.site = ?)))",
            [self.territory, table.name, self.site_id],
        )

    def keeps(self, table: SyncedTable) -> tuple[str, list[Any]]:
        """SQL true when the live row ``t`` of ``table`` belongs here."""
        territory = f't."{table.territory_column}"' if table.territory_column else "NULL"
        return self.condition(table, territory, "t.id")


def of_workspace(db: sqlite_utils.Database) -> Scope:
    owner = identity_store.load(db)
    if owner is None:
        raise RuntimeError("sync needs a workspace with an owner")
    return Scope(owner.site_id, owner.territory, owner.is_supervisor)

