"""Ed25519 keys: who wrote a file is proven by its signature, never by its contents.

Each device (and the admin) holds one private key in its workspace folder,
as an unencrypted PKCS#8 PEM file with mode 0600: the workspace is the
user's own and the laptop's disk encryption protects it at rest. A public
key travels as ``ed25519:<43 base64url characters>``; its fingerprint
(four groups of four hex digits) is what people compare over the phone
when the admin registers a device.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldcrm.sync.share import fsio

TEXT_PREFIX = "ed25519:"
SIGNATURE_SIZE = 64
PUBLIC_KEY_SIZE = 32


@dataclass(frozen=True)
class PublicKey:
    raw: bytes

    def __post_init__(self) -> None:
        if len(self.raw) != PUBLIC_KEY_SIZE:
            raise ValueError(f"an Ed25519 public key is {PUBLIC_KEY_SIZE} bytes, not {len(self.raw)}")

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        if not text.startswith(TEXT_PREFIX):
            raise ValueError(f"not a FieldCRM public key (expected {TEXT_PREFIX}...): {text!r}")
        encoded = text[len(TEXT_PREFIX):]
        try:
            raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except (binascii.Error, ValueError):
            raise ValueError(f"not a FieldCRM public key (bad base64): {text!r}") from None
        return cls(raw)

    @property
    def text(self) -> str:
        return TEXT_PREFIX + base64.urlsafe_b64encode(self.raw).decode("ascii").rstrip("=")

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.raw).hexdigest()[:16].upper()
        return "-".join(digest[i:i + 4] for i in range(0, 16, 4))

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def __str__(self) -> str:
        return self.text


class SigningKey:
    """A device's or the admin's private key."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public = PublicKey(
            private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        )

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load(cls, path: Path) -> SigningKey:
        """Read a key file; ``ValueError`` if it holds anything but an Ed25519 private key."""
        private = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
        if not isinstance(private, Ed25519PrivateKey):
            raise ValueError(f"{path} holds a {type(private).__name__}, not an Ed25519 key")
        return cls(private)

    def save(self, path: Path) -> None:
        """Write the key with mode 0600; ``FileExistsError`` rather than replace a key.

        Replacing a device key would orphan the device's certificate and its
        site, so an existing file is never overwritten.
        """
        pem = self._private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        fsio.write_new(Path(path), [pem], writer="_key", mode=0o600)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)
