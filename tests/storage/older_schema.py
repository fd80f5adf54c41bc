"""A workspace database as an older app left it: migrated up to just before a step, with an owner."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from fieldcrm.storage import migrations
from fieldcrm.storage.database import DB_NAME, connect


def database_before(step: migrations.Step, folder: Path) -> sqlite_utils.Database:
    """``folder``'s new database at the version before ``step``, owned by a supervisor (site ``mysite``)."""
    folder.mkdir()
    path = folder / DB_NAME
    db = connect(path)
    migrations.migrate(db, path, steps=migrations.MIGRATIONS[: migrations.MIGRATIONS.index(step)])
    db.execute(
        "INSERT INTO identity (id, site_id, site_tag, user_name, role, territory, created_at) "
        "VALUES (1, 'mysite', 'MYST', '韩梅梅', 'supervisor', NULL, '2024-01-01')"
    )
    return db
