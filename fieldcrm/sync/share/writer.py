"""What one site publishes: its change files, its claim, attachments, snapshots, wants.

A writer refuses, before writing anything, when the device is not
registered, revoked, bound to another site, or (for snapshots) not a
supervisor or admin; when the site id is claimed by another device; and when
the file would not chain onto the share's copy of the previous one (gap or
fork). Publishing is idempotent: re-publishing a seq with the same records
after a crash returns the file already there, which is how a caller recovers
when it was killed after the file appeared but before it recorded that.

One writer per site and process at a time: that guard (the "sync in
progress" lock) is the database side's, and the share relies on it instead of
on file locks, which SMB does not honour reliably.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import fsio, layout
from fieldcrm.sync.share.certificates import SNAPSHOT_ROLES, Certificate, seal_claim
from fieldcrm.sync.share.changefile import DecodedChanges, decode_changes, encode_changes
from fieldcrm.sync.share.errors import (
    AlreadyPublished,
    ForkInStream,
    GapInStream,
    NotAuthorized,
    SiteTaken,
    StreamStopped,
)
from fieldcrm.sync.share.keys import SigningKey
from fieldcrm.sync.share.refs import Cursor, FileRef
from fieldcrm.sync.share.snapshot import SnapshotEncoder, SnapshotHeader, SnapshotRef

if TYPE_CHECKING:
    from fieldcrm.sync.share.share import Share

_CHUNK = 1 << 20


class SiteWriter:
    def __init__(self, share: Share, site: str, key: SigningKey) -> None:
        self.share = share
        self.site = layout.check_site_id(site)
        self._key = key
        self._claimed = False
        self._head: Cursor | None = None  # last file this writer published, to skip re-reading it

    def publish_changes(self, seq: int, prev_hash: str, records: Sequence[Mapping[str, Any]]) -> FileRef:
        """Publish file ``seq`` of this site; ``prev_hash`` is the hash of file ``seq - 1`` ("" for 1)."""
        if seq < 1 or (seq == 1) != (prev_hash == ""):
            raise ValueError(f"file #{seq} with previous hash {prev_hash!r}: only file #1 has no predecessor")
        records = list(records)
        share = self.share
        share.check_marker()
        self._authorised()
        self._ensure_claim()
        if seq > 1 and self._head != Cursor(seq - 1, prev_hash):
            self._check_previous(seq, prev_hash)
        data, digest = encode_changes(self.site, seq, prev_hash, records, self._key)
        path = share.layout.change(self.site, seq)
        with share.io_errors(_N("Sync", "publishing file #{seq} of site {site}"), writing=True, seq=seq, site=self.site):
            fsio.ensure_dir(share.layout.sites, self.site, "changes", path.parent.name)
            try:
                if share.layout.change(self.site, seq, archived=True).exists():
                    raise FileExistsError(path)
                fsio.write_new(path, [data], writer=self.site)
                ref = FileRef(self.site, seq, digest)
            except FileExistsError:
                ref = self._already_there(seq, prev_hash, records)
        self._head = ref.cursor
        return ref

    def put_blob(self, source: bytes | Path) -> str:
        """Store an attachment; returns its id (SHA-256 hex). Storing it again costs one stat."""
        share = self.share
        share.check_marker()
        if isinstance(source, bytes):
            sha = hashlib.sha256(source).hexdigest()
            chunks: Iterable[bytes] = [source]
        else:
            sha = _hash_file(Path(source))
            chunks = _file_chunks(Path(source), sha)
        target = share.layout.blob(sha)
        with share.io_errors(_N("Sync", "storing attachment {sha}"), writing=True, sha=sha):
            if target.exists():
                return sha
            fsio.ensure_dir(share.layout.blobs, sha[:2])
            try:
                fsio.write_new(target, chunks, writer=self.site)
            except FileExistsError:
                pass  # another site stored the same bytes meanwhile
        return sha

    def repair_blob(self, data: bytes) -> str:
        """Put ``data`` in place of a damaged copy of its blob; returns its id.

        A blob's name is the SHA-256 of its content, so these bytes are the
        only ones it may hold: replacing it changes nothing a reader relies
        on, and readers see the damaged copy or this one whole.
        """
        share = self.share
        share.check_marker()
        sha = hashlib.sha256(data).hexdigest()
        with share.io_errors(_N("Sync", "storing attachment {sha}"), writing=True, sha=sha):
            fsio.ensure_dir(share.layout.blobs, sha[:2])
            fsio.write_replacing(share.layout.blob(sha), [data], writer=self.site)
        return sha

    def want_blob(self, sha256: str) -> None:
        """Ask the laptops holding this attachment to send it again: the share's copy is damaged.

        An empty file named by the attachment and this site; asking again costs one stat.
        """
        share = self.share
        share.check_marker()
        path = share.layout.want(self.site, sha256)
        with share.io_errors(_N("Sync", "asking for attachment {sha}"), writing=True, sha=sha256):
            if path.exists():
                return
            fsio.ensure_dir(share.layout.root, "wants")  # a share made before wants existed has no folder yet
            try:
                fsio.write_new(path, [b""], writer=self.site)
            except FileExistsError:
                pass  # there after all: the share's cached listing was behind

    def withdraw_want(self, sha256: str) -> None:
        """No longer ask for this attachment (it arrived, or is no longer needed here)."""
        share = self.share
        share.check_marker()
        with share.io_errors(_N("Sync", "asking for attachment {sha}"), writing=True, sha=sha256):
            share.layout.want(self.site, sha256).unlink(missing_ok=True)

    def write_snapshot(self, covers: Mapping[str, Cursor], body: Iterable[bytes]) -> SnapshotRef:
        """Stream ``body`` (the database side's bytes) into a new signed snapshot covering ``covers``."""
        share = self.share
        share.check_marker()
        self._authorised(snapshot=True)
        self._ensure_claim()
        created = datetime.now(timezone.utc)
        encoder = SnapshotEncoder(SnapshotHeader(self.site, created, dict(covers)), body, self._key)
        path = share.layout.snapshots(self.site) / layout.snapshot_name(created)
        with share.io_errors(_N("Sync", "writing a snapshot of site {site}"), writing=True, site=self.site):
            fsio.ensure_dir(share.layout.sites, self.site, "snapshots")
            fsio.write_new(path, encoder.chunks(), writer=self.site)
        return SnapshotRef(self.site, created, path)

    def clean_temp(self) -> int:
        """Remove temporary files this site left when killed mid-publish; how many.

        Walks the site's own folders and the blob folders, so call it at start
        or now and then, not on every sync.
        """
        share = self.share
        share.check_marker()
        removed = 0
        with share.io_errors(_N("Sync", "cleaning temporary files of site {site}"), writing=True, site=self.site):
            for folder, _dirs, _files in os.walk(share.layout.site(self.site)):
                removed += fsio.remove_temps(Path(folder), self.site)
            for entry in os.scandir(share.layout.blobs):
                if entry.is_dir():
                    removed += fsio.remove_temps(Path(entry.path), self.site)
        return removed

    def _authorised(self, *, snapshot: bool = False) -> Certificate:
        share = self.share
        cert = share.registry.certificate(self._key.public)
        if cert is None:
            share.refresh()
            cert = share.registry.certificate(self._key.public)
        if cert is None:
            raise NotAuthorized(
                _N("Sync", "This device is not registered on the share: ask the admin to register the key {key} (fingerprint {fingerprint})"),
                key=self._key.public.text, fingerprint=self._key.public.fingerprint,
            )
        revocation = share.registry.revocation_of(cert)
        if revocation is not None:
            raise NotAuthorized(
                _N("Sync", "{user}'s devices were revoked on {day}: this device may no longer publish"),
                user=cert.user, day=revocation.issued.date().isoformat(),
            )
        if cert.site is not None and cert.site != self.site:
            raise NotAuthorized(
                _N("Sync", "This device is registered for site {bound}, not {site}"), bound=cert.site, site=self.site
            )
        if snapshot and cert.role not in SNAPSHOT_ROLES:
            raise NotAuthorized(
                _N("Sync", "Only supervisors and admins write snapshots; {user} is registered as {role}"),
                user=cert.user, role=cert.role.value,
            )
        return cert

    def _ensure_claim(self) -> None:
        if self._claimed:
            return
        share = self.share
        claim = share.find_claim(self.site)
        if claim is None:
            with share.io_errors(_N("Sync", "claiming site {site}"), writing=True, site=self.site):
                fsio.ensure_dir(share.layout.sites, self.site)
                try:
                    fsio.write_new(share.layout.claim(self.site), [seal_claim(self.site, self._key)], writer=self.site)
                except FileExistsError:
                    pass  # ours from an earlier, interrupted run, or another device's: checked below
            claim = share.claim(self.site)
        if claim.key != self._key.public:
            owner = share.registry.identity(claim.key)
            raise SiteTaken(
                _N("Sync", "Site {site} belongs to {owner}: this workspace's site id is used by another device"),
                site=self.site, owner=str(owner) if owner else claim.key.fingerprint,
            )
        self._claimed = True

    def _check_previous(self, seq: int, prev_hash: str) -> None:
        share = self.share
        with share.io_errors(_N("Sync", "reading site {site}"), site=self.site):
            found = share.find_change(self.site, seq - 1)
        path = share.layout.change(self.site, seq - 1)
        try:
            if found is None:
                raise GapInStream(
                    _N("Sync", "cannot publish #{seq}: #{before} is not on the share"), seq=seq, before=seq - 1
                )
            path, data = found
            if decode_changes(data).hash != prev_hash:
                raise ForkInStream(
                    _N("Sync", "cannot publish #{seq}: the share's #{before} is not the one this workspace published "
                       "(workspace restored from a backup, or its site id used by another copy)"),
                    seq=seq, before=seq - 1,
                )
        except StreamStopped as error:
            raise error.locate(site=self.site, seq=seq - 1, path=path, owner=self._owner_label()) from None

    def _already_there(self, seq: int, prev_hash: str, records: list[Mapping[str, Any]]) -> FileRef:
        found = self.share.find_change(self.site, seq)
        decoded: DecodedChanges | None = None
        if found is not None:
            try:
                decoded = decode_changes(found[1])
            except StreamStopped:
                decoded = None
        if (
            decoded is not None
            and decoded.signer == self._key.public
            and decoded.header.prev_hash == prev_hash
            and _normal(decoded.records) == _normal(records)
        ):
            return FileRef(self.site, seq, decoded.hash)
        raise AlreadyPublished(
            _N("Sync", "File #{seq} of site {site} is already on the share with other content: this workspace's "
               "publish log is behind the share (restored from a backup, or its site id used by another copy)"),
            existing=FileRef(self.site, seq, decoded.hash if decoded else ""), seq=seq, site=self.site,
        )

    def _owner_label(self) -> str:
        identity = self.share.registry.identity(self._key.public)
        return str(identity) if identity else self._key.public.fingerprint


def _normal(records: Sequence[Mapping[str, Any]]) -> list[str]:
    return [json.dumps(r, sort_keys=True) for r in records]


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _file_chunks(path: Path, expected: str) -> Iterator[bytes]:
    """The file's bytes, refusing at the end if they changed since hashing (nothing is published then)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            yield chunk
    if digest.hexdigest() != expected:
        raise ValueError(f"{path} changed while it was being stored; store it again")
