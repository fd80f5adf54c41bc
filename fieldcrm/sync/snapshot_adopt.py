"""A new laptop becomes its snapshot's image, instead of copying it.

Loading an image (``snapshot_image.load``) copies every version, card and
index entry into the workspace: the image's 1.1 GB at 100,000 demo cards
are written twice, once unpacked and once copied, and the copy was most of
a 12–23 s bootstrap. Every laptop keeps every version the image holds (a
rep's too, see ``scope.py``), and a supervisor's every row as well, so here
the image itself is made into the workspace: this laptop's own tables,
rows, triggers and schema version are added to it, the derived tables are
computed in it, and it replaces the workspace's file. The result is the
same as a load (``tests/sync/test_snapshot.py`` compares both).

A rep keeps one territory's rows: its tables with a territory are emptied
whole, the search index too, and the rows it keeps are put back, indexed
from the haystacks the image had for them on a thread of its own
(``_kept_index``). ``secure_delete = FAST`` zeroes what was deleted from
pages SQLite writes anyway, and once the image is closed its free pages are
cleared (``free_pages.py``), so the other territories' cards stay only where
a rep keeps them anyway, in the versions. That took the demo's rep bootstrap
(14,125 of 100,000 cards) from 12–17 s to 4–5 s.

Only where that is exactly right (``_plan``): no other connection to the
workspace; an image whose every table and index is declared exactly as
here, whose search index was built by these rules and this SQLite, with no
purged rows to rebuild; and a workspace whose synced tables are empty.
Anything else is loaded as before.

Crash safety: the workspace is not touched until the finished image, made
durable, is renamed over it. Until then a reader's lock on the workspace
keeps any other program from writing into it (its writes would be lost with
the old file); after the rename, one that still has the old file open gets
SQLite's "database moved" error instead of writing into a file nobody reads.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from fieldcrm.storage import derived, search
from fieldcrm.storage.database import connect, take_rollback_journal
from fieldcrm.storage.derived import IndexCustomers
from fieldcrm.storage.schema_own_versions import OWN_VERSION_TRIGGER
from fieldcrm.sync import free_pages, materialise
from fieldcrm.sync import scope as scopes
from fieldcrm.sync.capture import LOCAL_SITE
from fieldcrm.sync.capture import TRIGGER_PREFIX as CAPTURE_PREFIX
from fieldcrm.sync.materialise import Outcome
from fieldcrm.sync.registry import SYNCED_TABLES
from fieldcrm.sync.snapshot_data import STEP_ADOPT, STEP_CONFLICTS, SnapshotError
from fieldcrm.sync.snapshot_image import (
    SCHEMA,
    Step,
    attached,
    examine_conflicts,
    held_rows,
    image_info,
    merge_streams,
    own_versions_and_clock,
)
from fieldcrm.sync.versions import mark_merged

# The image's own tables, which the workspace does not keep.
_IMAGE_ONLY = ("info", "rematerialise", "recheck", "change_by_site")
# Tables both hold whose rows this laptop may already have: merged as a load merges them.
_MERGED = ("sites", "sync_cursor", "sync_deferred")
# Triggers that keep no derived data, or whose derived data is computed afresh after the rows are in.
_NOT_DERIVING = (f"{CAPTURE_PREFIX}*", OWN_VERSION_TRIGGER, *derived.SET_ASIDE)
_FRESH = "fresh"  # the workspace, attached to the image while it becomes one
_KEPT = "kept_"  # prefix of the temporary tables holding rows to put back
_SIDE = "kept_index"  # the search index of a rep's kept cards, built beside the image
# The image is read through a memory map: a rep's laptop reads 430 MB of other territories'
# pages to free them, and a read call and a copy for each page took 1.4–2.0 s where the map takes 0.9 s.
_MAPPED = 1 << 40  # SQLite caps it at its build's maximum (2 GB by default)

Finish = Callable[[sqlite_utils.Database], None]
Watch = Callable[[sqlite3.Connection], None]  # lets Cancel interrupt a connection's statements
_Object = tuple[str, str]  # (type, name) in sqlite_master


@dataclass(frozen=True)
class Adopted:
    db: sqlite_utils.Database  # the workspace's connection to its new file
    outcome: Outcome
    versions: int


@dataclass(frozen=True)
class _Plan:
    info: dict[str, str]
    added: list[tuple[str, str, str]]  # (type, name, SQL) of the workspace's objects the image lacks
    replayed: list[str]  # tables whose rows must go through their triggers to fill derived tables
    narrowed: list[str]  # tables whose rows outside this laptop's territory go (a rep's laptop)
    scope: scopes.Scope
    user_version: int


def adopt(
    db: sqlite_utils.Database, path: Path, image: Path, step: Step, finish: Finish, watch: Watch
) -> Adopted | None:
    """Make ``image`` the workspace whose database ``db`` is open at ``path``, if that is exactly right.

    Returns the workspace's new connection (``db`` is closed then), or None
    when the image is to be loaded instead, with nothing changed. ``finish``
    writes what belongs in the same transaction (the streams' cursors);
    ``watch`` lets Cancel interrupt the work.
    """
    with attached(db, image):
        try:
            plan = _plan(db)
        except sqlite3.OperationalError:
            raise  # locked, disk full: the workspace's problem
        except (sqlite3.DatabaseError, SnapshotError):
            plan = None  # damaged or too new: the load says so
    if plan is None or not take_rollback_journal(db):
        return None
    closed = False
    try:
        db.execute("BEGIN")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a reader's lock: nobody writes it now
        with ThreadPoolExecutor(1, "flush") as flusher:
            unpacked = flusher.submit(_durable, image)  # to the disk while the rest is computed
            outcome = _become(image, path, plan, step, finish, watch)
            unpacked.result()
        free_pages.clear(image)
        _durable(image)
        try:
            os.replace(image, path)
        except PermissionError:  # Windows replaces no open file, even one this process has open
            db.close()
            closed = True
            os.replace(image, path)
        _durable(path.parent)
    except BaseException:
        if not closed:
            db.execute("ROLLBACK")
            db.execute("PRAGMA main.journal_mode = WAL")
        raise
    db.close()
    return Adopted(connect(path), outcome, int(plan.info.get("versions", 0)))


def _plan(db: sqlite_utils.Database) -> _Plan | None:
    """What making the attached image this workspace takes, or None when it must be loaded instead."""
    info = image_info(db)
    if info.get("search_rules") != search.rules_digest() or info.get("sqlite") != sqlite3.sqlite_version:
        return None
    if db.execute(f"SELECT 1 FROM {SCHEMA}.rematerialise LIMIT 1").fetchone():
        return None
    ours, theirs = _objects(db, "main"), _objects(db, SCHEMA)
    if any(ours.get(key) != sql for key, sql in theirs.items()):
        return None  # declared otherwise: another app version wrote it
    if ("table", search.TABLE) not in theirs:
        return None  # an image from before it carried the search index's table
    shadows = _shadow_tables(theirs)
    for kind, name in theirs:
        if kind == "table" and name not in (*_MERGED, *shadows):
            if db.execute(f'SELECT 1 FROM main."{name}" LIMIT 1').fetchone():
                return None
    added = {key: sql for key, sql in ours.items() if key not in theirs}
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    scope = scopes.of_workspace(db)
    narrowed = [t.name for t in SYNCED_TABLES.values() if ("table", t.name) in theirs and scope.narrows(t)]
    return _Plan(info, _in_order(added), _replayed(db, theirs), narrowed, scope, version)


def _objects(db: sqlite_utils.Database, schema: str) -> dict[_Object, str]:
    """Everything declared in ``schema`` but SQLite's own objects and the image's own tables."""
    rows = db.execute(
        f"SELECT type, name, sql FROM {schema}.sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name NOT IN "
        f"({', '.join('?' for _ in _IMAGE_ONLY)})",
        _IMAGE_ONLY,
    )
    return {(kind, name): sql for kind, name, sql in rows}


def _shadow_tables(objects: dict[_Object, str]) -> set[str]:
    """Tables a virtual table among ``objects`` made for itself (FTS5's ``<name>_data`` and so on)."""
    virtual = [name for (kind, name), sql in objects.items() if kind == "table" and _is_virtual(sql)]
    return {name for kind, name in objects if kind == "table" and any(name.startswith(v + "_") for v in virtual)}


def _is_virtual(sql: str) -> bool:
    return sql.upper().startswith("CREATE VIRTUAL TABLE")


def _in_order(added: dict[_Object, str]) -> list[tuple[str, str, str]]:
    """Virtual tables (they make their shadow tables), other tables, indexes, views, then triggers."""
    rank = {"table": 1, "index": 2, "view": 3, "trigger": 4}
    shadows = _shadow_tables(added)
    kept = [(kind, name, sql) for (kind, name), sql in added.items() if name not in shadows]
    return sorted(kept, key=lambda o: (0 if o[0] == "table" and _is_virtual(o[2]) else rank[o[0]], o[1]))


def _replayed(db: sqlite_utils.Database, theirs: dict[_Object, str]) -> list[str]:
    """Synced tables the image holds whose triggers here keep derived data (assets' checks and moves)."""
    condition = " AND ".join("name NOT GLOB ?" for _ in _NOT_DERIVING)
    return [
        name for name in SYNCED_TABLES
        if ("table", name) in theirs and db.execute(
            f"SELECT 1 FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND {condition}",
            [name, *_NOT_DERIVING],
        ).fetchone()
    ]


def _become(image: Path, path: Path, plan: _Plan, step: Step, finish: Finish, watch: Watch) -> Outcome:
    """Add this workspace's own schema and rows to ``image`` and compute what derives from its rows."""
    img = connect(image, scratch=True)
    try:
        watch(img.conn)
        img.execute("PRAGMA foreign_keys = OFF")  # rows come from a consistent database, tables in any order
        img.execute("PRAGMA secure_delete = FAST")  # see the module docstring
        img.execute(f"PRAGMA mmap_size = {_MAPPED}")  # see _MAPPED
        img.execute(f"ATTACH DATABASE ? AS {_FRESH}", [str(path)])
        step(STEP_ADOPT)
        with _kept_index(img, image, plan, watch) as index:
            img.execute("BEGIN")
            _set_rows_aside(img, plan)
            _add_own_schema(img, plan)
            _merge_own_rows(img, plan.info)
            with materialise.applying(img):
                for name in plan.replayed:
                    _put_rows_back(img, name)
                with derived.bulk_load(img, index):
                    for name in plan.narrowed:
                        if name not in plan.replayed:
                            _put_rows_back(img, name)
                step(STEP_CONFLICTS)
                examine_conflicts(img, "main")
                mark_merged(img)
            finish(img)
            outcome = held_rows(img)
            for name in _IMAGE_ONLY:
                img.execute(f'DROP TABLE IF EXISTS main."{name}"')
            img.execute(f"PRAGMA user_version = {plan.user_version}")
            img.execute("COMMIT")
        img.execute(f"DETACH DATABASE {_FRESH}")
        return outcome
    finally:
        img.close()
        _side_index(image).unlink(missing_ok=True)


@contextmanager
def _kept_index(img: sqlite_utils.Database, image: Path, plan: _Plan, watch: Watch) -> Iterator[IndexCustomers]:
    """How the search index is filled once the rows are back; for a rep, built meanwhile on another thread.

    A rep's kept cards are indexed afresh from the image's haystacks, which
    tokenises each into trigrams again (2 s for the demo's largest
    territory). That runs in a file of its own, on a connection of its own,
    while this one narrows the image; the finished index's tables are then
    copied in (``search.adopt``). The file is attached, and its haystacks
    written, before the image's transaction begins: SQLite attaches nothing
    inside one.
    """
    if "customers" not in plan.narrowed:
        yield lambda _: None  # the image's index covers exactly the cards kept
        return
    img.execute(f"ATTACH DATABASE ? AS {_SIDE}", [str(_side_index(image))])
    img.execute(f"PRAGMA {_SIDE}.journal_mode = OFF")
    img.execute(f"CREATE TABLE {_SIDE}.haystacks (id INTEGER PRIMARY KEY, text)")
    condition, params = plan.scope.keeps(SYNCED_TABLES["customers"])
    img.execute(f"INSERT INTO {_SIDE}.haystacks {search.own_haystacks_sql(condition)}", params)
    builder = connect(_side_index(image), scratch=True)
    try:
        watch(builder.conn)
        with ThreadPoolExecutor(1, "index") as thread:
            built = thread.submit(_build_index, builder)

            def index(db: sqlite_utils.Database) -> None:
                built.result()
                search.adopt(db, _SIDE)

            try:
                yield index
            except BaseException:
                builder.conn.interrupt()  # the image is not kept: neither is its index
                raise
    finally:
        builder.close()


def _side_index(image: Path) -> Path:
    return image.with_name(f"{image.name}-index")


def _build_index(db: sqlite_utils.Database) -> None:
    db.execute(search.TABLE_SQL)
    search.insert_all(db, "SELECT id, text FROM haystacks")


def _set_rows_aside(img: sqlite_utils.Database, plan: _Plan) -> None:
    """Move to temporary tables the rows to put back: all of a replayed table, the kept ones of a narrowed one.

    A narrowed table is emptied whole, which frees its pages at once where
    deleting the rows a rep does not keep would visit each of them; so is
    the search index (``_kept_index`` builds the kept cards' own).
    """
    for name in dict.fromkeys([*plan.replayed, *plan.narrowed]):
        condition, params = plan.scope.keeps(SYNCED_TABLES[name])
        img.execute(
            f'CREATE TEMP TABLE "{_KEPT}{name}" AS SELECT rowid AS "rowid_", * FROM main."{name}" AS t '
            f"WHERE {condition}",
            params,
        )
        img.execute(f'DELETE FROM main."{name}"')
    if "customers" in plan.narrowed:
        search.empty(img)


def _put_rows_back(img: sqlite_utils.Database, name: str) -> None:
    """The rows set aside for ``name``, under their rowids, through whatever triggers are in place."""
    columns = ", ".join(f'"{r[1]}"' for r in img.execute(f'PRAGMA main.table_info("{name}")'))
    img.execute(f'INSERT INTO main."{name}" (rowid, {columns}) SELECT "rowid_", {columns} FROM temp."{_KEPT}{name}"')
    img.execute(f'DROP TABLE temp."{_KEPT}{name}"')


def _add_own_schema(img: sqlite_utils.Database, plan: _Plan) -> None:
    """The workspace's tables the image lacks, with their rows, then the indexes, views and triggers."""
    for kind, name, sql in plan.added:
        img.execute(sql)
        if kind == "table" and not _is_virtual(sql):
            img.execute(f'INSERT INTO main."{name}" SELECT * FROM {_FRESH}."{name}"')


def _merge_own_rows(img: sqlite_utils.Database, info: dict[str, str]) -> None:
    """This laptop's entry, cursors and deferred checks beside the image's, its clock past them, as a load does."""
    own_versions_and_clock(img, info, "main")  # the image's cursors, before this laptop's join them
    img.execute(f"DELETE FROM main.sites WHERE site_id IS {LOCAL_SITE}")  # this laptop's own entry stays its own
    img.execute(f"INSERT OR IGNORE INTO main.sites SELECT * FROM {_FRESH}.sites")
    merge_streams(img, _FRESH)


def _durable(path: Path) -> None:
    """Flush ``path`` (a file, or a folder after a rename) to the disk.

    A folder that cannot be flushed (Windows opens none) is left as it is:
    the rename is done, and were it lost in a crash the workspace would be
    the new, empty one it was, to bootstrap again.
    """
    folder = path.is_dir()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if folder else os.O_RDWR)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        if not folder:
            raise
