"""The frame every change file and snapshot has, in every format version.

::

    FCRM-SYNC <kind> <version>\\n      magic line
    ...version-specific payload...
    SHA-256 of all bytes above         32 bytes  \\
    signer's Ed25519 public key         32 bytes   } the 128-byte trailer
    Ed25519 signature                   64 bytes  /

The signature covers ``FCRM-SYNC\\0<kind>\\0`` + the digest. Only this frame is
promised to stay the same across versions, which is what lets an old app
check that a file in a newer format is intact and signed by a registered
device before telling the user to update, instead of taking a flipped
version digit or a stranger's file for an update notice. The digest is also
the file's identity: the hash a cursor holds and the next file chains to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share.errors import BadSignature, CorruptFile, TruncatedFile
from fieldcrm.sync.share.keys import PUBLIC_KEY_SIZE, SIGNATURE_SIZE, PublicKey, SigningKey

MAGIC = b"FCRM-SYNC"
DIGEST_SIZE = 32
TRAILER_SIZE = DIGEST_SIZE + PUBLIC_KEY_SIZE + SIGNATURE_SIZE
MAX_MAGIC_LINE = 64


@dataclass(frozen=True)
class Magic:
    kind: str
    version: int
    length: int  # bytes of the magic line, newline included


def magic_line(kind: str, version: int) -> bytes:
    return b"%s %s %d\n" % (MAGIC, kind.encode("ascii"), version)


def read_magic(head: bytes) -> Magic:
    """Parse the magic line from the first bytes of a file (at least ``MAX_MAGIC_LINE`` if it has them)."""
    if not head:
        raise TruncatedFile(_N("Sync", "the file is empty"))
    end = head.find(b"\n", 0, MAX_MAGIC_LINE)
    if end < 0:
        if len(head) < MAX_MAGIC_LINE and MAGIC.startswith(head[: len(MAGIC)]):
            raise TruncatedFile(_N("Sync", "the file is cut short inside its first line"))
        raise CorruptFile(_N("Sync", "not a FieldCRM sync file"))
    parts = head[:end].split(b" ")
    if len(parts) != 3 or parts[0] != MAGIC or not parts[2].isdigit() or not parts[1].isalpha():
        raise CorruptFile(_N("Sync", "not a FieldCRM sync file"))
    return Magic(parts[1].decode("ascii"), int(parts[2]), end + 1)


def trailer(kind: str, digest: bytes, key: SigningKey) -> bytes:
    return digest + key.public.raw + key.sign(_message(kind, digest))


def check_trailer(kind: str, digest: bytes, stored: bytes) -> PublicKey:
    """Compare the stored digest with the computed one and check the signature; returns the signer."""
    if len(stored) != TRAILER_SIZE:
        raise TruncatedFile(_N("Sync", "the file is cut short inside its signature"))
    if stored[:DIGEST_SIZE] != digest:
        raise CorruptFile(_N("Sync", "checksum mismatch: the file's bytes were altered (disk, network or copy damage)"))
    raw_key = stored[DIGEST_SIZE:DIGEST_SIZE + PUBLIC_KEY_SIZE]
    signature = stored[DIGEST_SIZE + PUBLIC_KEY_SIZE:]
    if not any(signature) or not any(raw_key):
        raise BadSignature(_N("Sync", "the file is not signed"))
    signer = PublicKey(raw_key)
    if not signer.verify(signature, _message(kind, digest)):
        raise BadSignature(_N("Sync", "the signature does not match the file: forged, or signed with another key"))
    return signer


def digest_of(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def file_hash(data: bytes) -> str:
    """A framed file's identity, without verifying it (the digest its trailer should hold)."""
    return hashlib.sha256(data[:-TRAILER_SIZE]).hexdigest()


def _message(kind: str, digest: bytes) -> bytes:
    return MAGIC + b"\0" + kind.encode("ascii") + b"\0" + digest
