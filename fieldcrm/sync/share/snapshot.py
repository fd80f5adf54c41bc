"""The snapshot file: a signed, streamed copy of a database's synced state.

Format version 3, inside the common frame (``frame.py``)::

    FCRM-SYNC snapshot 3\\n
    {"covers":{"<site>":[<seq>,"<hash>"],...},"created":"<ISO UTC>","site":"<author site>"}\\n
    <body: opaque bytes (the database side's image file) as Zstandard frames of 256 KiB each>
    <128-byte trailer: digest, signer, signature>

``covers`` says which change files the state includes: a new laptop loads
the snapshot, then reads each site from that cursor on. The body is opaque to
this layer; the database side defines it (``sync/snapshot_image.py``).
Format 2 is the same with one zlib stream as the body; format 1's body was
zlib of JSON lines (one record per line, ``iter_records``). Both are still
read; nothing writes them any more. Zstandard replaced zlib because a
100,000-card image is 1.1 GB: zlib took 4.6 s to inflate it on a new laptop
and about 19 s to deflate it on the supervisor's, Zstandard 1.3 s and 4.6 s,
for a smaller file. Each frame holds 256 KiB of body, so reading never
holds more than that (Zstandard's streaming call has no output limit), and
an empty frame ends the body, so one cut after any frame still shows.

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
from typing import Any, BinaryIO, Protocol

import zstandard

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import frame, layout
from fieldcrm.sync.share.certificates import Identity
from fieldcrm.sync.share.errors import CorruptFile, NewerFormat, TruncatedFile
from fieldcrm.sync.share.keys import PublicKey, SigningKey
from fieldcrm.sync.share.refs import Cursor
from fieldcrm.sync.share.sealed import canonical_json

KIND = "snapshot"
VERSION = 3
# The first format, whose body is JSON lines: still read, never written.
RECORDS_VERSION = 1
# The last format whose body is one zlib stream: still read, never written.
ZLIB_VERSION = 2
_ZSTD_LEVEL = 3
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
        for chunk in _frames(self._body):
            digest.update(chunk)
            yield chunk
        self.hash = digest.hexdigest()
        yield frame.trailer(KIND, digest.digest(), self._key)


def _frames(body: Iterable[bytes]) -> Iterator[bytes]:
    """The body as Zstandard frames of a quarter ``_CHUNK`` each, the last shorter, then an empty one as end mark."""
    compressor = zstandard.ZstdCompressor(level=_ZSTD_LEVEL)
    frame_size = _CHUNK // 4
    pending = bytearray()
    for piece in body:
        pending += piece
        while len(pending) >= frame_size:
            with memoryview(pending) as view:
                out = compressor.compress(view[:frame_size])
            del pending[:frame_size]
            yield out
    if pending:
        yield compressor.compress(pending)
    yield compressor.compress(b"")


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
        inflater: _Inflater = _ZlibInflater() if checked.version <= ZLIB_VERSION else _ZstdInflater()
        remaining = checked.size - frame.TRAILER_SIZE - checked.body_start
        try:
            while remaining > 0:
                chunk = stream.read(min(_CHUNK, remaining))
                if not chunk:
                    raise CorruptFile(_N("Sync", "the snapshot changed since it was verified"))
                remaining -= len(chunk)
                digest.update(chunk)
                yield from inflater.feed(chunk)
            if tail := inflater.finish():
                yield tail
        except (zlib.error, zstandard.ZstdError):
            raise CorruptFile(_N("Sync", "the snapshot body does not decompress")) from None
        if not inflater.complete() or digest.hexdigest() != checked.hash:
            raise CorruptFile(_N("Sync", "the snapshot changed since it was verified"))


class _Inflater(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> bytes: ...

    def complete(self) -> bool:
        """Whether the compressed body ended exactly where its last stream or frame did."""
        ...


class _ZlibInflater:
    """Formats 1 and 2: one zlib stream."""

    def __init__(self) -> None:
        self._zlib = zlib.decompressobj()

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            out = self._zlib.decompress(data, _CHUNK)
            data = self._zlib.unconsumed_tail
            if out:
                yield out

    def finish(self) -> bytes:
        return self._zlib.flush()

    def complete(self) -> bool:
        return self._zlib.eof and not self._zlib.unused_data


class _ZstdInflater:
    """Format 3: Zstandard frames one after another, each inflated alone."""

    def __init__(self) -> None:
        self._zstd = zstandard.ZstdDecompressor()
        self._frame = self._zstd.decompressobj()
        self._frame_bytes = 0  # inflated from the current frame so far

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            if self._frame.eof:
                self._frame, self._frame_bytes = self._zstd.decompressobj(), 0
            out = self._frame.decompress(data)  # stops at the end of a frame: at most a quarter _CHUNK
            self._frame_bytes += len(out)
            data = self._frame.unused_data if self._frame.eof else b""
            if out:
                yield out

    def finish(self) -> bytes:
        return b""

    def complete(self) -> bool:
        """The last frame is whole and is the empty end mark."""
        return self._frame.eof and self._frame_bytes == 0


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
