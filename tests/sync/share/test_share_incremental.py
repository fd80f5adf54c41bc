"""A sync with nothing new reads no old file and lists only small folders, however long the history.

File access is counted with an audit hook (every ``open``, ``os.listdir`` and
``os.scandir`` raises an audit event), which is exact where timing is not.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from share_helpers import Fleet, records

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import Cursor, Share
from fieldcrm.sync.share import layout

SITES = 8
FILES = 25
_events: list[tuple[str, str]] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _events is not None and event in ("open", "os.listdir", "os.scandir"):
        _events.append((event, str(args[0])))


sys.addaudithook(_audit)


@contextmanager
def recording() -> Iterator[list[tuple[str, str]]]:
    global _events
    _events = []
    try:
        yield _events
    finally:
        _events = None


def put_chain(fleet: Fleet, user: str, site: str, seqs: range, prev: str) -> None:
    for seq in seqs:
        data, prev = fleet.forge(user, site, seq, prev, records(20, f"{site}-{seq}"))
        fleet.put_raw(site, seq, data)


def long_history(fleet: Fleet) -> dict[str, Cursor]:
    for i in range(SITES):
        fleet.register(f"rep{i}", Role.REP)
        first = fleet.publish(f"rep{i}", f"site-{i}", 1)[0]
        put_chain(fleet, f"rep{i}", f"site-{i}", range(2, FILES + 1), first.hash)
    # One site whose stream has crossed into its second shard folder.
    fleet.register("veteran", Role.REP)
    fleet.publish("veteran", "site-v", 1)
    put_chain(fleet, "veteran", "site-v", range(990, 1006), "ee" * 32)
    cursors = {site: fleet.share.head(site) for site in fleet.share.sites()}
    assert cursors["site-v"].seq == 1005
    return cursors


def existing(paths: list[str], suffix: str) -> list[str]:
    return [p for p in paths if p.endswith(suffix) and Path(p).exists()]


def test_nothing_new_opens_no_change_file(fleet: Fleet) -> None:
    cursors = long_history(fleet)
    with recording() as events:
        share = Share.open(fleet.share.root, expected_admin=fleet.admin.public)
        share.refresh()
        sites = share.sites()
        for site in sites:
            assert list(share.read_new(site, cursors[site])) == []
    opened = [path for event, path in events if event == "open"]
    listed = [path for event, path in events if event != "open"]
    assert len(sites) == SITES + 1
    assert existing(opened, ".chg") == [] and existing(opened, ".claim") == []
    # Per site: probe the next name live and archived; list the shard folders and the current shard.
    assert len([p for p in opened if p.endswith(".chg")]) == 2 * len(sites)
    assert len(listed) == 3 + 2 * len(sites)  # + sites/, certs/, revocations/
    veteran_shards = str(share.layout.changes("site-v"))
    assert str(Path(veteran_shards) / layout.shard_name(0)) not in listed
    # A long-lived Share refreshing its registry reads no record it has already read.
    with recording() as events:
        share.refresh()
    assert [path for event, path in events if event == "open"] == []


def test_one_new_file_is_the_only_change_file_read(fleet: Fleet) -> None:
    cursors = long_history(fleet)
    new = fleet.publish("rep3", "site-3", 1)[0]
    with recording() as events:
        batches = [b for site in fleet.share.sites() for b in fleet.share.read_new(site, cursors[site])]
    assert [b.ref for b in batches] == [new]
    opened = [path for event, path in events if event == "open"]
    assert existing(opened, ".chg") == [str(fleet.share.layout.change("site-3", FILES + 1))]
