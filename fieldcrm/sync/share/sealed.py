"""Small signed documents: the share marker, certificates, revocations, site claims.

Format (three lines, UTF-8)::

    FCRM-SEALED <kind> <version>
    <body: one canonical JSON object>
    <signer public key text> <base64 signature>

The signature covers ``FCRM-SEALED\\0<kind>\\0`` plus the body line exactly as
stored, so verifying never depends on re-serialising JSON, and a signature
made for one kind of document can never pass as another kind.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share.errors import BadSignature, CorruptFile, NewerFormat, TruncatedFile
from fieldcrm.sync.share.keys import PublicKey, SigningKey

VERSION = 1
_MAGIC = "FCRM-SEALED"


def canonical_json(value: object) -> bytes:
    """One stable byte form per value: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


@dataclass(frozen=True)
class Sealed:
    body: dict[str, Any]
    signer: PublicKey


def seal(kind: str, body: Mapping[str, object], key: SigningKey) -> bytes:
    line = canonical_json(dict(body))
    signature = key.sign(_message(kind, line))
    trailer = f"{key.public.text} {base64.b64encode(signature).decode('ascii')}"
    return f"{_MAGIC} {kind} {VERSION}\n".encode() + line + b"\n" + trailer.encode() + b"\n"


def unseal(data: bytes, kind: str) -> Sealed:
    """Check the document's own signature; who may sign which kind is the caller's rule."""
    if not data:
        raise TruncatedFile(_N("Sync", "the file is empty"))
    lines = data.split(b"\n")
    if len(lines) != 4 or lines[3] != b"":
        prefix = _MAGIC.encode()
        if data[: len(prefix)] == prefix[: len(data)] and data.count(b"\n") < 3:
            raise TruncatedFile(_N("Sync", "the file is cut short"))
        raise CorruptFile(_N("Sync", "not a FieldCRM {kind} document"), kind=kind)
    magic = lines[0].decode("ascii", "replace").split(" ")
    if len(magic) != 3 or magic[0] != _MAGIC or magic[1] != kind or not magic[2].isdigit():
        raise CorruptFile(_N("Sync", "not a FieldCRM {kind} document"), kind=kind)
    if int(magic[2]) > VERSION:
        raise NewerFormat(
            _N("Sync", "written by a newer FieldCRM ({kind} format {found}, this app reads {supported}): update the app"),
            kind=kind, found=int(magic[2]), supported=VERSION,
        )
    try:
        signer_text, signature_text = lines[2].decode("ascii").split(" ")
        signer = PublicKey.from_text(signer_text)
        signature = base64.b64decode(signature_text, validate=True)
    except (UnicodeDecodeError, ValueError, binascii.Error):
        raise BadSignature(_N("Sync", "the {kind} document carries no readable signature"), kind=kind) from None
    if not signer.verify(signature, _message(kind, lines[1])):
        raise BadSignature(_N("Sync", "the {kind} document's signature does not match its content"), kind=kind)
    try:
        body = json.loads(lines[1])
    except (UnicodeDecodeError, ValueError):
        body = None
    if not isinstance(body, dict):
        raise CorruptFile(_N("Sync", "the {kind} document's body is not a JSON object"), kind=kind)
    return Sealed(body, signer)


def _message(kind: str, body_line: bytes) -> bytes:
    return f"{_MAGIC}\0{kind}\0".encode() + body_line
