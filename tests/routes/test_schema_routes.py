"""The territory and route schema step upgrades a workspace of the previous version, keeping its data."""

from __future__ import annotations

from pathlib import Path

from fieldcrm.domain.routes import RouteService
from fieldcrm.storage import migrations
from fieldcrm.storage.database import DB_NAME, connect
from fieldcrm.storage.schema_routes import add_territories_routes
from fieldcrm.workspace import open_workspace


def test_upgrade_from_the_previous_version_keeps_cards_and_enables_routes(tmp_path: Path) -> None:
    step = migrations.MIGRATIONS.index(add_territories_routes)
    folder = tmp_path / "ws"
    folder.mkdir()
    db = connect(folder / DB_NAME)
    migrations.migrate(db, folder / DB_NAME, steps=migrations.MIGRATIONS[:step])
    assert migrations.schema_version(db) == step and "routes" not in db.table_names()
    db.execute(
        "INSERT INTO identity (id, site_id, site_tag, user_name, role, territory, created_at) "
        "VALUES (1, 'site-a', '7K2Q', '李雷', 'rep', '西湖区', '2024-01-01T00:00:00')"
    )
    db.execute(
        "INSERT INTO customers (id, code, name, territory, route, latitude, longitude) "
        "VALUES ('c1', 'C-7K2Q01', '老店', '西湖区', '老线', 30.27, 120.13)"
    )
    db.close()

    ws = open_workspace(folder)
    assert migrations.schema_version(ws.db) == migrations.LATEST
    assert list((folder / "backups").glob(f"fieldcrm-v{step}-*.db"))
    row = ws.db.execute("SELECT name, territory, route, zone_id FROM customers WHERE id = 'c1'").fetchone()
    assert row == ("老店", "西湖区", "老线", None)
    routes = RouteService(ws)
    route = routes.create("老线", depot="30.28,120.12")
    routes.assign(route.id, ["C-7K2Q01"])
    assert [s.code for s in routes.view("老线").stops] == ["C-7K2Q01"]
    captured = ws.db.execute("SELECT count(*) FROM change WHERE tbl IN ('routes', 'route_stops')").fetchone()[0]
    assert captured >= 10
    ws.close()
