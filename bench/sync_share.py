"""Sync through the share: the quiet sync on a big share, and a new laptop's bootstrap.

* ``nothing_new_s``: ``engine.sync`` of a laptop that is up to date, on a
  share holding 1,000,000 changes (100 sites x 100 files x 100 records),
  best of ``repeat`` (median reported too). It is what every laptop pays
  every few minutes, so it must cost a few file-system calls per site, never
  a pass over the history. Target 0.2 s.
* ``bootstrap_s``: from a supervisor's snapshot file on the share to a
  usable workspace: ``engine.bootstrap`` of a new laptop (open the share,
  verify the snapshot, unpack and load it in one transaction, commit, then
  the sync of what came after it, here nothing). The supervisor holds
  100,000 cards of 8 fields typed in (800,000 versions). Target 5 s.
* ``bootstrap_rep_s``: the same for a new rep's laptop, which keeps the
  cards of one territory (the largest, ``bootstrap_rep_customers``) and
  every version. The target holds for both laptops: ``bootstrap_met`` says
  whether the slower of the two took under 5 s.
* ``bootstrap_demo_s``: the same from the 100,000-customer demo workspace
  of ``bench/generate.py`` (cards of about 58 fields: 5.8 million versions,
  a 1.9 GB workspace), beside ``demo_copy_s``, the time to copy that
  workspace's database file once and flush it to disk: a floor for any
  bootstrap that must write the same data; ``bootstrap_demo_rep_s`` for a
  rep of its largest territory; ``bootstrap_demo_met`` for the slower of
  the two. Not in ``--quick``.

The big share is generated once and cached under ``bench/.cache/``: the
first file of each site goes through the real writer (certificate check,
site claim), the rest are signed with the real encoder and written straight
to their names, skipping the per-file fsync that makes publishing 10,000
files slow and that a benchmark of reading does not need. The laptop is
then put at the head of every stream, as one that bootstrapped would be.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import generate

from fieldcrm.domain.classifications import Role
from fieldcrm.storage.database import DB_NAME, write_transaction
from fieldcrm.sync import engine, membership
from fieldcrm.sync import sync_state as state
from fieldcrm.sync.share import Share, SigningKey, changefile, issue_certificate, layout
from fieldcrm.workspace import Workspace, open_workspace

CACHE = Path(__file__).resolve().parent / ".cache"
NOTHING_NEW_TARGET_S = 0.2
BOOTSTRAP_TARGET_S = 5.0
START_HLC = 1_750_000_000_000 << 16


def _shape(quick: bool) -> tuple[int, int, int]:
    """Sites, files per site, records per file."""
    return (20, 50, 100) if quick else (100, 100, 100)


def _fingerprint() -> str:
    source = Path(changefile.__file__).read_bytes() + Path(layout.__file__).read_bytes()
    return hashlib.sha256(source).hexdigest()[:10]


def _records(site: str, seq: int, count: int) -> list[dict[str, Any]]:
    base = START_HLC + seq * count
    return [
        {"tbl": "customers", "row": f"{site[:8]}{seq:06d}{n:04d}", "field": "name", "hlc": base + n, "site": site,
         "value": f"张三超市 {seq}-{n}", "prev_hlc": None, "prev_site": None}
        for n in range(count)
    ]


def big_share(quick: bool = False) -> Path:
    """The cached share of ``sites x files x records`` changes, plus ``laptop.key`` registered on it."""
    sites, files, per_file = _shape(quick)
    folder = CACHE / f"sync-share-{sites * files * per_file}-{_fingerprint()}"
    if (folder / "done.json").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    share = Share.init(folder / "share", folder / "admin.key")
    admin = SigningKey.load(folder / "admin.key")
    laptop = SigningKey.generate()
    laptop.save(folder / "laptop.key")
    issue_certificate(share, admin, user="笔记本", role=Role.REP, device_key=laptop.public, territory="西湖区")
    for number in range(sites):
        site = f"site{number:04d}"
        key = SigningKey.generate()
        issue_certificate(share, admin, user=f"代表{number}", role=Role.REP, device_key=key.public)
        head = share.writer(site, key).publish_changes(1, "", _records(site, 1, per_file)).cursor
        for seq in range(2, files + 1):
            data, digest = changefile.encode_changes(site, seq, head.hash, _records(site, seq, per_file), key)
            path = share.layout.change(site, seq)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            head = type(head)(seq, digest)
    (folder / "done.json").write_text(json.dumps({"changes": sites * files * per_file}))
    return folder


def _up_to_date_laptop(cached: Path, folder: Path) -> Workspace:
    ws = open_workspace(folder, create=True)
    ws.initialise("笔记本", Role.REP, "西湖区")
    shutil.copyfile(cached / "laptop.key", folder / "device.key")
    share = Share.open(cached / "share")
    with write_transaction(ws.db):
        for site in share.sites():
            state.set_stream_cursor(ws.db, site, share.head(site))
        state.remember_share(ws.db, str(share.root), share.share_id, share.admin_key)
    return ws


def time_nothing_new(quick: bool, repeat: int) -> dict[str, Any]:
    cached = big_share(quick)
    with tempfile.TemporaryDirectory() as tmp:
        ws = _up_to_date_laptop(cached, Path(tmp) / "laptop")
        try:
            engine.sync(ws)  # warm the OS caches, as a laptop that synced minutes ago has them
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                summary = engine.sync(ws)
                timings.append(time.perf_counter() - started)
        finally:
            ws.close()
    assert summary.received_files == 0 and summary.sent_files == 0
    changes = json.loads((cached / "done.json").read_text())["changes"]
    best = min(timings)
    return {
        "share_changes": changes, "sites": _shape(quick)[0],
        "nothing_new_s": round(best, 4), "nothing_new_median_s": round(statistics.median(timings), 4),
        "nothing_new_target_s": NOTHING_NEW_TARGET_S, "nothing_new_met": best < NOTHING_NEW_TARGET_S,
    }


def _fill(ws: Workspace, customers: int) -> None:
    """Synthetic cards through the capture triggers (as typed-in cards), in one transaction."""
    rows = (
        {"id": f"01BENCH{n:019d}", "code": f"C-BNCH{n:06d}", "name": f"张三超市{n}", "city": "杭州",
         "district": "西湖区", "phones": f"139{n:08d}", "territory": "西湖区" if n % 2 else "滨江区",
         "street": f"文一路{n % 500}号"}
        for n in range(customers)
    )
    with write_transaction(ws.db):
        ws.db.table("customers").insert_all(rows, batch_size=2_000)


def time_bootstrap(quick: bool) -> dict[str, Any]:
    customers = 10_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp, _Office(Path(tmp)) as office:
        sup = office.member("sup", "韩梅梅")
        _fill(sup, customers)
        figures = office.bootstrap_from(sup, "bootstrap")
    slowest = max(figures["bootstrap_s"], figures["bootstrap_rep_s"])
    return figures | {
        "bootstrap_target_s": BOOTSTRAP_TARGET_S,
        "bootstrap_met": slowest < BOOTSTRAP_TARGET_S and figures["bootstrap_customers"] == customers,
    }


def time_bootstrap_demo() -> dict[str, Any]:
    """Bootstrap from a snapshot of the 100,000-customer demo workspace (a copy: the snapshot syncs it)."""
    cached = generate.workspace(100_000) / DB_NAME
    with tempfile.TemporaryDirectory() as tmp, _Office(Path(tmp)) as office:
        (office.root / "demo").mkdir()
        started = time.perf_counter()
        with open(cached, "rb") as source, open(office.root / "demo" / DB_NAME, "wb") as copy:
            shutil.copyfileobj(source, copy, 16 << 20)
            copy.flush()
            os.fsync(copy.fileno())
        copy_s = time.perf_counter() - started
        figures = office.bootstrap_from(office.join(open_workspace(office.root / "demo")), "bootstrap_demo")
    met = max(figures["bootstrap_demo_s"], figures["bootstrap_demo_rep_s"]) < BOOTSTRAP_TARGET_S
    return figures | {"demo_copy_s": round(copy_s, 3), "bootstrap_demo_met": met}


class _Office:
    """An admin, a share and the workspaces registered on it, in a temporary folder; closes them on exit."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.share = root / "share"
        self.admin = open_workspace(root / "admin", create=True)
        self.admin.initialise("王管理", Role.ADMIN)
        membership.init_share(self.admin, self.share)
        self.opened = [self.admin]

    def __enter__(self) -> _Office:
        return self

    def __exit__(self, *exc: object) -> None:
        for ws in self.opened:
            ws.close()

    def member(self, folder: str, user: str, role: Role = Role.SUPERVISOR, territory: str | None = None) -> Workspace:
        ws = open_workspace(self.root / folder, create=True)
        ws.initialise(user, role, territory)
        return self.join(ws)

    def join(self, ws: Workspace) -> Workspace:
        me = ws.require_identity()
        membership.add_user(self.admin, self.share, user=me.user_name, role=me.role, territory=me.territory,
                            key_text=engine.device_key(ws).public.text)
        self.opened.append(ws)
        return ws

    def bootstrap_from(self, sup: Workspace, name: str) -> dict[str, Any]:
        """Snapshot ``sup``, then time a new supervisor laptop, and a new rep's of its largest territory,
        from the file on the share to a usable workspace."""
        snapshot = Path(engine.write_snapshot(sup, self.share))
        territory = sup.db.execute(
            "SELECT territory FROM customers WHERE deleted = 0 GROUP BY territory ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        return {
            f"{name}_snapshot_mb": round(snapshot.stat().st_size / 1e6, 1),
            **self._time_bootstrap(self.member("fresh", "新人"), name),
            **self._time_bootstrap(self.member("rep", "新代表", Role.REP, territory), f"{name}_rep"),
        }

    def _time_bootstrap(self, fresh: Workspace, name: str) -> dict[str, Any]:
        started = time.perf_counter()
        summary = engine.bootstrap(fresh, self.share)
        elapsed = time.perf_counter() - started
        return {
            f"{name}_customers": fresh.db.execute("SELECT count(*) FROM customers").fetchone()[0],
            f"{name}_changes": summary.received_changes,
            f"{name}_s": round(elapsed, 3),
            f"{name}_files_after_snapshot": summary.received_files - 1,
        }


def run(repeat: int = 5, quick: bool = False) -> dict[str, Any]:
    """Every figure; ``quick`` uses a 100,000-change share and 10,000 customers, and skips the demo workspace."""
    figures = time_nothing_new(quick, repeat) | time_bootstrap(quick)
    return figures if quick else figures | time_bootstrap_demo()


if __name__ == "__main__":
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
