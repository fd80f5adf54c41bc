"""Publishing: refused before writing when it must be, whole or not at all, never over another file."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from share_helpers import Fleet, records

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import (
    START,
    AlreadyPublished,
    DiskFull,
    ForkInStream,
    GapInStream,
    NotAuthorized,
    ShareNotWritable,
    SigningKey,
    SiteTaken,
    revoke_user,
)
from fieldcrm.sync.share import fsio, layout

REPO = Path(__file__).resolve().parents[3]


def published_and_temp_files(fleet: Fleet, site: str) -> tuple[list[str], list[str]]:
    published, temps = [], []
    for path in sorted(fleet.share.layout.site(site).rglob("*")):
        if layout.CHANGE_NAME.fullmatch(path.name):
            published.append(path.name)
        elif path.name.startswith("."):
            temps.append(path.name)
    return published, temps


def test_an_unregistered_device_is_told_what_to_ask_for_and_writes_nothing(fleet: Fleet) -> None:
    newcomer = SigningKey.generate()
    writer = fleet.share.writer("site-n", newcomer)
    with pytest.raises(NotAuthorized) as caught:
        writer.publish_changes(1, "", records(1))
    assert newcomer.public.text in str(caught.value)
    assert not fleet.share.layout.site("site-n").exists()
    fleet.keys["newcomer"] = newcomer
    fleet.register("newcomer")  # registered meanwhile: the same Share sees it without reopening
    assert writer.publish_changes(1, "", records(1)).seq == 1


def test_a_revoked_or_misbound_device_may_not_publish(fleet: Fleet) -> None:
    fleet.register("carol", site="site-c")
    with pytest.raises(NotAuthorized, match="site-c"):
        fleet.writer("carol", "site-d").publish_changes(1, "", records(1))
    revoke_user(fleet.share, fleet.admin, "alice")
    with pytest.raises(NotAuthorized, match="revoked"):
        fleet.writer("alice", "site-a").publish_changes(1, "", records(1))


def test_a_site_id_used_by_two_devices(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)
    with pytest.raises(SiteTaken, match="alice"):
        fleet.writer("bob", "site-a").publish_changes(2, fleet.share.head("site-a").hash, records(1))


def test_publishing_refuses_gaps_and_forks(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 2)
    writer = fleet.writer("alice", "site-a")
    with pytest.raises(GapInStream) as gap:
        writer.publish_changes(4, "ab" * 32, records(1))
    assert gap.value.seq == 3
    with pytest.raises(ForkInStream, match="backup"):
        writer.publish_changes(3, refs[0].hash, records(1))
    with pytest.raises(ValueError):
        writer.publish_changes(1, "ab" * 32, records(1))
    assert published_and_temp_files(fleet, "site-a") == (["000000000001.chg", "000000000002.chg"], [])


def test_republishing_after_a_crash_is_idempotent(fleet: Fleet) -> None:
    first = fleet.writer("alice", "site-a").publish_changes(1, "", records(3))
    # The app was killed after the file appeared but before it recorded that; it retries.
    again = fleet.writer("alice", "site-a").publish_changes(1, "", records(3))
    assert again == first
    with pytest.raises(AlreadyPublished) as caught:
        fleet.writer("alice", "site-a").publish_changes(1, "", records(4))
    assert caught.value.existing == first
    assert published_and_temp_files(fleet, "site-a") == (["000000000001.chg"], [])


@pytest.mark.parametrize("call", ["write", "fsync", "close"])
def test_disk_full_leaves_nothing_behind(fleet: Fleet, monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    fleet.publish("alice", "site-a", 1)
    real = getattr(os, call)

    def full(*args: object) -> object:
        if call == "close":
            real(*args)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    writer = fleet.writer("alice", "site-a")
    head = fleet.share.head("site-a")
    with monkeypatch.context() as patch:
        patch.setattr(os, call, full)
        with pytest.raises(DiskFull, match="disk is full"):
            writer.publish_changes(2, head.hash, records(50))
    assert published_and_temp_files(fleet, "site-a") == (["000000000001.chg"], [])
    assert writer.publish_changes(2, head.hash, records(50)).seq == 2


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_a_read_only_share(fleet: Fleet, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ShareNotWritable, match="not writable"):
        fleet.writer("alice", "site-a").publish_changes(1, "", records(1))


def test_without_hard_links_publishing_falls_back_to_a_checked_rename(fleet: Fleet, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    refs = fleet.publish("alice", "site-a", 3)
    assert published_and_temp_files(fleet, "site-a") == ([f"00000000000{i}.chg" for i in (1, 2, 3)], [])
    assert fleet.writer("alice", "site-a").publish_changes(3, refs[1].hash, records(3, "site-a-3")) == refs[2]
    target = fleet.share.layout.change("site-a", 3)
    before = target.read_bytes()
    with pytest.raises(FileExistsError):
        fsio.write_new(target, [b"other bytes"], writer="site-a")
    assert target.read_bytes() == before
    assert [b.seq for b in fleet.share.read_new("site-a", START)] == [1, 2, 3]


def test_write_new_never_replaces_a_file(tmp_path: Path) -> None:
    fsio.write_new(tmp_path / "a", [b"first"], writer="w")
    with pytest.raises(FileExistsError):
        fsio.write_new(tmp_path / "a", [b"second"], writer="w")
    assert (tmp_path / "a").read_bytes() == b"first" and os.listdir(tmp_path) == ["a"]


def test_a_site_cleans_its_own_leftover_temporary_files_only(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)
    fleet.publish("bob", "site-b", 1)
    shard = fleet.share.layout.change("site-a", 1).parent
    (fleet.share.layout.blobs / "ab").mkdir()
    leftovers = [shard / fsio.temp_name("site-a"), fleet.share.layout.blobs / "ab" / fsio.temp_name("site-a")]
    foreign = fleet.share.layout.blobs / "ab" / fsio.temp_name("site-b")
    for path in [*leftovers, foreign]:
        path.write_bytes(b"partial")
    assert fleet.writer("alice", "site-a").clean_temp() == 2
    assert not any(p.exists() for p in leftovers) and foreign.exists()


WORKER = """
import os, sys, time
from fieldcrm.sync.share import Share, SigningKey
from share_helpers import records
real_write = os.write
def slow_disk(fd, data):  # widens the window in which a kill finds a half-written file
    time.sleep(0.002)
    return real_write(fd, data[:8192])
os.write = slow_disk
share = Share.open(sys.argv[1])
writer = share.writer(sys.argv[3], SigningKey.load(sys.argv[2]))
head = share.head(sys.argv[3])
print("ready", flush=True)
while True:
    ref = writer.publish_changes(head.seq + 1, head.hash, records(4000, f"k{head.seq}"))
    head = ref.cursor
    print(ref.seq, flush=True)
"""


def test_killing_publishers_at_random_instants_never_leaves_a_partial_file(fleet: Fleet, tmp_path: Path) -> None:
    key = fleet.register("walter", Role.REP)
    key.save(tmp_path / "walter.key")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(Path(__file__).parent)])}
    rng = random.Random(20240607)
    reported = 0
    for _ in range(6):
        worker = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(fleet.share.root), str(tmp_path / "walter.key"), "site-w"],
            stdout=subprocess.PIPE, text=True, env=env,
        )
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate()
        reported = max([reported, *(int(line) for line in out.split())])
        # Every published name holds a complete, valid file, and the next publisher carries on from it.
        published, _temps = published_and_temp_files(fleet, "site-w")
        batches = list(fleet.share.read_new("site-w", START))
        assert [b.seq for b in batches] == list(range(1, len(published) + 1))
        assert len(published) >= reported
    head = fleet.share.head("site-w")
    writer = fleet.share.writer("site-w", key)
    assert writer.publish_changes(head.seq + 1, head.hash, records(1)).seq == head.seq + 1
    writer.clean_temp()
    assert published_and_temp_files(fleet, "site-w")[1] == []
    assert len(list(fleet.share.read_new("site-w", START))) == head.seq + 1
