"""Snapshots, archiving and attachments."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from share_helpers import Fleet, records

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import (
    START,
    AlreadyPublished,
    BadSignature,
    CorruptFile,
    Cursor,
    NotAuthorized,
    SigningKey,
    revoke_user,
)
from fieldcrm.sync.share import frame
from fieldcrm.sync.share import snapshot as snapshot_format
from fieldcrm.sync.share.errors import NewerFormat
from fieldcrm.sync.share.sealed import canonical_json
from fieldcrm.sync.share.snapshot import SnapshotEncoder, SnapshotHeader, iter_body, iter_records, verify_snapshot
from tests.sync import format1

BODY_PIECES = 80
PIECE = 64 * 1024


def body(pieces: int) -> Iterator[bytes]:
    """A body of ``pieces`` chunks, made as they are asked for (as an image file is read)."""
    for i in range(pieces):
        yield (f"块 {i} ".encode() * (PIECE // 8))[:PIECE]


def test_a_supervisor_snapshot_streams_in_and_out(fleet: Fleet, monkeypatch: pytest.MonkeyPatch) -> None:
    refs = fleet.publish("alice", "site-a", 3)
    covers = {"site-a": refs[-1].cursor}
    monkeypatch.setattr(snapshot_format, "_CHUNK", 64 * 1024)
    on_disk_before_last_piece: list[int] = []

    def watched() -> Iterator[bytes]:
        for i, piece in enumerate(body(BODY_PIECES)):
            if i == BODY_PIECES - 1:
                temps = fleet.share.layout.snapshots("site-s").glob(".site-s.*.tmp")
                on_disk_before_last_piece.append(sum(p.stat().st_size for p in temps))
            yield piece

    tracemalloc.start()
    ref = fleet.writer("sue", "site-s").write_snapshot(covers, watched())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert on_disk_before_last_piece[0] > 0  # written while the body was still coming
    assert peak < 2**20, f"writing held {peak} bytes"  # the body is 5 MB
    snapshot = fleet.share.latest_snapshot()
    assert snapshot is not None and snapshot.ref == ref and snapshot.covers == covers
    assert snapshot.author.user == "sue" and snapshot.author.role is Role.SUPERVISOR
    assert snapshot.version == snapshot_format.VERSION
    tracemalloc.start()
    read = hashlib.sha256()
    for chunk in iter_body(snapshot.ref.path, snapshot.checked):
        read.update(chunk)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert read.digest() == hashlib.sha256(b"".join(body(BODY_PIECES))).digest()
    assert peak < 2**20, f"reading held {peak} bytes"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=200), max_size=20))
def test_snapshot_body_round_trip(tmp_path: Path, pieces: list[bytes]) -> None:
    key = SigningKey.generate()
    covers = {"site-a": Cursor(7, "ab" * 32)}
    encoder = SnapshotEncoder(SnapshotHeader("site-s", datetime.now(timezone.utc), covers), pieces, key)
    path = tmp_path / "x.snap"
    path.write_bytes(b"".join(encoder.chunks()))
    checked = verify_snapshot(path)
    assert checked.hash == encoder.hash and checked.signer == key.public and checked.header.covers == covers
    assert b"".join(iter_body(path, checked)) == b"".join(pieces)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.dictionaries(st.text(max_size=5), st.one_of(st.none(), st.integers(), st.text(max_size=30))), max_size=20))
def test_format_1_records_are_still_read(tmp_path: Path, recs: list[dict[str, object]]) -> None:
    key = SigningKey.generate()
    header = SnapshotHeader("site-s", datetime.now(timezone.utc), {"site-a": Cursor(7, "ab" * 32)})
    path = tmp_path / "old.snap"
    path.write_bytes(format1.encode(header, recs, key))
    checked = verify_snapshot(path)
    assert checked.version == snapshot_format.RECORDS_VERSION and checked.signer == key.public
    assert list(iter_records(path, checked)) == recs


def test_format_2_zlib_bodies_are_still_read(tmp_path: Path) -> None:
    key = SigningKey.generate()
    image = bytes(range(256)) * 5_000
    created = datetime.now(timezone.utc).isoformat()
    data = frame.magic_line("snapshot", 2) + canonical_json({"covers": {}, "created": created, "site": "site-s"})
    data += b"\n" + zlib.compress(image, 6)
    path = tmp_path / "format2.snap"
    path.write_bytes(data + frame.trailer("snapshot", hashlib.sha256(data).digest(), key))
    checked = verify_snapshot(path)
    assert checked.version == snapshot_format.ZLIB_VERSION and checked.signer == key.public
    assert b"".join(iter_body(path, checked)) == image


def test_the_end_mark_is_an_empty_zstandard_frame() -> None:
    """The reader compares bytes; they must be what any Zstandard writes for nothing."""
    assert snapshot_format.END_MARK == zstandard.ZstdCompressor(level=3).compress(b"")
    assert zstandard.ZstdDecompressor().decompress(snapshot_format.END_MARK) == b""


def test_a_body_cut_at_a_frame_boundary_and_signed_again_is_still_caught(tmp_path: Path) -> None:
    key = SigningKey.generate()
    encoder = SnapshotEncoder(SnapshotHeader("site-s", datetime.now(timezone.utc), {}), body(BODY_PIECES), key)
    whole = b"".join(encoder.chunks())[: -frame.TRAILER_SIZE]
    cut = whole[: whole.rindex(b"\x28\xb5\x2f\xfd")]  # drop the last frame (Zstandard's magic starts it)
    half = whole[: len(whole) - 7]  # or end inside it
    for n, data in enumerate((cut, half)):
        path = tmp_path / f"cut{n}.snap"
        path.write_bytes(data + frame.trailer("snapshot", hashlib.sha256(data).digest(), key))
        checked = verify_snapshot(path)
        with pytest.raises(CorruptFile):
            b"".join(iter_body(path, checked))


def test_a_newer_snapshot_format_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    key = SigningKey.generate()
    encoder = SnapshotEncoder(SnapshotHeader("site-s", datetime.now(timezone.utc), {}), [b"x"], key)
    now, later = (f"snapshot {v}\n".encode() for v in (snapshot_format.VERSION, snapshot_format.VERSION + 1))
    data = b"".join(encoder.chunks()).replace(now, later, 1)
    digest = hashlib.sha256(data[: -frame.TRAILER_SIZE]).digest()
    path = tmp_path / "new.snap"
    path.write_bytes(data[: -frame.TRAILER_SIZE] + frame.trailer("snapshot", digest, key))
    with pytest.raises(NewerFormat, match="update the app"):
        verify_snapshot(path)


def test_only_supervisors_and_admins_write_snapshots(fleet: Fleet) -> None:
    with pytest.raises(NotAuthorized, match="supervisors"):
        fleet.writer("alice", "site-a").write_snapshot({}, body(1))
    assert fleet.share.snapshots() == []


def test_the_latest_valid_snapshot_is_picked(fleet: Fleet, caplog: pytest.LogCaptureFixture) -> None:
    writer = fleet.writer("sue", "site-s")
    older = writer.write_snapshot({}, body(3))
    newer = writer.write_snapshot({}, body(4))
    assert [r.path for r in fleet.share.snapshots()] == [newer.path, older.path]
    data = bytearray(newer.path.read_bytes())
    data[len(data) // 2] ^= 0x40
    newer.path.write_bytes(bytes(data))
    with pytest.raises(CorruptFile) as caught:
        fleet.share.open_snapshot(newer)
    assert "sue" in str(caught.value) and str(newer.path) in str(caught.value)
    picked = fleet.share.latest_snapshot()
    assert picked is not None and picked.ref == older
    assert b"".join(iter_body(picked.ref.path, picked.checked)) == b"".join(body(3))
    assert "skipping snapshot" in caplog.text


def test_a_snapshot_by_a_revoked_supervisor_is_not_used(fleet: Fleet) -> None:
    fleet.writer("sue", "site-s").write_snapshot({}, body(1))
    revoke_user(fleet.share, fleet.admin, "sue")
    assert fleet.share.latest_snapshot() is None
    with pytest.raises(BadSignature):
        fleet.share.open_snapshot(fleet.share.snapshots()[0])


def test_a_snapshot_changed_after_verification_fails_at_the_end(fleet: Fleet) -> None:
    ref = fleet.writer("sue", "site-s").write_snapshot({}, body(20))
    snapshot = fleet.share.open_snapshot(ref)
    data = bytearray(ref.path.read_bytes())
    data[-200] ^= 1
    ref.path.write_bytes(bytes(data))
    with pytest.raises(CorruptFile):
        list(iter_body(snapshot.ref.path, snapshot.checked))


def test_archiving_moves_only_what_every_kept_snapshot_covers(fleet: Fleet) -> None:
    a = fleet.publish("alice", "site-a", 5)
    b = fleet.publish("bob", "site-b", 2)
    writer = fleet.writer("sue", "site-s")
    first = fleet.share.open_snapshot(writer.write_snapshot({"site-a": a[2].cursor, "site-b": b[1].cursor}, body(1)))
    second = fleet.share.open_snapshot(writer.write_snapshot({"site-a": a[3].cursor}, body(1)))
    assert fleet.share.archive_covered([first, second]) == 3  # site-a 1..3; site-b is not in both
    live = sorted(p.name for p in fleet.share.layout.changes("site-a").rglob("*.chg"))
    archived = sorted(p.name for p in fleet.share.layout.changes("site-a", archived=True).rglob("*.chg"))
    assert live == ["000000000004.chg", "000000000005.chg"]
    assert archived == ["000000000001.chg", "000000000002.chg", "000000000003.chg"]
    # A laptop that was away reads on through the archive; nothing is ever deleted.
    assert [x.seq for x in fleet.share.read_new("site-a", START)] == [1, 2, 3, 4, 5]
    assert fleet.share.head("site-a") == a[-1].cursor
    assert fleet.share.archive_covered([first, second]) == 0
    writer_a = fleet.writer("alice", "site-a")
    assert writer_a.publish_changes(6, a[-1].hash, records(1)).seq == 6
    with pytest.raises(AlreadyPublished):
        writer_a.publish_changes(2, a[0].hash, records(1))  # an archived name is still taken


def test_archiving_leaves_a_site_alone_when_the_snapshot_saw_another_history(fleet: Fleet) -> None:
    a = fleet.publish("alice", "site-a", 3)
    stale = Cursor(2, "00" * 32)
    snapshot = fleet.share.open_snapshot(fleet.writer("sue", "site-s").write_snapshot({"site-a": stale}, body(1)))
    assert fleet.share.archive_covered([snapshot]) == 0
    assert [x.seq for x in fleet.share.read_new("site-a", START)] == [1, 2, 3] and fleet.share.head("site-a") == a[-1].cursor


def test_archiving_finishes_an_interrupted_move(fleet: Fleet) -> None:
    a = fleet.publish("alice", "site-a", 2)
    snapshot = fleet.share.open_snapshot(fleet.writer("sue", "site-s").write_snapshot({"site-a": a[1].cursor}, body(1)))
    target = fleet.share.layout.change("site-a", 1, archived=True)
    target.parent.mkdir(parents=True)
    os.link(fleet.share.layout.change("site-a", 1), target)  # killed between link and unlink
    assert fleet.share.archive_covered([snapshot]) == 2
    assert not fleet.share.layout.change("site-a", 1).exists() and target.exists()


def test_attachments_are_content_addressed_and_idempotent(fleet: Fleet, tmp_path: Path) -> None:
    writer = fleet.writer("alice", "site-a")
    photo = os.urandom(3 * 2**20 + 17)
    (tmp_path / "photo.jpg").write_bytes(photo)
    sha = writer.put_blob(tmp_path / "photo.jpg")
    assert sha == hashlib.sha256(photo).hexdigest()
    path = fleet.share.layout.blob(sha)
    assert path.parent.name == sha[:2] and path.name == sha
    inode = path.stat().st_ino
    assert fleet.writer("bob", "site-b").put_blob(photo) == sha and path.stat().st_ino == inode
    assert fleet.share.get_blob(sha) == photo


def test_a_missing_blob_is_none_and_a_damaged_one_says_so(fleet: Fleet) -> None:
    sha = fleet.writer("alice", "site-a").put_blob(b"signature scan")
    assert fleet.share.get_blob("0" * 64) is None
    fleet.share.layout.blob(sha).write_bytes(b"signature scam")
    with pytest.raises(CorruptFile, match="do not match"):
        fleet.share.get_blob(sha)
    with pytest.raises(ValueError):
        fleet.share.get_blob("../../etc/passwd")


def test_a_damaged_blob_is_repaired_whole_where_storing_it_again_skips_it(fleet: Fleet) -> None:
    writer = fleet.writer("bob", "site-b")
    sha = fleet.writer("alice", "site-a").put_blob(b"signature scan")
    path = fleet.share.layout.blob(sha)
    path.write_bytes(b"signature scam")
    assert writer.put_blob(b"signature scan") == sha and path.read_bytes() == b"signature scam"  # never replaces
    assert writer.repair_blob(b"signature scan") == sha
    assert fleet.share.get_blob(sha) == b"signature scan"
    assert list(path.parent.iterdir()) == [path]  # the temporary file became the blob
