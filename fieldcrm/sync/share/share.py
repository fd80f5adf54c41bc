"""The share: a folder of signed, write-once files that laptops sync through.

``Share.open`` refuses a folder without the marker written by ``Share.init``,
so an unmounted share, a wrong path or an emptied folder stops everything
before anything is read or written: absence never reads as "deleted". Each
workspace should pin the admin key it joined with and pass it as
``expected_admin``; without it the share's own marker is trusted as is.

A long-lived ``Share`` caches what never changes on the share (site claims,
registry records already read); call ``refresh`` at the start of each sync to
see new certificates and revocations (it reads only new names).

Typical sync, for the database side::

    share = Share.open(path, expected_admin=pinned_admin_key)
    share.refresh()
    writer = share.writer(my_site, device_key)
    ref = writer.publish_changes(last.seq + 1, last.hash, records)
    for site in share.sites():
        try:
            for batch in share.read_new(site, cursor_of(site)):
                apply(batch.records, batch.author); save_cursor(site, batch.cursor)
        except StreamStopped as stop:
            report(stop)  # this site waits; the others go on
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.messages import Message
from fieldcrm.sync.share import archive, frame, fsio, layout, reader, sealed
from fieldcrm.sync.share.certificates import ADMIN_WRITER, SNAPSHOT_ROLES, Registry, SiteClaim, open_claim
from fieldcrm.sync.share.errors import (
    BadSignature,
    CorruptFile,
    DiskFull,
    InitRefused,
    MarkerInvalid,
    MarkerMissing,
    NewerFormat,
    NewerShareFormat,
    ShareError,
    ShareNotFound,
    ShareNotWritable,
    ShareUnavailable,
    ShareVanished,
    StreamStopped,
    UnknownSigner,
)
from fieldcrm.sync.share.keys import PublicKey, SigningKey
from fieldcrm.sync.share.reader import ChangeBatch
from fieldcrm.sync.share.refs import START, Cursor
from fieldcrm.sync.share.snapshot import SnapshotRef, VerifiedSnapshot, verify_snapshot
from fieldcrm.sync.share.writer import SiteWriter

MARKER_KIND = "share"
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}
log = logging.getLogger(__name__)


class Share:
    def __init__(self, root: Path, share_id: str, admin_key: PublicKey) -> None:
        self.root = root
        self.layout = layout.Layout(root)
        self.share_id = share_id
        self.admin_key = admin_key
        self._registry: Registry | None = None
        self._claims: dict[str, SiteClaim] = {}

    @classmethod
    def open(cls, path: Path | str, *, expected_admin: PublicKey | None = None) -> Share:
        root = Path(path)
        if not root.is_dir():
            raise ShareNotFound(_N("Sync", "The share {path} does not exist or cannot be reached"), path=root)
        marker = layout.Layout(root).marker
        try:
            data = marker.read_bytes()
        except FileNotFoundError:
            raise MarkerMissing(
                _N("Sync", "{path} is not a FieldCRM share (it has no {marker}): not mounted, or the wrong folder"),
                path=root, marker=layout.MARKER_NAME,
            ) from None
        except OSError as error:
            raise ShareUnavailable(
                _N("Sync", "Cannot read the share marker {path}: {reason}"), path=marker, reason=error.strerror
            ) from None
        try:
            document = sealed.unseal(data, MARKER_KIND)
            body = document.body
            if body.get("admin") != document.signer.text or not isinstance(body.get("share"), str):
                raise CorruptFile(_N("Sync", "it is not signed by the admin it names"))
            version = body.get("layout")
            if not isinstance(version, int) or version > layout.LAYOUT_VERSION:
                raise NewerFormat(_N("Sync", "layout {found}"), found=version)
        except NewerFormat:
            raise NewerShareFormat(
                _N("Sync", "The share {path} was set up by a newer FieldCRM: update the app"), path=root
            ) from None
        except StreamStopped as error:
            raise MarkerInvalid(
                _N("Sync", "The share marker {path} is damaged: {reason}"), path=marker, reason=error.reason
            ) from None
        if expected_admin is not None and document.signer != expected_admin:
            raise MarkerInvalid(
                _N("Sync", "The share {path} is run by admin key {found}, not {expected} that this workspace joined"),
                path=root, found=document.signer.fingerprint, expected=expected_admin.fingerprint,
            )
        return cls(root, body["share"], document.signer)

    @classmethod
    def init(cls, path: Path | str, admin_key_file: Path) -> Share:
        """Create a share, and the admin key in ``admin_key_file`` unless that file holds one already.

        The folder must be new or empty (leftovers of an interrupted init are
        fine): making a share in a folder with other data is refused.
        """
        root = Path(path)
        if not root.parent.is_dir():
            raise ShareNotFound(_N("Sync", "The share {path} does not exist or cannot be reached"), path=root.parent)
        key_file = Path(admin_key_file)
        if key_file.exists():
            admin_key = SigningKey.load(key_file)
        else:
            admin_key = SigningKey.generate()
            admin_key.save(key_file)
        shape = cls(root, secrets.token_hex(16), admin_key.public)
        with shape.io_errors(_N("Sync", "creating the share {path}"), writing=True, path=root):
            if shape.layout.marker.exists():
                raise InitRefused(_N("Sync", "{path} is a FieldCRM share already"), path=root)
            if root.exists() and not _only_empty_layout(root):
                raise InitRefused(_N("Sync", "{path} is not empty: a share needs a folder of its own"), path=root)
            root.mkdir(exist_ok=True)
            for folder in (shape.layout.certs, shape.layout.revocations, shape.layout.sites, shape.layout.blobs,
                           shape.layout.archive_sites, shape.layout.wants):
                folder.mkdir(parents=True, exist_ok=True)
            body = {
                "share": shape.share_id, "admin": admin_key.public.text, "layout": layout.LAYOUT_VERSION,
                "created": datetime.now(timezone.utc).isoformat(),
            }
            try:
                fsio.write_new(shape.layout.marker, [sealed.seal(MARKER_KIND, body, admin_key)], writer=ADMIN_WRITER)
            except FileExistsError:
                raise InitRefused(_N("Sync", "{path} is a FieldCRM share already"), path=root) from None
        return cls.open(root, expected_admin=admin_key.public)

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry.load(self)
        return self._registry

    def refresh(self) -> None:
        """See certificates and revocations published since the registry was loaded."""
        if self._registry is None:
            self._registry = Registry.load(self)
        else:
            self._registry.refresh()

    def writer(self, site: str, key: SigningKey) -> SiteWriter:
        return SiteWriter(self, site, key)

    def sites(self) -> list[str]:
        with self.io_errors(_N("Sync", "listing the sites")):
            return sorted(e.name for e in os.scandir(self.layout.sites) if layout.SITE_ID.fullmatch(e.name) and e.is_dir())

    def read_new(self, site: str, cursor: Cursor = START) -> Iterator[ChangeBatch]:
        """The site's verified files after ``cursor``, in order.

        Raises a ``StreamStopped`` subclass at the first file that cannot be
        applied; the batches before it are good.
        """
        return reader.read_new(self, site, cursor)

    def head(self, site: str) -> Cursor:
        """Where a site's stream ends on the share (not verified: ``read_new`` says if it is valid).

        For a writer recovering from a crash, and for revocations.
        """
        with self.io_errors(_N("Sync", "reading site {site}"), site=site):
            for archived in (False, True):
                seq = _last_seq(self.layout.changes(site, archived=archived))
                if seq is not None:
                    found = self.find_change(site, seq)
                    if found is not None:
                        return Cursor(seq, frame.file_hash(found[1]))
        return START

    def find_change(self, site: str, seq: int) -> tuple[Path, bytes] | None:
        """A change file's path and bytes, from the live folder or the archive; raw ``OSError`` otherwise."""
        for archived in (False, True):
            path = self.layout.change(site, seq, archived=archived)
            try:
                return path, path.read_bytes()
            except (FileNotFoundError, NotADirectoryError):
                continue
        return None

    def find_claim(self, site: str) -> SiteClaim | None:
        """The device owning ``site``, or None if no device claimed it yet; raises if the claim is bad."""
        if site in self._claims:
            return self._claims[site]
        path = self.layout.claim(site)
        with self.io_errors(_N("Sync", "reading site {site}"), site=site):
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                return None
        try:
            claim = open_claim(data, site)
        except StreamStopped as error:
            raise error.locate(site=site, path=path) from None
        self._claims[site] = claim
        return claim

    def claim(self, site: str) -> SiteClaim:
        claim = self.find_claim(site)
        if claim is None:
            raise BadSignature(
                _N("Sync", "the site has files but no claim, so no device can be held to have written them")
            ).locate(site=site, path=self.layout.claim(site))
        return claim

    def owner_label(self, site: str) -> str | None:
        """Whose site this is, in words, for error messages; None when that is unknown."""
        try:
            claim = self.find_claim(site)
            identity = None if claim is None else self.registry.identity(claim.key)
        except ShareError:
            return None
        if claim is None:
            return None
        return str(identity) if identity else _N("Sync", "unregistered device {key}").format(key=claim.key.fingerprint)

    def get_blob(self, sha256: str) -> bytes | None:
        """An attachment's bytes, None if it is not (yet) on the share; ``CorruptFile`` if damaged."""
        path = self.layout.blob(sha256)
        with self.io_errors(_N("Sync", "reading attachment {sha}"), sha=sha256):
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                self.check_marker()
                return None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise CorruptFile(_N("Sync", "the attachment's bytes do not match its name")).locate(path=path)
        return data

    def wants(self) -> set[tuple[str, str]]:
        """Every (attachment, site) a site asked for, having found the share's copy damaged (one listing)."""
        with self.io_errors(_N("Sync", "listing the attachments asked for")):
            try:
                names = os.listdir(self.layout.wants)
            except FileNotFoundError:
                return set()
        return {(match.group(1), match.group(2)) for name in names if (match := layout.WANT_NAME.fullmatch(name))}

    def snapshots(self) -> list[SnapshotRef]:
        """Every snapshot on the share, newest first (not verified yet)."""
        found = []
        for site in self.sites():
            with self.io_errors(_N("Sync", "listing snapshots of site {site}"), site=site):
                try:
                    names = os.listdir(self.layout.snapshots(site))
                except FileNotFoundError:
                    continue
            for name in names:
                created = layout.snapshot_time(name)
                if created is not None:
                    found.append(SnapshotRef(site, created, self.layout.snapshots(site) / name))
        return sorted(found, key=lambda ref: (ref.created, ref.site), reverse=True)

    def open_snapshot(self, ref: SnapshotRef) -> VerifiedSnapshot:
        """Verify a snapshot completely (one pass over the file) before any record is read."""
        try:
            with self.io_errors(_N("Sync", "reading snapshot {path}"), path=ref.path):
                try:
                    checked = verify_snapshot(ref.path)
                except NewerFormat as error:
                    if not isinstance(error.signer, PublicKey) or self.registry.certificate(error.signer) is None:
                        raise BadSignature(_N("Sync", "a file in a newer format, signed by a key no admin registered")) from None
                    raise
            header = checked.header
            if header.site != ref.site or header.created != ref.created:
                raise CorruptFile(_N("Sync", "the snapshot's header names another site or time than its file name"))
            if checked.signer != self.claim(ref.site).key:
                raise BadSignature(_N("Sync", "the snapshot is not signed by the device that owns its site"))
            cert = self.registry.certificate(checked.signer)
            if cert is None:
                raise UnknownSigner(_N("Sync", "signed by key {key}, which no admin certificate registers"),
                                    key=checked.signer.fingerprint)
            if self.registry.revocation_of(cert) is not None or cert.role not in SNAPSHOT_ROLES:
                raise BadSignature(_N("Sync", "signed by {user}, who may not write snapshots (revoked, or role {role})"),
                                   user=cert.user, role=cert.role.value)
        except StreamStopped as error:
            raise error.locate(site=ref.site, path=ref.path, owner=self.owner_label(ref.site)) from None
        return VerifiedSnapshot(ref, self.registry.identity_of(cert), checked)

    def latest_snapshot(self) -> VerifiedSnapshot | None:
        """The newest snapshot that verifies; bad ones are logged and skipped."""
        for ref in self.snapshots():
            try:
                return self.open_snapshot(ref)
            except StreamStopped as error:
                log.warning("skipping snapshot: %s", error)
        return None

    def archive_covered(self, keep: Sequence[VerifiedSnapshot]) -> int:
        """Move change files that every snapshot in ``keep`` covers to the archive; how many moved."""
        return archive.archive_covered(self, keep)

    def check_marker(self) -> None:
        try:
            os.stat(self.layout.marker)
        except OSError:
            raise ShareVanished(
                _N("Sync", "The share {path} has gone (unmounted, moved or deleted)"), path=self.root
            ) from None

    @contextmanager
    def io_errors(self, action: str, *, writing: bool = False, **args: object) -> Iterator[None]:
        """Turn an ``OSError`` into the typed error naming its cause; ``action`` is a template.

        The action travels as a message of its own, so the Sync page shows it
        translated inside the error; the CLI prints it in English.
        """
        try:
            yield
        except OSError as error:
            raise self._translate(error, Message.of(action, **args), writing) from error

    def _translate(self, error: OSError, action: Message, writing: bool) -> ShareError:
        reason = error.strerror or str(error)
        if error.errno in _DISK_FULL:
            return DiskFull(_N("Sync", "{action}: the share's disk is full"), action=action)
        if writing and error.errno in _READ_ONLY:
            return ShareNotWritable(
                _N("Sync", "{action}: the share is not writable ({reason})"), action=action, reason=reason
            )
        try:
            os.stat(self.layout.marker)
        except OSError:
            return ShareVanished(
                _N("Sync", "{action}: the share {path} has gone (unmounted, moved or deleted)"), action=action, path=self.root
            )
        return ShareUnavailable(
            _N("Sync", "{action}: {reason} ({file})"), action=action, reason=reason, file=error.filename or self.root
        )



def _last_seq(changes: Path) -> int | None:
    try:
        shards = sorted((n for n in os.listdir(changes) if layout.SHARD_NAME.fullmatch(n)), reverse=True)
    except FileNotFoundError:
        return None
    for shard in shards:
        try:
            names = os.listdir(changes / shard)
        except FileNotFoundError:
            continue
        seqs = [int(m.group(1)) for m in map(layout.CHANGE_NAME.fullmatch, names) if m]
        if seqs:
            return max(seqs)
    return None


def _only_empty_layout(root: Path) -> bool:
    for folder, dirs, files in os.walk(root):
        if files or (Path(folder) == root and any(d not in layout.TOP_FOLDERS for d in dirs)):
            return False
    return True

