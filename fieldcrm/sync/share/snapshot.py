"""The snapshot file: a signed, streamed copy of a database's synced state.

Format version 2, inside the common frame (``frame.py``)::

    FCRM-SYNC snapshot 2\\n
    {"covers":{"<site>":[<seq>,"<hash>"],...},"created":"<ISO UTC>","site":"<author site>"}\\n
    <body: one zlib stream of opaque bytes (the database side's image file)>
    <128-byte trailer: digest, signer, signature>

``covers`` says which change files the state includes: a new laptop loads
the snapshot, then reads each site from that cursor on. The body is opaque to
this layer; the database side defines it (``sync/snapshot_image.py``).
Format 1 files, whose body was JSON lines (one record per line), are still
read (``iter_records``); nothing writes them any more.

Writing streams: body chunks go through the compressor and the hash as they
come, so a snapshot of 100,000 customers never sits in memory. Reading takes
two passes over the file: ``verify_snapshot`` hashes it all and checks the
signature before anyone sees a byte of the body, then ``iter_body`` streams
the body and hashes again, raising ``CorruptFile`` at the end if the bytes
changed in between. Use the body only once the iterator is exhausted
(inside one transaction, or in a local file that is loaded afterwards).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import frame, layout
from fieldcrm.sync.share.certificates import Identity
from fieldcrm.sync.share.errors import CorruptFile, NewerFormat, TruncatedFile
from fieldcrm.sync.share.keys import PublicKey, SigningKey
from fieldcrm.sync.share.refs import Cursor
from fieldcrm.sync.share.sealed import canonical_json

KIND = "snapshot"
VERSION = 2
# The first format, whose body is JSON lines: still read, never written.
RECORDS_VERSION = 1
_CHUNK = 1 << 20
_MAX_HEADER = 16 << 20


@dataclass(frozen=True)
class SnapshotHeader:
    site: str
    created: datetime
    covers: dict[str, Cursor]


@dataclass(frozen=True)
class CheckedSnapshot:
    header: SnapshotHeader
    hash: str
    signer: PublicKey
    body_start: int
    size: int
    version: int


@dataclass(frozen=True)
class SnapshotRef:
    site: str
    created: datetime
    path: Path


@dataclass(frozen=True)
class VerifiedSnapshot:
    """A snapshot whose checksum, signature and author were checked as a whole."""

    ref: SnapshotRef
    author: Identity
    checked: CheckedSnapshot

    @property
    def covers(self) -> dict[str, Cursor]:
        return self.checked.header.covers

    @property
    def hash(self) -> str:
        return self.checked.hash

    @property
    def version(self) -> int:
        return self.checked.version

    def body(self) -> Iterator[bytes]:
        """Stream the body; ``CorruptFile`` at the end if the file changed since verification."""
        return iter_body(self.ref.path, self.checked)

    def records(self) -> Iterator[dict[str, Any]]:
        """Stream a format-1 body's records; ``CorruptFile`` at the end if the file changed."""
        return iter_records(self.ref.path, self.checked)


class SnapshotEncoder:
    """Yields the file's bytes chunk by chunk; ``hash`` is set once they are all out."""

    def __init__(self, header: SnapshotHeader, body: Iterable[bytes], key: SigningKey) -> None:
        self._header = header
        self._body = body
        self._key = key
        self.hash: str | None = None

    def chunks(self) -> Iterator[bytes]:
        digest = hashlib.sha256()
        covers = {site: [c.seq, c.hash] for site, c in self._header.covers.items()}
        head = frame.magic_line(KIND, VERSION) + canonical_json(
            {"covers": covers, "created": self._header.created.isoformat(), "site": self._header.site}
        ) + b"\n"
        digest.update(head)
        yield head
        compressor = zlib.compressobj(6)
        pending: list[bytes] = []
        size = 0
        for piece in self._body:
            out = compressor.compress(piece)
            if out:
                pending.append(out)
                size += len(out)
            if size >= _CHUNK:
                chunk = b"".join(pending)
                pending, size = [], 0
                digest.update(chunk)
                yield chunk
        pending.append(compressor.flush())
        chunk = b"".join(pending)
        digest.update(chunk)
        yield chunk
        self.hash = digest.hexdigest()
        yield frame.trailer(KIND, digest.digest(), self._key)


def verify_snapshot(path: Path) -> CheckedSnapshot:
    """Check the whole file's checksum and signature, and read its header."""
    with open(path, "rb") as stream:
        size = _size(stream)
        magic = frame.read_magic(stream.read(frame.MAX_MAGIC_LINE))
        if magic.kind != KIND:
            raise CorruptFile(_N("Sync", "this is a {kind} file, not a snapshot"), kind=magic.kind)
        if size < magic.length + frame.TRAILER_SIZE:
            raise TruncatedFile(_N("Sync", "the snapshot is cut short ({size} bytes)"), size=size)
        stream.seek(0)
        digest = hashlib.sha256()
        remaining = size - frame.TRAILER_SIZE
        while remaining > 0:
            chunk = stream.read(min(_CHUNK, remaining))
            if not chunk:
                raise TruncatedFile(_N("Sync", "the snapshot was cut short while being read"))
            digest.update(chunk)
            remaining -= len(chunk)
        signer = frame.check_trailer(KIND, digest.digest(), stream.read(frame.TRAILER_SIZE))
        if magic.version > VERSION:
            error = NewerFormat(
                _N("Sync", "written by a newer FieldCRM (snapshot format {found}, this app reads {supported}): update the app"),
                found=magic.version, supported=VERSION,
            )
            error.signer = signer
            raise error
        stream.seek(magic.length)
        header = stream.readline(_MAX_HEADER)
    if not header.endswith(b"\n") or magic.length + len(header) > size - frame.TRAILER_SIZE:
        raise CorruptFile(_N("Sync", "the snapshot header is unreadable"))
    return CheckedSnapshot(
        _parse_header(header), digest.hexdigest(), signer, magic.length + len(header), size, magic.version
    )


def iter_body(path: Path, checked: CheckedSnapshot) -> Iterator[bytes]:
    """The body's decompressed bytes in chunks of at most ``_CHUNK``, hashed again as they are read."""
    with open(path, "rb") as stream:
        if _size(stream) != checked.size:
            raise CorruptFile(_N("Sync", "the snapshot changed since it was verified"))
        digest = hashlib.sha256(stream.read(checked.body_start))
        decompressor = zlib.decompressobj()
        remaining = checked.size - frame.TRAILER_SIZE - checked.body_start
        try:
            while remaining > 0:
                chunk = stream.read(min(_CHUNK, remaining))
                if not chunk:
                    raise CorruptFile(_N("Sync", "the snapshot changed since it was verified"))
                remaining -= len(chunk)
                digest.update(chunk)
                while chunk:
                    out = decompressor.decompress(chunk, _CHUNK)
                    chunk = decompressor.unconsumed_tail
                    if out:
                        yield out
            if tail := decompressor.flush():
                yield tail
        except zlib.error:
            raise CorruptFile(_N("Sync", "the snapshot body does not decompress")) from None
        if not decompressor.eof or decompressor.unused_data or digest.hexdigest() != checked.hash:
            raise CorruptFile(_N("Sync", "the snapshot changed since it was verified"))


def iter_records(path: Path, checked: CheckedSnapshot) -> Iterator[dict[str, Any]]:
    """The records of a format-1 body, one JSON object per line."""
    partial = b""
    for text in iter_body(path, checked):
        *lines, partial = (partial + text).split(b"\n")
        for line in lines:
            yield _record(line)
    if partial:
        yield _record(partial)


def _size(stream: BinaryIO) -> int:
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    return size


def _parse_header(line: bytes) -> SnapshotHeader:
    try:
        data = json.loads(line)
        covers = {
            layout.check_site_id(site): Cursor(int(seq), str(h)) for site, (seq, h) in data["covers"].items()
        }
        created = datetime.fromisoformat(data["created"])
        return SnapshotHeader(layout.check_site_id(data["site"]), created, covers)
    except (AttributeError, KeyError, TypeError, ValueError):
        raise CorruptFile(_N("Sync", "the snapshot header is unreadable")) from None


def _record(line: bytes) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError:
        record = None
    if not isinstance(record, dict):
        raise CorruptFile(_N("Sync", "the snapshot holds a line that is not a record"))
    return record
