"""The change file: one signed batch of a site's changes.

Format version 1, inside the common frame (``frame.py``)::

    FCRM-SYNC changes 1\\n
    {"body":<bytes>,"count":<n>,"created":"<ISO UTC>","prev":"<hex|empty>","seq":<n>,"site":"<id>"}\\n
    <body: zlib of the records as JSON lines, one record per line>
    <128-byte trailer: digest, signer, signature>

The header is readable with ``head -2``; the body is compact (a thousand
field changes of Chinese shop names take about 6 KB). Records are opaque:
any JSON object the database side hands in comes back equal, unknown keys
included. They are written with ASCII escapes, so any Python string
round-trips, and NaN or infinities are refused at encoding time. The header
announces the body length so that a short file reads as truncated rather
than merely damaged.

Decoding checks everything that can be checked from the bytes alone (frame,
checksum, signature, structure). Whether the signer may write for that site
is the registry's business (``reader.py``).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import frame
from fieldcrm.sync.share.errors import CorruptFile, NewerFormat, StreamStopped, TruncatedFile
from fieldcrm.sync.share.keys import PublicKey, SigningKey
from fieldcrm.sync.share.sealed import canonical_json

KIND = "changes"
VERSION = 1
_MAX_HEADER = 4096


@dataclass(frozen=True)
class ChangeHeader:
    site: str
    seq: int
    prev_hash: str
    created: datetime  # the writer's clock: informative only
    count: int


@dataclass(frozen=True)
class DecodedChanges:
    header: ChangeHeader
    records: list[dict[str, Any]]
    hash: str
    signer: PublicKey


def encode_changes(
    site: str,
    seq: int,
    prev_hash: str,
    records: Sequence[Mapping[str, Any]],
    key: SigningKey,
    created: datetime | None = None,
) -> tuple[bytes, str]:
    """The file's bytes and its hash."""
    lines = []
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError(f"a change record must be a mapping, not {type(record).__name__}")
        lines.append(json.dumps(record, separators=(",", ":"), allow_nan=False))
    body = zlib.compress("\n".join(lines).encode("ascii"), 6)
    stamp = (created or datetime.now(timezone.utc)).astimezone(timezone.utc)
    header = {
        "body": len(body),
        "count": len(lines),
        "created": stamp.isoformat(timespec="microseconds"),
        "prev": prev_hash,
        "seq": seq,
        "site": site,
    }
    content = frame.magic_line(KIND, VERSION) + canonical_json(header) + b"\n" + body
    digest = frame.digest_of(content)
    return content + frame.trailer(KIND, digest, key), digest.hex()


def decode_changes(data: bytes) -> DecodedChanges:
    magic = frame.read_magic(data[: frame.MAX_MAGIC_LINE])
    if magic.kind != KIND:
        raise CorruptFile(_N("Sync", "this is a {kind} file, not a change file"), kind=magic.kind)
    if len(data) < magic.length + frame.TRAILER_SIZE:
        raise TruncatedFile(_N("Sync", "the file is cut short ({size} bytes)"), size=len(data))
    digest = frame.digest_of(data[: -frame.TRAILER_SIZE])
    try:
        signer = frame.check_trailer(KIND, digest, data[-frame.TRAILER_SIZE:])
    except CorruptFile:
        _raise_if_short(data, magic)
        raise
    if magic.version > VERSION:
        error = NewerFormat(
            _N("Sync", "written by a newer FieldCRM (change format {found}, this app reads {supported}): update the app"),
            found=magic.version, supported=VERSION,
        )
        error.signer = signer
        raise error
    if magic.version < 1:
        raise CorruptFile(_N("Sync", "unknown change format {found}"), found=magic.version)
    header, body_start = _parse_header(data, magic)
    body = data[body_start: -frame.TRAILER_SIZE]
    if len(body) != header["body"]:
        raise CorruptFile(_N("Sync", "the body is {size} bytes, the header says {expected}"), size=len(body), expected=header["body"])
    records = _parse_body(body, header["count"])
    return DecodedChanges(
        ChangeHeader(header["site"], header["seq"], header["prev"], _parse_time(header["created"]), header["count"]),
        records,
        digest.hex(),
        signer,
    )


def _raise_if_short(data: bytes, magic: frame.Magic) -> None:
    """Tell a short file from a damaged one, from what its header announces."""
    try:
        header, body_start = _parse_header(data, magic)
    except TruncatedFile:
        raise
    except StreamStopped:
        return
    expected = body_start + header["body"] + frame.TRAILER_SIZE
    if len(data) < expected:
        raise TruncatedFile(
            _N("Sync", "the file is cut short: {size} bytes of the {expected} its header announces"),
            size=len(data), expected=expected,
        )


def _parse_header(data: bytes, magic: frame.Magic) -> tuple[dict[str, Any], int]:
    end = data.find(b"\n", magic.length, magic.length + _MAX_HEADER)
    if end < 0:
        if len(data) < magic.length + _MAX_HEADER:
            raise TruncatedFile(_N("Sync", "the file is cut short inside its header"))
        raise CorruptFile(_N("Sync", "the header is unreadable"))
    try:
        header = json.loads(data[magic.length:end])
    except (UnicodeDecodeError, ValueError):
        header = None
    if not isinstance(header, dict) or not all(
        isinstance(header.get(name), kind) and not isinstance(header.get(name), bool)
        for name, kind in (("body", int), ("count", int), ("created", str), ("prev", str), ("seq", int), ("site", str))
    ):
        raise CorruptFile(_N("Sync", "the header is unreadable"))
    return header, end + 1


def _parse_body(body: bytes, count: int) -> list[dict[str, Any]]:
    try:
        text = zlib.decompress(body)
        records = [json.loads(line) for line in text.split(b"\n")] if text else []
    except (zlib.error, UnicodeDecodeError, ValueError):
        raise CorruptFile(_N("Sync", "the body does not decompress to change records")) from None
    if len(records) != count:
        raise CorruptFile(_N("Sync", "the body holds {found} records, the header says {count}"), found=len(records), count=count)
    if not all(isinstance(r, dict) for r in records):
        raise CorruptFile(_N("Sync", "the body holds a line that is not a change record"))
    return records


def _parse_time(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise CorruptFile(_N("Sync", "the header's time is unreadable: {text}"), text=text) from None
