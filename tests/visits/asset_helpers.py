"""Units standing in a rep's shops, written the way sync brings a supervisor's deployments to the laptop."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from ulid import ULID

from fieldcrm.storage import assets as asset_store
from tests.visits.helpers import applying

PLACED_ON = "2024-05-01"  # before any visit in these tests, so an inspection at the visit may follow it
# What a rep fills in for a unit at a visit (the date is the visit's).
FOUND = {"clean": "yes", "display_ok": "yes", "share_percent": "80", "temperature": "-18", "condition": "working"}


def place_unit(db: sqlite_utils.Database, customer_id: str, tag: str, placed_on: str = PLACED_ON) -> str:
    """A freezer deployed at ``customer_id`` on ``placed_on`` (received by sync: not recaptured); its id."""
    asset_id = str(ULID())
    location = f"customer:{customer_id}"
    with applying(db):
        asset_store.insert_asset(db, {
            "id": asset_id, "deleted": 0, "tag": tag, "type": "freezer", "brand": "海尔", "status": "deployed",
            "location": location,
        })
        asset_store.insert_event(db, {
            "id": str(ULID()), "deleted": 0, "asset_id": asset_id, "kind": "deploy", "on_date": placed_on,
            "hlc": 1, "by_user": "韩梅梅", "site": "office", "from_location": "warehouse:总仓",
            "to_location": location, "status": "deployed",
        })
    return asset_id


def files_in(folder: Path) -> list[Path]:
    """Every file under a workspace's attachments folder (none if it does not exist yet)."""
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
