"""A new laptop becomes its snapshot's image: exactly a new workspace, or nothing changed.

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
import sqlite_utils

from fieldcrm.domain.classifications import Role
from fieldcrm.storage.customers import CustomerQuery
from fieldcrm.storage.database import DB_NAME, write_transaction
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


def test_a_rep_keeps_nothing_of_other_territories_but_their_versions(laptop: MakeReplica, tmp_path: Path) -> None:
    """Their cards leave the live tables and the search index, and no trace of them stays in free pages."""
    boss, _, _ = busy_history(laptop)
    with write_transaction(boss.db):  # enough pages of them that the kept rows cannot reuse them all
        boss.db["customers"].insert_all(
            {"id": f"BJ{n:04d}", "name": f"滨江第{n}号店", "territory": "滨江区", "street": "江南大道" * 20}
            for n in range(300)
        )
    rep, control = laptop("新人", Role.REP, "西湖区"), laptop("对照", Role.REP, "西湖区")
    adopt(rep, boss, tmp_path)
    assert rep.db.execute(DECLARED).fetchall() == control.db.execute(DECLARED).fetchall()
    assert rep.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert {r[0] for r in rep.db.execute("SELECT territory FROM customers")} == {"西湖区"}
    others = "SELECT name FROM customers WHERE territory = '滨江区' AND deleted = 0"
    elsewhere = [r[0] for r in boss.db.execute(others)]
    assert elsewhere and all(rep.customers.count(CustomerQuery(search=name)) == 0 for name in elsewhere)
    rep.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    free = free_pages(rep.ws.db_path)
    assert free, "the other territories' rows should have left free pages"
    assert not [name for name in elsewhere for page in free if name.encode() in page]
    live = pages_outside(rep.ws.db_path, rep.db, "change")  # only the versions may hold their names
    assert not [name for name in elsewhere for page in live if name.encode() in page]


def pages_outside(path: Path, db: sqlite_utils.Database, table: str) -> list[bytes]:
    """The content of every page in use by anything but ``table``."""
    data = path.read_bytes()
    size = db.execute("PRAGMA page_size").fetchone()[0]
    numbers = [r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name <> ?", [table])]
    return [data[(n - 1) * size : n * size] for n in numbers]


def free_pages(path: Path) -> list[bytes]:
    """The content of every page on the database file's freelist (trunk pages after their page list)."""
    data = path.read_bytes()
    size = int.from_bytes(data[16:18], "big") or 65536
    page = lambda number: data[(number - 1) * size : number * size]  # noqa: E731
    found, trunk = [], int.from_bytes(data[32:36], "big")
    while trunk:
        content = page(trunk)
        leaves = int.from_bytes(content[4:8], "big")
        found.append(content[8 + 4 * leaves :])
        found += [page(int.from_bytes(content[8 + 4 * n : 12 + 4 * n], "big")) for n in range(leaves)]
        trunk = int.from_bytes(content[:4], "big")
    return found


def test_an_image_declared_otherwise_is_left_to_the_load(laptop: MakeReplica, tmp_path: Path) -> None:
    boss, _, _ = busy_history(laptop)
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


@pytest.mark.parametrize(
    ("where", "role"),
    [("_merge_own_rows", Role.SUPERVISOR), ("_durable", Role.SUPERVISOR), ("_build_index", Role.REP)],
    ids=["adding its rows", "flushing", "a rep's index, on its thread"],
)
def test_a_failure_or_cancel_while_adopting_changes_nothing(
    laptop: MakeReplica, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, role: Role
) -> None:
    boss, _, _ = busy_history(laptop)
    fresh = laptop("新机", role, "西湖区" if role is Role.REP else None)
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
    assert [p.name for p in tmp_path.glob("image.db*")] == ["image.db"]  # the rep's index file went with it
    adopt(fresh, boss, tmp_path)  # and it can still be done
    kept = "SELECT id FROM customers WHERE ? OR territory = '西湖区' ORDER BY id"
    assert fresh.db.execute(kept, [1]).fetchall() == boss.db.execute(kept, [role is Role.SUPERVISOR]).fetchall()


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
