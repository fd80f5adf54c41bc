"""Step 10 upgrades a workspace of step 9: the filters that were not sort columns get their indexes."""

from __future__ import annotations

from pathlib import Path

from fieldcrm.storage import customers as store
from fieldcrm.storage import migrations
from fieldcrm.storage.customers import INDEXED, CustomerQuery
from fieldcrm.storage.schema_filter_indexes import FILTER_INDEX_COLUMNS, add_filter_indexes
from fieldcrm.workspace import open_workspace
from tests.storage.older_schema import database_before

CARDS = (
    ("c1", "甲店", "individual", 0), ("c2", "乙店", "company", 0), ("c3", "丙店", "individual", 0),
    ("c4", "丁店", "individual", 1),
)


def test_upgrading_step_nine_indexes_the_remaining_filters(tmp_path: Path) -> None:
    step = migrations.MIGRATIONS.index(add_filter_indexes)
    assert step + 1 == 10
    folder = tmp_path / "old"
    db = database_before(add_filter_indexes, folder)
    for row_id, name, nature, deleted in CARDS:
        db.execute(
            "INSERT INTO customers (id, code, deleted, name, nature) VALUES (?, ?, ?, ?, ?)",
            [row_id, f"C-{row_id}", deleted, name, nature],
        )
    db.close()

    ws = open_workspace(folder)  # migrates, keeping a backup of step 9
    assert migrations.schema_version(ws.db) == migrations.LATEST
    assert list((folder / "backups").glob(f"fieldcrm-v{step}-*.db"))
    for column in FILTER_INDEX_COLUMNS:
        assert column in INDEXED
        indexed = [r[2] for r in ws.db.execute(f"PRAGMA index_info(customers_live_by_{column})")]
        assert indexed == ["deleted", column, "id"]
    query = CustomerQuery(filters={"nature": "individual"}, sort="code")
    assert store.count(ws.db, query) == 2
    assert [r["id"] for r in store.page(ws.db, query, 0, 10)] == ["c1", "c3"]
    plan = " ".join(r[3] for r in ws.db.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM customers WHERE deleted = 0 AND nature = 'company'"
    ))
    assert "customers_live_by_nature" in plan
    ws.close()
