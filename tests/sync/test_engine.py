"""The sync engine end to end: real workspaces exchanging signed files through a real share folder."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.sync import clock, engine, membership, snapshot_adopt, snapshot_image, sync_state
from fieldcrm.sync.conflicts import list_conflicts, resolve
from fieldcrm.sync.outbox import exported_through
from fieldcrm.sync.share import Share, layout
from fieldcrm.sync.share.snapshot import SnapshotHeader
from fieldcrm.sync.snapshot_data import (
    MSG_DAMAGED,
    STEP_ADOPT,
    STEP_CONFLICTS,
    STEP_INDEX,
    STEP_ROWS,
    STEP_UNPACK,
    STEP_VERSIONS,
    SnapshotError,
)
from tests.sync import format1
from tests.sync.test_engine_support import (
    Office,
    add_customers,
    changes_of,
    conflict_view,
    customers,
    open_office,
    own_changes,
    published,
)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    yield from open_office(tmp_path)


def test_changes_travel_both_ways_and_merge_field_by_field(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    card = CustomerService(sup).create({"name": "张三超市", "territory": "西湖区"})
    first = engine.sync(sup, office.share)
    assert (first.sent_files, first.received_files) == (1, 0) and first.sent_changes > 0
    got = engine.sync(rep, office.share)
    assert got.received_changes == first.sent_changes == got.applied
    assert got.changed_tables == {"customers"}

    CustomerService(rep).update(card["id"], {"city": "宁波"})
    CustomerService(sup).update(card["id"], {"phones": "13912345678"})
    for ws in (rep, sup, rep):
        engine.sync(ws)  # the share is remembered after the first sync
    assert customers(rep) == customers(sup)
    row = CustomerService(rep).get(card["id"])
    assert (row["city"], row["phones"]) == ("宁波", "13912345678")
    assert list_conflicts(rep.db) == []

    quiet = engine.sync(rep)
    assert (quiet.sent_files, quiet.received_files, quiet.applied) == (0, 0, 0)
    assert engine.remembered_share(rep) == office.share
    assert engine.last_summary(rep) == quiet


def test_a_conflict_is_listed_alike_and_its_resolution_syncs(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    card = CustomerService(sup).create({"name": "张三超市", "territory": "西湖区"})
    engine.sync(sup, office.share)
    engine.sync(rep, office.share)
    CustomerService(rep).update(card["id"], {"city": "宁波"})
    CustomerService(sup).update(card["id"], {"city": "温州"})
    engine.sync(rep)
    summary = engine.sync(sup)
    engine.sync(rep)
    assert summary.conflicts_open == 1
    assert conflict_view(rep) == conflict_view(sup) != []

    conflict = list_conflicts(sup.db)[0]
    resolve(sup.db, conflict.id, "loser")
    engine.sync(sup)
    after = engine.sync(rep)
    assert after.conflicts_open == 0 and list_conflicts(rep.db) == []
    assert customers(rep) == customers(sup)
    assert CustomerService(rep).get(card["id"])["city"] == conflict.loser.value


def test_a_reps_supervisor_only_change_is_rejected_and_reported(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    # The laptop says "supervisor", but the admin registered the device as a rep: the signature decides.
    rep = office.laptop("rep", "李雷", Role.SUPERVISOR, "西湖区", registered_as=Role.REP)
    card = CustomerService(sup).create({"name": "张三超市", "territory": "西湖区", "grade": "general"})
    engine.sync(sup, office.share)
    engine.sync(rep, office.share)
    CustomerService(rep).update(card["id"], {"grade": "key", "city": "宁波"})
    engine.sync(rep)
    summary = engine.sync(sup)
    [rejected] = summary.rejected
    assert (rejected.user, rejected.reason) == ("李雷", "supervisor_only")
    assert "grade" in rejected.summary
    assert rejected.explained is not None and str(rejected.explained) == rejected.summary  # the GUI's template
    assert dict(rejected.explained.args) == {"field": "grade", "row": card["id"], "user": "李雷"}
    row = CustomerService(sup).get(card["id"])
    assert (row["grade"], row["city"]) == ("general", "宁波")
    assert summary.to_json()["rejected"] == [{
        "user": "李雷", "reason": "supervisor_only", "summary": rejected.summary,
        "explained": rejected.explained.to_json(),
    }]
    assert engine.last_summary(sup) == summary


def test_an_unregistered_device_is_told_what_the_admin_must_run(office: Office) -> None:
    rep = office.laptop("rep", "李雷", register=False)
    CustomerService(rep).create({"name": "张三超市", "territory": "西湖区"})
    with pytest.raises(engine.SyncError) as caught:
        engine.sync(rep, office.share)
    message = caught.value.message
    assert "fieldcrm share add-user" in message and engine.device_key(rep).public.text in message
    assert "--user 李雷 --role rep --territory 西湖区" in message
    assert office.open_share().sites() == []
    assert engine.remembered_share(rep) is None and exported_through(rep.db) == 0


def test_a_revoked_user_cannot_sync_any_more(office: Office) -> None:
    rep = office.laptop("rep", "李雷")
    engine.sync(rep, office.share)
    membership.revoke(office.admin, office.share, "李雷")
    with pytest.raises(engine.SyncError, match="revoked"):
        engine.sync(rep)


def test_a_day_fast_clock_still_converges_and_is_flagged(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    clock.set_wall_clock(rep.db, lambda: time.time() + 86_400)
    card = CustomerService(sup).create({"name": "张三超市", "territory": "西湖区"})
    engine.sync(sup, office.share)
    engine.sync(rep, office.share)
    CustomerService(rep).update(card["id"], {"city": "宁波"})
    engine.sync(rep)
    CustomerService(sup).update(card["id"], {"city": "温州", "phones": "13912345678"})  # later in real time
    warned = engine.sync(sup)
    engine.sync(rep)
    assert customers(rep) == customers(sup)
    assert conflict_view(rep) == conflict_view(sup)
    [warning] = warned.clock_warnings
    assert warning.args["user"] == "李雷" and 23.9 < warning.args["hours"] < 24.1
    stored = warned.to_json()
    assert stored["clock_warnings"] == [str(warning)] and str(warning).startswith("李雷's laptop clock (site ")
    assert stored["clock_warnings_explained"] == [warning.to_json()]
    assert engine.last_summary(sup) == warned


def test_a_summary_stored_before_messages_still_loads_and_reads_the_same() -> None:
    """Summaries stored by earlier versions held English text only; the Sync page shows the last one."""
    stored = {
        "share": "/mnt/share", "started": "2025-06-16T09:30:00+00:00", "duration_s": 1.5,
        "rejected": [{"user": "李雷", "reason": "supervisor_only", "summary": "李雷 may not change grade of C1"}],
        "problems": [{"site": "site-9", "user": None, "reason": "Site site-9: the file is not signed"}],
        "clock_warnings": ["李雷's laptop clock (site {s1}) runs 24.0 h ahead"],  # braces as text, not placeholders
        "changed_tables": ["customers"],
    }
    summary = engine.SyncSummary.from_json(stored)
    assert summary.rejected[0].explained is None and summary.problems[0].explained is None
    assert [str(w) for w in summary.clock_warnings] == stored["clock_warnings"] and summary.photo_warnings == []
    again = summary.to_json()
    assert {k: again[k] for k in stored} == {**stored, "rejected": [{**stored["rejected"][0], "explained": None}],
                                              "problems": [{**stored["problems"][0], "explained": None}]}
    assert engine.SyncSummary.from_json(again) == summary


def test_a_large_outbox_goes_out_in_files_cut_between_timestamps(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_RECORDS_PER_FILE", 7)
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    service = CustomerService(rep)
    for n in range(6):
        service.create({"name": f"店{n}", "territory": "西湖区", "city": "杭州"})
    summary = engine.sync(rep, office.share)
    files = list(office.open_share().read_new(rep.require_identity().site_id))
    assert summary.sent_files == len(files) > 1
    assert all(len(f.records) <= 7 for f in files)
    for before, after in pairwise(files):
        assert before.records[-1]["hlc"] < after.records[0]["hlc"]
    engine.sync(sup, office.share)
    assert customers(sup) == customers(rep)


def test_progress_is_reported_and_cancel_before_apply_changes_nothing(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    CustomerService(sup).create({"name": "张三超市", "territory": "西湖区"})
    engine.sync(sup, office.share)
    before = customers(rep)
    with pytest.raises(engine.SyncCancelled):
        engine.sync(rep, office.share, cancelled=lambda: True)
    assert customers(rep) == before and sync_state.stream_cursors(rep.db) == {}

    steps: list[tuple[int, int, str]] = []
    engine.sync(rep, office.share, progress=lambda done, total, text: steps.append((done, total, text)))
    assert customers(rep) == customers(sup)
    assert steps[-1][0] == steps[-1][1] and all(0 <= d <= t for d, t, _ in steps)
    assert [d for d, _, _ in steps] == sorted(d for d, _, _ in steps)


def test_bootstrap_from_a_snapshot_equals_a_full_replay(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    replay = office.laptop("replay", "回放")
    cards = [CustomerService(sup).create({"name": f"店{n}", "territory": "西湖区"}) for n in range(5)]
    engine.sync(sup, office.share)
    engine.sync(rep, office.share)
    engine.sync(replay, office.share)  # before any snapshot: it replays files from here on
    CustomerService(rep).update(cards[0]["id"], {"city": "宁波"})
    CustomerService(sup).update(cards[0]["id"], {"city": "温州"})
    CustomerService(sup).delete(cards[1]["id"])
    engine.sync(rep)
    engine.sync(sup)
    snapshot = Path(engine.write_snapshot(sup))
    assert snapshot.is_file()
    CustomerService(rep).update(cards[2]["id"], {"phones": "13912345678"})  # after the snapshot
    engine.sync(rep)

    fresh = office.laptop("fresh", "新人")
    booted = engine.bootstrap(fresh, office.share)
    engine.sync(replay)
    engine.sync(sup)
    assert booted.received_files >= 2  # the snapshot and the rep's later file
    for ws in (fresh, replay):
        assert customers(ws) == customers(sup)
        assert conflict_view(ws) == conflict_view(sup) != []
        assert changes_of(ws, rep.require_identity().site_id) == own_changes(rep)

    with pytest.raises(engine.SyncError, match="already holds changes"):
        engine.bootstrap(fresh, office.share)


def test_a_format_1_snapshot_left_on_the_share_still_bootstraps(office: Office) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    for n in range(3):
        CustomerService(sup).create({"name": f"店{n}", "territory": "西湖区"})
    engine.sync(sup, office.share)
    own = sup.require_identity().site_id
    created = datetime.now(timezone.utc)
    header = SnapshotHeader(own, created, {own: sync_state.own_cursor(sup.db)})
    folder = Share.open(office.share).layout.snapshots(own)
    folder.mkdir(parents=True, exist_ok=True)
    old = format1.encode(header, format1.records(sup.db), engine.device_key(sup))
    (folder / layout.snapshot_name(created)).write_bytes(old)

    fresh = office.laptop("fresh", "新人")
    booted = engine.bootstrap(fresh, office.share)
    assert booted.received_files == 1 and booted.received_changes == len(own_changes(sup))
    assert customers(fresh) == customers(sup)


@pytest.mark.parametrize("adopting", [True, False], ids=["image adopted", "image loaded"])
def test_a_new_laptops_first_sync_starts_from_the_snapshot(
    office: Office, adopting: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not adopting:
        monkeypatch.setattr(snapshot_adopt, "_plan", lambda db: None)
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    for n in range(3):  # three files before the snapshot
        add_customers(sup, 2, f"第{n}批")
        engine.sync(sup, office.share)
    engine.write_snapshot(sup)
    add_customers(sup, 1, "后来")
    engine.sync(sup)

    fresh = office.laptop("fresh", "新人", Role.SUPERVISOR, None)
    steps: list[tuple[int, int, str]] = []
    summary = engine.sync(fresh, office.share, progress=lambda d, t, message: steps.append((d, t, message.template)))
    assert summary.received_files == 2  # the snapshot and the file after it, not the four files
    shown = [template for _, _, template in steps]
    if adopting:
        parts = [STEP_UNPACK, STEP_ADOPT, STEP_CONFLICTS]
    else:
        parts = [STEP_UNPACK, STEP_VERSIONS, STEP_ROWS, STEP_INDEX, STEP_CONFLICTS]
    every_part = [STEP_UNPACK, STEP_ADOPT, STEP_VERSIONS, STEP_ROWS, STEP_INDEX, STEP_CONFLICTS]
    assert [template for template in shown if template in every_part] == parts  # each part, in order
    assert [d for d, _, _ in steps] == sorted(d for d, _, _ in steps) and steps[-1][0] == steps[-1][1]
    assert customers(fresh) == customers(sup)
    again = engine.sync(fresh)
    assert again.received_files == 0 and customers(fresh) == customers(sup)


def test_a_new_laptop_replays_the_files_when_the_snapshot_cannot_be_used(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    add_customers(sup, 3, "总部")
    engine.sync(sup, office.share)
    engine.write_snapshot(sup)

    def damaged(db: object) -> None:
        raise SnapshotError(MSG_DAMAGED, reason="a bad page")

    monkeypatch.setattr(snapshot_image, "image_info", damaged)
    monkeypatch.setattr(snapshot_adopt, "image_info", damaged)
    fresh = office.laptop("fresh", "新人", Role.SUPERVISOR, None)
    summary = engine.sync(fresh, office.share)
    assert customers(fresh) == customers(sup)  # from the change files
    assert [(p.user, p.reason) for p in summary.problems] == [
        ("韩梅梅", "Its snapshot could not be used (The snapshot is damaged (a bad page)); "
                  "this laptop replayed the files instead")
    ]
    with pytest.raises(engine.SyncError, match="damaged"):  # asked for the snapshot, bootstrap fails
        engine.bootstrap(office.laptop("other", "另一个", Role.SUPERVISOR, None), office.share)


@pytest.mark.parametrize("pressed_at", ["Loading the snapshot by {user}", STEP_ADOPT])
def test_cancel_during_the_snapshot_load_keeps_nothing(
    office: Office, monkeypatch: pytest.MonkeyPatch, pressed_at: str
) -> None:
    monkeypatch.setattr(engine, "_CANCEL_CHECK_STEPS", 50)  # look at Cancel often enough for a small snapshot
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    add_customers(sup, 20, "总部")
    engine.sync(sup, office.share)
    engine.write_snapshot(sup)
    fresh = office.laptop("fresh", "新人", Role.SUPERVISOR, None)
    loading: list[str] = []  # Cancel is pressed once the load, or the image becoming the workspace, has begun

    with pytest.raises(engine.SyncCancelled):
        engine.sync(fresh, office.share, progress=lambda d, t, message: loading.append(message.template),
                    cancelled=lambda: pressed_at in loading)
    assert pressed_at in loading
    assert fresh.db.execute("SELECT (SELECT count(*) FROM change) + (SELECT count(*) FROM customers)").fetchone()[0] == 0
    assert sync_state.stream_cursors(fresh.db) == {}
    assert fresh.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    engine.sync(fresh, office.share)
    assert customers(fresh) == customers(sup)


def test_snapshots_are_for_supervisors(office: Office) -> None:
    rep = office.laptop("rep", "李雷")
    with pytest.raises(engine.SyncError, match="supervisors"):
        engine.write_snapshot(rep, office.share)


def test_nothing_is_published_twice(office: Office) -> None:
    rep = office.laptop("rep", "李雷")
    CustomerService(rep).create({"name": "张三超市", "territory": "西湖区"})
    engine.sync(rep, office.share)
    CustomerService(rep).create({"name": "李四超市", "territory": "西湖区"})
    engine.sync(rep)
    engine.sync(rep)
    records = published(office.share, rep.require_identity().site_id)
    assert len(records) == len(set(records)) and set(records) == own_changes(rep)
