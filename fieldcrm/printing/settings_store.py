"""Where the print settings live: the workspace's local ``meta`` table (key/value text).

Company name, logo, paper and language are a property of this laptop's
printer set-up, not synced data, so they sit with the other local settings.
Only this module builds SQL for them.
"""

from __future__ import annotations

import sqlite_utils

COMPANY_NAME = "company_name"
COMPANY_LOGO = "company_logo"
PAPER = "print_paper"
LANGUAGE = "print_language"


def read(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def write(db: sqlite_utils.Database, key: str, value: str | None) -> None:
    """Store ``value``, or forget the key when it is None (inside the caller's transaction)."""
    if value is None:
        db.execute("DELETE FROM meta WHERE key = ?", [key])
    else:
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])
