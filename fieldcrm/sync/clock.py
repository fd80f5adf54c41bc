"""Hybrid logical clock (HLC) timestamps packed into one integer.

The high bits are wall-clock milliseconds and the low 16 bits a counter, so
plain integer order is causal order: a site that has seen a change always
stamps its next change higher, whatever its wall clock says. The clock row
is advanced inside the capture triggers and when changes are received, so it
never runs backwards across restarts or between processes.

The wall clock is read through the SQL function ``fieldcrm_wall_ms()``,
registered on every connection, rather than SQLite's own ``'now'``: the
triggers and the Python side then read the same clock, and a connection can
be given a wrong clock on purpose (``set_wall_clock``) to check that a laptop
whose clock is off by a day still merges correctly.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timezone
from typing import Callable

import sqlite_utils

from fieldcrm.storage.database import on_connect

LOGICAL_BITS = 16
COUNTER_MASK = (1 << LOGICAL_BITS) - 1
WALL_FUNCTION = "fieldcrm_wall_ms"
# SQL expression for "now" as an HLC with a zero counter; used by the triggers.
SQL_NOW = f"({WALL_FUNCTION}() << {LOGICAL_BITS})"

WallClock = Callable[[], float]


def pack(ms: int, counter: int = 0) -> int:
    return (ms << LOGICAL_BITS) | counter


def wall_ms(hlc: int) -> int:
    return hlc >> LOGICAL_BITS


def counter(hlc: int) -> int:
    return hlc & COUNTER_MASK


def now() -> int:
    return pack(int(time.time() * 1000))


def to_datetime(hlc: int) -> datetime:
    return datetime.fromtimestamp(wall_ms(hlc) / 1000, tz=timezone.utc)


def _register(conn: sqlite3.Connection, source: WallClock) -> None:
    conn.create_function(WALL_FUNCTION, 0, lambda: int(source() * 1000))


@on_connect
def _install_wall_clock(conn: sqlite3.Connection) -> None:
    _register(conn, time.time)


def set_wall_clock(db: sqlite_utils.Database, source: WallClock) -> None:
    """Make this connection read its wall clock (seconds since the epoch) from ``source``.

    Simulates a laptop whose clock is wrong; every other connection keeps the
    real clock.
    """
    _register(db.conn, source)


def wall_now_ms(db: sqlite_utils.Database) -> int:
    """This connection's wall clock in milliseconds, as the triggers see it."""
    return int(db.execute(f"SELECT {WALL_FUNCTION}()").fetchone()[0])


def current(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT last FROM hlc_clock").fetchone()[0])


def observe(db: sqlite_utils.Database, remote: int) -> None:
    """Move the clock past a received timestamp (call inside the apply transaction).

    Never capped: a local edit made after seeing a version must stamp higher
    than it, or the version it replaced would keep winning.
    """
    db.execute("UPDATE hlc_clock SET last = max(last, ?)", [remote])


def tick(db: sqlite_utils.Database) -> int:
    """Take the next timestamp for a change written outside the triggers."""
    db.execute(f"UPDATE hlc_clock SET last = max(last + 1, {SQL_NOW})")
    return current(db)
