"""How often units are inspected, what share is "low", where units return to.

Kept in the workspace's local ``meta`` table: each laptop's supervisor view
applies its own thresholds and nothing here needs to merge.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Mapping

import sqlite_utils

from fieldcrm.domain.asset_fields import SETTINGS_FIELDS, parse_form
from fieldcrm.storage import assets as store

_PREFIX = "asset_"


@dataclass(frozen=True)
class AssetSettings:
    inspection_interval_days: int = 30
    low_share_percent: int = 60
    default_warehouse: str = "总仓"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def load(db: sqlite_utils.Database) -> AssetSettings:
    """The stored settings, with the defaults for anything never set."""
    defaults = AssetSettings()
    values: dict[str, Any] = {}
    for spec in SETTINGS_FIELDS:
        stored = store.get_meta(db, _PREFIX + spec.name)
        if stored is not None:
            values[spec.name] = type(getattr(defaults, spec.name))(stored)
    return replace(defaults, **values)


def save(db: sqlite_utils.Database, raw: Mapping[str, Any]) -> AssetSettings:
    """Validate and store the given settings (inside the caller's transaction); returns them all."""
    values = parse_form(SETTINGS_FIELDS, raw, creating=False)
    for name, value in values.items():
        store.set_meta(db, _PREFIX + name, str(value))
    return load(db)
