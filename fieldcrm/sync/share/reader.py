"""Reading a site's new change files, in order, trusting nothing on the share.

For a cursor (seq n, hash h) the reader opens ``n+1`` by its known name (in
the live folder, then in the archive), verifies it, hands it out, and goes
on with ``n+2``. When the next name is missing it lists the site's shard
folders once to tell "nothing new" from a gap (a later file exists), and
checks that the marker is still there, so an unmounted share never passes
for a quiet one. Old files are never opened again: the cursor's hash is
checked against the next file's ``prev`` instead.

A file is accepted only if it is intact, signed, signed by the device that
owns the site (its claim), by a registered key whose certificate allows that
site and is not revoked (or the file predates the revocation), carries its
own site and seq (not a copy), and chains to the previous one (no fork).
The first failure stops that site's stream with a typed error naming the
file and its owner; other sites are not affected.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import layout
from fieldcrm.sync.share.certificates import Identity, Registry, SiteClaim
from fieldcrm.sync.share.changefile import DecodedChanges, decode_changes
from fieldcrm.sync.share.errors import (
    BadSignature,
    ForkInStream,
    GapInStream,
    NewerFormat,
    ReplayedFile,
    RevokedSigner,
    StreamStopped,
    UnknownSigner,
)
from fieldcrm.sync.share.keys import PublicKey
from fieldcrm.sync.share.refs import Cursor, FileRef

if TYPE_CHECKING:
    from fieldcrm.sync.share.share import Share


@dataclass(frozen=True)
class ChangeBatch:
    """One verified change file: apply ``records``, then store ``cursor`` for ``site``."""

    site: str
    seq: int
    hash: str
    prev_hash: str
    created: datetime
    records: list[dict[str, Any]]
    author: Identity
    path: Path

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.seq, self.hash)

    @property
    def ref(self) -> FileRef:
        return FileRef(self.site, self.seq, self.hash)


def read_new(share: Share, site: str, cursor: Cursor) -> Iterator[ChangeBatch]:
    layout.check_site_id(site)
    seq, prev = cursor.seq + 1, cursor.hash
    retried = False
    while True:
        with share.io_errors(_N("Sync", "reading site {site}"), site=site):
            found = share.find_change(site, seq)
            later = None if found else first_published(share, site, seq)
        if found is None:
            if later == seq and not retried:
                retried = True  # published between our open and our listing
                continue
            share.check_marker()
            if later is None or later == seq:
                # Nothing new; or listed yet still "not found" when opened, as SMB
                # clients cache a miss for seconds: it will be there next sync.
                return
            raise GapInStream(
                _N("Sync", "file #{seq} is missing but #{later} is there: files were lost or are still being copied"),
                seq=seq, later=later,
            ).locate(site=site, seq=seq, path=share.layout.change(site, seq), owner=share.owner_label(site))
        path, data = found
        batch = verify(share, site, seq, prev, path, data)
        yield batch
        seq, prev, retried = seq + 1, batch.hash, False


def verify(share: Share, site: str, seq: int, prev: str, path: Path, data: bytes) -> ChangeBatch:
    """Check one change file found under ``site``/``seq`` that must follow ``prev``."""
    try:
        try:
            decoded = decode_changes(data)
        except NewerFormat as error:
            if not isinstance(error.signer, PublicKey) or share.registry.certificate(error.signer) is None:
                raise BadSignature(_N("Sync", "a file in a newer format, signed by a key no admin registered")) from None
            raise
        header = decoded.header
        if header.site != site:
            raise ReplayedFile(
                _N("Sync", "it is file #{seq} of site {other}, copied or replayed under this site's name"),
                seq=header.seq, other=header.site,
            )
        if header.seq != seq:
            raise ReplayedFile(
                _N("Sync", "it is this site's file #{found}, copied or replayed under another number"), found=header.seq
            )
        author = authorise(share.registry, share.claim(site), decoded, site)
        if header.prev_hash != prev:
            raise ForkInStream(
                _N("Sync", "it follows a file #{before} ({found}) other than the one applied here ({expected}): "
                   "the site's history was rewritten, e.g. its workspace restored from a backup"),
                before=seq - 1, found=header.prev_hash[:12] or "none", expected=prev[:12] or "none",
            )
    except StreamStopped as error:
        raise error.locate(site=site, seq=seq, path=path, owner=share.owner_label(site))
    return ChangeBatch(site, seq, decoded.hash, header.prev_hash, header.created, decoded.records, author, path)


def authorise(registry: Registry, claim: SiteClaim, decoded: DecodedChanges, site: str) -> Identity:
    """The author of a change file, if its signer may write it; raises otherwise."""
    signer = decoded.signer
    if signer != claim.key:
        other = registry.identity(signer)
        raise BadSignature(
            _N("Sync", "signed by {signer}, but this site belongs to another device"),
            signer=str(other) if other else _N("Sync", "an unregistered key {key}").format(key=signer.fingerprint),
        )
    cert = registry.certificate(signer)
    if cert is None:
        raise UnknownSigner(
            _N("Sync", "signed by key {key}, which no admin certificate registers"), key=signer.fingerprint
        )
    if cert.site is not None and cert.site != site:
        raise BadSignature(
            _N("Sync", "{user}'s certificate binds that device to site {bound}"), user=cert.user, bound=cert.site
        )
    revocation = registry.revocation_of(cert)
    if revocation is not None:
        honored = revocation.honor.get(site)
        seq = decoded.header.seq
        if honored is None or seq > honored.seq or (seq == honored.seq and decoded.hash != honored.hash):
            raise RevokedSigner(
                _N("Sync", "{user} was revoked on {day} ({reason}); files published after that are refused"),
                user=cert.user, day=revocation.issued.date().isoformat(), reason=revocation.reason or "-",
            )
    return registry.identity_of(cert)


def first_published(share: Share, site: str, seq: int) -> int | None:
    """The lowest published seq >= ``seq`` in the live folders, by listing only the shards that can hold it."""
    changes = share.layout.changes(site)
    try:
        shards = sorted(int(n) for n in os.listdir(changes) if layout.SHARD_NAME.fullmatch(n))
    except FileNotFoundError:
        if seq == 1:
            return None
        share.check_marker()
        raise GapInStream(
            _N("Sync", "the site's folder is gone from the share, though files up to #{seq} were applied here"),
            seq=seq - 1,
        ).locate(site=site, path=changes, owner=share.owner_label(site)) from None
    for shard in shards:
        if shard < layout.shard_of(seq):
            continue
        try:
            names = os.listdir(changes / layout.shard_name(shard))
        except FileNotFoundError:
            continue
        found = [int(m.group(1)) for m in map(layout.CHANGE_NAME.fullmatch, names) if m and int(m.group(1)) >= seq]
        if found:
            return min(found)
    return None
