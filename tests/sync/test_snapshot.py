"""Snapshots: a laptop bootstrapped from one equals a laptop that replayed every file."""

from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Callable

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.storage import derived
from fieldcrm.storage.customers import CustomerQuery
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock, direct_write, snapshot_adopt, snapshot_image
from fieldcrm.sync.clock import set_wall_clock
from fieldcrm.sync.conflicts import resolve
from fieldcrm.sync.cursors import needs_bootstrap, received
from fieldcrm.sync.materialise import Outcome
from fieldcrm.sync.registry import SYNCED_TABLES
from fieldcrm.sync.snapshot_data import SnapshotError, bootstrap_from_records
from tests.sync import format1
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import Replica, conflict_view, exchange_all

DERIVED = {
    "customer_search": "SELECT c.id, s.text FROM customers AS c JOIN customer_search AS s ON s.rowid = c.rowid",
    "last_visits": "SELECT * FROM last_visits",
    "asset_search": "SELECT a.id, s.text FROM assets AS a JOIN asset_search AS s ON s.rowid = a.rowid",
    "asset_checks": "SELECT * FROM asset_checks",
    "asset_forks": "SELECT * FROM asset_forks",
}
SEARCHES = ("店", "宁波", "dian", "13912345678", "文一路")
Fill = Callable[[Replica, Replica, Path], Outcome]
WHOLE_COPY = 'INSERT INTO main."customers" SELECT * FROM snapshot."customers"'


def busy_history(laptop: MakeReplica) -> tuple[Replica, Replica, Replica]:
    """Three laptops' worth of edits, with open, resolved and delete conflicts and a future field."""
    boss, a, b = laptop("韩梅梅"), laptop("甲"), laptop("乙", Role.REP, "西湖区")
    cards = [boss.customers.create({"name": f"店{n}", "territory": "西湖区" if n % 2 else "滨江区"}) for n in range(6)]
    exchange_all([boss, a, b])
    a.customers.update(cards[1]["id"], {"city": "宁波"})
    b.customers.update(cards[1]["id"], {"city": "温州"})
    a.customers.update(cards[3]["id"], {"notes": "甲的备注"})
    boss.customers.update(cards[3]["id"], {"notes": "主管的备注"})
    boss.customers.delete(cards[5]["id"])
    b.customers.update(cards[5]["id"], {"street": "文一路"})
    a.customers.delete(cards[0]["id"])
    exchange_all([boss, a, b])
    resolve(boss.db, next(c.id for c in boss.conflicts() if c.field == "notes"), "loser")
    a.customers.update(cards[2]["id"], {"phones": "13912345678"})
    boss.receive(a, [future_field(a)])
    _visits_and_a_freezer(boss, [c["id"] for c in cards])
    exchange_all([boss, a, b])
    return boss, a, b


def future_field(a: Replica) -> dict[str, Any]:
    """A version of a field this app does not know yet, as a newer app on laptop ``a`` would send it."""
    last = a.outgoing()[-1]
    return {**last, "field": "loyalty_points", "value": 7, "hlc": last["hlc"] + 1}


def replay(replica: Replica, boss: Replica, a: Replica, b: Replica) -> Replica:
    """Receive every laptop's whole stream, as a laptop replaying every file on the share would."""
    for sender in (boss, a, b):
        replica.receive(sender)
    replica.receive(a, [future_field(a)])
    return replica


def _visits_and_a_freezer(boss: Replica, cards: list[str]) -> None:
    """Rows for the derived tables other than search: last visits, asset checks and moves."""
    visit = {"territory": "西湖区", "rep": "乙", "deleted": 0}
    with write_transaction(boss.db):
        boss.db["visits"].insert_all([
            {**visit, "id": "V1", "customer_id": cards[1], "visit_date": "2026-09-01", "status": "done"},
            {**visit, "id": "V2", "customer_id": cards[1], "visit_date": "2026-09-20", "status": "done", "deleted": 1},
            {**visit, "id": "V3", "customer_id": cards[3], "planned_date": "2026-10-02", "status": "planned"},
        ])
        boss.db["assets"].insert({"id": "A1", "tag": "FZ-001", "brand": "海尔", "model": "SC-329", "location": cards[1]})
        boss.db["asset_events"].insert_all([
            {"id": "E1", "asset_id": "A1", "kind": "deploy", "on_date": "2026-08-01", "hlc": 1, "to_location": cards[1]},
            {"id": "E2", "asset_id": "A1", "kind": "inspect", "on_date": "2026-09-01", "hlc": 2, "clean": "yes",
             "to_location": cards[1]},
        ])


def bootstrap(fresh: Replica, source: Replica, tmp_path: Path, *, purge_deleted_before: int | None = None) -> Outcome:
    """What the engine does with a format-2 snapshot, without the share: write the image, load it."""
    image = tmp_path / f"image-{fresh.author.site_id}.db"
    snapshot_image.write(source.db, image, lambda: None, purge_deleted_before=purge_deleted_before)
    with snapshot_image.attached(fresh.db, image):
        return snapshot_image.load(fresh.db)


def adopt(fresh: Replica, source: Replica, tmp_path: Path) -> Outcome:
    """The same when ``fresh`` keeps every row: the image becomes its workspace (``snapshot_adopt``)."""
    image = tmp_path / f"image-{fresh.author.site_id}.db"
    snapshot_image.write(source.db, image, lambda: None)
    adopted = try_adopt(fresh, image)
    assert adopted is not None, "the image should be adopted"
    fresh.ws.db = adopted.db
    set_wall_clock(fresh.db, fresh.wall)
    return adopted.outcome


def try_adopt(
    fresh: Replica, image: Path, watch: snapshot_adopt.Watch = lambda _: None
) -> snapshot_adopt.Adopted | None:
    """``snapshot_adopt.adopt`` without progress or streams; None when it leaves the image to the load."""
    return snapshot_adopt.adopt(fresh.db, fresh.ws.db_path, image, lambda _: None, lambda _: None, watch)


def load_altered(fresh: Replica, source: Replica, tmp_path: Path, *statements: str) -> None:
    """Load ``source``'s image into ``fresh`` after ``statements`` changed it, as another app version's would be."""
    image = tmp_path / "altered.db"
    snapshot_image.write(source.db, image, lambda: None)
    with sqlite3.connect(image) as other:
        for statement in statements:
            other.execute(statement)
    other.close()
    with snapshot_image.attached(fresh.db, image):
        snapshot_image.load(fresh.db)


def everything(replica: Replica) -> dict[str, Any]:
    """What must be identical on a bootstrapped laptop and one that replayed every file."""
    db = replica.db
    return {
        "live": {t: replica.live(t) for t in SYNCED_TABLES},
        "versions": db.execute("SELECT * FROM change ORDER BY tbl, row_id, field, hlc, site").fetchall(),
        "conflicts": conflict_view(replica),
        "derived": {name: sorted(db.execute(sql).fetchall()) for name, sql in DERIVED.items()},
        "found": {term: replica.customers.count(CustomerQuery(search=term, include_deleted=True)) for term in SEARCHES},
        "deferred": db.execute("SELECT * FROM sync_deferred ORDER BY 1, 2, 3, 4, 5").fetchall(),
    }


def index_is_sound(replica: Replica) -> None:
    replica.db.execute("INSERT INTO customer_search (customer_search) VALUES ('integrity-check')")


@pytest.mark.parametrize("fill", [bootstrap, adopt], ids=["image loaded", "image adopted"])
def test_bootstrap_equals_a_full_replay(laptop: MakeReplica, tmp_path: Path, fill: Fill) -> None:
    boss, a, b = busy_history(laptop)
    replayed, fresh = replay(laptop("回放"), boss, a, b), laptop("新机")
    outcome = fill(fresh, boss, tmp_path)
    assert boss.conflicts(), "the history should leave open conflicts"
    assert everything(fresh) == everything(replayed)
    assert everything(fresh)["live"] == everything(boss)["live"]
    assert outcome.changed["customers"] == {r[0] for r in boss.live("customers")}
    assert received(fresh.db) == received(boss.db) | {boss.author.site_id: max(r["hlc"] for r in boss.outgoing())}
    assert clock.current(fresh.db) >= fresh.db.execute("SELECT max(hlc) FROM change").fetchone()[0]
    index_is_sound(fresh)

    later = a.customers.create({"name": "后来的店", "territory": "西湖区"})
    a.customers.update(cards_named(a, "店1")[0], {"city": "舟山"})
    for replica in (replayed, fresh):
        replica.receive(a)
        assert replica.customers.get(later["id"])["name"] == "后来的店"
    fresh.customers.update(later["id"], {"street": "延安路"})
    replayed.customers.update(later["id"], {"street": "延安路"})
    view = everything(fresh)
    assert {k: v for k, v in view.items() if k != "versions"} == {
        k: v for k, v in everything(replayed).items() if k != "versions"
    }
    index_is_sound(fresh)


def cards_named(replica: Replica, name: str) -> list[str]:
    return [r[0] for r in replica.db.execute("SELECT id FROM customers WHERE name = ?", [name])]


def test_a_supervisor_takes_the_cards_whole_with_their_indexes(laptop: MakeReplica, tmp_path: Path) -> None:
    """Declared alike, the cards arrive with the writer's rowids and index entries, and capture works after."""
    boss, _, _ = busy_history(laptop)
    fresh = laptop("新机")
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    before = fresh.db.execute(triggers).fetchall()
    statements: list[str] = []
    fresh.db.conn.set_trace_callback(statements.append)
    bootstrap(fresh, boss, tmp_path)
    fresh.db.conn.set_trace_callback(None)
    assert WHOLE_COPY in statements and not any(s.startswith("CREATE INDEX") for s in statements)
    rows = "SELECT rowid, * FROM customers ORDER BY rowid"
    assert fresh.db.execute(rows).fetchall() == boss.db.execute(rows).fetchall()
    assert fresh.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    by_city = "SELECT id FROM customers INDEXED BY customers_live_by_city WHERE deleted = 0 AND city = ? ORDER BY id"
    assert fresh.db.execute(by_city, ["温州"]).fetchall() == boss.db.execute(by_city, ["温州"]).fetchall() != []
    assert fresh.db.execute(triggers).fetchall() == before
    card = fresh.live("customers")[0][0]
    fresh.customers.update(card, {"city": "绍兴"})
    assert [(r["row"], r["value"]) for r in fresh.outgoing() if r["field"] == "city"] == [(card, "绍兴")]


def test_an_image_from_before_an_index_is_still_copied_whole(laptop: MakeReplica, tmp_path: Path) -> None:
    """Indexes the image lacks or declares otherwise (an older app's) are built after the whole copy."""
    boss, a, b = busy_history(laptop)
    replayed, fresh = replay(laptop("回放"), boss, a, b), laptop("新机")
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' ORDER BY name"
    before = fresh.db.execute(indexes).fetchall()
    statements: list[str] = []
    fresh.db.conn.set_trace_callback(statements.append)
    load_altered(
        fresh, boss, tmp_path,
        "DROP INDEX customers_live_by_city", "DROP INDEX customers_name", "CREATE INDEX customers_name ON customers (id)",
    )
    fresh.db.conn.set_trace_callback(None)
    copy = statements.index(WHOLE_COPY)
    assert statements.index("CREATE INDEX customers_name ON customers (name)") > copy
    assert any(s.startswith("CREATE INDEX customers_live_by_city") for s in statements[copy:])
    assert fresh.db.execute(indexes).fetchall() == before
    assert everything(fresh) == everything(replayed)
    assert fresh.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_an_image_declaring_the_cards_otherwise_is_copied_by_column(laptop: MakeReplica, tmp_path: Path) -> None:
    """Columns in another order: the copy by position would be wrong, so it goes by name."""
    boss, a, b = busy_history(laptop)
    replayed, fresh = replay(laptop("回放"), boss, a, b), laptop("新机")
    statements: list[str] = []
    fresh.db.conn.set_trace_callback(statements.append)
    load_altered(
        fresh, boss, tmp_path,
        "CREATE TABLE kept AS SELECT id, notes FROM customers",
        "ALTER TABLE customers DROP COLUMN notes",
        "ALTER TABLE customers ADD COLUMN notes TEXT",
        "UPDATE customers SET notes = (SELECT k.notes FROM kept AS k WHERE k.id = customers.id)",
    )
    fresh.db.conn.set_trace_callback(None)
    assert WHOLE_COPY not in statements
    assert everything(fresh) == everything(replayed)


@pytest.mark.parametrize("fill", [bootstrap, adopt], ids=["image loaded", "image adopted"])
def test_a_rep_bootstrapped_from_a_supervisor_snapshot_holds_its_territory(
    laptop: MakeReplica, tmp_path: Path, fill: Fill
) -> None:
    boss, a, rep = busy_history(laptop)
    fresh_rep = laptop("新人", Role.REP, "西湖区")
    fill(fresh_rep, boss, tmp_path)
    territories = {r[0] for r in fresh_rep.db.execute("SELECT territory FROM customers")}
    assert territories == {"西湖区"}
    ids = "SELECT id FROM customers ORDER BY id"
    assert fresh_rep.db.execute(ids).fetchall() == rep.db.execute(ids).fetchall()
    replayed_rep = replay(laptop("回放", Role.REP, "西湖区"), boss, a, rep)
    assert everything(fresh_rep) == everything(replayed_rep)
    index_is_sound(fresh_rep)


def test_an_image_from_another_app_version_is_rebuilt_from_its_versions(laptop: MakeReplica, tmp_path: Path) -> None:
    """Other search rules, or live tables declared otherwise: those parts are computed, not taken."""
    boss, a, b = busy_history(laptop)
    replayed, fresh = replay(laptop("回放"), boss, a, b), laptop("新机")
    load_altered(
        fresh,
        boss,
        tmp_path,
        "UPDATE info SET value = 'older rules' WHERE key = 'search_rules'",
        "ALTER TABLE customers DROP COLUMN notes",
        "ALTER TABLE visits ADD COLUMN weather TEXT",
    )
    assert everything(fresh) == everything(replayed)
    index_is_sound(fresh)


def test_an_index_still_being_rebuilt_does_not_travel(laptop: MakeReplica, tmp_path: Path) -> None:
    """After an upgrade the writer's index mixes two rule sets until its rebuild ends: readers compute theirs."""
    boss, a, b = busy_history(laptop)
    replayed, fresh = replay(laptop("回放"), boss, a, b), laptop("新机")
    with write_transaction(boss.db):
        boss.db.execute("UPDATE customer_search SET text = 'stale haystack'")  # what the old rules made
        derived.start(boss.db, derived.CUSTOMER_SEARCH)
    bootstrap(fresh, boss, tmp_path)
    assert everything(fresh) == everything(replayed)
    index_is_sound(fresh)


def test_only_a_fresh_workspace_can_be_bootstrapped(laptop: MakeReplica, tmp_path: Path) -> None:
    boss, used = laptop("韩梅梅"), laptop("甲")
    boss.customers.create({"name": "店"})
    used.customers.create({"name": "自己的店"})
    before = used.live()
    with pytest.raises(SnapshotError, match="new workspace"):
        bootstrap(used, boss, tmp_path)
    assert used.live() == before


def test_a_newer_or_damaged_image_is_refused_and_nothing_is_kept(laptop: MakeReplica, tmp_path: Path) -> None:
    boss, fresh = laptop("韩梅梅"), laptop("新机")
    boss.customers.create({"name": "店"})
    image = tmp_path / "newer.db"
    snapshot_image.write(boss.db, image, lambda: None)
    with sqlite3.connect(image) as newer:
        newer.execute("UPDATE info SET value = '99' WHERE key = 'format'")
    newer.close()
    with snapshot_image.attached(fresh.db, image), pytest.raises(SnapshotError, match="format 99"):
        snapshot_image.load(fresh.db)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\0" + b"\xff" * 4096)
    with pytest.raises(SnapshotError, match="damaged"), snapshot_image.attached(fresh.db, damaged):
        snapshot_image.load(fresh.db)
    cut = tmp_path / "cut.db"
    cut.write_bytes(image.read_bytes()[:8192])
    with pytest.raises(SnapshotError, match="damaged"), snapshot_image.attached(fresh.db, cut):
        snapshot_image.load(fresh.db)
    assert fresh.db.execute("SELECT count(*) FROM change").fetchone()[0] == 0
    assert fresh.live() == []


def test_a_format_1_snapshot_still_loads(laptop: MakeReplica) -> None:
    boss, a, b = busy_history(laptop)
    fresh = laptop("新机")
    bootstrap_from_records(fresh.db, json.loads(json.dumps(format1.records(boss.db), ensure_ascii=False)))
    assert fresh.live() == boss.live()
    assert conflict_view(fresh) == conflict_view(boss)
    newer = [{"kind": "snapshot", "format": 99, "site": "x", "hlc": 1}]
    with pytest.raises(SnapshotError):
        bootstrap_from_records(laptop("又一台").db, newer)


def test_a_laptop_behind_the_purged_files_must_bootstrap(laptop: MakeReplica) -> None:
    boss, a, away = laptop("韩梅梅"), laptop("甲"), laptop("乙")
    a.customers.create({"name": "店"})
    boss.receive(a)
    away.receive(a)
    first = max(r["hlc"] for r in a.outgoing())
    a.customers.create({"name": "又一家店"})
    boss.receive(a)
    purged = {a.author.site_id: max(r["hlc"] for r in a.outgoing())}  # the share dropped all of a's files
    assert needs_bootstrap(boss.db, purged) == []
    assert needs_bootstrap(away.db, purged) == [a.author.site_id]
    assert received(away.db)[a.author.site_id] == first
    assert needs_bootstrap(laptop("新机").db, purged) == [a.author.site_id]
    assert needs_bootstrap(a.db, purged) == []  # its own stream is never missing


def test_purged_tombstones_travel_alone_and_still_catch_a_late_edit(laptop: MakeReplica, tmp_path: Path) -> None:
    boss, offline = laptop("韩梅梅"), laptop("乙")
    gone = boss.customers.create({"name": "关门的店", "city": "杭州"})
    kept = boss.customers.create({"name": "还在的店"})
    offline.receive(boss)
    boss.customers.delete(gone["id"])
    horizon = clock.current(boss.db) + 1

    fresh = laptop("新机")
    bootstrap(fresh, boss, tmp_path, purge_deleted_before=horizon)
    fields = {(r[0], r[1]) for r in fresh.db.execute("SELECT row_id, field FROM change")}
    assert {f for row, f in fields if row == gone["id"]} == {"deleted", "@seen"}
    assert (kept["id"], "name") in fields
    card = fresh.customers.get(gone["id"])
    assert card["deleted"] == 1 and card["name"] is None and card["city"] is None
    by_name = CustomerQuery(search="关门的店", include_deleted=True)
    assert boss.customers.count(by_name) == 1 and fresh.customers.count(by_name) == 0
    assert fresh.customers.count(CustomerQuery(search="还在的店")) == 1  # the kept card is still found
    index_is_sound(fresh)
    offline.customers.update(gone["id"], {"notes": "其实还开着"})  # had never seen the delete
    for replica in (boss, fresh):
        replica.receive(offline)
        assert [c.kind.value for c in replica.conflicts()] == ["deleted_while_edited"]
    assert [c.id for c in fresh.conflicts()] == [c.id for c in boss.conflicts()]


@pytest.mark.parametrize("fill", [bootstrap, adopt], ids=["image loaded", "image adopted"])
def test_the_writer_sends_apart_only_the_rows_it_deleted_since_its_last_merge(
    laptop: MakeReplica, tmp_path: Path, fill: Fill
) -> None:
    """Only a deleted row can hold a delete racing an edit; the race still surfaces on the new laptop."""
    boss, offline = laptop("韩梅梅"), laptop("乙")
    edited, gone = (boss.customers.create({"name": name})["id"] for name in ("改过的店", "关门的店"))
    offline.receive(boss)
    boss.receive(offline)  # a merge: what the boss writes next is since its last one
    boss.customers.update(edited, {"notes": "主管改的"})
    boss.customers.delete(gone)
    image = tmp_path / "sent-apart.db"
    snapshot_image.write(boss.db, image, lambda: None)
    with sqlite3.connect(image) as written:
        assert written.execute("SELECT tbl, row_id FROM recheck").fetchall() == [("customers", gone)]
    written.close()

    fresh = laptop("新机")
    fill(fresh, boss, tmp_path)
    offline.customers.update(gone, {"street": "文一路"})  # had never seen the delete
    for replica in (boss, fresh):
        replica.receive(offline)
        assert [c.kind.value for c in replica.conflicts()] == ["deleted_while_edited"]
    assert conflict_view(fresh) == conflict_view(boss)


def test_unpacking_says_when_it_cannot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file in the way or a full disk is a message naming the folder, not a traceback."""
    body = bytes(range(256)) * 1000
    image = tmp_path / "image.db"
    snapshot_image.unpack(io.BytesIO(body), image)
    assert image.read_bytes() == body
    with pytest.raises(SnapshotError, match="could not be unpacked") as refused:
        snapshot_image.unpack(io.BytesIO(body), image)  # exists already
    assert str(tmp_path) in str(refused.value)
    written = 0
    real_write = os.write

    def filling_up(fd: int, data: Any) -> int:
        nonlocal written
        written += len(data)
        if written > 20_000:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(direct_write.os, "write", filling_up)
    with pytest.raises(SnapshotError, match="No space left"):
        snapshot_image.unpack(io.BytesIO(body), tmp_path / "full.db")
