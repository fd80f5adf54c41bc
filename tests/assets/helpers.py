"""Plain helpers for the asset tests (fixtures live in conftest.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldcrm.domain.asset_fields import AssetStatus
from fieldcrm.domain.asset_rules import Place
from fieldcrm.domain.assets import AssetService
from fieldcrm.workspace import Workspace

TODAY = date(2026, 9, 30)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64)

FREEZER = {
    "tag": "bg-001", "serial_number": "HR2401123456", "type": "freezer", "brand": "海尔",
    "model": "BC/BD-318HD", "capacity_litres": "318", "purchase_date": "2024-01-15", "purchase_cost": "2150.50",
    "date": "2024-01-20",
}


def service(workspace: Workspace) -> AssetService:
    return AssetService(workspace, today=lambda: TODAY)


def counts(workspace: Workspace) -> tuple[int, ...]:
    """What a refused write must leave unchanged: rows, captured changes and stored files."""
    db = workspace.db
    files = len([p for p in workspace.attachments.rglob("*") if p.is_file()]) if workspace.attachments.exists() else 0
    row = db.execute(
        "SELECT (SELECT count(*) FROM assets), (SELECT count(*) FROM asset_events), (SELECT count(*) FROM change)"
    ).fetchone()
    return (*row, files)


def image(folder: Path, name: str, content: bytes = PNG) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def fits(status: AssetStatus, place: Place | None) -> bool:
    """What the review's status check expects: deployed at a customer, in stock in a warehouse."""
    if place is None:
        return False
    return {AssetStatus.DEPLOYED: place.is_customer, AssetStatus.IN_STOCK: not place.is_customer}.get(status, True)
