"""A new supervisor's laptop becomes its snapshot's image: exactly a new workspace, or nothing changed.

``test_snapshot.py`` checks that an adopted image holds what a load or a full
replay would; these check the workspace it becomes, and when and how it
declines.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.storage.database import DB_NAME
from fieldcrm.sync import snapshot_adopt, snapshot_image
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import Replica
from tests.sync.test_snapshot import adopt, busy_history, try_adopt

DECLARED = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"


def image_of(source: Replica, tmp_path: Path, *statements: str) -> Path:
    image = tmp_path / "image.db"
    image.unlink(missing_ok=True)
    snapshot_image.write(source.db, image, lambda: None)
    with sqlite3.connect(image) as other:
        for statement in statements:
            other.execute(statement)
    other.close()
    return image


def untouched(fresh: Replica, declared: list[Any]) -> None:
    """Still the new, empty workspace it was, in WAL mode, and still writable."""
    assert fresh.db.execute(DECLARED).fetchall() == declared
    assert fresh.db.execute("SELECT count(*) FROM change").fetchone()[0] == 0
    assert fresh.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not fresh.db.conn.in_transaction


def test_the_adopted_image_is_declared_as_a_new_workspace_and_works_as_one(
    laptop: MakeReplica, tmp_path: Path
) -> None:
    boss, _, _ = busy_history(laptop)
    fresh, control = laptop("新机"), laptop("对照")
    version = fresh.db.execute("PRAGMA user_version").fetchone()[0]
    adopt(fresh, boss, tmp_path)
    assert fresh.db.execute(DECLARED).fetchall() == control.db.execute(DECLARED).fetchall()
    assert fresh.db.execute("PRAGMA user_version").fetchone()[0] == version
    assert fresh.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert fresh.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert fresh.ws.require_identity().user_name == "新机"
    assert sorted(p.name for p in fresh.ws.folder.iterdir() if p.name.startswith(DB_NAME)) == [
        DB_NAME, f"{DB_NAME}-shm", f"{DB_NAME}-wal"
    ]
    card = fresh.live("customers")[0][0]
    fresh.customers.update(card, {"city": "绍兴"})
    assert [(r["row"], r["value"]) for r in fresh.outgoing() if r["field"] == "city"] == [(card, "绍兴")]
    boss.receive(fresh)
    assert boss.customers.get(card)["city"] == "绍兴"


def test_a_rep_or_an_image_declared_otherwise_is_left_to_the_load(laptop: MakeReplica, tmp_path: Path) -> None:
    boss, _, _ = busy_history(laptop)
    rep = laptop("新人", Role.REP, "西湖区")
    declared = rep.db.execute(DECLARED).fetchall()
    assert try_adopt(rep, image_of(boss, tmp_path)) is None  # the other territories must not even sit in free pages
    untouched(rep, declared)
    fresh = laptop("新机")
    declared = fresh.db.execute(DECLARED).fetchall()
    for change in (
        "ALTER TABLE visits ADD COLUMN weather TEXT",  # another app version's table
        "UPDATE info SET value = 'older rules' WHERE key = 'search_rules'",
        "INSERT INTO rematerialise VALUES ('customers', 'x')",  # purged rows to rebuild
        "DROP TABLE customer_search",  # an image from before it carried the search table
    ):
        assert try_adopt(fresh, image_of(boss, tmp_path, change)) is None, change
        untouched(fresh, declared)


def test_another_connection_to_the_workspace_means_load_instead(laptop: MakeReplica, tmp_path: Path) -> None:
    """The app's window holds one: its pages would be reading a file that is gone."""
    boss, _, _ = busy_history(laptop)
    fresh = laptop("新机")
    declared = fresh.db.execute(DECLARED).fetchall()
    other = sqlite3.connect(fresh.ws.db_path)
    try:
        other.execute("SELECT count(*) FROM customers").fetchone()
        assert try_adopt(fresh, image_of(boss, tmp_path)) is None
        untouched(fresh, declared)
    finally:
        other.close()


@pytest.mark.parametrize("where", ["_merge_own_rows", "_durable"])
def test_a_failure_or_cancel_while_adopting_changes_nothing(
    laptop: MakeReplica, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    boss, _, _ = busy_history(laptop)
    fresh = laptop("新机")
    declared = fresh.db.execute(DECLARED).fetchall()

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(snapshot_adopt, where, full)
        with pytest.raises(OSError, match="No space"):
            try_adopt(fresh, image_of(boss, tmp_path))
    untouched(fresh, declared)

    def cancel(conn: sqlite3.Connection) -> None:  # as the engine's Cancel does: SQLite stops a statement
        conn.set_progress_handler(lambda: 1, 1000)

    with pytest.raises(sqlite3.OperationalError):
        try_adopt(fresh, image_of(boss, tmp_path), cancel)
    untouched(fresh, declared)
    adopt(fresh, boss, tmp_path)  # and it can still be done
    assert fresh.live("customers") == boss.live("customers")


def test_where_an_open_file_cannot_be_replaced_it_is_closed_first(
    laptop: MakeReplica, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: replacing a file this process has open fails; the old connection is closed, then it is replaced."""
    boss, _, _ = busy_history(laptop)
    fresh = laptop("新机")
    replace = os.replace
    refused: list[str] = []

    def like_windows(source: Path, target: Path) -> None:
        if not refused:
            refused.append(str(target))
            raise PermissionError(13, "The process cannot access the file")
        replace(source, target)

    monkeypatch.setattr(snapshot_adopt.os, "replace", like_windows)
    adopt(fresh, boss, tmp_path)
    assert refused == [str(fresh.ws.db_path)]
    assert fresh.live("customers") == boss.live("customers")
