"""Where everything lives on the share, and which names readers accept.

Layout version 1::

    <share>/
      fieldcrm-share.marker                    written once by `share init`: share id, admin public key
      admin/certs/<serial>.cert                admin-signed device certificates, one per file
      admin/revocations/<serial>.revoke        admin-signed revocations of a user, one per file
      sites/<site>/site.claim                  signed by the device owning the site, at its first publish
      sites/<site>/changes/<shard>/<seq>.chg   the site's change files; shard = seq // 1000
      sites/<site>/snapshots/<created>.snap    snapshots written by that site (supervisors, admin)
      blobs/<sha256[:2]>/<sha256>              attachments, content-addressed
      wants/<sha256>.<site>.want               empty: an attachment that site found damaged in blobs/
      archive/sites/<site>/changes/<shard>/<seq>.chg   change files covered by every kept snapshot

Every file is written once under a fresh name and never rewritten, so a name
alone identifies bytes. Wants are the exception: they hold nothing, only the
site they name writes or removes them, and it removes its own once the
attachment reached it, so the laptops holding a good copy stop sending it
again (``sync.photos``). They share one folder, so a sync lists them once
whatever the number of sites. They are not signed: a forged one costs the
laptops holding that attachment a read of the share's copy, and they write
only when that copy is damaged or gone. Sequence numbers are 12 digits and
shards 9, so plain name order is numeric order. The next file of a site has a name known in
advance: a reader with a cursor opens exactly that name and never lists or
reads old files; shards keep every folder at 1,000 change files at most, so
the one listing that gap detection needs stays small however long the
history. Temporary files are dot names (``fsio.temp_name``) in the folder of
the file being written; no pattern below accepts them, nor copies made by
file managers or cloud sync tools ("000000000003 (1).chg").
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

LAYOUT_VERSION = 1
MARKER_NAME = "fieldcrm-share.marker"
SHARD_SIZE = 1000
TOP_FOLDERS = ("admin", "sites", "blobs", "archive", "wants")

SITE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
SHARD_NAME = re.compile(r"\d{9}")
CHANGE_NAME = re.compile(r"(\d{12})\.chg")
CERT_NAME = re.compile(r"[0-9a-f]{16}\.cert")
REVOCATION_NAME = re.compile(r"[0-9a-f]{16}\.revoke")
SNAPSHOT_NAME = re.compile(r"(\d{8}T\d{12}Z)\.snap")
BLOB_ID = re.compile(r"[0-9a-f]{64}")
WANT_NAME = re.compile(r"([0-9a-f]{64})\.([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.want")
_SNAPSHOT_TIME = "%Y%m%dT%H%M%S%fZ"


def check_site_id(site: str) -> str:
    """Site ids become folder names, so only safe, portable characters pass."""
    if not isinstance(site, str) or not SITE_ID.fullmatch(site):
        raise ValueError(f"invalid site id {site!r}: 1-64 letters, digits, '_' or '-', not starting with '_' or '-'")
    return site


def check_blob_id(sha256: str) -> str:
    if not isinstance(sha256, str) or not BLOB_ID.fullmatch(sha256):
        raise ValueError(f"invalid blob id {sha256!r}: 64 lowercase hex digits")
    return sha256


def shard_of(seq: int) -> int:
    return seq // SHARD_SIZE


def shard_name(shard: int) -> str:
    return f"{shard:09d}"


def change_name(seq: int) -> str:
    return f"{seq:012d}.chg"


def snapshot_name(created: datetime) -> str:
    return created.astimezone(timezone.utc).strftime(_SNAPSHOT_TIME) + ".snap"


def snapshot_time(name: str) -> datetime | None:
    match = SNAPSHOT_NAME.fullmatch(name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), _SNAPSHOT_TIME).replace(tzinfo=timezone.utc)


class Layout:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.marker = root / MARKER_NAME
        self.certs = root / "admin" / "certs"
        self.revocations = root / "admin" / "revocations"
        self.sites = root / "sites"
        self.blobs = root / "blobs"
        self.wants = root / "wants"
        self.archive_sites = root / "archive" / "sites"

    def site(self, site: str) -> Path:
        return self.sites / check_site_id(site)

    def claim(self, site: str) -> Path:
        return self.site(site) / "site.claim"

    def changes(self, site: str, *, archived: bool = False) -> Path:
        base = self.archive_sites if archived else self.sites
        return base / check_site_id(site) / "changes"

    def change(self, site: str, seq: int, *, archived: bool = False) -> Path:
        return self.changes(site, archived=archived) / shard_name(shard_of(seq)) / change_name(seq)

    def snapshots(self, site: str) -> Path:
        return self.site(site) / "snapshots"

    def want(self, site: str, sha256: str) -> Path:
        return self.wants / f"{check_blob_id(sha256)}.{check_site_id(site)}.want"

    def blob(self, sha256: str) -> Path:
        return self.blobs / check_blob_id(sha256)[:2] / sha256
