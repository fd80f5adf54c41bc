"""Inspection photos through the share, after the changes: sent and fetched as content-addressed files.

Records name a photo by its SHA-256 only; the bytes travel as blobs
(``blobs/<sha[:2]>/<sha>`` on the share, ``attachments/`` in a workspace),
outside the signed change files, so a photo that is late, lost or damaged
never holds up or breaks the records. ``photo_transfers`` (kept by triggers,
``storage.schema_inspections``) lists what is owed: photos of inspections
written here to send, photos of received inspections to fetch. A photo leaves
that list only once it has travelled; anything else becomes a warning in the
summary and is tried again at the next sync, so nothing is ever given up on.

Who keeps what: every laptop keeps the asset register, but an inspection's
photos show a customer's shop and belong with the customer's file. A rep
fetches only photos of inspections at customers its laptop keeps
(materialises); supervisors fetch all. A customer moving into a rep's
territory brings its photos at the next sync, because they are still listed.

Fetched bytes are checked against their name twice (by the share, then by
``attachments.store_blob``) and written to a temporary file that is renamed
into place; sending goes through ``SiteWriter.put_blob``, which publishes
with the same write-once rule as change files. A photo still owed that the
share already holds is read back first: a damaged copy there is replaced
with this laptop's (``SiteWriter.repair_blob``, the one file the share lets
be replaced, since its name fixes its bytes), so the laptop that sends a
photo mends it for everyone. A copy damaged after it was sent is found by
the laptops fetching it: each leaves a want on the share
(``SiteWriter.want_blob``), every laptop holding the photo intact sends it
again at its next sync, and the want is withdrawn once the photo arrived
or is no longer owed. A share that vanishes or fills up in the
middle stops the photos, not the sync: the changes are already in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

import sqlite_utils

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import attachments
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import scope
from fieldcrm.sync.messages import Message
from fieldcrm.sync.share import CorruptFile, ShareError, SiteWriter, StreamStopped
from fieldcrm.workspace import Workspace

SEND, FETCH = "send", "fetch"
# Photos marked as travelled per transaction: a crash re-checks at most this many (one stat each).
DONE_BATCH = 100

MSG_SENDING = _N("Sync", "Sending photos ({count})")
MSG_FETCHING = _N("Sync", "Fetching photos ({count})")
MSG_NOT_ON_SHARE = _N("Sync", "{count} photo(s) are not on the share yet; they are fetched at a later sync")
MSG_DAMAGED = _N(
    "Sync", "Photo {sha} on the share is damaged ({reason}); it was not kept, and the laptops holding it are asked "
    "to send it again"
)
MSG_MENDING = _N("Sync", "Sending again photos other laptops found damaged ({count})")
MSG_CHANGED = _N("Sync", "its bytes changed while it was read")
MSG_GONE_HERE = _N(
    "Sync", "{count} photo(s) of inspections made on this laptop are missing or damaged in its attachments folder "
    "and cannot be sent"
)
MSG_STOPPED = _N("Sync", "Photos were not all exchanged ({reason}); the rest follow at the next sync")


class PhotoTally(Protocol):
    """Where the counts go: the engine's ``SyncSummary``."""

    photos_sent: int
    photos_received: int
    photos_missing: int
    photo_warnings: list[Message]


def exchange(
    workspace: Workspace, writer: SiteWriter, tally: PhotoTally, *,
    cancel: Callable[[], None], report: Callable[[Message], None],
) -> None:
    """Send the photos owed to the share, then fetch those owed to this laptop.

    ``cancel`` raises when the user cancelled; ``report`` shows a step. Never
    raises for a photo or for the share: that is a warning in ``tally``.
    """
    photos = _Exchange(workspace, writer, tally, cancel)
    try:
        wants = photos.share.wants()
        photos.mend({sha for sha, site in wants if site != writer.site}, report)
        photos.transfer(SEND, report)
        photos.transfer(FETCH, report)
        photos.withdraw_answered({sha for sha, site in wants if site == writer.site})
    except ShareError as error:
        reason = error.explained() if isinstance(error, StreamStopped) else Message.of_error(error)
        tally.photo_warnings.append(Message.of(MSG_STOPPED, reason=reason))
    except OSError as error:  # this laptop's own disk (full, or the attachments folder unwritable)
        tally.photo_warnings.append(Message.of(MSG_STOPPED, reason=error.strerror or str(error)))


def owed(db: sqlite_utils.Database, direction: str) -> list[str]:
    """The photos this laptop still has to send, or to fetch within its scope, by hash."""
    if direction == SEND or scope.of_workspace(db).everything:
        sql = "SELECT DISTINCT sha256 FROM photo_transfers WHERE direction = ? ORDER BY sha256"
    else:
        # CROSS JOIN keeps the rep's own (few) customers as the outer loop: the queue
        # also lists every other territory's photos, which are never looked at.
        sql = (
            "SELECT DISTINCT t.sha256 FROM customers AS c CROSS JOIN photo_transfers AS t "
            "ON t.direction = ? AND t.customer_id = c.id ORDER BY t.sha256"
        )
    return [row[0] for row in db.execute(sql, [direction])]


class _Exchange:
    """One sync's photo traffic, counted into ``tally``; a photo leaves the queue once it has travelled."""

    def __init__(self, workspace: Workspace, writer: SiteWriter, tally: PhotoTally, cancel: Callable[[], None]) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.writer = writer
        self.share = writer.share
        self.tally = tally
        self.cancel = cancel

    def mend(self, wanted: set[str], report: Callable[[Message], None]) -> None:
        """Send again the photos other laptops want and this one holds: their copy on the share is damaged."""
        held = [sha for sha in sorted(wanted) if self._holds(sha)]
        if held:
            report(Message.of(MSG_MENDING, count=len(held)))
        for sha in held:
            self.cancel()
            self._send(sha)

    def withdraw_answered(self, asked: set[str]) -> None:
        """Withdraw this laptop's wants of photos now here or no longer owed to it; the rest stand."""
        still_owed = set(owed(self.db, FETCH))
        for sha in sorted(asked):
            if self._holds(sha) or sha not in still_owed:
                self.writer.withdraw_want(sha)

    def _holds(self, sha: str) -> bool:
        return attachments.path_for(self.workspace, sha) is not None

    def transfer(self, direction: str, report: Callable[[Message], None]) -> None:
        """Move every photo owed in ``direction``; those that cannot move now stay owed."""
        pending = owed(self.db, direction)
        if not pending:
            return
        step, move, unavailable = (
            (MSG_SENDING, self._send, MSG_GONE_HERE) if direction == SEND else (MSG_FETCHING, self._fetch, MSG_NOT_ON_SHARE)
        )
        report(Message.of(step, count=len(pending)))
        missing = 0
        with self._marking(direction) as done:
            for sha in pending:
                self.cancel()
                moved = move(sha)
                if moved:
                    done(sha)
                elif moved is not None:
                    missing += 1
        if missing:
            self.tally.photos_missing += missing
            self.tally.photo_warnings.append(Message.of(unavailable, count=missing))

    def _send(self, sha: str) -> bool:
        """True once the share has the photo intact; False when this laptop no longer holds it intact.

        A copy already on the share is checked against its name and, when
        damaged, replaced with this laptop's: readers cannot mend it, and
        would warn of it at every sync.
        """
        data = _local_bytes(self.workspace, sha)
        if data is None:
            return False
        try:
            on_share = self.share.get_blob(sha) is not None
        except CorruptFile:
            self.writer.repair_blob(data)
        else:
            if on_share:
                return True
            self.writer.put_blob(data)
        self.tally.photos_sent += 1
        return True

    def _fetch(self, sha: str) -> bool | None:
        """True once the photo is here; False when the share lacks it; None when it was damaged (warned)."""
        if self._holds(sha):
            return True
        try:
            data = self.share.get_blob(sha)
        except CorruptFile as error:
            return self._damaged(sha, Message.of_error(error))
        if data is None:
            return False
        if not attachments.store_blob(self.workspace, sha, data):
            return self._damaged(sha, Message.of(MSG_CHANGED))
        self.tally.photos_received += 1
        return True

    def _damaged(self, sha: str, reason: Message) -> None:
        self.writer.want_blob(sha)
        self.tally.photos_missing += 1
        self.tally.photo_warnings.append(Message.of(MSG_DAMAGED, sha=sha[:12], reason=reason))

    @contextmanager
    def _marking(self, direction: str) -> Iterator[Callable[[str], None]]:
        """Yields ``done(sha)``; travelled photos leave the queue in small batches, and on the way out
        whatever happened, so a cancel or a lost share keeps the progress made."""
        travelled: list[str] = []

        def flush() -> None:
            if travelled:
                with write_transaction(self.db):
                    self.db.conn.executemany(
                        "DELETE FROM photo_transfers WHERE sha256 = ? AND direction = ?",
                        [(sha, direction) for sha in travelled],
                    )
                travelled.clear()

        def done(sha: str) -> None:
            travelled.append(sha)
            if len(travelled) >= DONE_BATCH:
                flush()

        try:
            yield done
        finally:
            flush()


def _local_bytes(workspace: Workspace, sha256: str) -> bytes | None:
    """A photo's bytes as stored here, None when the file is gone or no longer matches its name."""
    path = attachments.path_for(workspace, sha256)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None
