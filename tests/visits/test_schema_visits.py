"""The visit-log schema step upgrades a workspace of the previous version, keeping its data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fieldcrm.domain.visits import VisitService
from fieldcrm.storage import migrations
from fieldcrm.storage.database import DB_NAME, connect
from fieldcrm.storage.schema_visits import add_visits_orders_receivables
from fieldcrm.workspace import open_workspace


def test_upgrade_from_the_previous_version_keeps_cards_and_enables_visits(tmp_path: Path) -> None:
    step = migrations.MIGRATIONS.index(add_visits_orders_receivables)
    folder = tmp_path / "ws"
    folder.mkdir()
    db = connect(folder / DB_NAME)
    migrations.migrate(db, folder / DB_NAME, steps=migrations.MIGRATIONS[:step])
    assert migrations.schema_version(db) == step and "visits" not in db.table_names()
    db.execute(
        "INSERT INTO identity (id, site_id, site_tag, user_name, role, territory, created_at) "
        "VALUES (1, 'site-a', '7K2Q', '李雷', 'rep', '西湖区', '2024-01-01T00:00:00')"
    )
    db.execute("INSERT INTO customers (id, code, name, grade) VALUES ('c1', 'C-7K2Q01', '老店', 'key')")
    db.close()

    ws = open_workspace(folder)
    assert migrations.schema_version(ws.db) == migrations.LATEST
    assert list((folder / "backups").glob(f"fieldcrm-v{step}-*.db"))
    assert ws.db.execute("SELECT name, grade FROM customers WHERE id = 'c1'").fetchone() == ("老店", "key")
    visits = VisitService(ws, lambda: datetime(2024, 6, 10, 9, 0))
    visit = visits.log("C-7K2Q01", {"outcome": "升级后第一次拜访"})
    assert visit["code"] == "V-7K2Q01"
    assert ws.db.execute("SELECT last_date FROM last_visits WHERE customer_id = 'c1'").fetchone() == ("2024-06-10",)
    captured = ws.db.execute("SELECT count(*) FROM change WHERE tbl = 'visits'").fetchone()[0]
    assert captured >= 8
    ws.close()
