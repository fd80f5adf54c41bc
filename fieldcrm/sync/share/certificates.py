"""Who may write: admin-signed certificates, revocations, and site claims.

The admin key (its public half is in the share marker, and each workspace
pins it when joining) signs one certificate per device: user, role,
territory, device public key, optionally the site id. A revocation names a
user and ends every certificate of theirs issued before it; it records how
far each of the user's sites had published when it was made, so the work
they did before being revoked still reads (``honor``) and anything later is
refused. Re-admitting someone is a new certificate. Each record is its own
file, written once; the registry is all valid records, so loading it again
only reads names not seen before.

A site claim binds a site id to the device that first published under it;
it is what makes "this file is signed, but not by the device that owns this
site" detectable when the certificate leaves the site open.

The author of a file is the identity of its signer's certificate, never
anything the file says about itself.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldcrm.domain.classifications import Role
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import fsio, layout, sealed
from fieldcrm.sync.share.errors import CorruptFile, NotAuthorized, StreamStopped
from fieldcrm.sync.share.keys import PublicKey, SigningKey
from fieldcrm.sync.share.refs import Cursor

if TYPE_CHECKING:
    from fieldcrm.sync.share.share import Share

CERT_KIND = "cert"
REVOCATION_KIND = "revocation"
CLAIM_KIND = "site"
ADMIN_WRITER = "_admin"  # temp-file tag; site ids cannot start with '_'
SNAPSHOT_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


@dataclass(frozen=True)
class Certificate:
    user: str
    role: Role
    key: PublicKey
    territory: str | None
    site: str | None
    issued: datetime
    serial: str

    def body(self) -> dict[str, object]:
        return {
            "user": self.user, "role": self.role.value, "key": self.key.text, "territory": self.territory,
            "site": self.site, "issued": self.issued.isoformat(), "serial": self.serial,
        }

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> Certificate:
        try:
            site = body["site"]
            return cls(
                _text(body["user"]), Role(body["role"]), PublicKey.from_text(body["key"]),
                _optional_text(body["territory"]), None if site is None else layout.check_site_id(site),
                _time(body["issued"]), _text(body["serial"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise CorruptFile(_N("Sync", "unreadable certificate: {error}"), error=str(error)) from None


@dataclass(frozen=True)
class Revocation:
    user: str
    issued: datetime
    serial: str
    reason: str
    honor: dict[str, Cursor]  # per site of the user: last file still accepted

    def body(self) -> dict[str, object]:
        return {
            "user": self.user, "issued": self.issued.isoformat(), "serial": self.serial, "reason": self.reason,
            "honor": {site: [c.seq, c.hash] for site, c in sorted(self.honor.items())},
        }

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> Revocation:
        try:
            honor = {layout.check_site_id(site): Cursor(int(seq), _text(h)) for site, (seq, h) in body["honor"].items()}
            return cls(_text(body["user"]), _time(body["issued"]), _text(body["serial"]), _text(body["reason"]), honor)
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise CorruptFile(_N("Sync", "unreadable revocation: {error}"), error=str(error)) from None


@dataclass(frozen=True)
class Identity:
    """The author of a verified file, as the admin registered them."""

    user: str
    role: Role
    territory: str | None
    key: PublicKey
    site: str | None
    serial: str
    revoked: bool

    def __str__(self) -> str:
        where = f", {self.territory}" if self.territory else ""
        revoked = ", revoked" if self.revoked else ""
        return f"{self.user} ({self.role.value}{where}; device {self.key.fingerprint}{revoked})"


@dataclass(frozen=True)
class SiteClaim:
    site: str
    key: PublicKey
    created: datetime


def seal_claim(site: str, key: SigningKey) -> bytes:
    body = {"site": site, "key": key.public.text, "created": datetime.now(timezone.utc).isoformat()}
    return sealed.seal(CLAIM_KIND, body, key)


def open_claim(data: bytes, site: str) -> SiteClaim:
    document = sealed.unseal(data, CLAIM_KIND)
    body = document.body
    if body.get("site") != site or body.get("key") != document.signer.text:
        raise CorruptFile(_N("Sync", "the site claim is for another site or key"))
    try:
        return SiteClaim(site, document.signer, _time(body.get("created")))
    except (TypeError, ValueError):
        raise CorruptFile(_N("Sync", "the site claim is unreadable")) from None


def issue_certificate(
    share: Share,
    admin_key: SigningKey,
    *,
    user: str,
    role: Role,
    device_key: PublicKey,
    territory: str | None = None,
    site: str | None = None,
) -> Certificate:
    """Register a device; a new certificate for the same key replaces the old one (role change)."""
    _require_admin(share, admin_key)
    if not user.strip():
        raise ValueError("a certificate needs a user name")
    cert = Certificate(
        user.strip(), role, device_key, (territory or "").strip() or None,
        None if site is None else layout.check_site_id(site), datetime.now(timezone.utc), secrets.token_hex(8),
    )
    _publish(share, share.layout.certs / f"{cert.serial}.cert", sealed.seal(CERT_KIND, cert.body(), admin_key))
    return cert


def revoke_user(share: Share, admin_key: SigningKey, user: str, *, reason: str = "", honor_published: bool = True) -> Revocation:
    """Revoke all of ``user``'s devices.

    With ``honor_published`` the files their sites have published so far stay
    valid (other laptops have applied them already); without it, everything
    they ever signed is refused from now on, e.g. for a stolen laptop that may
    have been used to publish junk.
    """
    _require_admin(share, admin_key)
    share.refresh()
    honor: dict[str, Cursor] = {}
    if honor_published:
        keys = {cert.key for cert in share.registry.certificates() if cert.user == user}
        for site in share.sites():
            try:
                owner = share.claim(site).key
            except StreamStopped:
                continue
            if owner in keys:
                head = share.head(site)
                if head.seq:
                    honor[site] = head
    revocation = Revocation(user, datetime.now(timezone.utc), secrets.token_hex(8), reason, honor)
    _publish(
        share, share.layout.revocations / f"{revocation.serial}.revoke",
        sealed.seal(REVOCATION_KIND, revocation.body(), admin_key),
    )
    return revocation


class Registry:
    """Every valid admin-signed certificate and revocation on a share.

    Bad records (damaged, not signed by the admin, newer format) are left out
    and described in ``problems``, for the admin screen: one bad file must not
    lock everybody out.
    """

    def __init__(self, share: Share) -> None:
        self._share = share
        self._seen: set[str] = set()
        self._certs: dict[PublicKey, Certificate] = {}
        self._revocations: dict[str, list[Revocation]] = {}
        self.problems: list[str] = []

    @classmethod
    def load(cls, share: Share) -> Registry:
        registry = cls(share)
        registry.refresh()
        return registry

    def refresh(self) -> None:
        """Read the records published since the last load (records are never rewritten)."""
        share = self._share
        for folder, pattern, kind in (
            (share.layout.certs, layout.CERT_NAME, CERT_KIND),
            (share.layout.revocations, layout.REVOCATION_NAME, REVOCATION_KIND),
        ):
            with share.io_errors(_N("Sync", "reading the registry")):
                names = sorted(n for n in os.listdir(folder) if pattern.fullmatch(n) and n not in self._seen)
                for name in names:
                    self._add(folder / name, kind, (folder / name).read_bytes())
                    self._seen.add(name)

    def certificate(self, key: PublicKey) -> Certificate | None:
        return self._certs.get(key)

    def certificates(self) -> list[Certificate]:
        """The current certificate of every registered key."""
        return sorted(self._certs.values(), key=lambda c: (c.user, c.issued))

    def revocation_of(self, cert: Certificate) -> Revocation | None:
        """The revocation that ended this certificate, if any (the first one issued after it)."""
        later = [r for r in self._revocations.get(cert.user, ()) if r.issued >= cert.issued]
        return min(later, key=lambda r: r.issued, default=None)

    def identity(self, key: PublicKey) -> Identity | None:
        cert = self._certs.get(key)
        return None if cert is None else self.identity_of(cert)

    def identity_of(self, cert: Certificate) -> Identity:
        revoked = self.revocation_of(cert) is not None
        return Identity(cert.user, cert.role, cert.territory, cert.key, cert.site, cert.serial, revoked)

    def is_revoked(self, user: str) -> bool:
        """True when no certificate of ``user`` is still in force and one was revoked."""
        certs = [c for c in self._certs.values() if c.user == user]
        if certs:
            return all(self.revocation_of(c) is not None for c in certs)
        return user in self._revocations

    def _add(self, path: Path, kind: str, data: bytes) -> None:
        try:
            document = sealed.unseal(data, kind)
            if document.signer != self._share.admin_key:
                raise CorruptFile(_N("Sync", "signed by {key}, not by the share's admin"), key=document.signer.fingerprint)
            if kind == CERT_KIND:
                cert = Certificate.from_body(document.body)
                current = self._certs.get(cert.key)
                if current is None or (cert.issued, cert.serial) > (current.issued, current.serial):
                    self._certs[cert.key] = cert
            else:
                revocation = Revocation.from_body(document.body)
                self._revocations.setdefault(revocation.user, []).append(revocation)
        except StreamStopped as error:
            self.problems.append(f"{path}: {error.reason}")


def _require_admin(share: Share, admin_key: SigningKey) -> None:
    if admin_key.public != share.admin_key:
        raise NotAuthorized(
            _N("Sync", "the key {key} is not this share's admin key"), key=admin_key.public.fingerprint
        )


def _publish(share: Share, path: Path, data: bytes) -> None:
    share.check_marker()
    with share.io_errors(_N("Sync", "writing {name}"), writing=True, name=path.name):
        fsio.write_new(path, [data], writer=ADMIN_WRITER)
    share.refresh()


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _time(value: object) -> datetime:
    stamp = datetime.fromisoformat(_text(value))
    if stamp.tzinfo is None:
        raise ValueError(f"time without zone: {value!r}")
    return stamp
