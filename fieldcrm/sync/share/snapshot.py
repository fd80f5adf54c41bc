"""The snapshot file: a signed, streamed copy of a database's synced state.

Format version 3, inside the common frame (``frame.py``)::

    FCRM-SYNC snapshot 3\\n
    {"covers":{"<site>":[<seq>,"<hash>"],...},"created":"<ISO UTC>","site":"<author site>"}\\n
    <body: opaque bytes (the database side's image file) as Zstandard frames of 256 KiB each,
     then the empty frame 28 b5 2f fd 20 00 01 00 00>
    <128-byte trailer: digest, signer, signature>

``covers`` says which change files the state includes: a new laptop loads
the snapshot, then reads each site from that cursor on. The body is opaque to
this layer; the database side defines it (``sync/snapshot_image.py``).
Format 2 is the same with one zlib stream as the body; format 1's body was
zlib of JSON lines (one record per line, ``iter_records``). Both are still
read; nothing writes them any more. Zstandard replaced zlib because a
100,000-card image is 1.1 GB: zlib took 4.6 s to inflate it on a new laptop
and about 19 s to deflate it on the supervisor's, Zstandard 1.3 s and 4.6 s,
for a smaller file. Each frame holds 256 KiB of body, and an empty frame
ends the body, so one cut after any frame still shows. Readers inflate
frames straight into their own buffers, several at once (``open_body``,
``inflate.py``): the frame by frame reader that returned new bytes spent a
fifth of its time allocating and copying.

Writing streams: body chunks go through the compressor and the hash as they
come, so a snapshot of 100,000 customers never sits in memory. Reading takes
two passes over the file: ``verify_snapshot`` hashes it all and checks the
signature before anyone sees a byte of the body, then ``open_body`` streams
the body and hashes again, raising ``CorruptFile`` at the end if the bytes
changed in between. Use the body only once it is read to its end
(inside one transaction, or in a local file that is loaded afterwards).
"""

from __future__ import annotations

import hashlib
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import zstandard

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import frame, layout
from fieldcrm.sync.share.certificates import Identity
from fieldcrm.sync.share.errors import CorruptFile, NewerFormat, TruncatedFile
from fieldcrm.sync.share.inflate import FrameError, FrameReader
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
# The empty frame that ends a format-3 body, as Zstandard has always written it: fixed
# here so that a reader checks the same bytes whichever library version it runs.
END_MARK = bytes.fromhex("28b52ffd2000010000")
MSG_CHANGED = _N("Sync", "the snapshot changed since it was verified")
MSG_UNREADABLE = _N("Sync", "the snapshot body does not decompress")


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

    def open_body(self) -> AbstractContextManager[io.RawIOBase]:
        """The body as a stream to read into buffers; ``CorruptFile`` at its end if the file changed."""
        return open_body(self.ref.path, self.checked)

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
    yield END_MARK


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


@contextmanager
def open_body(path: Path, checked: CheckedSnapshot) -> Iterator[io.RawIOBase]:
    """The body's decompressed bytes as a stream, hashed again as they are read.

    Read it with ``readinto`` to inflate straight into the caller's buffer.
    The read that finds the end raises ``CorruptFile`` if the file changed
    since verification, or if the body does not end with its end mark.
    """
    with open(path, "rb") as stream:
        if _size(stream) != checked.size:
            raise CorruptFile(MSG_CHANGED)
        source = _HashedSource(stream, checked)
        with _ZlibBody(source) if checked.version <= ZLIB_VERSION else _ZstdBody(source) as body:
            yield body


def iter_body(path: Path, checked: CheckedSnapshot) -> Iterator[bytes]:
    """The body's decompressed bytes in chunks of at most a quarter ``_CHUNK`` (see ``open_body``)."""
    with open_body(path, checked) as body:
        while chunk := body.read(_CHUNK // 4):
            yield chunk


class _HashedSource:
    """The compressed body as the file gives it, hashed (header included) on the way."""

    def __init__(self, stream: BinaryIO, checked: CheckedSnapshot) -> None:
        self._stream = stream
        self._hash = checked.hash
        self._digest = hashlib.sha256(stream.read(checked.body_start))
        self._remaining = checked.size - frame.TRAILER_SIZE - checked.body_start
        self.tail = b""  # the body's last bytes read so far: where the end mark is

    def read(self, size: int = -1) -> bytes:
        wanted = self._remaining if size < 0 else min(size, self._remaining)
        chunk = self._stream.read(wanted)
        if len(chunk) != wanted:
            raise CorruptFile(MSG_CHANGED)
        self._remaining -= wanted
        self._digest.update(chunk)
        self.tail = (self.tail + chunk[-len(END_MARK):])[-len(END_MARK):]
        return chunk

    def check_end(self, complete: bool) -> None:
        """At the body's end: ``complete`` says the body ended where its format says it does."""
        if self._remaining or not complete or self._digest.hexdigest() != self._hash:
            raise CorruptFile(MSG_CHANGED)


class _ZstdBody(io.RawIOBase):
    """Format 3: Zstandard frames one after another, inflated into the reader's buffer several at once."""

    def __init__(self, source: _HashedSource) -> None:
        self._source = source
        self._frames = FrameReader(source.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            size = self._frames.readinto(buffer)
        except (zstandard.ZstdError, FrameError):
            raise CorruptFile(MSG_UNREADABLE) from None
        if not size:
            self._source.check_end(self._source.tail == END_MARK)
        return size

    def close(self) -> None:
        self._frames.close()
        super().close()


class _ZlibBody(io.RawIOBase):
    """Formats 1 and 2: one zlib stream."""

    def __init__(self, source: _HashedSource) -> None:
        self._source = source
        self._zlib = zlib.decompressobj()
        self._out = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            while not self._out:
                data = self._zlib.unconsumed_tail or self._source.read(_CHUNK)
                self._out = memoryview(self._zlib.decompress(data, _CHUNK) if data else self._zlib.flush())
                if not data and not self._out:
                    self._source.check_end(self._zlib.eof and not self._zlib.unused_data)
                    return 0
        except zlib.error:
            raise CorruptFile(MSG_UNREADABLE) from None
        size = min(len(buffer), len(self._out))
        buffer[:size] = self._out[:size]
        self._out = self._out[size:]
        return size


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
