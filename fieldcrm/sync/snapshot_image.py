"""A snapshot's content as a SQLite database file (snapshot format 2).

A supervisor writes the image of its synced state into a local file, which
the share layer compresses and signs (``share/snapshot.py``); a new laptop
unpacks a verified snapshot into a local file (SQLite never opens a file on
the share), attaches it and loads it in one transaction. The image holds:

* ``change``, declared exactly like the workspace's: every stored version,
  not just winners (a late file may name any of them as the version it
  replaced). A fresh laptop's empty ``change`` takes them by SQLite's
  transfer optimisation, which copies records in key order instead of
  inserting 100,000s of rows one by one from Python (5–9 µs each). Images
  of apps before schema step 9 also carry ``change_by_site``, which that
  copy ignores.
* ``sites``, ``sync_cursor``, ``sync_deferred``: who is who, where reading
  each site's files resumes, and deferred role checks.
* each synced table's live rows, under their rowids, and its indexes (built
  in the image once it is filled). A supervisor's live rows are the winners
  of every stored field (materialising keeps them so), so a new laptop
  copies them (a rep only its territory's) instead of computing millions of
  winners again; a laptop keeping every row takes a table declared exactly
  as its own whole, index entries included (``_copied_whole``).
* the customer search index (FTS5's own tables) with ``info.search_rules``:
  a laptop keeping every row adopts it whole; one keeping a territory takes
  each customer's haystack from it; a laptop whose search rules differ
  computes the haystacks (see ``_index_customers``).
* ``rematerialise``: rows purged to their tombstone (below), which the
  reader builds from their remaining versions instead.

Everything but the versions is derived data. The reader uses a part only
where it checked it can (same columns, same search rules) and computes the
rest from the versions, so the result equals a full replay either way
(``tests/sync/test_snapshot.py`` compares both, derived tables included).

Tombstone purge happens here and only here: with ``purge_deleted_before``,
rows deleted before that timestamp, with no open conflict, travel as their
tombstone alone (the delete and what it had seen), and neither their live
row nor the search index travels. A late edit of such a row then still
raises "deleted while edited" everywhere instead of resurrecting a
half-empty card; its old field values are what the purge gives up.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from fieldcrm.storage import derived, search
from fieldcrm.storage.database import triggers_set_aside, write_transaction
from fieldcrm.storage.schema_own_versions import OWN_VERSION_TRIGGER
from fieldcrm.sync import clock, contested, materialise, touched, wire
from fieldcrm.sync import scope as scopes
from fieldcrm.sync.capture import LOCAL_SITE
from fieldcrm.sync.capture import TRIGGER_PREFIX as CAPTURE_PREFIX
from fieldcrm.sync.direct_write import Readable, write_new_file
from fieldcrm.sync.materialise import Outcome
from fieldcrm.sync.registry import PSEUDO_PREFIX, SEEN, SYNCED_TABLES, TOMBSTONE, SyncedTable
from fieldcrm.sync.snapshot_data import (
    MSG_DAMAGED,
    MSG_NEWER,
    MSG_NOT_FRESH,
    MSG_UNPACK,
    STEP_CONFLICTS,
    STEP_INDEX,
    STEP_ROWS,
    STEP_VERSIONS,
    SnapshotError,
)
from fieldcrm.sync.versions import mark_merged, own_rows_since_merge_sql, winner_sql

FORMAT = 2
SCHEMA = "snapshot"  # the name the image is attached under
_CHUNK = 1 << 20
_TEMP_GLOB = ".snapshot-*.db*"
# Tables and indexes declared in the image exactly as in the workspace (the search
# index's virtual table makes its shadow tables).
_COPIED = ("change", "sites", "sync_cursor", "sync_deferred", "sync_contested", search.TABLE)
_REQUIRED = ("info", "change", "sites", "sync_cursor", "sync_deferred", "sync_contested", "recheck", "rematerialise")
_IMAGE_TABLES = """
CREATE TABLE info (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE rematerialise (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
CREATE TABLE recheck (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
"""
_TOMBSTONE_FIELDS = f"'{TOMBSTONE}', '{SEEN}'"

T = TypeVar("T")


# -- writing -------------------------------------------------------------------------------------------


def write(
    db: sqlite_utils.Database, path: Path, read_with: Callable[[], T], *, purge_deleted_before: int | None = None
) -> T:
    """Write the image of ``db``'s synced state into the new file ``path``; returns what ``read_with`` read.

    All of it is read in one read transaction, ``read_with`` included (the
    snapshot's covers), so the image and what is said about it agree.
    """
    tables = [name for name in SYNCED_TABLES if db[name].exists()]
    _declare(db, path, tables)
    indexes = _indexes_of(db, "main", tables)
    with attached(db, path):
        db.execute(f"PRAGMA {SCHEMA}.journal_mode = OFF")  # a scratch file: a failed write throws it away
        db.execute(f"PRAGMA {SCHEMA}.synchronous = OFF")
        db.execute("BEGIN")
        try:
            result = read_with()
            _fill(db, tables, purge_deleted_before)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    _run_in(path, [sql for _, sql in indexes if sql is not None])
    return result


def _indexes_of(db: sqlite_utils.Database, schema: str, tables: list[str]) -> list[tuple[str, str | None]]:
    """(name, SQL) of the indexes on ``tables`` in ``schema``; an automatic index has no SQL."""
    marks = ", ".join("?" for _ in tables)
    return db.execute(
        f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'index' AND tbl_name IN ({marks}) ORDER BY name",
        tables,
    ).fetchall()


def _run_in(path: Path, statements: list[str]) -> None:
    """Run ``statements`` in a connection of the image's own, so the workspace's SQL runs verbatim."""
    image = sqlite3.connect(path, isolation_level=None)
    try:
        image.execute("PRAGMA journal_mode = OFF")
        image.executescript(";\n".join(statements))
    finally:
        image.close()


def _declare(db: sqlite_utils.Database, path: Path, tables: list[str]) -> None:
    """Create the image's tables in a connection of its own, so the workspace's SQL runs verbatim."""
    names = [*_COPIED, *tables]
    marks = ", ".join("?" for _ in names)
    declared = db.execute(
        f"SELECT sql FROM sqlite_master WHERE name IN ({marks}) AND sql IS NOT NULL ORDER BY type DESC, name", names
    ).fetchall()
    _run_in(path, [_IMAGE_TABLES, *(sql for (sql,) in declared)])


def _fill(db: sqlite_utils.Database, tables: list[str], purge_deleted_before: int | None) -> None:
    s = SCHEMA
    # An index still being rebuilt after an upgrade holds haystacks of two rule sets:
    # it travels unlabelled, so every reader computes the haystacks afresh.
    rules = None if derived.pending(db) else search.rules_digest()
    db.execute(
        f"""INSERT INTO {s}.info (key, value) VALUES ('format', ?), ('site', {LOCAL_SITE}), ('hlc', ?),
            ('search_rules', ?), ('sqlite', ?)""",
        [FORMAT, clock.current(db), rules, sqlite3.sqlite_version],
    )
    if purge_deleted_before is None:
        db.execute(f"INSERT INTO {s}.change SELECT * FROM main.change")  # a page copy: see the module docstring
    else:
        _purge(db, purge_deleted_before)
    db.execute(f"INSERT INTO {s}.info (key, value) SELECT 'versions', count(*) FROM {s}.change")
    db.execute(
        f"INSERT INTO {s}.sites (site_id, user_name, role, territory) "
        "SELECT site_id, user_name, role, territory FROM main.sites"
    )
    db.execute(f"INSERT INTO {s}.sync_cursor (site, hlc) SELECT site, hlc FROM main.sync_cursor")
    db.execute(
        f"""INSERT INTO {s}.sync_cursor (site, hlc) SELECT {LOCAL_SITE}, max(hlc) FROM main.own_version
        HAVING max(hlc) IS NOT NULL
        ON CONFLICT (site) DO UPDATE SET hlc = max(hlc, excluded.hlc)"""
    )
    db.execute(
        f"INSERT INTO {s}.sync_deferred (tbl, row_id, field, hlc, site, role) "
        "SELECT tbl, row_id, field, hlc, site, role FROM main.sync_deferred"
    )
    db.execute(
        f"INSERT INTO {s}.sync_contested (tbl, row_id, field) SELECT tbl, row_id, field FROM main.sync_contested"
    )
    # Of the rows written here since the last merge, only the deleted ones can hold a
    # delete racing an edit: a reader examining every such row probed each one's
    # tombstone in a log it had not read yet (1.9 s of the demo's bootstrap).
    db.execute(
        f"""INSERT INTO {s}.recheck (tbl, row_id) SELECT r.tbl, r.row_id FROM ({own_rows_since_merge_sql()}) AS r
        WHERE {winner_sql("r.tbl", f"'{TOMBSTONE}'", "r.row_id", f"{s}.change")} = 1"""
    )
    for name in tables:
        columns = ", ".join(f'"{c}"' for c in _column_names(db, "main", name))
        db.execute(
            f"""INSERT INTO {s}."{name}" (rowid, {columns}) SELECT rowid, {columns} FROM main."{name}" AS t
            WHERE NOT EXISTS (SELECT 1 FROM {s}.rematerialise AS r WHERE r.tbl = ? AND r.row_id = t.id)""",
            [name],
        )
    if "customers" in tables and purge_deleted_before is None and rules is not None:
        for table in search.SHADOW_TABLES:
            db.execute(f'DELETE FROM {s}."{table}"')  # the empty index's own records
            db.execute(f'INSERT INTO {s}."{table}" SELECT * FROM main."{table}"')


def _purge(db: sqlite_utils.Database, before: int) -> None:
    """Copy the versions, leaving out all but the tombstone of rows deleted before ``before``."""
    s = SCHEMA
    tombstone = f"'{TOMBSTONE}'"
    db.execute(
        f"""INSERT INTO {s}.rematerialise (tbl, row_id)
        SELECT d.tbl, d.row_id FROM (SELECT DISTINCT tbl, row_id FROM main.change WHERE field = {tombstone}) AS d
        WHERE {winner_sql("d.tbl", tombstone, "d.row_id")} = 1
          AND (SELECT max(hlc) FROM main.change AS w
               WHERE w.tbl = d.tbl AND w.row_id = d.row_id AND w.field = {tombstone}) < ?
          AND NOT EXISTS (SELECT 1 FROM main.sync_contested AS k WHERE k.tbl = d.tbl AND k.row_id = d.row_id)""",
        [before],
    )
    db.execute(
        f"""INSERT INTO {s}.change SELECT * FROM main.change AS c
        WHERE c.field IN ({_TOMBSTONE_FIELDS})
           OR NOT EXISTS (SELECT 1 FROM {s}.rematerialise AS r WHERE r.tbl = c.tbl AND r.row_id = c.row_id)"""
    )


# -- files ---------------------------------------------------------------------------------------------


@contextmanager
def temporary(folder: Path) -> Iterator[Path]:
    """A fresh name for an image in ``folder`` (the workspace's), removed afterwards.

    Images a killed run left behind are removed first; the caller holds the
    workspace's sync lock, so no other run is using one.
    """
    for leftover in folder.glob(_TEMP_GLOB):
        leftover.unlink(missing_ok=True)
    path = folder / f".snapshot-{secrets.token_hex(6)}.db"
    try:
        yield path
    finally:
        for leftover in folder.glob(path.name + "*"):
            leftover.unlink(missing_ok=True)


def chunks(path: Path) -> Iterator[bytes]:
    """The image file's bytes, for the share layer to compress and sign."""
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def unpack(body: Readable, path: Path, between: Callable[[], None] = lambda: None) -> None:
    """Write a verified snapshot's body into the local file ``path`` (a new file), straight to the disk.

    ``between`` runs before each block is read (the engine's Cancel check).
    """
    try:
        write_new_file(path, body, between)
    except OSError as error:
        raise SnapshotError(MSG_UNPACK, folder=path.parent, reason=error.strerror or str(error)) from None


@contextmanager
def attached(db: sqlite_utils.Database, path: Path) -> Iterator[None]:
    """The image at ``path`` attached to ``db`` as ``SCHEMA`` (outside any transaction)."""
    try:
        db.execute(f"ATTACH DATABASE ? AS {SCHEMA}", [str(path)])
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        raise SnapshotError(MSG_DAMAGED, reason=str(error)) from None
    try:
        yield
    finally:
        db.execute(f"DETACH DATABASE {SCHEMA}")


# -- loading -------------------------------------------------------------------------------------------


Step = Callable[[str], None]
LOAD_STEPS = 4  # how many times ``load`` reports a step


def load(db: sqlite_utils.Database, step: Step = lambda _: None) -> Outcome:
    """Fill a fresh workspace (owner set, no changes yet) from the attached image, in one transaction.

    The image comes from a supervisor's signed snapshot, whose versions were
    checked by the role rules when they first arrived, so they are stored as
    they are. A damaged image raises ``SnapshotError`` with nothing written.
    ``step`` hears each part (a marked template) as it begins.
    """
    try:
        return _load(db, step)
    except sqlite3.OperationalError:
        raise  # locked, disk full: the workspace's problem, not the snapshot's
    except sqlite3.DatabaseError as error:
        raise SnapshotError(MSG_DAMAGED, reason=str(error)) from None


def _load(db: sqlite_utils.Database, step: Step) -> Outcome:
    if db.execute("SELECT 1 FROM main.change LIMIT 1").fetchone():
        raise SnapshotError(MSG_NOT_FRESH)
    info = image_info(db)
    scope = scopes.of_workspace(db)
    live = [t for t in SYNCED_TABLES.values() if db[t.name].exists()]
    carried = [t for t in live if _same_columns(db, t.name)]
    with materialise.roomy_cache(db), write_transaction(db), materialise.applying(db):
        step(STEP_VERSIONS)
        _store_versions(db, info)
        indexer = _index_customers(info, scope.everything and any(t.name == "customers" for t in carried))
        step(STEP_ROWS)
        with derived.bulk_load(db, indexer):
            for table in carried:
                _copy_rows(db, table, scope)
            _materialise_rest(db, [t for t in live if t not in carried])
            step(STEP_INDEX)  # the block's end builds the index
        step(STEP_CONFLICTS)
        examine_conflicts(db, SCHEMA)
        mark_merged(db)
    return held_rows(db)


def held_rows(db: sqlite_utils.Database) -> Outcome:
    """Every row a load put in, as changed (what a sync reports and the views refresh)."""
    live = [t.name for t in SYNCED_TABLES.values() if db[t.name].exists()]
    held = {name: {r[0] for r in db.execute(f'SELECT id FROM "{name}"')} for name in live}
    return Outcome(changed={name: ids for name, ids in held.items() if ids})


def image_info(db: sqlite_utils.Database) -> dict[str, str]:
    """The image's info, once it is known to be an image this app reads."""
    tables = {r[0] for r in db.execute(f"SELECT name FROM {SCHEMA}.sqlite_master WHERE type = 'table'")}
    if missing := [t for t in _REQUIRED if t not in tables]:
        raise SnapshotError(MSG_DAMAGED, reason="missing " + ", ".join(missing))
    info = {str(k): str(v) for k, v in db.execute(f"SELECT key, value FROM {SCHEMA}.info")}
    if not info.get("format", "").isdigit() or not info.get("hlc", "").isdigit():
        raise SnapshotError(MSG_DAMAGED, reason="no format or clock")
    if int(info["format"]) > FORMAT:
        raise SnapshotError(MSG_NEWER, found=int(info["format"]), supported=FORMAT)
    return info


def _store_versions(db: sqlite_utils.Database, info: dict[str, str]) -> None:
    """Versions, sites, cursors and deferred checks, and the clock moved past all of them."""
    s = SCHEMA
    declared = "SELECT sql FROM {}.sqlite_master WHERE name = 'change'"
    # SQLite copies pages only into a table without triggers: own_version's is set aside, and the
    # laptop's own versions listed after (``own_versions_and_clock``).
    with triggers_set_aside(db, [OWN_VERSION_TRIGGER]):
        if db.execute(declared.format(s)).fetchall() == db.execute(declared.format("main")).fetchall():
            db.execute(f"INSERT INTO main.change SELECT * FROM {s}.change")
        else:  # declared otherwise: copied by name, row by row
            db.execute(f"INSERT INTO main.change ({wire.COLUMNS}) SELECT {wire.COLUMNS} FROM {s}.change")
    db.execute(  # this laptop's own entry stays its own
        f"""INSERT OR REPLACE INTO main.sites (site_id, user_name, role, territory)
        SELECT site_id, user_name, role, territory FROM {s}.sites WHERE site_id IS NOT {LOCAL_SITE}"""
    )
    merge_streams(db, s)
    own_versions_and_clock(db, info, s)


def merge_streams(db: sqlite_utils.Database, source: str) -> None:
    """Join ``source``'s cursors (where reading each site resumes) and deferred role checks to the workspace's."""
    db.execute(
        f"""INSERT INTO main.sync_cursor (site, hlc) SELECT site, hlc FROM {source}.sync_cursor WHERE true
        ON CONFLICT (site) DO UPDATE SET hlc = max(hlc, excluded.hlc)"""
    )
    db.execute(
        f"INSERT OR IGNORE INTO main.sync_deferred (tbl, row_id, field, hlc, site, role) "
        f"SELECT tbl, row_id, field, hlc, site, role FROM {source}.sync_deferred"
    )


def own_versions_and_clock(db: sqlite_utils.Database, info: dict[str, str], image: str) -> None:
    """List this laptop's versions among the stored ones as its own, and move its clock past them all.

    The image holds some if its writer read files of this site; its cursors
    in schema ``image`` say so. The writer's clock had passed every version
    it held.
    """
    if db.execute(f"SELECT 1 FROM {image}.sync_cursor WHERE site = {LOCAL_SITE}").fetchone():
        db.execute(
            f"INSERT INTO main.own_version (hlc, tbl, row_id, field) "
            f"SELECT hlc, tbl, row_id, field FROM main.change WHERE site = {LOCAL_SITE}"
        )
    newest = db.execute(f"SELECT max(hlc) FROM {image}.sync_cursor").fetchone()[0] or 0
    clock.observe(db, max(int(info["hlc"]), int(newest)))


def _column_names(db: sqlite_utils.Database, schema: str, table: str) -> list[str]:
    return [r[1] for r in db.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _same_columns(db: sqlite_utils.Database, table: str) -> bool:
    """Whether the image carries ``table``'s live rows with exactly this app's columns (name, type, default)."""
    shape = 'SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?, ?) ORDER BY name'
    ours = db.execute(shape, [table, "main"]).fetchall()
    return bool(ours) and db.execute(shape, [table, SCHEMA]).fetchall() == ours


def _copy_rows(db: sqlite_utils.Database, table: SyncedTable, scope: scopes.Scope) -> None:
    """The writer's live rows this laptop keeps, under the writer's rowids."""
    name = table.name
    if scope.everything and _copied_whole(db, name):
        return
    columns = ", ".join(f'"{c}"' for c in _column_names(db, "main", name))
    condition, params = scope.keeps(table)
    db.execute(
        f'INSERT INTO main."{name}" (rowid, {columns}) SELECT t.rowid, {columns} FROM {SCHEMA}."{name}" AS t '
        f"WHERE {condition}",
        params,
    )


def _copied_whole(db: sqlite_utils.Database, name: str) -> bool:
    """Copy all of the image's ``name`` with its index entries, if its columns are declared as here; whether it did.

    Into an empty table without triggers, with the same columns in the same
    order and indexes the image has too, ``INSERT … SELECT *`` is SQLite's
    transfer optimisation: records and index entries are appended in order,
    rowids kept. Building the 19 indexes of 100,000 cards instead took 5–7 s
    of a bootstrap. An index the image lacks (it was written by an app
    before that index) is dropped for the copy and built after it, so a
    snapshot from before an upgrade still loads this way. Capture triggers
    are set aside for the copy (a load is never captured); a table with any
    other trigger is copied by column. Should SQLite insert row by row after
    all, rowids would be renumbered: the check after the copy notices and
    undoes it, and the caller copies by column.
    """
    shape = 'SELECT cid, name, type, "notnull", dflt_value, pk FROM pragma_table_info(?, ?)'
    if db.execute(f'SELECT 1 FROM main."{name}" LIMIT 1').fetchone():
        return False
    if db.execute(shape, [name, "main"]).fetchall() != db.execute(shape, [name, SCHEMA]).fetchall():
        return False
    carried = set(_indexes_of(db, SCHEMA, [name]))
    built_after = [(index, sql) for index, sql in _indexes_of(db, "main", [name]) if (index, sql) not in carried]
    if any(sql is None for _, sql in built_after):
        return False  # a constraint's automatic index the image's table lacks
    listed = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [name])
    triggers = [r[0] for r in listed]
    if not all(trigger.startswith(CAPTURE_PREFIX) for trigger in triggers):
        return False  # a trigger that keeps derived data must see every row
    extent = 'SELECT count(*), max(rowid) FROM {}."{}"'
    with triggers_set_aside(db, triggers):
        for index, _ in built_after:
            db.execute(f'DROP INDEX main."{index}"')
        db.execute(f'INSERT INTO main."{name}" SELECT * FROM {SCHEMA}."{name}"')
        whole = db.execute(extent.format("main", name)).fetchone() == db.execute(extent.format(SCHEMA, name)).fetchone()
        if not whole:
            db.execute(f'DELETE FROM main."{name}"')
        for _, sql in built_after:
            db.execute(sql)
    return whole


def _materialise_rest(db: sqlite_utils.Database, uncarried: list[SyncedTable]) -> None:
    """Rows the image does not carry live (purged rows, tables declared otherwise): from their versions."""
    touched.start(db)
    touched.touch_everything(db, [t.name for t in uncarried])
    db.execute(
        f"""INSERT OR IGNORE INTO sync_touched (tbl, row_id, field) SELECT c.tbl, c.row_id, c.field
        FROM {SCHEMA}.rematerialise AS r CROSS JOIN main.change AS c ON c.tbl = r.tbl AND c.row_id = r.row_id"""
    )
    db.execute(f"INSERT OR IGNORE INTO sync_touched_rows (tbl, row_id) SELECT tbl, row_id FROM {SCHEMA}.rematerialise")
    materialise.materialise(db)


def examine_conflicts(db: sqlite_utils.Database, s: str) -> None:
    """Examine, as any merge does, the fields and rows the writer listed as possibly in conflict (in schema ``s``).

    Its list covers every field with two leaves or more (a field gains one
    only when versions arrive, and every merge examines what it touched) and
    every row whose delete may race an edit, except rows it wrote to itself
    since its last merge, which it sends apart (``recheck``: the deleted
    ones, as the others cannot hold such a race). Scanning all versions for
    them instead took 4.4 s of a 100,000-card bootstrap.
    """
    touched.start(db)
    db.execute(
        f"INSERT OR IGNORE INTO sync_touched (tbl, row_id, field) SELECT tbl, row_id, field FROM {s}.sync_contested "
        f"WHERE field NOT GLOB '{PSEUDO_PREFIX}*'"
    )
    db.execute(
        f"""INSERT OR IGNORE INTO sync_touched_rows (tbl, row_id)
        SELECT tbl, row_id FROM {s}.sync_contested WHERE field = ? UNION SELECT tbl, row_id FROM {s}.recheck""",
        [contested.ROW],
    )
    contested.refresh(db)


def _index_customers(info: dict[str, str], keeps_every_card: bool) -> derived.IndexCustomers:
    """How to fill the search index: adopt the image's, take its haystacks, or compute them.

    The haystacks depend only on a card's values and the search rules, so
    the image's are right here when the rules are the same; its whole index
    is right when, moreover, this laptop holds exactly the writer's cards
    under the same rowids and the same SQLite built it.
    """

    def index(db: sqlite_utils.Database) -> None:
        rules_match = info.get("search_rules") == search.rules_digest() and search.same_index_tables(db, SCHEMA)
        all_carried = not db.execute(f"SELECT 1 FROM {SCHEMA}.rematerialise WHERE tbl = 'customers' LIMIT 1").fetchone()
        if rules_match and keeps_every_card and all_carried and info.get("sqlite") == sqlite3.sqlite_version:
            search.adopt(db, SCHEMA)
        elif rules_match:
            search.rebuild_from(
                db,
                f"SELECT t.id AS id, h.c0 AS text FROM {SCHEMA}.customers AS t "
                f"JOIN {SCHEMA}.customer_search_content AS h ON h.id = t.rowid",
            )
        else:
            search.rebuild(db)

    return index
