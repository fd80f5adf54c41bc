"""Step 7 upgrades a workspace of step 6: inspections can name a visit, and photos already referenced are queued."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fieldcrm.domain.classifications import Role
from fieldcrm.storage import migrations
from fieldcrm.storage.schema_inspections import add_visit_inspections
from fieldcrm.sync import photos
from fieldcrm.workspace import open_workspace
from tests.storage.older_schema import database_before
from tests.assets.helpers import JPEG, PNG

MINE, THEIRS = hashlib.sha256(PNG).hexdigest(), hashlib.sha256(JPEG).hexdigest()


def test_upgrading_step_six_adds_the_visit_link_and_queues_existing_photos(tmp_path: Path) -> None:
    step = migrations.MIGRATIONS.index(add_visit_inspections)
    assert step + 1 == 7
    folder = tmp_path / "old"
    db = database_before(add_visit_inspections, folder)
    assert "visit_id" not in {c.name for c in db["asset_events"].columns}
    db.execute("UPDATE capture_mode SET applying = 1")  # rows as an older version stored them, not recaptured
    for event_id, site, shas in (("E1", "mysite", [MINE]), ("E2", "other", [THEIRS, MINE]), ("E3", "other", None)):
        db.execute(
            "INSERT INTO asset_events (id, asset_id, kind, on_date, hlc, site, to_location, photos) "
            "VALUES (?, 'A1', 'inspect', '2024-05-01', 1, ?, 'customer:SHOP', ?)",
            [event_id, site, None if shas is None else str(shas).replace("'", '"')],
        )
    db.execute("UPDATE capture_mode SET applying = 0")
    db.close()

    ws = open_workspace(folder)  # migrates, keeps a backup, captures the new column
    assert migrations.schema_version(ws.db) == migrations.LATEST
    assert list((folder / "backups").glob(f"fieldcrm-v{step}-*.db"))
    assert "visit_id" in {c.name for c in ws.db["asset_events"].columns}
    queued = set(ws.db.execute("SELECT sha256, event_id, direction, customer_id FROM photo_transfers"))
    assert queued == {(MINE, "E1", "send", "SHOP"), (THEIRS, "E2", "fetch", "SHOP"), (MINE, "E2", "fetch", "SHOP")}
    assert photos.owed(ws.db, photos.SEND) == [MINE]
    assert photos.owed(ws.db, photos.FETCH) == sorted([MINE, THEIRS])  # a supervisor fetches every shop's
    ws.close()


def test_the_queue_follows_writes_whichever_path_makes_them(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "ws", create=True)
    ws.initialise("李雷", Role.REP, "西湖区")
    db = ws.db

    def queued() -> set[tuple[str, str, str, str | None]]:
        return set(db.execute("SELECT sha256, event_id, direction, customer_id FROM photo_transfers"))

    with db.conn:
        db.execute(
            "INSERT INTO asset_events (id, asset_id, kind, photos, to_location) "
            "VALUES ('MINE', 'A1', 'inspect', ?, 'customer:S1')", [f'["{MINE}", "not-a-hash", 7]'],
        )
    assert queued() == {(MINE, "MINE", "send", "S1")}  # written here: to send; junk names never queued
    with db.conn:
        db.execute("UPDATE capture_mode SET applying = 1")
        db.execute(
            "INSERT INTO asset_events (id, asset_id, kind, photos, to_location) "
            "VALUES ('RECV', 'A2', 'inspect', ?, 'warehouse:总仓')", [f'["{THEIRS}"]'],
        )
        db.execute("UPDATE asset_events SET to_location = 'customer:S2' WHERE id = 'RECV'")
        db.execute("UPDATE capture_mode SET applying = 0")
    assert (THEIRS, "RECV", "fetch", "S2") in queued()  # received: to fetch, at the shop it names now
    with db.conn:
        db.execute("UPDATE capture_mode SET applying = 1")
        db.execute("UPDATE asset_events SET photos = '[]' WHERE id = 'RECV'")
        db.execute("UPDATE capture_mode SET applying = 0")
    assert queued() == {(MINE, "MINE", "send", "S1")}  # a photo no longer referenced is no longer owed
    ws.close()
