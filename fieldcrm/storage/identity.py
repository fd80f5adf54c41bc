"""Who this workspace belongs to, and its site id.

The site id is random and names this laptop's stream of changes on the
share. The site tag (four Crockford base-32 characters derived from it) makes
customer codes unique without a server: a code is the tag plus this site's own
counter, and the admin refuses to register a device whose tag is taken.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils

from fieldcrm.domain.classifications import Role

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True)
class Identity:
    site_id: str
    site_tag: str
    user_name: str
    role: Role
    territory: str | None

    @property
    def is_supervisor(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


def base32(number: int, width: int) -> str:
    digits = ""
    while number or len(digits) < width:
        number, rest = divmod(number, 32)
        digits = CROCKFORD[rest] + digits
    return digits


def site_tag(site_id: str) -> str:
    digest = int.from_bytes(hashlib.sha256(site_id.encode()).digest()[:4], "big")
    return base32(digest % 32**4, 4)


def load(db: sqlite_utils.Database) -> Identity | None:
    row = db.execute("SELECT site_id, site_tag, user_name, role, territory FROM identity").fetchone()
    if row is None:
        return None
    return Identity(row[0], row[1], row[2], Role(row[3]), row[4])


def create(db: sqlite_utils.Database, user_name: str, role: Role, territory: str | None) -> Identity:
    """Give the workspace its owner and a fresh site id (inside the caller's transaction)."""
    site_id = uuid.uuid4().hex
    identity = Identity(site_id, site_tag(site_id), user_name, role, territory)
    db.execute(
        "INSERT INTO identity (id, site_id, site_tag, user_name, role, territory, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
        [site_id, identity.site_tag, user_name, role.value, territory, datetime.now(timezone.utc).isoformat()],
    )
    db.execute(
        "INSERT OR REPLACE INTO sites (site_id, user_name, role, territory) VALUES (?, ?, ?, ?)",
        [site_id, user_name, role.value, territory],
    )
    return identity


def next_customer_code(db: sqlite_utils.Database, identity: Identity) -> str:
    """C-<site tag><this site's counter>, e.g. C-7K2Q01 (inside the caller's transaction)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'customer_seq'").fetchone()
    seq = int(row[0]) + 1 if row else 1
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('customer_seq', ?)", [str(seq)])
    return f"C-{identity.site_tag}{base32(seq, 2)}"
