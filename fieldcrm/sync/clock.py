"""Hybrid logical clock (HLC) timestamps packed into one integer.

The high bits are wall-clock milliseconds and the low 16 bits a counter, so
plain integer order is causal order: a site that has seen a change always
stamps its next change higher, whatever its wall clock says. The clock row
is advanced inside the capture triggers and when changes are received, so it
never runs backwards across restarts or between processes.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

import sqlite_utils

LOGICAL_BITS = 16
# SQL expression for "now" as an HLC with a zero counter; used by the triggers.
SQL_NOW = f"(CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) << {LOGICAL_BITS})"


def pack(ms: int, counter: int = 0) -> int:
    return (ms << LOGICAL_BITS) | counter


def wall_ms(hlc: int) -> int:
    return hlc >> LOGICAL_BITS


def now() -> int:
    return pack(int(time.time() * 1000))


def to_datetime(hlc: int) -> datetime:
    return datetime.fromtimestamp(wall_ms(hlc) / 1000, tz=timezone.utc)


def current(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT last FROM hlc_clock").fetchone()[0])


def observe(db: sqlite_utils.Database, remote: int) -> None:
    """Move the clock past a received timestamp (call inside the apply transaction)."""
    db.execute("UPDATE hlc_clock SET last = max(last, ?)", [remote])


def tick(db: sqlite_utils.Database) -> int:
    """Take the next timestamp for a change written outside the triggers."""
    db.execute(f"UPDATE hlc_clock SET last = max(last + 1, {SQL_NOW})")
    return current(db)
