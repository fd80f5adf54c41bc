"""Step 9 upgrades a workspace of step 8: own versions listed apart, the (site, hlc) index gone, nothing lost."""

from __future__ import annotations

from pathlib import Path

from fieldcrm.storage import migrations
from fieldcrm.storage.schema_own_versions import list_own_versions
from fieldcrm.sync import outbox
from fieldcrm.sync.versions import own_rows_since_merge_sql
from fieldcrm.workspace import open_workspace
from tests.storage.older_schema import database_before

_VERSIONS = [  # (row, field, hlc, site, value)
    ("c1", "name", 10, "mysite", "老店"),
    ("c1", "name", 20, "other", "新店"),
    ("c1", "city", 30, "mysite", "杭州"),
    ("c2", "name", 15, "other", "小卖部"),
    ("c2", "phones", 40, "mysite", "0571-1234"),
]


def test_upgrading_step_eight_lists_own_versions_and_keeps_every_version(tmp_path: Path) -> None:
    step = migrations.MIGRATIONS.index(list_own_versions)
    assert step + 1 == 9
    folder = tmp_path / "old"
    db = database_before(list_own_versions, folder)
    for row, field, hlc, site, value in _VERSIONS:
        db.execute(
            "INSERT INTO change (tbl, row_id, field, hlc, site, value) VALUES ('customers', ?, ?, ?, ?, ?)",
            [row, field, hlc, site, value],
        )
    before = db.execute("SELECT * FROM change ORDER BY tbl, row_id, field, hlc, site").fetchall()
    db.close()

    ws = open_workspace(folder)  # migrates, keeping a backup of step 8
    db = ws.db
    assert migrations.schema_version(db) == migrations.LATEST
    assert list((folder / "backups").glob(f"fieldcrm-v{step}-*.db"))
    assert db.execute("SELECT * FROM change ORDER BY tbl, row_id, field, hlc, site").fetchall() == before
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_by_site'").fetchone()
    assert db.execute("SELECT hlc, row_id, field FROM own_version ORDER BY hlc").fetchall() == [
        (10, "c1", "name"), (30, "c1", "city"), (40, "c2", "phones"),
    ]
    published = outbox.collect_outgoing(db, since_hlc=10)
    assert [(r["row"], r["field"], r["value"]) for r in published] == [
        ("c1", "city", "杭州"), ("c2", "phones", "0571-1234"),
    ]
    ws.close()


def test_versions_written_after_the_upgrade_are_listed_only_when_they_are_this_sites(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    database_before(list_own_versions, folder).close()
    ws = open_workspace(folder)
    db = ws.db
    with db.conn:
        db.execute("INSERT INTO customers (id, code, name) VALUES ('c9', 'C-MYST9', '便利店')")  # captured: own
        db.execute(  # as sync stores a received version
            "INSERT INTO change (tbl, row_id, field, hlc, site, value) "
            "VALUES ('customers', 'c8', 'name', 5, 'other', 'x')"
        )
    own = db.execute("SELECT tbl, row_id, field FROM own_version ORDER BY field").fetchall()
    assert own == [("customers", "c9", "code"), ("customers", "c9", "deleted"), ("customers", "c9", "name")]
    assert {tuple(r) for r in db.execute(own_rows_since_merge_sql())} == {("customers", "c9")}
    assert [r["row"] for r in outbox.collect_outgoing(db)] == ["c9", "c9", "c9"]
    ws.close()
