"""How far this laptop has read each other laptop's stream of changes.

A site's changes carry increasing timestamps and its change files are read
in order, so one number per site says what has been applied: reading resumes
after it, a snapshot hands it on, and comparing it with what the share has
purged tells a laptop that was away too long that it must re-bootstrap.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from fieldcrm.storage import identity as identity_store


def advance(db: sqlite_utils.Database, site: str, hlc: int) -> None:
    """Record that ``site``'s changes up to ``hlc`` are applied; never moves back."""
    db.execute(
        "INSERT INTO sync_cursor (site, hlc) VALUES (?, ?) "
        "ON CONFLICT (site) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
        [site, hlc],
    )


def received(db: sqlite_utils.Database) -> dict[str, int]:
    """Per remote site, the newest timestamp applied from it."""
    return dict(db.execute("SELECT site, hlc FROM sync_cursor ORDER BY site").fetchall())


def needs_bootstrap(db: sqlite_utils.Database, purged_through: Mapping[str, int]) -> list[str]:
    """The sites whose changes this laptop can no longer catch up with from change files.

    ``purged_through`` maps each site to the newest timestamp of its change
    files the share has deleted (they live on only in the snapshot). A laptop
    that has not applied a site that far must bootstrap from the snapshot;
    an empty list means incremental sync can continue.
    """
    owner = identity_store.load(db)
    own = owner.site_id if owner else None
    have = received(db)
    return sorted(site for site, hlc in purged_through.items() if site != own and have.get(site, 0) < hlc)
