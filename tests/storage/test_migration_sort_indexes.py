"""Step 8 upgrades a workspace of step 7: an index per sortable column, cards and their order kept."""

from __future__ import annotations

from pathlib import Path

from fieldcrm.storage import customers as store
from fieldcrm.storage import migrations
from fieldcrm.storage.customers import SORTABLE, CustomerQuery
from fieldcrm.storage.schema_sort_indexes import SORT_INDEX_COLUMNS, add_sort_indexes
from fieldcrm.workspace import open_workspace
from tests.storage.older_schema import database_before


def test_upgrading_step_seven_indexes_every_sortable_column(tmp_path: Path) -> None:
    step = migrations.MIGRATIONS.index(add_sort_indexes)
    assert step + 1 == 8
    folder = tmp_path / "old"
    db = database_before(add_sort_indexes, folder)
    for row_id, code, route, deleted in (
        ("c1", "C-MYST2", "R02", 0), ("c2", "C-MYST1", None, 0), ("c3", "C-MYST3", "R01", 0), ("c4", "C-MYST0", "R01", 1),
    ):
        db.execute(
            "INSERT INTO customers (id, code, deleted, name, route) VALUES (?, ?, ?, '老店', ?)",
            [row_id, code, deleted, route],
        )
    db.close()

    ws = open_workspace(folder)  # migrates, keeping a backup of step 7
    assert migrations.schema_version(ws.db) == migrations.LATEST
    assert list((folder / "backups").glob(f"fieldcrm-v{step}-*.db"))
    assert set(SORT_INDEX_COLUMNS) == SORTABLE - {"name"}  # name has customers_live_by_name (step 6)
    for column in SORTABLE:
        indexed = [r[2] for r in ws.db.execute(f"PRAGMA index_info(customers_live_by_{column})")]
        assert indexed == ["deleted", column, "id"]
    by_route = store.page(ws.db, CustomerQuery(sort="route"), 0, 10)
    assert [r["id"] for r in by_route] == ["c3", "c1", "c2"]
    by_code = store.page(ws.db, CustomerQuery(sort="code", descending=True), 0, 10)
    assert [r["id"] for r in by_code] == ["c3", "c1", "c2"]
    ws.close()
