"""Snapshots as FieldCRM wrote them before format 2, to check that they still load.

Format 1 was a stream of records, one per stored version, after a header
record and the site directory, cursors and deferred checks; the file held
them as zlib-compressed JSON lines in the common signed frame.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from fieldcrm.sync import clock, cursors, wire
from fieldcrm.sync.capture import LOCAL_SITE
from fieldcrm.sync.share import frame
from fieldcrm.sync.share.keys import SigningKey
from fieldcrm.sync.share.sealed import canonical_json
from fieldcrm.sync.share.snapshot import KIND, RECORDS_VERSION, SnapshotHeader


def records(db: Any) -> list[dict[str, Any]]:
    """The format-1 records of a workspace, as the old writer streamed them."""
    own = db.execute(f"SELECT {LOCAL_SITE}").fetchone()[0]
    found: list[dict[str, Any]] = [{"kind": "snapshot", "format": 1, "site": own, "hlc": clock.current(db)}]
    for site, user, role, territory in db.execute("SELECT site_id, user_name, role, territory FROM sites ORDER BY site_id"):
        found.append({"kind": "site", "site": site, "user": user, "role": role, "territory": territory})
    heads = cursors.received(db)
    own_head = db.execute("SELECT max(hlc) FROM change WHERE site = ?", [own]).fetchone()[0]
    if own_head is not None:
        heads[own] = max(heads.get(own, 0), own_head)
    found += [{"kind": "cursor", "site": site, "hlc": hlc} for site, hlc in sorted(heads.items())]
    for row in db.execute("SELECT tbl, row_id, field, hlc, site, role FROM sync_deferred"):
        found.append(dict(zip(("tbl", "row", "field", "hlc", "site", "role"), row), kind="deferred"))
    for row in db.execute(f"SELECT {wire.COLUMNS} FROM change ORDER BY tbl, row_id, field, hlc, site"):
        found.append({"kind": "change", **wire.as_record(row)})
    return found


def encode(header: SnapshotHeader, body: Sequence[Mapping[str, Any]], key: SigningKey) -> bytes:
    """A whole format-1 snapshot file."""
    covers = {site: [c.seq, c.hash] for site, c in header.covers.items()}
    head = frame.magic_line(KIND, RECORDS_VERSION) + canonical_json(
        {"covers": covers, "created": header.created.isoformat(), "site": header.site}
    ) + b"\n"
    lines = b"\n".join(json.dumps(r, separators=(",", ":"), allow_nan=False).encode("ascii") for r in body)
    data = head + zlib.compress(lines)
    return data + frame.trailer(KIND, hashlib.sha256(data).digest(), key)
