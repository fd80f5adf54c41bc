"""Migration step: indexes that let the customer list page and count without scanning.

``customers_live_by_name`` gives the default order (live cards by name) so a
broad search fills a page after walking a few hundred rows; ``customers_deleted``
serves the trash view and the live count. Frozen like every step.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script


def add_list_indexes(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        CREATE INDEX IF NOT EXISTS customers_live_by_name ON customers (deleted, name, id);
        CREATE INDEX IF NOT EXISTS customers_deleted ON customers (deleted);
        """,
    )
