"""Clocks running far ahead, flagged for supervisors; drift never fails a sync.

A hybrid logical clock copes with wrong wall clocks, but a laptop set a day
ahead wins every same-field race for that day, so supervisors should hear
of it. Only timestamps with a zero counter are taken as evidence: those were
read straight off the writer's wall clock, while a far-ahead timestamp with a
non-zero counter may merely be inherited from the fast laptop through the
clock's "move past what you received" rule, and the innocent must not be
blamed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync import clock
from fieldcrm.sync.messages import Message
from fieldcrm.sync.roles import Author

AHEAD_LIMIT_MS = 5 * 60 * 1000
HOUR_MS = 3_600_000

MSG_AHEAD = _N("Sync", "{user}'s laptop clock (site {site}) runs {hours:.1f} h ahead; ask them to set it right")


@dataclass(frozen=True)
class ClockWarning:
    site: str
    user_name: str
    ahead_ms: int
    hlc: int
    noticed_ms: int

    @property
    def noticed_at(self) -> datetime:
        return datetime.fromtimestamp(self.noticed_ms / 1000, tz=timezone.utc)

    @property
    def explained(self) -> Message:
        """What a sync summary says of it: the CLI prints it, the Sync page translates it."""
        return Message.of(MSG_AHEAD, user=self.user_name, site=self.site, hours=self.ahead_ms / HOUR_MS)


def note(db: sqlite_utils.Database, author: Author, hlcs: Sequence[int]) -> ClockWarning | None:
    """Flag ``author``'s clock when its timestamps run far ahead of ours (inside the apply transaction)."""
    now_ms = clock.wall_now_ms(db)
    if not hlcs or clock.wall_ms(max(hlcs)) - now_ms <= AHEAD_LIMIT_MS:
        return None
    own = max((h for h in hlcs if clock.counter(h) == 0), default=None)
    if own is None or clock.wall_ms(own) - now_ms <= AHEAD_LIMIT_MS:
        return None
    ahead = clock.wall_ms(own) - now_ms
    db.execute(
        """INSERT INTO clock_warning (site, user_name, ahead_ms, hlc, noticed_ms) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (site) DO UPDATE SET user_name = excluded.user_name, noticed_ms = excluded.noticed_ms,
            ahead_ms = max(ahead_ms, excluded.ahead_ms), hlc = max(hlc, excluded.hlc)""",
        [author.site_id, author.user_name, ahead, own, now_ms],
    )
    return ClockWarning(author.site_id, author.user_name, ahead, own, now_ms)


def list_clock_warnings(db: sqlite_utils.Database) -> list[ClockWarning]:
    rows = db.execute(
        "SELECT site, user_name, ahead_ms, hlc, noticed_ms FROM clock_warning ORDER BY ahead_ms DESC, site"
    )
    return [ClockWarning(*row) for row in rows]


def dismiss(db: sqlite_utils.Database, site: str) -> None:
    """Forget a warning once the laptop's clock has been put right."""
    db.execute("DELETE FROM clock_warning WHERE site = ?", [site])
