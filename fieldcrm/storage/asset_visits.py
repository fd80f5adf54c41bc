"""Inspections recorded as part of a visit (``asset_events.visit_id``, schema step 7)."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldcrm.storage.assets import events


def inspections_of_visit(db: sqlite_utils.Database, visit_id: str) -> list[dict[str, Any]]:
    """The inspections made at a visit, in the order they were recorded."""
    return events(db, "visit_id = ? AND kind = 'inspect'", [visit_id], "hlc, id")


def inspected_at(db: sqlite_utils.Database, visit_id: str, asset_id: str) -> bool:
    """Whether the unit already has an inspection recorded at this visit."""
    row = db.execute(
        "SELECT 1 FROM asset_events WHERE visit_id = ? AND asset_id = ? AND kind = 'inspect' AND deleted = 0",
        [visit_id, asset_id],
    ).fetchone()
    return row is not None
