"""Turning stored versions into live rows, set-based.

After a merge has stored versions and marked what they touched
(``touched``), ``settle`` brings the live tables and the conflict
bookkeeping up to date: each touched row is written once with the winners of
its touched fields, rows this laptop should hold but does not are created
whole, and rows that left its scope are dropped. Work is proportional to
what was touched, and no Python loop runs per stored version.

All of it happens with ``capture_mode.applying`` set, inside the caller's
transaction, so nothing materialised is captured again as a local edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlite_utils

from fieldcrm.sync import contested
from fieldcrm.sync import scope as scopes
from fieldcrm.sync.registry import SYNCED_TABLES, SyncedTable
from fieldcrm.sync.versions import mark_merged, own_rows_since_merge_sql, winner_sql

MERGE_CACHE_KIB = 64 * 1024


@dataclass
class Outcome:
    """What a merge did to the live tables, for the one "data changed" signal after a sync."""

    changed: dict[str, set[str]] = field(default_factory=dict)
    dropped: dict[str, set[str]] = field(default_factory=dict)


@contextmanager
def applying(db: sqlite_utils.Database) -> Iterator[None]:
    """Suppress capture for writes in this block (inside the caller's transaction)."""
    db.execute("UPDATE capture_mode SET applying = 1")
    try:
        yield
    finally:
        if db.conn.in_transaction:
            db.execute("UPDATE capture_mode SET applying = 0")


@contextmanager
def roomy_cache(db: sqlite_utils.Database) -> Iterator[None]:
    """Give this connection a 64 MiB page cache for the length of a merge.

    A merge inserts into the version index at scattered keys; with SQLite's
    default 2 MiB cache most of those inserts re-read pages, which made a
    large file several times slower. The connection's own setting returns
    afterwards, so an idle laptop does not hold the memory.
    """
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    page_kib = int(db.execute("PRAGMA page_size").fetchone()[0]) // 1024 or 1
    if (-before if before < 0 else before * page_kib) >= MERGE_CACHE_KIB:
        yield
        return
    db.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


def settle(db: sqlite_utils.Database) -> Outcome:
    """After storing versions: materialise them, then re-examine where conflicts may be."""
    outcome = materialise(db)
    contested.refresh(db)
    mark_merged(db)
    return outcome


def materialise(db: sqlite_utils.Database) -> Outcome:
    """Bring the live rows of every touched field up to their winners."""
    scope = scopes.of_workspace(db)
    outcome = Outcome()
    tables = f"SELECT DISTINCT tbl FROM sync_touched_rows UNION SELECT tbl FROM ({own_rows_since_merge_sql()})"
    involved = {r[0] for r in db.execute(tables)}
    existing = set(db.table_names())
    for table in SYNCED_TABLES.values():
        if table.name not in involved or table.name not in existing:
            continue
        columns = _columns(db, table.name)
        _find_missing(db, table, scope, columns)
        changed = _write_rows(db, table, columns)
        dropped = _drop_out_of_scope(db, table, scope)
        if changed - dropped:
            outcome.changed[table.name] = changed - dropped
        if dropped:
            outcome.dropped[table.name] = dropped
    return outcome


@dataclass(frozen=True)
class _Column:
    name: str
    not_null: bool
    default: str | None  # SQL text, as the schema declares it


def _columns(db: sqlite_utils.Database, table: str) -> dict[str, _Column]:
    """Live columns other than id.

    A NOT NULL column needs a default, or a row whose first versions lack it
    could never be created: refuse such a schema loudly rather than stall sync.
    """
    found = {
        c.name: _Column(c.name, bool(c.notnull), c.default_value) for c in db[table].columns if c.name != "id"
    }
    for column in found.values():
        if column.not_null and column.default is None:
            raise RuntimeError(f"{table}.{column.name} is NOT NULL without a default: sync cannot merge it")
    return found


def _find_missing(
    db: sqlite_utils.Database, table: SyncedTable, scope: scopes.Scope, columns: dict[str, _Column]
) -> None:
    """Collect in ``sync_row_set`` the touched rows this laptop should hold but lacks; touch all their fields.

    A row arriving whole (first sight, or moved into the territory) needs every
    stored field, not just those in this batch.
    """
    name = table.name
    known = ", ".join(f"'{c}'" for c in columns)
    territory = winner_sql("r.tbl", f"'{table.territory_column}'", "r.row_id") if table.territory_column else "NULL"
    condition, params = scope.condition(table, territory, "r.row_id")
    db.execute("DELETE FROM sync_row_set")
    db.execute(
        f"""INSERT INTO sync_row_set SELECT r.row_id FROM sync_touched_rows AS r
        WHERE r.tbl = ? AND NOT EXISTS (SELECT 1 FROM "{name}" AS t WHERE t.id = r.row_id)
          AND EXISTS (SELECT 1 FROM change AS k WHERE k.tbl = r.tbl AND k.row_id = r.row_id AND k.field IN ({known}))
          AND {condition}""",
        [name, *params],
    )
    db.execute(
        "INSERT OR IGNORE INTO sync_touched (tbl, row_id, field) SELECT DISTINCT c.tbl, c.row_id, c.field "
        "FROM sync_row_set AS s JOIN change AS c ON c.tbl = ? AND c.row_id = s.row_id",
        [name],
    )


def _write_rows(db: sqlite_utils.Database, table: SyncedTable, columns: dict[str, _Column]) -> set[str]:
    """Insert the missing rows and update the touched ones: two statements, one write per row.

    One write per row, not per field, so row-level triggers on the live table
    (the search index) run once per row however many of its fields changed;
    and one statement for all rows, not one per row, because FTS5 flushes its
    pending index changes at the end of every statement: 10,000 one-row
    updates made 10,000 index segments, and applying 100,000 changes took a
    third longer. Fields the live table lacks stay in ``change`` only.
    """
    name = table.name
    known = ", ".join(f"'{c}'" for c in columns)
    db.execute("DELETE FROM sync_winners")
    db.execute(
        f"""INSERT INTO sync_winners (row_id, field, value, new)
        SELECT t.row_id, t.field, {winner_sql("t.tbl", "t.field", "t.row_id")}, n.row_id IS NOT NULL
        FROM sync_touched AS t LEFT JOIN sync_row_set AS n ON n.row_id = t.row_id
        WHERE t.tbl = ? AND t.field IN ({known})
          AND (n.row_id IS NOT NULL OR EXISTS (SELECT 1 FROM "{name}" AS l WHERE l.id = t.row_id))""",
        [name],
    )
    fields = [columns[r[0]] for r in db.execute("SELECT DISTINCT field FROM sync_winners ORDER BY field")]
    if not fields:
        return set()
    # One row per live row: for each field, whether it has a winner (h) and the winner (v).
    pivot = ", ".join(
        f"""max(field = '{c.name}') AS h{n}, max(CASE WHEN field = '{c.name}' THEN value END) AS v{n}"""
        for n, c in enumerate(fields)
    )
    winners = f"SELECT row_id, max(new) AS new, {pivot} FROM sync_winners GROUP BY row_id"
    listed = ", ".join(f'"{c.name}"' for c in fields)
    chosen = ", ".join(
        f"CASE WHEN p.h{n} THEN {_merged(c, n)} ELSE {c.default or 'NULL'} END" for n, c in enumerate(fields)
    )
    # Each statement groups every winner, so one with nothing to write is skipped.
    any_new, any_old = db.execute("SELECT max(new), min(new) = 0 FROM sync_winners").fetchone()
    if any_new:
        db.execute(f'INSERT INTO "{name}" (id, {listed}) SELECT p.row_id, {chosen} FROM ({winners}) AS p WHERE p.new')
    assignments = ", ".join(
        f'"{c.name}" = CASE WHEN p.h{n} THEN {_merged(c, n)} ELSE "{name}"."{c.name}" END' for n, c in enumerate(fields)
    )
    if any_old:
        db.execute(
            f'UPDATE "{name}" SET {assignments} FROM ({winners}) AS p WHERE NOT p.new AND "{name}".id = p.row_id'
        )
    return {r[0] for r in db.execute("SELECT DISTINCT row_id FROM sync_winners")}


def _merged(column: _Column, number: int) -> str:
    """A field's winner; a NULL winner of a NOT NULL column becomes its default, everywhere alike."""
    return f"coalesce(p.v{number}, {column.default})" if column.not_null else f"p.v{number}"


def _drop_out_of_scope(db: sqlite_utils.Database, table: SyncedTable, scope: scopes.Scope) -> set[str]:
    """Remove live rows that left this laptop's territory (their versions stay in ``change``).

    Looks at the rows this merge touched and at rows this laptop itself wrote
    to since the last merge, so a card the rep moved away leaves at the next
    sync, without scanning whole tables. Derived local data follows by its
    own delete triggers, or through the table's ``rowid_indexes``.
    """
    if not scope.narrows(table):
        return set()
    name = table.name
    condition, params = scope.keeps(table)
    db.execute("DELETE FROM sync_row_set")
    db.execute(
        f"""INSERT OR IGNORE INTO sync_row_set SELECT t.id FROM "{name}" AS t
        WHERE (t.id IN (SELECT row_id FROM sync_touched_rows WHERE tbl = ?)
               OR t.id IN (SELECT row_id FROM ({own_rows_since_merge_sql()}) WHERE tbl = ?))
          AND NOT {condition}""",
        [name, name, *params],
    )
    dropped = {r[0] for r in db.execute("SELECT row_id FROM sync_row_set")}
    if dropped:
        for index in table.rowid_indexes:
            db.execute(
                f'DELETE FROM "{index}" WHERE rowid IN '
                f'(SELECT t.rowid FROM "{name}" AS t JOIN sync_row_set AS s ON s.row_id = t.id)'
            )
        db.execute(f'DELETE FROM "{name}" WHERE id IN (SELECT row_id FROM sync_row_set)')
    return dropped

