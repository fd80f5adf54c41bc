"""Inspection photos through a real share: sent once, fetched where the shop is kept, never breaking a sync."""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldcrm.domain.assets import AssetService
from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.storage import attachments
from fieldcrm.sync import engine, photos
from fieldcrm.sync.messages import Message
from fieldcrm.sync.share import Share, ShareVanished
from fieldcrm.workspace import Workspace
from tests.assets.helpers import FREEZER, JPEG, PNG, image, service
from tests.sync.test_engine_support import Office, open_office

GOOD = {"clean": "yes", "display_ok": "no", "share_percent": "60", "condition": "working"}
PNG_SHA = hashlib.sha256(PNG).hexdigest()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    yield from open_office(tmp_path)


def inspected_with_photo(ws: Workspace, tmp_path: Path, territory: str = "西湖区") -> tuple[AssetService, dict[str, Any]]:
    """A supervisor's freezer at a shop in ``territory``, inspected with one photo."""
    shop = CustomerService(ws).create({"name": "张三超市", "territory": territory})
    assets = service(ws)
    assets.add(FREEZER)
    assets.deploy("BG-001", shop["id"])
    assets.inspect("BG-001", GOOD, photos=[image(tmp_path, "shelf.png")])
    return assets, shop


def shown_photo(ws: Workspace) -> dict[str, Any]:
    [photo] = service(ws).show("BG-001")["history"][0]["photos"]
    return photo


def blob_on_share(office: Office, sha: str) -> Path:
    return office.share / "blobs" / sha[:2] / sha


def test_a_photo_travels_from_the_laptop_that_took_it_to_one_that_keeps_the_shop(office: Office, tmp_path: Path) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    inspected_with_photo(sup, tmp_path)
    steps: list[Message] = []
    sent = engine.sync(sup, office.share, progress=lambda done, total, step: steps.append(step))
    assert (sent.photos_sent, sent.photos_received, sent.photos_missing, sent.photo_warnings) == (1, 0, 0, [])
    assert Message.of(photos.MSG_SENDING, count=1) in steps  # a template for the Sync page to translate
    assert blob_on_share(office, PNG_SHA).read_bytes() == PNG

    got = engine.sync(rep, office.share)
    assert (got.photos_sent, got.photos_received, got.photos_missing, got.photo_warnings) == (0, 1, 0, [])
    photo = shown_photo(rep)
    assert photo["sha256"] == PNG_SHA and Path(photo["path"]).read_bytes() == PNG
    assert got.to_json()["photos_received"] == 1 and engine.last_summary(rep) == got

    again = (engine.sync(sup), engine.sync(rep))
    assert [(s.photos_sent, s.photos_received, s.photos_missing) for s in again] == [(0, 0, 0), (0, 0, 0)]


def test_a_reps_photo_reaches_the_supervisor_and_a_shared_photo_is_stored_once(office: Office, tmp_path: Path) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    shop = CustomerService(sup).create({"name": "张三超市", "territory": "西湖区"})
    service(sup).add(FREEZER)
    service(sup).add({**FREEZER, "tag": "BG-002", "serial_number": "HR2"})
    engine.sync(sup, office.share)
    engine.sync(rep, office.share)
    assets = service(rep)
    for tag in ("BG-001", "BG-002"):
        assets.deploy(tag, shop["id"])
        assets.inspect(tag, GOOD, photos=[image(tmp_path, "same.png"), image(tmp_path, f"{tag}.jpg", JPEG + tag.encode())])
    sent = engine.sync(rep)
    assert (sent.photos_sent, sent.photos_missing) == (3, 0)  # the photo on both units goes once
    got = engine.sync(sup)
    assert got.photos_received == 3
    for tag in ("BG-001", "BG-002"):
        paths = [p["path"] for p in service(sup).show(tag)["history"][0]["photos"]]
        assert all(p is not None and Path(p).is_file() for p in paths)


def test_a_photo_not_on_the_share_yet_warns_and_arrives_at_a_later_sync(office: Office, tmp_path: Path) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    inspected_with_photo(sup, tmp_path)
    stored = attachments.path_for(sup, PNG_SHA)
    assert stored is not None
    aside = stored.rename(tmp_path / "aside")  # as if the file went missing on the sender's laptop
    held = engine.sync(sup, office.share)
    assert (held.sent_files, held.photos_sent, held.photos_missing) == (1, 0, 1)
    assert "cannot be sent" in str(held.photo_warnings[0])

    waiting = engine.sync(rep, office.share)  # the records arrive, the photo cannot yet
    assert waiting.received_files == 1 and (waiting.photos_received, waiting.photos_missing) == (0, 1)
    assert "not on the share yet" in str(waiting.photo_warnings[0])
    assert shown_photo(rep)["path"] is None

    aside.rename(stored)
    assert engine.sync(sup).photos_sent == 1  # retried: it was still owed
    later = engine.sync(rep)
    assert (later.photos_received, later.photos_missing, later.photo_warnings) == (1, 0, [])
    assert Path(shown_photo(rep)["path"]).read_bytes() == PNG


def test_a_damaged_photo_on_the_share_is_refused_and_fetched_once_repaired(office: Office, tmp_path: Path) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    inspected_with_photo(sup, tmp_path)
    engine.sync(sup, office.share)
    blob = blob_on_share(office, PNG_SHA)
    blob.unlink()
    blob.write_bytes(PNG[:-1] + b"\x01")  # one byte flipped on the share

    refused = engine.sync(rep, office.share)
    assert (refused.photos_received, refused.photos_missing) == (0, 1)
    [warning] = refused.photo_warnings
    assert "damaged" in str(warning) and PNG_SHA[:12] in str(warning)
    assert refused.to_json()["photo_warnings"] == [str(warning)]
    assert attachments.path_for(rep, PNG_SHA) is None
    assert [p for p in rep.attachments.rglob("*") if p.is_file()] == []  # nothing half-kept, no temporary file

    blob.unlink()
    blob.write_bytes(PNG)
    assert engine.sync(rep).photos_received == 1
    assert attachments.path_for(rep, PNG_SHA) is not None


def test_a_damaged_copy_on_the_share_is_mended_by_the_laptop_sending_the_photo_then_fetched_fine(
    office: Office, tmp_path: Path
) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    inspected_with_photo(sup, tmp_path)
    blob = blob_on_share(office, PNG_SHA)
    blob.parent.mkdir(exist_ok=True)
    blob.write_bytes(PNG[:-1] + b"\x01")  # the same picture, sent by another laptop and damaged on the share
    stored = attachments.path_for(sup, PNG_SHA)
    assert stored is not None
    aside = stored.rename(tmp_path / "aside")
    assert engine.sync(sup, office.share).photos_missing == 1  # the inspection goes out, its photo cannot yet
    refused = engine.sync(rep, office.share)
    assert refused.photos_missing == 1 and "damaged" in str(refused.photo_warnings[0])

    aside.rename(stored)
    mended = engine.sync(sup)
    assert (mended.photos_sent, mended.photos_missing, mended.photo_warnings) == (1, 0, [])
    assert blob.read_bytes() == PNG and list(blob.parent.iterdir()) == [blob]
    assert photos.owed(sup.db, photos.SEND) == []
    fetched = engine.sync(rep)
    assert (fetched.photos_received, fetched.photos_missing, fetched.photo_warnings) == (1, 0, [])
    assert Path(shown_photo(rep)["path"]).read_bytes() == PNG


def wants(office: Office, ws: Workspace) -> list[str]:
    """The attachments ``ws``'s site asks for, by their files on the share."""
    site = ws.require_identity().site_id
    return sorted(p.name for p in (office.share / "wants").glob(f"*.{site}.want"))


def test_a_photo_damaged_after_it_was_sent_is_sent_again_by_a_laptop_holding_it(
    office: Office, tmp_path: Path
) -> None:
    """The sender marked it sent long ago; the laptop that finds it damaged asks, and any holder answers."""
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    other = office.laptop("other", "王五", Role.SUPERVISOR, None)  # holds nothing: has nothing to answer with
    inspected_with_photo(sup, tmp_path)
    (office.share / "wants").rmdir()  # a share made by an app before wants: the first one makes the folder
    assert engine.sync(sup, office.share).photos_sent == 1
    blob = blob_on_share(office, PNG_SHA)
    blob.unlink()
    blob.write_bytes(PNG[:-1] + b"\x01")

    refused = engine.sync(rep, office.share)
    assert refused.photos_missing == 1 and "asked to send it again" in str(refused.photo_warnings[0])
    asking = [f"{PNG_SHA}.{rep.require_identity().site_id}.want"]
    assert wants(office, rep) == asking
    assert engine.sync(other, office.share).photos_sent == 0
    assert engine.sync(rep).photos_missing == 1 and wants(office, rep) == asking  # still asking

    steps: list[Message] = []
    mended = engine.sync(sup, progress=lambda done, total, step: steps.append(step))
    assert (mended.photos_sent, mended.photos_missing, mended.photo_warnings) == (1, 0, [])
    assert Message.of(photos.MSG_MENDING, count=1) in steps
    assert blob.read_bytes() == PNG

    fetched = engine.sync(rep)
    assert (fetched.photos_received, fetched.photos_missing, fetched.photo_warnings) == (1, 0, [])
    assert wants(office, rep) == []
    assert engine.sync(sup).photos_sent == 0  # nobody asks any more


def test_a_rep_fetches_no_photo_of_a_shop_outside_the_territory_until_it_moves_in(
    office: Office, tmp_path: Path
) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")  # 西湖区
    _, shop = inspected_with_photo(sup, tmp_path, territory="滨江区")
    engine.sync(sup, office.share)
    outside = engine.sync(rep, office.share)
    assert (outside.photos_received, outside.photos_missing, outside.photo_warnings) == (0, 0, [])
    assert attachments.path_for(rep, PNG_SHA) is None
    assert service(rep).show("BG-001")["history"][0]["photos"] == [{"sha256": PNG_SHA, "path": None}]

    CustomerService(sup).update(shop["id"], {"territory": "西湖区"})
    engine.sync(sup)
    moved_in = engine.sync(rep)
    assert moved_in.photos_received == 1 and attachments.path_for(rep, PNG_SHA) is not None


def test_the_share_vanishing_or_a_full_disk_during_photos_is_a_warning_and_the_changes_stay_synced(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    inspected_with_photo(sup, tmp_path)
    engine.sync(sup, office.share)

    def vanished(self: Share, sha256: str) -> bytes | None:
        raise ShareVanished("The share {path} has gone (unmounted, moved or deleted)", path=self.root)

    def disk_full(*_: object) -> bool:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(Share, "get_blob", vanished)
        summary = engine.sync(rep, office.share)
    assert summary.received_files == 1 and summary.photos_received == 0
    assert "has gone" in str(summary.photo_warnings[0])
    assert service(rep).show("BG-001")["history"][0]["kind"] == "inspect"
    assert photos.owed(rep.db, photos.FETCH) == [PNG_SHA]
    with monkeypatch.context() as patched:
        patched.setattr(attachments, "store_blob", disk_full)  # this laptop's own disk is full
        full = engine.sync(rep)
    assert full.photos_received == 0 and "No space left on device" in str(full.photo_warnings[0])
    assert photos.owed(rep.db, photos.FETCH) == [PNG_SHA]
    assert engine.sync(rep).photos_received == 1
    assert photos.owed(rep.db, photos.FETCH) == []


def test_a_photo_already_on_the_share_is_not_written_again(office: Office, tmp_path: Path) -> None:
    sup = office.laptop("sup", "韩梅梅", Role.SUPERVISOR, None)
    rep = office.laptop("rep", "李雷")
    inspected_with_photo(sup, tmp_path)
    engine.sync(sup, office.share)
    engine.sync(rep, office.share)
    blob = blob_on_share(office, PNG_SHA)
    before = blob.stat()
    service(rep).inspect("BG-001", GOOD, photos=[image(tmp_path, "again.png")])  # the very same bytes
    assert engine.sync(rep).photos_sent == 0
    after = blob.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert list(blob.parent.iterdir()) == [blob]  # no temporary file left beside it
