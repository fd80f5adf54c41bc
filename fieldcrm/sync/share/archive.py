"""Moving change files that snapshots make unnecessary out of the readers' way.

A change file can be archived once every kept snapshot covers it: a new
laptop starts from a snapshot and reads only what follows. Files are moved,
never deleted, to ``archive/sites/<site>/changes/...`` under the same name,
and readers look there when a name is missing from the live folder, so a
laptop that was offline for months still catches up, only more slowly. A
move is link-then-unlink (or a checked rename), so an interrupted run leaves
a file in one place or in both, never in neither; the next run finishes it.

Archiving touches every site's folder, so it is an admin's maintenance step,
never part of a normal sync. Before moving anything of a site it checks that
the file the snapshots stop at is the one on the share, so a forked site is
left alone.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import frame, fsio, layout
from fieldcrm.sync.share.snapshot import VerifiedSnapshot

if TYPE_CHECKING:
    from fieldcrm.sync.share.share import Share

log = logging.getLogger(__name__)


def archive_covered(share: Share, keep: Sequence[VerifiedSnapshot]) -> int:
    if not keep:
        return 0
    share.check_marker()
    moved = 0
    for site in sorted(set.intersection(*(set(snapshot.covers) for snapshot in keep))):
        cutoff = min((snapshot.covers[site] for snapshot in keep), key=lambda cursor: cursor.seq)
        if cutoff.seq == 0:
            continue
        with share.io_errors(_N("Sync", "archiving site {site}"), writing=True, site=site):
            found = share.find_change(site, cutoff.seq)
            if found is None or frame.file_hash(found[1]) != cutoff.hash:
                log.warning("not archiving site %s: its file #%d is not the one the snapshots cover", site, cutoff.seq)
                continue
            moved += _move_up_to(share, site, cutoff.seq)
    return moved


def _move_up_to(share: Share, site: str, last: int) -> int:
    live = share.layout.changes(site)
    moved = 0
    for shard in sorted(n for n in os.listdir(live) if layout.SHARD_NAME.fullmatch(n)):
        if int(shard) > layout.shard_of(last):
            break
        names = sorted(n for n in os.listdir(live / shard) if (m := layout.CHANGE_NAME.fullmatch(n)) and int(m.group(1)) <= last)
        if not names:
            continue
        target = fsio.ensure_dir(share.layout.archive_sites, site, "changes", shard)
        for name in names:
            try:
                fsio.move_no_replace(live / shard / name, target / name)
            except FileExistsError:
                # An earlier run was interrupted between link and unlink.
                if (target / name).read_bytes() != (live / shard / name).read_bytes():
                    log.warning("not archiving %s: a different file has its name in the archive", live / shard / name)
                    continue
                os.unlink(live / shard / name)
            moved += 1
    return moved
