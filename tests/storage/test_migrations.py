"""The schema chain: every older workspace opens, a newer one is refused before any write."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from fieldcrm import __version__
from fieldcrm.errors import WorkspaceError
from fieldcrm.storage import migrations
from fieldcrm.storage.database import DB_NAME, connect
from fieldcrm.workspace import open_workspace


def test_fresh_database_reaches_the_latest_version(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "ws", create=True)
    assert migrations.schema_version(ws.db) == migrations.LATEST
    assert {"customers", "change", "identity", "hlc_clock", "sites"} <= set(ws.db.table_names())
    ws.close()


def test_each_step_upgrades_the_previous_schema_with_data_kept(tmp_path: Path) -> None:
    """Build every version in turn, with a card written at each, and upgrade to the newest."""
    for start in range(1, migrations.LATEST + 1):
        path = tmp_path / f"v{start}.db"
        db = connect(path)
        migrations.migrate(db, path, steps=migrations.MIGRATIONS[:start])
        db.execute("INSERT INTO customers (id, code, name) VALUES ('c1', 'C-TEST01', '老店')")
        previous = migrations.migrate(db, path)
        assert previous == start
        assert migrations.schema_version(db) == migrations.LATEST
        assert db.execute("SELECT name FROM customers WHERE id = 'c1'").fetchone()[0] == "老店"
        db.close()


def test_upgrade_keeps_a_backup_of_the_old_file(tmp_path: Path) -> None:
    def step_two(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE later_feature (id TEXT PRIMARY KEY)")

    path = tmp_path / DB_NAME
    db = connect(path)
    migrations.migrate(db, path)
    db.execute("INSERT INTO customers (id, code, name) VALUES ('c1', 'C-TEST01', '老店')")
    migrations.migrate(db, path, steps=[*migrations.MIGRATIONS, step_two])
    backups = list((tmp_path / "backups").glob("fieldcrm-v*.db"))
    assert len(backups) == 1
    old = sqlite_utils.Database(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert "later_feature" not in old.table_names()
    assert old.execute("SELECT name FROM customers").fetchone()[0] == "老店"
    db.close()


def test_a_failing_step_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    def broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (id TEXT)")
        raise RuntimeError("boom")

    path = tmp_path / DB_NAME
    db = connect(path)
    migrations.migrate(db, path)
    with pytest.raises(RuntimeError):
        migrations.migrate(db, path, steps=[*migrations.MIGRATIONS, broken])
    assert migrations.schema_version(db) == migrations.LATEST
    assert "half_done" not in db.table_names()
    db.close()


def test_a_newer_workspace_is_refused_naming_both_versions(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "ws", create=True)
    ws.db.execute(f"PRAGMA user_version = {migrations.LATEST + 3}")
    ws.close()
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(tmp_path / "ws")
    message = caught.value.message
    assert f"schema version {migrations.LATEST + 3}" in message
    assert f"up to version {migrations.LATEST}" in message
    assert __version__ in message
