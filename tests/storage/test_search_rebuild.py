"""New search rules: opening only starts the rebuild; batches finish it, resumably, with writes going on."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ulid import ULID

from fieldcrm import cli
from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.storage import customers as store
from fieldcrm.storage import derived, search
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace, open_workspace
from tests.conftest import make_workspace

CARDS = 240
NAMES = ("张记超市", "好邻居便利店", "西湖小卖部", "世纪联华", "李四烟酒店", "文三路副食店")
NEW_RULE = "新规则"  # what the simulated new rules add to every haystack
Rows = list[tuple[int, str]]


def index_rows(ws: Workspace) -> Rows:
    """The index's content, rowid and haystack, as FTS5 stores it."""
    return ws.db.execute("SELECT rowid, text FROM customer_search ORDER BY rowid").fetchall()


def fresh_rows(ws: Workspace) -> Rows:
    """What a full rebuild by the rules in force gives, computed without touching the index."""
    args = ", ".join(f'"{c}"' for c in (*search.SEARCHED_COLUMNS, "deleted"))
    return ws.db.execute(f"SELECT rowid, fieldcrm_haystack({args}) FROM customers ORDER BY rowid").fetchall()


def assert_index_is_fresh(ws: Workspace) -> None:
    assert ws.rebuild_progress() is None
    assert index_rows(ws) == fresh_rows(ws)
    with write_transaction(ws.db):  # FTS5's own check that the index matches the haystacks
        ws.db.execute("INSERT INTO customer_search (customer_search) VALUES ('integrity-check')")


@pytest.fixture(autouse=True)
def _batches_back_to_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pause between batches: nobody else writes here unless a test says so."""
    monkeypatch.setattr(derived, "PAUSE_SECONDS", 0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A closed workspace of CARDS customers, indexed by the current rules."""
    ws = make_workspace(tmp_path / "ws", user="韩梅梅", role=Role.SUPERVISOR, territory=None)
    with write_transaction(ws.db):
        for number in range(CARDS):
            store.insert(ws.db, {
                "id": str(ULID()), "code": f"C-TEST{number:04d}", "deleted": 0,
                "name": f"{NAMES[number % len(NAMES)]}{number}", "phones": f"0571-8{number:07d}",
            })
    ws.close()
    return tmp_path / "ws"


def upgrade_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade changing the haystack: a new RULES_VERSION and haystacks that end with NEW_RULE."""
    older = search.haystack
    monkeypatch.setattr(search, "RULES_VERSION", search.RULES_VERSION + 1)
    monkeypatch.setattr(search, "haystack", lambda *values, deleted=False: older(*values, deleted=deleted) + NEW_RULE)


@pytest.fixture
def upgraded(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """The workspace opened by the upgraded app."""
    upgrade_rules(monkeypatch)
    ws = open_workspace(folder)
    yield ws
    ws.close()


def stop_after(batches: int) -> Callable[[], bool]:
    """A ``keep_going`` that lets ``batches`` batches run."""
    asked: list[int] = []

    def keep_going() -> bool:
        asked.append(1)
        return len(asked) <= batches

    return keep_going


def test_a_new_workspace_starts_no_rebuild(workspace: Workspace) -> None:
    assert workspace.rebuild_progress() is None


def test_opening_with_new_rules_only_starts_the_rebuild(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = open_workspace(folder)
    before = index_rows(ws)
    ws.close()
    upgrade_rules(monkeypatch)

    ws = open_workspace(folder)
    try:
        assert index_rows(ws) == before  # no haystack recomputed while opening
        done, total = ws.rebuild_progress() or (None, None)
        assert done == 0 and total is not None and total > CARDS
        assert search.count(ws.db, ["超市"]) == CARDS // len(NAMES)  # search still answers, from the old haystacks
        assert search.count(ws.db, [NEW_RULE]) == 0
    finally:
        ws.close()


def test_batches_give_the_same_index_as_a_fresh_build(upgraded: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(derived, "FIRST_BATCH", 16)
    reports: list[tuple[int, int]] = []
    assert upgraded.finish_rebuilds(lambda done, total: reports.append((done, total)), batch_seconds=0) is True
    assert_index_is_fresh(upgraded)
    assert len(reports) > 10
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert reports[-1][0] == reports[-1][1]
    assert search.count(upgraded.db, [NEW_RULE]) == CARDS
    batched = index_rows(upgraded)
    with write_transaction(upgraded.db):
        search.rebuild(upgraded.db)
    assert index_rows(upgraded) == batched
    assert upgraded.finish_rebuilds() is True  # nothing left: a no-op


def test_an_interrupted_rebuild_resumes_where_it_stopped(upgraded: Workspace) -> None:
    assert upgraded.finish_rebuilds(keep_going=stop_after(1), batch_seconds=0) is False
    done, total = upgraded.rebuild_progress() or (0, 0)
    assert 0 < done < total
    assert 0 < search.count(upgraded.db, [NEW_RULE]) < CARDS
    folder = upgraded.folder
    upgraded.close()

    reopened = open_workspace(folder)  # a quit mid-rebuild, then the next start
    try:
        assert reopened.rebuild_progress() == (done, total)
        assert reopened.finish_rebuilds() is True
        assert_index_is_fresh(reopened)
    finally:
        reopened.close()


def test_a_batch_that_fails_leaves_the_last_one_done(upgraded: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    upgraded.finish_rebuilds(keep_going=stop_after(1), batch_seconds=0)
    reached = upgraded.rebuild_progress()
    kept = index_rows(upgraded)

    def crash(db: object, after: int, upto: int) -> None:
        search.reindex(db, after, upto)  # type: ignore[arg-type]
        raise OSError("power cut")

    with monkeypatch.context() as patched:
        patched.setattr(derived, "BATCHED", (dataclasses.replace(derived.CUSTOMER_SEARCH, redo=crash),))
        with pytest.raises(OSError):
            upgraded.finish_rebuilds()
    assert upgraded.rebuild_progress() == reached and index_rows(upgraded) == kept
    assert upgraded.finish_rebuilds() is True
    assert_index_is_fresh(upgraded)


def test_writes_during_the_rebuild_end_right(upgraded: Workspace) -> None:
    db = upgraded.db
    upgraded.finish_rebuilds(keep_going=stop_after(1), batch_seconds=0)
    done, _ = upgraded.rebuild_progress() or (0, 0)
    later = db.execute("SELECT id, rowid FROM customers WHERE rowid > ? ORDER BY rowid", [done]).fetchall()
    (edited, edited_rowid), (synced, _), (dropped, _) = later[0], later[1], later[-1]

    CustomerService(upgraded).update(edited, {"name": "王五粮油店"})
    with write_transaction(db):  # sync applies received changes with capture off and may drop rows
        db.execute("UPDATE capture_mode SET applying = 1")
        db.execute("UPDATE customers SET name = '赵六小卖部' WHERE id = ?", [synced])
        db.execute("DELETE FROM customers WHERE id = ?", [dropped])
        db.execute("UPDATE capture_mode SET applying = 0")
    added = CustomerService(upgraded).create({"name": "钱七水果店"})

    # Written rows are indexed by the new rules at once, not yet rebuilt or not.
    text = dict(index_rows(upgraded))[edited_rowid]
    assert text.endswith(NEW_RULE) and "wwlyd" in text
    assert search.count(db, ["赵六"]) == 1 and search.count(db, ["qqsgd"]) == 1
    assert upgraded.finish_rebuilds() is True
    assert_index_is_fresh(upgraded)
    assert search.count(db, ["王五粮油"]) == 1 and search.count(db, ["钱七"]) == 1
    assert store.get(db, added["id"]) is not None


def test_a_bulk_load_completes_a_rebuild_under_way(upgraded: Workspace) -> None:
    """A snapshot loaded meanwhile indexes every card itself (sync/snapshot_image.py)."""
    with write_transaction(upgraded.db):
        with derived.bulk_load(upgraded.db, search.rebuild):
            pass
    assert_index_is_fresh(upgraded)


def test_the_cli_finishes_the_rebuild_before_its_command(
    upgraded: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = upgraded.folder
    upgraded.close()
    assert cli.main(["--workspace", str(folder), "customer", "list", "--search", NEW_RULE, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == CARDS
    reopened = open_workspace(folder)
    try:
        assert_index_is_fresh(reopened)
    finally:
        reopened.close()
