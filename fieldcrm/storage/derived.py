"""Rebuilding the derived tables: whole after a bulk load, or in resumable batches after an upgrade.

The derived local tables (the customer search index, last visits) are kept
current row by row by triggers. That is right for edits and merges, but a
bulk load of 100,000 cards would pay a haystack with pinyin (computed in
Python) and a due-date recomputation per card. A bulk load (a snapshot
bootstrap) instead drops those triggers inside its transaction, writes the
rows, restores the triggers from the SQL SQLite stored for them, and rebuilds
each table once with set-based SQL. Everything runs in the caller's
transaction, so a failure rolls the dropped triggers back with the rest.

An upgrade that changes how a table is derived (new search rules) cannot do
that inside the opening of the workspace: 100,000 haystacks take about 40 s.
Opening only installs the new triggers and marks the rebuild as started
(``start``); the rows are then recomputed a range of rowids at a time
(``catch_up``), each range in its own short transaction that also records
how far the rebuild got, in ``meta``. A crash or a quit loses at most the
batch under way and the next opening carries on from there. Rows written
meanwhile, by the user or by sync, go through the new triggers, so a row
edited before its batch comes is already right, and its batch computes the
same again.

The asset tables' triggers (``asset_checks``, ``asset_forks``,
``asset_search``) are not set aside: they are plain SQL, cheap per row, and
what they keep depends on the order events were seen in, which only the
triggers themselves reproduce. They are declared by migration steps: a step
that changes ``asset_search``'s text should replace its triggers and start a
``BatchedRebuild`` like CUSTOMER_SEARCH, not recompute every unit inside the
migration.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlite_utils

from fieldcrm.storage import search
from fieldcrm.storage.assets import get_meta, set_meta
from fieldcrm.storage.database import triggers_set_aside, write_transaction
from fieldcrm.storage.schema_visits import rebuild_last_visits

# Name patterns (GLOB) of the triggers keeping the tables rebuilt below.
SET_ASIDE = ("search_customers_*", "last_visits_*")
# How long one batch may hold the write lock: an edit saved meanwhile waits for it.
BATCH_SECONDS = 0.05
# The lock is let go this long between batches. A writer kept waiting polls it
# (SQLite's busy handler) every few to 100 ms, and without a pause the next
# batch took it back first: with 0.1 s batches, saves waited up to 1.6 s.
# These two keep a save under about 0.1 s; the rebuild takes 1.5 times as long.
PAUSE_SECONDS = 0.03
FIRST_BATCH = 64  # rowids; later batches are sized from the time the previous one took
MAX_BATCH = 20_000

IndexCustomers = Callable[[sqlite_utils.Database], None]
Report = Callable[[int, int], None]


@dataclass(frozen=True)
class BatchedRebuild:
    """How to recompute a derived table a range of its source table's rowids at a time.

    ``redo(db, after, upto)`` recomputes the rows derived from the source
    rows with ``after < rowid <= upto``; ``tidy(db)`` does one bounded step
    of clean-up once every row is done and says whether there was any left;
    ``prepare()`` loads what the batches need before the first one takes
    the write lock. While a rebuild is under way, ``meta`` holds the last
    rowid done under ``key``.
    """

    key: str
    source: str
    redo: Callable[[sqlite_utils.Database, int, int], None]
    tidy: Callable[[sqlite_utils.Database], bool]
    prepare: Callable[[], None]


CUSTOMER_SEARCH = BatchedRebuild(
    key="search_rebuilt_to", source="customers", redo=search.reindex, tidy=search.merge_step, prepare=search.warm_up
)
BATCHED = (CUSTOMER_SEARCH,)


@contextmanager
def bulk_load(db: sqlite_utils.Database, index_customers: IndexCustomers) -> Iterator[None]:
    """Write rows in this block without the derived-table triggers; then rebuild those tables.

    ``index_customers`` fills the search index once the rows are in (a fresh
    computation, or a snapshot's haystacks), which also completes a batched
    rebuild of it that was under way. Must run inside a transaction.
    """
    with triggers_set_aside(db, SET_ASIDE):
        yield
    index_customers(db)
    _forget(db, CUSTOMER_SEARCH)
    rebuild_last_visits(db)


def start(db: sqlite_utils.Database, rebuild: BatchedRebuild) -> None:
    """Mark ``rebuild`` as under way from the first row (inside the caller's transaction).

    An empty source needs no rebuild, so a new workspace never starts one.
    """
    first = db.execute(f'SELECT min(rowid) FROM "{rebuild.source}"').fetchone()[0]
    if first is None:
        _forget(db, rebuild)
    else:
        set_meta(db, rebuild.key, str(min(first - 1, 0)))


def _forget(db: sqlite_utils.Database, rebuild: BatchedRebuild) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", [rebuild.key])


def _done_upto(db: sqlite_utils.Database, rebuild: BatchedRebuild) -> int | None:
    value = get_meta(db, rebuild.key)
    return None if value is None else int(value)


def pending(db: sqlite_utils.Database) -> list[BatchedRebuild]:
    """The batched rebuilds under way in this workspace."""
    return [rebuild for rebuild in BATCHED if _done_upto(db, rebuild) is not None]


def progress(db: sqlite_utils.Database) -> tuple[int, int] | None:
    """How far the rebuilds under way got, as (done, total); None when none is under way.

    Counted in rowids, not rows: counting rows up to a rowid reads every one
    of them (2 s for 100,000 cards on a cold disk), where rowids are a
    lookup and nearly dense. The last unit is the tidying after the rows.
    """
    done = total = 0
    under_way = False
    for rebuild in BATCHED:
        upto = _done_upto(db, rebuild)
        if upto is None:
            continue
        under_way = True
        last = db.execute(f'SELECT max(rowid) FROM "{rebuild.source}"').fetchone()[0] or 0
        done += max(0, min(upto, last))
        total += max(0, last) + 1
    return (done, total) if under_way else None


def step(db: sqlite_utils.Database, rebuild: BatchedRebuild, rowids: int) -> bool:
    """One transaction of ``rebuild``: the next ``rowids`` rowids' rows, or a tidying step after the last row.

    Returns False once the rebuild is complete (or was not under way), when
    its mark is gone from ``meta``.
    """
    with write_transaction(db):
        after = _done_upto(db, rebuild)  # read under the write lock: another connection may have moved it
        if after is None:
            return False
        first = db.execute(
            f'SELECT rowid FROM "{rebuild.source}" WHERE rowid > ? ORDER BY rowid LIMIT 1', [after]
        ).fetchone()
        if first is not None:
            upto = first[0] - 1 + rowids  # gaps before the next row are skipped, not walked
            rebuild.redo(db, after, upto)
            set_meta(db, rebuild.key, str(upto))
            return True
        if rebuild.tidy(db):
            return True
        _forget(db, rebuild)
        return False


def catch_up(
    db: sqlite_utils.Database,
    *,
    report: Report | None = None,
    keep_going: Callable[[], bool] = lambda: True,
    batch_seconds: float | None = None,
    pause_seconds: float | None = None,
) -> bool:
    """Run the rebuilds under way to the end, in batches of about ``batch_seconds`` each,
    ``pause_seconds`` apart (by default BATCH_SECONDS and PAUSE_SECONDS).

    ``report(done, total)`` hears after every batch; ``keep_going`` is asked
    before each and stops the work when it says no (a cancel, a quit), which
    the next call resumes. Returns whether every rebuild is complete.
    """
    batch_seconds = BATCH_SECONDS if batch_seconds is None else batch_seconds
    pause_seconds = PAUSE_SECONDS if pause_seconds is None else pause_seconds
    reached: tuple[int, int] | None = None
    for rebuild in pending(db):
        rebuild.prepare()
        rowids = FIRST_BATCH
        while True:
            if not keep_going():
                return False
            started = time.perf_counter()
            if not step(db, rebuild, rowids):
                break
            took = max(time.perf_counter() - started, 1e-3)
            rowids = max(1, min(MAX_BATCH, 2 * rowids, int(rowids * batch_seconds / took)))
            reached = progress(db)
            if report is not None and reached is not None:
                report(*reached)
            time.sleep(pause_seconds)
    if report is not None and reached is not None:
        report(reached[1], reached[1])
    return True
