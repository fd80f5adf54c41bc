"""Inspection photos in a sync: what the photo step adds to a quiet sync, and what a photo costs to move.

* ``quiet_photo_step_ms``: the photo step of a sync with nothing to move, on a
  rep's laptop keeping 5,000 customers whose queue lists 100,000 photos of
  other territories' shops (received with the inspections, never fetched).
  It runs in every sync, so it must stay a small part of the quiet sync's
  0.2 s budget (issue 3): the rep's own customers drive the lookup, never the
  queue of everyone's photos.
* ``send_per_photo_ms`` / ``fetch_per_photo_ms``: sending and fetching 200
  photos of 200 KB through a share on the local disk (fsync, rename, hash
  check), per photo.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from ulid import ULID

from fieldcrm.domain.classifications import Role
from fieldcrm.storage import attachments
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import engine, membership, photos
from fieldcrm.sync.messages import Message
from fieldcrm.sync.share import Share
from fieldcrm.workspace import Workspace, open_workspace

from timing import median_ms

QUIET_STEP_BUDGET_MS = 20.0  # a tenth of the quiet sync's budget
OWN_CUSTOMERS = 5_000
OTHER_PHOTOS = 100_000
MOVED_PHOTOS = 200
PHOTO_BYTES = 200_000


class _Tally:
    def __init__(self) -> None:
        self.photos_sent = self.photos_received = self.photos_missing = 0
        self.photo_warnings: list[Message] = []


def _laptop(folder: Path, user: str, role: Role, territory: str | None) -> Workspace:
    ws = open_workspace(folder, create=True)
    ws.initialise(user, role, territory)
    return ws


def _received_events(ws: Workspace, customers: list[str], count: int, start: int = 0) -> list[str]:
    """Inspections with one photo each arriving by sync (capture off), at ``customers`` in turn; their hashes."""
    shas = [f"{start + n:064x}" for n in range(count)]
    rows = [
        (str(ULID()), "A", "inspect", f"customer:{customers[n % len(customers)]}", json.dumps([sha]))
        for n, sha in enumerate(shas)
    ]
    with write_transaction(ws.db):
        ws.db.execute("UPDATE capture_mode SET applying = 1")
        ws.db.conn.executemany(
            "INSERT INTO asset_events (id, asset_id, kind, to_location, photos) VALUES (?, ?, ?, ?, ?)", rows
        )
        ws.db.execute("UPDATE capture_mode SET applying = 0")
    return shas


def _own_customers(ws: Workspace, count: int, territory: str) -> list[str]:
    ids = [str(ULID()) for _ in range(count)]
    with write_transaction(ws.db):
        ws.db.execute("UPDATE capture_mode SET applying = 1")
        ws.db.conn.executemany(
            "INSERT INTO customers (id, code, name, territory) VALUES (?, ?, ?, ?)",
            [(i, f"C-B{n:06d}", f"店{n}", territory) for n, i in enumerate(ids)],
        )
        ws.db.execute("UPDATE capture_mode SET applying = 0")
    return ids


def run(quick: bool = False) -> dict[str, Any]:
    others = OTHER_PHOTOS // 10 if quick else OTHER_PHOTOS
    moved = MOVED_PHOTOS // 4 if quick else MOVED_PHOTOS
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        admin = _laptop(root / "admin", "王管理", Role.ADMIN, None)
        rep = _laptop(root / "rep", "李雷", Role.REP, "西湖区")
        sup = _laptop(root / "sup", "韩梅梅", Role.SUPERVISOR, None)
        try:
            share_path = root / "share"
            membership.init_share(admin, share_path)
            for ws, role, territory in ((rep, Role.REP, "西湖区"), (sup, Role.SUPERVISOR, None)):
                identity = ws.require_identity()
                membership.add_user(admin, share_path, user=identity.user_name, role=role,
                                    key_text=engine.device_key(ws).public.text, territory=territory)
            share = Share.open(share_path)
            own = _own_customers(rep, OWN_CUSTOMERS, "西湖区")
            _received_events(rep, [str(ULID()) for _ in range(500)], others)
            rep_writer = share.writer(rep.require_identity().site_id, engine.device_key(rep))

            def quiet() -> None:
                photos.exchange(rep, rep_writer, _Tally(), cancel=lambda: None, report=lambda text: None)

            quiet_ms = median_ms(quiet, repeat=7)

            # The supervisor sends ``moved`` photos it took; the rep, whose shops they show, fetches them.
            payloads = [os.urandom(PHOTO_BYTES) for _ in range(moved)]
            shas = []
            for data in payloads:
                source = root / "photo.jpg"
                source.write_bytes(b"\xff\xd8\xff" + data)
                shas.append(attachments.store(sup, source))
            with write_transaction(sup.db):
                sup.db.conn.executemany(
                    "INSERT INTO asset_events (id, asset_id, kind, to_location, photos) VALUES (?, 'A', 'inspect', ?, ?)",
                    [(str(ULID()), f"customer:{own[n]}", json.dumps([sha])) for n, sha in enumerate(shas)],
                )
            sup_writer = share.writer(sup.require_identity().site_id, engine.device_key(sup))
            sent = _Tally()
            started = time.perf_counter()
            photos.exchange(sup, sup_writer, sent, cancel=lambda: None, report=lambda text: None)
            send_ms = (time.perf_counter() - started) * 1000 / moved
            with write_transaction(rep.db):
                rep.db.execute("UPDATE capture_mode SET applying = 1")
                rep.db.conn.executemany(
                    "INSERT INTO asset_events (id, asset_id, kind, to_location, photos) VALUES (?, 'A', 'inspect', ?, ?)",
                    [(str(ULID()), f"customer:{own[n]}", json.dumps([sha])) for n, sha in enumerate(shas)],
                )
                rep.db.execute("UPDATE capture_mode SET applying = 0")
            fetched = _Tally()
            started = time.perf_counter()
            photos.exchange(rep, rep_writer, fetched, cancel=lambda: None, report=lambda text: None)
            fetch_ms = (time.perf_counter() - started) * 1000 / moved
        finally:
            for ws in (admin, rep, sup):
                ws.close()
    assert (sent.photos_sent, fetched.photos_received) == (moved, moved), (sent.photo_warnings, fetched.photo_warnings)
    return {
        "queued_other_photos": others, "own_customers": OWN_CUSTOMERS,
        "quiet_photo_step_ms": round(quiet_ms, 2), "quiet_photo_step_budget_ms": QUIET_STEP_BUDGET_MS,
        "quiet_photo_step_met": quiet_ms < QUIET_STEP_BUDGET_MS,
        "photos_moved": moved, "photo_bytes": PHOTO_BYTES,
        "send_per_photo_ms": round(send_ms, 2), "fetch_per_photo_ms": round(fetch_ms, 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
