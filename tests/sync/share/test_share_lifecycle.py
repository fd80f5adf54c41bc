"""Creating and opening a share; a missing, foreign or vanished share stops everything, touching nothing."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from share_helpers import Fleet

from fieldcrm.sync.share import (
    START,
    InitRefused,
    MarkerInvalid,
    MarkerMissing,
    NewerShareFormat,
    NotAuthorized,
    Share,
    ShareNotFound,
    ShareVanished,
    SigningKey,
    issue_certificate,
)
from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import sealed


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_init_creates_marker_layout_and_admin_key(tmp_path: Path) -> None:
    share = Share.init(tmp_path / "share", tmp_path / "admin.key")
    assert (tmp_path / "admin.key").stat().st_mode & 0o777 == 0o600
    admin = SigningKey.load(tmp_path / "admin.key")
    assert share.admin_key == admin.public
    assert tree(tmp_path / "share") == [
        "admin", "admin/certs", "admin/revocations", "archive", "archive/sites", "blobs", "fieldcrm-share.marker", "sites",
        "wants",
    ]
    reopened = Share.open(tmp_path / "share", expected_admin=admin.public)
    assert reopened.share_id == share.share_id and reopened.sites() == []


def test_init_refuses_an_existing_share_or_a_folder_with_data(tmp_path: Path) -> None:
    Share.init(tmp_path / "share", tmp_path / "admin.key")
    with pytest.raises(InitRefused, match="already"):
        Share.init(tmp_path / "share", tmp_path / "other.key")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "report.docx").write_bytes(b"x")
    with pytest.raises(InitRefused, match="not empty"):
        Share.init(tmp_path / "documents", tmp_path / "admin.key")
    assert tree(tmp_path / "documents") == ["report.docx"]


def test_init_finishes_after_an_interrupted_init_with_the_same_key(tmp_path: Path) -> None:
    admin = SigningKey.generate()
    admin.save(tmp_path / "admin.key")
    (tmp_path / "share" / "admin" / "certs").mkdir(parents=True)
    share = Share.init(tmp_path / "share", tmp_path / "admin.key")
    assert share.admin_key == admin.public


def test_init_needs_the_parent_folder(tmp_path: Path) -> None:
    with pytest.raises(ShareNotFound):
        Share.init(tmp_path / "unmounted" / "share", tmp_path / "admin.key")
    assert not (tmp_path / "unmounted").exists()


def test_a_missing_share(tmp_path: Path) -> None:
    with pytest.raises(ShareNotFound) as caught:
        Share.open(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in str(caught.value)
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_without_marker_is_not_a_share_and_is_not_touched(tmp_path: Path) -> None:
    (tmp_path / "mnt").mkdir()
    with pytest.raises(MarkerMissing, match="not mounted"):
        Share.open(tmp_path / "mnt")
    assert tree(tmp_path / "mnt") == []


def test_a_damaged_or_foreign_marker(tmp_path: Path) -> None:
    share = Share.init(tmp_path / "share", tmp_path / "admin.key")
    with pytest.raises(MarkerInvalid, match="run by admin key"):
        Share.open(share.root, expected_admin=SigningKey.generate().public)
    data = share.layout.marker.read_bytes()
    share.layout.marker.write_bytes(data.replace(b'"layout":1', b'"layout":0'))
    with pytest.raises(MarkerInvalid, match="damaged"):
        Share.open(share.root)


def test_a_share_made_by_a_newer_app(tmp_path: Path) -> None:
    share = Share.init(tmp_path / "share", tmp_path / "admin.key")
    admin = SigningKey.load(tmp_path / "admin.key")
    body = {"share": "x", "admin": admin.public.text, "layout": 2, "created": datetime.now(timezone.utc).isoformat()}
    os.unlink(share.layout.marker)
    share.layout.marker.write_bytes(sealed.seal("share", body, admin))
    with pytest.raises(NewerShareFormat, match="update the app"):
        Share.open(share.root)


def test_only_the_admin_key_registers_devices(fleet: Fleet) -> None:
    with pytest.raises(NotAuthorized):
        issue_certificate(fleet.share, fleet.keys["sue"], user="eve", role=Role.ADMIN, device_key=SigningKey.generate().public)


def test_publishing_after_the_marker_vanished_writes_nothing(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)
    before = tree(fleet.share.root)
    os.unlink(fleet.share.layout.marker)
    with pytest.raises(ShareVanished):
        fleet.publish("alice", "site-a", 1)
    with pytest.raises(ShareVanished):
        fleet.writer("bob", "site-b").publish_changes(1, "", [{"a": 1}])
    with pytest.raises(ShareVanished):
        fleet.writer("alice", "site-a").put_blob(b"photo")
    assert tree(fleet.share.root) == [p for p in before if p != "fieldcrm-share.marker"]


def test_an_unmounted_share_is_never_recreated_on_the_local_disk(
    fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = fleet.writer("alice", "site-a")
    first = writer.publish_changes(1, "", [{"a": 1}])
    shutil.move(fleet.share.root, tmp_path / "away")
    fleet.share.root.mkdir()  # the empty mount point left behind
    # Unmounted just after the marker check passed:
    monkeypatch.setattr(fleet.share, "check_marker", lambda: None)
    with pytest.raises(ShareVanished):
        writer.publish_changes(2, first.hash, [{"a": 2}])
    with pytest.raises(ShareVanished):
        writer.put_blob(b"photo")
    assert tree(fleet.share.root) == []


def test_the_share_removed_in_the_middle_of_a_read(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 3)
    stream = fleet.share.read_new("site-a", START)
    assert next(stream).seq == 1
    shutil.rmtree(fleet.share.root)
    with pytest.raises(ShareVanished):
        next(stream)


def test_the_share_unmounted_in_the_middle_of_a_read(fleet: Fleet, tmp_path: Path) -> None:
    refs = fleet.publish("alice", "site-a", 3)
    stream = fleet.share.read_new("site-a", START)
    assert next(stream).seq == 1
    shutil.move(fleet.share.root, tmp_path / "away")
    fleet.share.root.mkdir()
    with pytest.raises(ShareVanished):
        next(stream)
    with pytest.raises(ShareVanished):
        list(fleet.share.read_new("site-a", refs[-1].cursor))  # nothing new on a vanished share is not "nothing new"
    with pytest.raises(ShareVanished):
        fleet.share.sites()
