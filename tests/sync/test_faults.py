"""Sync under faults: no share, no marker, the share gone mid-run, a full disk, a second sync, SIGKILL.

The promise under test: whatever happens, nothing is lost, nothing is sent
twice, and the next sync completes the work.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.sync import engine, sync_state
from fieldcrm.sync.device import LOCK_NAME, sync_lock
from fieldcrm.sync.outbox import exported_through
from fieldcrm.sync.share import START, Share
from fieldcrm.workspace import Workspace, open_workspace
from tests.sync.test_engine_support import (
    Office,
    add_customers,
    changes_of,
    customers,
    open_office,
    own_changes,
    published,
)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    yield from open_office(tmp_path)

REPO = Path(__file__).resolve().parents[2]


def _files_under(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def test_a_missing_share_or_marker_touches_nothing(office: Office, tmp_path: Path) -> None:
    rep = office.laptop("rep", "李雷")
    CustomerService(rep).create({"name": "张三超市", "territory": "西湖区"})
    with pytest.raises(engine.SyncError, match="does not exist or cannot be reached"):
        engine.sync(rep, tmp_path / "nowhere")
    empty = tmp_path / "unmounted"
    empty.mkdir()
    with pytest.raises(engine.SyncError, match="not a FieldCRM share"):
        engine.sync(rep, empty)
    assert list(empty.iterdir()) == [] and engine.remembered_share(rep) is None

    engine.sync(rep, office.share)
    CustomerService(rep).create({"name": "李四超市", "territory": "西湖区"})
    marker = office.open_share().layout.marker
    marker.rename(marker.with_suffix(".away"))
    before, exported = _files_under(office.share), exported_through(rep.db)
    with pytest.raises(engine.SyncError, match="not a FieldCRM share"):
        engine.sync(rep)
    assert _files_under(office.share) == before and exported_through(rep.db) == exported
    marker.with_suffix(".away").rename(marker)
    assert engine.sync(rep).sent_files == 1


def test_the_share_vanishing_between_files_ends_cleanly_and_the_next_sync_completes(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    with monkeypatch.context() as patch:
        patch.setattr(engine, "MAX_RECORDS_PER_FILE", 10)
        add_customers(sup, 6, "主管")
        assert engine.sync(sup, office.share).sent_files > 2
    away = office.share.with_name("share-unmounted")
    real_read_new = Share.read_new

    def read_then_unmount(share: Share, site: str, cursor: object = START) -> Iterator[object]:
        for number, batch in enumerate(real_read_new(share, site, cursor)):  # type: ignore[arg-type]
            yield batch
            if number == 0 and office.share.exists():
                office.share.rename(away)

    with monkeypatch.context() as patch:
        patch.setattr(Share, "read_new", read_then_unmount)
        with pytest.raises(engine.SyncError, match="has gone"):
            engine.sync(rep, office.share)
    assert customers(rep) == [] and sync_state.stream_cursors(rep.db) == {}
    away.rename(office.share)
    engine.sync(rep, office.share)
    assert customers(rep) == customers(sup)


def test_a_full_share_disk_is_reported_and_loses_nothing(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    engine.sync(rep, office.share)
    add_customers(rep, 3, "代表")

    def no_space(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", no_space)
        with pytest.raises(engine.SyncError, match="disk is full"):
            engine.sync(rep)
    assert exported_through(rep.db) == 0 and sync_state.own_cursor(rep.db) == START
    site = rep.require_identity().site_id
    assert not [p for p in (office.share / "sites").rglob("*") if p.name.startswith(".")]  # no temp left
    assert engine.sync(rep).sent_files == 1
    engine.sync(sup, office.share)
    assert changes_of(sup, site) == own_changes(rep) and customers(sup) == customers(rep)


def test_a_second_sync_is_refused_and_a_dead_ones_lock_is_taken_over(office: Office) -> None:
    rep = office.laptop("rep", "李雷")
    with sync_lock(rep.folder), pytest.raises(engine.SyncError, match="already running"):
        engine.sync(rep, office.share)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (rep.folder / LOCK_NAME).write_text(str(dead.pid))
    engine.sync(rep, office.share)
    assert not (rep.folder / LOCK_NAME).exists()


def test_killed_right_after_publishing_the_next_sync_records_instead_of_resending(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window between "the share has the file" and "the workspace noted it", made deterministic."""
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    add_customers(rep, 3, "代表")

    class Killed(BaseException):
        pass

    def killed(*_args: object) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(engine, "mark_exported", killed)
        with pytest.raises(Killed):
            engine.sync(rep, office.share)
    site = rep.require_identity().site_id
    assert office.open_share().head(site).seq == 1 and sync_state.own_cursor(rep.db) == START
    add_customers(rep, 2, "后来")
    again = engine.sync(rep, office.share)
    records = published(office.share, site)
    assert again.sent_files == 1 and len(records) == len(set(records)) and set(records) == own_changes(rep)
    engine.sync(sup, office.share)
    assert customers(sup) == customers(rep)


def _sync_process(ws: Workspace, share: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "fieldcrm", "--workspace", str(ws.folder), "sync", "--share", str(share)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def test_sync_killed_at_random_moments_loses_and_duplicates_nothing(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    add_customers(sup, 40, "主管")
    engine.sync(sup, office.share)
    add_customers(rep, 1_100, "代表")  # 5,500 changes: more than one file
    first = _sync_process(rep, office.share)  # so that the timed run below is the size of the killed ones
    assert first.wait() == 0, first.stderr.read() if first.stderr else ""
    add_customers(rep, 200, "量时")
    started = time.monotonic()
    timed = _sync_process(rep, office.share)  # a whole run of the same size: the window to kill within
    assert timed.wait() == 0, timed.stderr.read() if timed.stderr else ""
    whole_run = time.monotonic() - started
    chance = random.Random(7)
    codes = []
    for round_ in range(5):
        add_customers(rep, 200, f"第{round_}轮")
        process = _sync_process(rep, office.share)
        time.sleep(chance.uniform(0.3, 0.95) * whole_run)
        process.send_signal(signal.SIGKILL)
        codes.append(process.wait())
    assert -signal.SIGKILL in codes, "no run was actually killed"
    finished = _sync_process(rep, office.share)
    assert finished.wait() == 0, finished.stderr.read() if finished.stderr else ""
    engine.sync(sup)
    engine.sync(rep)
    site = rep.require_identity().site_id
    records = published(office.share, site)
    assert len(records) == len(set(records)), "a change was published twice"
    assert set(records) == own_changes(rep) == changes_of(sup, site)
    assert customers(rep) == customers(sup) and len(customers(rep)) == 40 + 1_100 + 200 + 5 * 200


def _kill_once_journalled(process: subprocess.Popen[bytes], journal: Path, delay: float) -> bool:
    """SIGKILL ``process`` ``delay`` s after its rollback journal appears; whether it appeared at all."""
    deadline = time.monotonic() + 30
    while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    seen = journal.exists()
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return seen


def test_a_first_sync_killed_while_loading_the_snapshot_keeps_all_of_it_or_none(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    add_customers(sup, 1_500, "主管")
    engine.sync(sup, office.share)
    engine.write_snapshot(sup)
    fresh = office.laptop("fresh", "新人", Role.SUPERVISOR, None)
    fresh.close()  # its process is alone on the workspace: the load skips WAL for a rollback journal
    chance = random.Random(11)
    journalled = 0
    for _ in range(4):  # killed inside the load's transaction, at a random moment of it
        process = _sync_process(fresh, office.share)
        journalled += _kill_once_journalled(process, fresh.folder / "fieldcrm.db-journal", chance.uniform(0, 0.05))
        reopened = open_workspace(fresh.folder)  # rolls a hot journal back
        try:
            assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert reopened.db.execute("SELECT count(*) FROM customers").fetchone()[0] in (0, 1_500)
        finally:
            reopened.close()
    assert journalled, "no run was killed while loading"
    finished = _sync_process(fresh, office.share)
    assert finished.wait() == 0, finished.stderr.read() if finished.stderr else ""
    reopened = open_workspace(fresh.folder)
    try:
        assert customers(reopened) == customers(sup)
        assert reopened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reopened.close()


def test_two_laptops_syncing_at_the_same_moment_both_end_right(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    engine.sync(sup, office.share)
    engine.sync(rep, office.share)
    add_customers(sup, 30, "主管")
    add_customers(rep, 30, "代表")
    both = [_sync_process(ws, office.share) for ws in (sup, rep)]
    assert [p.wait() for p in both] == [0, 0]
    for ws in (sup, rep):
        engine.sync(ws)  # what the other published during the first run
    assert customers(sup) == customers(rep) and len(customers(rep)) == 60
