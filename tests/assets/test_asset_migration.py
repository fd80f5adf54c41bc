"""The asset step upgrades a workspace of the previous schema version, keeping its data."""

from __future__ import annotations

from pathlib import Path

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.storage import migrations
from fieldcrm.storage.database import connect
from fieldcrm.storage.schema_assets import add_assets
from fieldcrm.workspace import open_workspace
from tests.assets.helpers import service

TABLES = {"assets", "asset_events", "asset_checks", "asset_forks", "asset_search"}


def test_upgrading_the_previous_version_keeps_its_data_and_adds_assets(tmp_path: Path) -> None:
    step = migrations.MIGRATIONS.index(add_assets)
    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / "fieldcrm.db"
    db = connect(path)
    migrations.migrate(db, path, steps=migrations.MIGRATIONS[:step])
    assert not TABLES & set(db.table_names())
    db.execute("INSERT INTO customers (id, code, name, territory) VALUES ('01OLDSHOP', 'C-OLD001', '老店', '西湖区')")
    db.close()

    ws = open_workspace(folder)  # migrates, keeps a backup, installs capture triggers for the new tables
    assert migrations.schema_version(ws.db) == migrations.LATEST
    assert TABLES <= set(ws.db.table_names())
    assert list((folder / "backups").glob(f"fieldcrm-v{step}-*.db"))
    ws.initialise("韩梅梅", Role.SUPERVISOR)
    assert CustomerService(ws).get("C-OLD001")["name"] == "老店"
    assets = service(ws)
    assets.add({"tag": "BG-9", "type": "freezer"})
    assert assets.deploy("BG-9", "C-OLD001")["to"]["name"] == "老店"
    assert ws.db.execute("SELECT count(*) FROM change WHERE tbl = 'assets'").fetchone()[0] > 0
    ws.close()
