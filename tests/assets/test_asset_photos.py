"""Inspection photos: stored once by content, only real images, never breaking on a missing file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fieldcrm.domain.assets import AssetService
from fieldcrm.errors import FieldError
from fieldcrm.storage import assets as asset_store
from fieldcrm.storage import attachments
from fieldcrm.workspace import Workspace
from tests.assets.helpers import JPEG, PNG, counts, image

Shops = tuple[dict[str, Any], dict[str, Any]]
GOOD = {"clean": "yes", "display_ok": "yes", "share_percent": "75", "condition": "working"}


@pytest.mark.parametrize(
    "head, kind",
    [
        (PNG, "png"), (JPEG, "jpeg"), (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(20), "webp"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00" + bytes(20), "heic"),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00" + bytes(20), "heic"),
        (b"GIF89a" + bytes(20), None), (b"%PDF-1.7" + bytes(20), None), (b"", None),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(20), None), (b"\x00\x00\x00\x18ftypmp42" + bytes(20), None),
    ],
)
def test_image_formats_are_told_by_their_first_bytes(head: bytes, kind: str | None) -> None:
    assert attachments.image_format(head[:16]) == kind


def test_a_photo_is_stored_under_its_sha256_once(workspace: Workspace, tmp_path: Path) -> None:
    source = image(tmp_path, "shelf.png")
    sha = attachments.store(workspace, source)
    assert sha == hashlib.sha256(PNG).hexdigest()
    stored = attachments.path_for(workspace, sha)
    assert stored == workspace.attachments / sha[:2] / sha and stored.read_bytes() == PNG
    assert attachments.store(workspace, image(tmp_path, "same-again.png")) == sha
    assert [p.name for p in workspace.attachments.rglob("*") if p.is_file()] == [sha]


def test_a_photo_not_received_yet_is_simply_absent(workspace: Workspace) -> None:
    assert attachments.path_for(workspace, "ab" * 32) is None
    assert attachments.path_for(workspace, "../../etc/passwd") is None


def test_photos_are_attached_to_the_inspection_and_shown(
    office: AssetService, freezer: Any, shops: Shops, tmp_path: Path
) -> None:
    office.deploy("BG-001", shops[0]["id"])
    photos = [image(tmp_path, "a.png"), image(tmp_path, "b.jpg", JPEG)]
    event = office.inspect("BG-001", GOOD, photos=photos)
    shas = [hashlib.sha256(PNG).hexdigest(), hashlib.sha256(JPEG).hexdigest()]
    assert [p["sha256"] for p in event["photos"]] == shas
    assert all(Path(p["path"]).is_file() for p in event["photos"])
    shown = office.show("BG-001")["history"][0]
    assert [p["sha256"] for p in shown["photos"]] == shas


def test_a_missing_photo_file_shows_as_not_received(
    office: AssetService, freezer: Any, shops: Shops, tmp_path: Path
) -> None:
    office.deploy("BG-001", shops[0]["id"])
    event = office.inspect("BG-001", GOOD, photos=[image(tmp_path, "a.png")])
    Path(event["photos"][0]["path"]).unlink()  # as on a laptop that synced the record but not yet the file
    shown = office.show("BG-001")["history"][0]["photos"]
    assert shown == [{"sha256": event["photos"][0]["sha256"], "path": None}]
    assert office.flags() == [] and office.list()[0]["tag"] == "BG-001"


@pytest.mark.parametrize("name, content", [("notes.txt", b"not a picture at all"), ("empty.png", b""), ("fake.jpg", b"GIF89a....")])
def test_a_file_that_is_not_an_image_is_refused_with_nothing_written(
    office: AssetService, freezer: Any, shops: Shops, tmp_path: Path, name: str, content: bytes
) -> None:
    office.deploy("BG-001", shops[0]["id"])
    good, bad = image(tmp_path, "good.png"), image(tmp_path, name, content)
    before = counts(office.workspace)
    with pytest.raises(FieldError) as caught:
        office.inspect("BG-001", GOOD, photos=[good, bad])
    assert caught.value.message == f"photos: '{bad}' is not a JPEG, PNG, WebP or HEIC image"
    assert counts(office.workspace) == before


def test_an_unreadable_or_oversized_photo_is_refused(
    office: AssetService, freezer: Any, shops: Shops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.deploy("BG-001", shops[0]["id"])
    before = counts(office.workspace)
    with pytest.raises(FieldError, match="^photos: '.*missing.png' cannot be read$"):
        office.inspect("BG-001", GOOD, photos=[tmp_path / "missing.png"])
    with pytest.raises(FieldError, match="^photos: '.*' cannot be read$"):
        office.inspect("BG-001", GOOD, photos=[tmp_path])
    monkeypatch.setattr(attachments, "MAX_BYTES", 40)
    with pytest.raises(FieldError, match="^photos: '.*big.png' is larger than 0 MB$"):
        office.inspect("BG-001", GOOD, photos=[image(tmp_path, "big.png")])
    assert counts(office.workspace) == before


def test_when_the_write_fails_after_copying_no_photo_is_left_behind(
    office: AssetService, freezer: Any, shops: Shops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Photos are copied inside the transaction; if it does not commit, the files it added go too."""
    office.deploy("BG-001", shops[0]["id"])
    kept = attachments.store(office.workspace, image(tmp_path, "already.png"))
    before = counts(office.workspace)

    def disk_full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(asset_store, "insert_event", disk_full)
    with pytest.raises(sqlite3.OperationalError):
        office.inspect("BG-001", GOOD, photos=[tmp_path / "already.png", image(tmp_path, "new.jpg", JPEG)])
    assert counts(office.workspace) == before
    assert attachments.path_for(office.workspace, kept) is not None  # an earlier record's photo stays


def test_a_batch_removes_only_what_it_created(workspace: Workspace, tmp_path: Path) -> None:
    kept = attachments.store(workspace, image(tmp_path, "old.png"))
    with pytest.raises(RuntimeError):
        with attachments.BlobBatch(workspace) as batch:
            assert batch.add(image(tmp_path, "old-again.png")) == kept
            created = batch.add(image(tmp_path, "new.jpg", JPEG))
            assert attachments.path_for(workspace, created) is not None
            raise RuntimeError("the database write failed")
    assert attachments.path_for(workspace, kept) is not None
    assert attachments.path_for(workspace, created) is None
    assert [p for p in workspace.attachments.rglob(".incoming-*")] == []
