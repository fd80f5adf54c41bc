"""Writing rows of synced tables, one way for every feature.

Updates set only the columns given, so the per-column capture triggers record
exactly the fields that changed. Table names come from code, never from
users; they are still checked to be plain identifiers before being spliced
into SQL.
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def checked_name(name: str) -> str:
    """The name itself, once it is known to be a plain identifier safe to splice into SQL."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a table or column name: {name!r}")
    return name


def insert_row(db: sqlite_utils.Database, table: str, values: dict[str, Any]) -> None:
    columns = ", ".join(f'"{checked_name(c)}"' for c in values)
    marks = ", ".join("?" for _ in values)
    db.execute(f'INSERT INTO "{checked_name(table)}" ({columns}) VALUES ({marks})', list(values.values()))


def update_row(db: sqlite_utils.Database, table: str, row_id: str, values: dict[str, Any]) -> None:
    if not values:
        return
    assignments = ", ".join(f'"{checked_name(c)}" = ?' for c in values)
    db.execute(f'UPDATE "{checked_name(table)}" SET {assignments} WHERE id = ?', [*values.values(), row_id])
