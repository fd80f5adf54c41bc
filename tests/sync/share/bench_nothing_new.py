"""Measure a sync that finds nothing new on a share with a long history.

    .venv/bin/python tests/sync/share/bench_nothing_new.py [--sites 50] [--files 20] [--changes 1000]

Builds a share of sites x files x changes (one million changes by default)
in a temporary folder, then times what the database side does on every sync
when nobody published anything: open the share (marker), load the registry,
list the sites, and ask each site for what follows its cursor. "cold" opens a
new Share each time; "warm" reuses one and only refreshes its registry.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import Cursor, Share, SigningKey, issue_certificate
from fieldcrm.sync.share.changefile import encode_changes


def build(root: Path, sites: int, files: int, changes: int) -> tuple[Share, dict[str, Cursor]]:
    share = Share.init(root / "share", root / "admin.key")
    admin = SigningKey.load(root / "admin.key")
    cursors = {}
    for s in range(sites):
        site = f"{s:032x}"
        key = SigningKey.generate()
        issue_certificate(share, admin, user=f"rep {s}", role=Role.REP, device_key=key.public, territory=f"T{s % 7}")
        writer = share.writer(site, key)
        first = writer.publish_changes(1, "", _records(site, 0, changes))
        prev = first.hash
        for seq in range(2, files + 1):  # the rest without fsync, to build quickly
            data, prev = encode_changes(site, seq, prev, _records(site, seq, changes), key)
            path = share.layout.change(site, seq)
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
        cursors[site] = Cursor(files, prev)
    return share, cursors


def _records(site: str, seq: int, count: int) -> list[dict[str, object]]:
    return [
        {"tbl": "customers", "row": f"01J{seq:06d}{i:06d}", "field": "name", "value": f"张三超市 {seq}-{i}",
         "hlc": (1_700_000_000_000 + seq * count + i) << 16, "site": site, "prev_hlc": None, "prev_site": None}
        for i in range(count)
    ]


def sync_nothing_new(share: Share, cursors: dict[str, Cursor]) -> None:
    for site in share.sites():
        for _batch in share.read_new(site, cursors[site]):
            raise AssertionError("nothing should be new")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        share, cursors = build(Path(folder), options.sites, options.files, options.changes)
        total = options.sites * options.files * options.changes
        print(f"built {options.sites} sites x {options.files} files x {options.changes} changes = {total:,} changes "
              f"in {time.perf_counter() - started:.1f} s")
        cold, warm = [], []
        for _ in range(options.runs):
            started = time.perf_counter()
            fresh = Share.open(share.root, expected_admin=share.admin_key)
            fresh.refresh()
            sync_nothing_new(fresh, cursors)
            cold.append(time.perf_counter() - started)
        for _ in range(options.runs):
            started = time.perf_counter()
            share.check_marker()
            share.refresh()
            sync_nothing_new(share, cursors)
            warm.append(time.perf_counter() - started)
        for name, times in (("cold (new Share)", cold), ("warm (long-lived Share)", warm)):
            print(f"nothing-new sync, {name}: median {statistics.median(times) * 1000:.1f} ms, "
                  f"max {max(times) * 1000:.1f} ms over {options.runs} runs")


if __name__ == "__main__":
    main()
