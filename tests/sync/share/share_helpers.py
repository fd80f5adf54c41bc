"""A share with an admin and registered devices, and ways to damage it, for the share tests."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import FileRef, Share, SigningKey, SiteWriter, issue_certificate
from fieldcrm.sync.share.changefile import encode_changes


def records(count: int, tag: str = "r") -> list[dict[str, Any]]:
    return [
        {"tbl": "customers", "row": f"01J{tag}{i:05d}", "field": "name", "value": f"张三超市 {tag} {i}",
         "hlc": 1_700_000_000_000 + i, "site": tag, "prev_hlc": None, "prev_site": None}
        for i in range(count)
    ]


@dataclass
class Fleet:
    root: Path
    share: Share
    admin: SigningKey
    keys: dict[str, SigningKey] = field(default_factory=dict)

    def register(self, user: str, role: Role = Role.REP, *, territory: str | None = None, site: str | None = None) -> SigningKey:
        key = self.keys.get(user) or SigningKey.generate()
        self.keys[user] = key
        issue_certificate(self.share, self.admin, user=user, role=role, device_key=key.public, territory=territory, site=site)
        return key

    def writer(self, user: str, site: str) -> SiteWriter:
        return self.share.writer(site, self.keys[user])

    def publish(self, user: str, site: str, count: int, *, per_file: int = 3) -> list[FileRef]:
        writer = self.writer(user, site)
        head = self.share.head(site)
        refs = []
        for seq in range(head.seq + 1, head.seq + count + 1):
            refs.append(writer.publish_changes(seq, head.hash, records(per_file, f"{site}-{seq}")))
            head = refs[-1].cursor
        return refs

    def put_raw(self, site: str, seq: int, data: bytes) -> Path:
        """Put bytes under a change file name, as damage, a copy or an attacker would."""
        path = self.share.layout.change(site, seq)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(".raw")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return path

    def forge(self, user_or_key: str | SigningKey, site: str, seq: int, prev: str, recs: Sequence[dict[str, Any]] | None = None) -> tuple[bytes, str]:
        key = self.keys[user_or_key] if isinstance(user_or_key, str) else user_or_key
        return encode_changes(site, seq, prev, records(2, f"forged{seq}") if recs is None else recs, key)

