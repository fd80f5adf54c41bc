"""One sync: this laptop's changes out to the share, everyone else's in.

The order of a run is what makes it safe to kill at any instant:

1. Publish first, one file at a time, recording each file (its cursor and the
   newest timestamp it carried) in the workspace right after the share has
   it. A crash between the two leaves the share ahead of the workspace; the
   next run sees ``share.head(own site)`` beyond the recorded cursor, reads
   those own files back and records them, so nothing is lost or sent twice.
   Files are cut at timestamp boundaries, because "exported through" is a
   timestamp: cutting inside one would leave the rest of it unexported.
2. Then read every other site's new files (verified by the share layer) and
   apply them with ``apply_files`` in one transaction together with the
   stream cursors that say they were applied: data and cursors commit or roll
   back as one. Until the apply commits nothing is changed, so cancelling or
   losing the share meanwhile leaves the workspace as it was. Rounds are
   capped (``ROUND_RECORDS``) so a laptop catching up on a long history does
   not hold it all in memory; each round commits on its own terms.

A site whose stream stops (damaged file, bad signature, gap) is skipped and
reported; a share that is missing, unmounted or vanishes stops the whole run.
The workspace pins the share's id and admin key at its first sync, so a
different folder or a forged marker is refused instead of merged into.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from functools import partial
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage.database import write_transaction, written_once
from fieldcrm.storage.identity import Identity
from fieldcrm.sync import photos
from fieldcrm.sync import sync_state as state
from fieldcrm.sync.conflicts import list_conflicts
from fieldcrm.sync.device import (
    ADMIN_KEY_NAME,
    DEVICE_KEY_NAME,
    SyncBusy,
    load_or_create_key,
    sync_lock,
)
from fieldcrm.sync.merge import ApplyResult, ChangeFile, apply_files
from fieldcrm.sync.outbox import collect_outgoing, exported_through, mark_exported
from fieldcrm.sync.roles import Author
from fieldcrm.sync.share import (
    START,
    Cursor,
    Share,
    ShareError,
    SigningKey,
    StreamStopped,
)
from fieldcrm.sync import snapshot_adopt, snapshot_image
from fieldcrm.sync.materialise import Outcome
from fieldcrm.sync.messages import Message
from fieldcrm.sync.share.snapshot import RECORDS_VERSION, VerifiedSnapshot
from fieldcrm.sync.snapshot_data import STEP_UNPACK, bootstrap_from_records
from fieldcrm.workspace import Workspace

MAX_RECORDS_PER_FILE = 5_000
ROUND_RECORDS = 200_000
# SQLite steps between two looks at Cancel during a snapshot load (a few ms).
_CANCEL_CHECK_STEPS = 100_000

Progress = Callable[[int, int, Message], None]
Cancelled = Callable[[], bool]
Watch = snapshot_adopt.Watch

MSG_NO_SHARE = _N("Sync", "This workspace has not synced yet: give the share folder (--share DIR)")
MSG_OTHER_SHARE = _N(
    "Sync", "{path} is another share than the one this workspace syncs with ({known}); a workspace belongs to one share"
)
MSG_UNREGISTERED = _N(
    "Sync",
    "This device is not registered on the share {path}. Ask the admin to run: "
    "fieldcrm share add-user --share {path} --user {user} --role {role}{territory} --key {key}",
)
MSG_REVOKED = _N("Sync", "{user}'s devices were revoked on the share {path}; this laptop may no longer sync")
MSG_CANCELLED = _N("Sync", "Sync cancelled; nothing more was changed")
MSG_NOT_FRESH = _N(
    "Sync", "Bootstrap fills a new workspace, and this one already holds changes: run 'fieldcrm sync' instead"
)
MSG_SNAPSHOT_UNUSED = _N("Sync", "Its snapshot could not be used ({reason}); this laptop replayed the files instead")
MSG_SNAPSHOT_ROLE = _N("Sync", "Only supervisors and admins write snapshots; this workspace belongs to a {role}")
MSG_OWN_STREAM = _N("Sync", "This laptop's own files on the share cannot be read back: {reason}")


@dataclass(frozen=True)
class SiteProblem:
    """A site whose stream stopped at a file: that site waits, the others synced."""

    site: str
    user: str | None
    reason: str  # in English, as the CLI prints it
    # The same as a template and its arguments, for the GUI to translate (None in summaries stored before).
    explained: Message | None = None


@dataclass(frozen=True)
class RejectedChange:
    """A received change the signer was not allowed to make; every laptop rejects it alike."""

    user: str
    reason: str  # a ``roles.Reason`` code
    summary: str  # in English, as the CLI prints it
    # The same as a template and its arguments, for the GUI to translate (None in summaries stored before).
    explained: Message | None = None


# Warnings listed as messages; ``to_json`` writes each list in English under its own key, as the CLI
# prints it, and as templates under ``<key>_explained``.
WARNING_LISTS = ("clock_warnings", "photo_warnings")


@dataclass
class SyncSummary:
    share: str
    started: str
    duration_s: float = 0.0
    sent_changes: int = 0
    sent_files: int = 0
    received_changes: int = 0
    received_files: int = 0
    applied: int = 0
    duplicates: int = 0
    rejected: list[RejectedChange] = field(default_factory=list)
    problems: list[SiteProblem] = field(default_factory=list)
    conflicts_open: int = 0
    clock_warnings: list[Message] = field(default_factory=list)
    changed_tables: set[str] = field(default_factory=set)
    photos_sent: int = 0  # photo files: see sync.photos
    photos_received: int = 0
    photos_missing: int = 0
    photo_warnings: list[Message] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, value in asdict(self).items():
            if key in WARNING_LISTS:
                warnings: list[Message] = getattr(self, key)
                data[key] = [str(warning) for warning in warnings]
                data[f"{key}_explained"] = [warning.to_json() for warning in warnings]
            else:
                data[key] = value
        data["changed_tables"] = sorted(self.changed_tables)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SyncSummary:
        """A stored summary; those stored before messages carried templates load with their English text."""
        values = dict(data)
        values["rejected"] = [
            RejectedChange(**{**r, "explained": _optional_message(r.get("explained"))})
            for r in values.get("rejected", [])
        ]
        values["problems"] = [
            SiteProblem(**{**p, "explained": _optional_message(p.get("explained"))})
            for p in values.get("problems", [])
        ]
        for key in WARNING_LISTS:
            explained = values.pop(f"{key}_explained", None)
            values[key] = (
                [Message.from_json(m) for m in explained] if explained is not None
                else [Message.verbatim(text) for text in values.get(key, [])]
            )
        values["changed_tables"] = set(values.get("changed_tables", []))
        return cls(**values)


def _optional_message(data: dict[str, Any] | None) -> Message | None:
    return Message.from_json(data) if data else None


class SyncError(FieldCRMError):
    """The sync could not run or had to stop; ``cause`` is the share layer's typed error, if any."""

    context = "Sync"

    def __init__(self, template: str, *, cause: FieldCRMError | None = None, **args: object) -> None:
        self.cause = cause
        super().__init__(template, **args)

    @classmethod
    def wrap(cls, error: FieldCRMError) -> SyncError:
        """The cause's message kept whole (template and arguments), so the Sync page can translate it."""
        return cls(_N("Sync", "{reason}"), reason=Message.of_error(error), cause=error)


class SyncCancelled(FieldCRMError):
    context = "Sync"


def device_key(workspace: Workspace) -> SigningKey:
    """This laptop's signing key, made on first use; its public half is what the admin registers."""
    return load_or_create_key(workspace.folder / DEVICE_KEY_NAME)


def admin_key_path(workspace: Workspace) -> Path:
    """Where the admin's workspace keeps the share's admin key (made by ``share init``)."""
    return workspace.folder / ADMIN_KEY_NAME


def remembered_share(workspace: Workspace) -> Path | None:
    path = state.share_path(workspace.db)
    return None if path is None else Path(path)


def last_summary(workspace: Workspace) -> SyncSummary | None:
    data = state.last_summary(workspace.db)
    return None if data is None else SyncSummary.from_json(data)


def sync(
    workspace: Workspace,
    share: Path | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> SyncSummary:
    """Publish this laptop's new changes, apply everyone else's, and say what happened.

    A laptop that never synced and holds nothing yet starts from the share's
    latest snapshot, as ``bootstrap`` does, instead of replaying every file.
    """
    path = _share_path(workspace, share)
    with _locked(workspace):
        run = _Run(workspace, path, progress, cancelled)
        if run.is_new():
            run.load_snapshot(fall_back=True)
        return run.run()


def is_new(workspace: Workspace) -> bool:
    """Whether this laptop holds no versions and never read a site's files: its next sync starts from a snapshot."""
    db = workspace.db
    return not db.execute("SELECT 1 FROM change LIMIT 1").fetchone() and not state.stream_cursors(db)


def write_snapshot(workspace: Workspace, share: Path | None = None) -> str:
    """Sync, then write a signed snapshot of this workspace to the share; returns its path.

    The snapshot's ``covers`` (how far each stream is included) is read in
    the same read transaction as its records, so it never claims data the
    snapshot does not hold.
    """
    identity = workspace.require_identity()
    if not identity.is_supervisor:
        raise SyncError(MSG_SNAPSHOT_ROLE, role=identity.role.value)
    path = _share_path(workspace, share)
    with _locked(workspace):
        run = _Run(workspace, path, None, None)
        run.run()
        db = workspace.db
        writer = run.share.writer(identity.site_id, run.key)
        with snapshot_image.temporary(workspace.folder) as image:
            covers = snapshot_image.write(db, image, lambda: _covers(db, identity.site_id))
            with _share_errors():
                ref = writer.write_snapshot(covers, snapshot_image.chunks(image))
    return str(ref.path)


def _covers(db: sqlite_utils.Database, own_site: str) -> dict[str, Cursor]:
    """How far the workspace holds each site's files, its own included: what a snapshot of it covers."""
    covers = {site: c for site, c in state.stream_cursors(db).items() if c.seq}
    own = state.own_cursor(db)
    if own.seq:
        covers[own_site] = own
    return covers


def bootstrap(workspace: Workspace, share: Path) -> SyncSummary:
    """Fill a new laptop from the share's latest snapshot, then sync the changes after it.

    Without a usable snapshot every file is replayed, which ends in the same
    state, only slower.
    """
    db = workspace.db
    workspace.require_identity()
    with _locked(workspace):
        if db.execute("SELECT 1 FROM change LIMIT 1").fetchone():
            raise SyncError(MSG_NOT_FRESH)
        run = _Run(workspace, Path(share), None, None)
        run.load_snapshot()
        return run.run()


@dataclass
class _Step:
    """Progress bookkeeping: ``done`` only grows and stays below ``total`` until the end."""

    report: Progress | None
    total: int = 1
    done: int = 0

    def __call__(self, message: Message | str, advance: bool = True) -> None:
        """Report a step; a plain string is a marked template without arguments."""
        if advance:
            self.done = min(self.done + 1, self.total - 1)
        if self.report is not None:
            self.report(self.done, self.total, message if isinstance(message, Message) else Message.of(message))


class _Run:
    """One sync run over an opened, pinned share (the caller holds the workspace's sync lock)."""

    def __init__(self, workspace: Workspace, path: Path, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.identity: Identity = workspace.require_identity()
        self.own = self.identity.site_id
        self.key = device_key(workspace)
        self.path = path
        self.cancelled = cancelled or (lambda: False)
        self.step = _Step(progress)
        self.clock = time.perf_counter()
        self.summary = SyncSummary(str(path), datetime.now(UTC).isoformat(timespec="seconds"))
        self.share = self._open()

    def run(self) -> SyncSummary:
        self.publish()
        self.receive()
        photos.exchange(self.workspace, self.share.writer(self.own, self.key), self.summary,
                        cancel=self._check_cancel, report=lambda message: self.step(message, advance=False))
        summary = self.summary
        summary.conflicts_open = len(list_conflicts(self.db))
        summary.duration_s = round(time.perf_counter() - self.clock, 3)
        with write_transaction(self.db):
            state.remember_share(self.db, str(self.path), self.share.share_id, self.share.admin_key)
            state.store_summary(self.db, summary.to_json())
        self.step.done = self.step.total
        self.step(_N("Sync", "Sync finished"), advance=False)
        return summary

    def _open(self) -> Share:
        db = self.db
        with _share_errors():
            share = Share.open(self.path, expected_admin=state.pinned_admin(db))
            share.refresh()
        known = state.share_id(db)
        if known is not None and known != share.share_id:
            raise SyncError(MSG_OTHER_SHARE, path=self.path, known=state.share_path(db))
        cert = share.registry.certificate(self.key.public)
        me = self.identity
        if cert is None:
            territory = f" --territory {me.territory}" if me.territory else ""
            raise SyncError(
                MSG_UNREGISTERED, path=self.path, user=me.user_name, role=me.role.value, territory=territory,
                key=self.key.public.text,
            )
        if share.registry.revocation_of(cert) is not None:
            raise SyncError(MSG_REVOKED, user=cert.user, path=self.path)
        return share

    def is_new(self) -> bool:
        return is_new(self.workspace)

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise SyncCancelled(MSG_CANCELLED)

    # -- sending -------------------------------------------------------------------------------------

    def publish(self) -> None:
        db, share = self.db, self.share
        local = state.own_cursor(db)
        with _share_errors():
            if share.head(self.own).seq > local.seq:
                local = self._recover(local)
            files = list(_files(collect_outgoing(db, exported_through(db))))
            self.step.total += len(files)
            if not files:
                return
            writer = share.writer(self.own, self.key)
            writer.clean_temp()
            for records in files:
                self._check_cancel()
                ref = writer.publish_changes(local.seq + 1, local.hash, records)
                with write_transaction(db):
                    mark_exported(db, records[-1]["hlc"])
                    state.set_own_cursor(db, ref.cursor)
                local = ref.cursor
                self.summary.sent_files += 1
                self.summary.sent_changes += len(records)
                self.step(Message.of(_N("Sync", "Sent file #{seq} ({count} changes)"), seq=ref.seq, count=len(records)))

    def _recover(self, local: Cursor) -> Cursor:
        """Record own files the share holds but this workspace did not note (killed right after publishing)."""
        try:
            for batch in self.share.read_new(self.own, local):
                with write_transaction(self.db):
                    if batch.records:
                        mark_exported(self.db, max(int(r["hlc"]) for r in batch.records))
                    state.set_own_cursor(self.db, batch.cursor)
                local = batch.cursor
        except StreamStopped as error:
            raise SyncError(MSG_OWN_STREAM, reason=error.message, cause=error) from None
        return local

    # -- receiving -----------------------------------------------------------------------------------

    def load_snapshot(self, *, fall_back: bool = False) -> None:
        """Apply the latest snapshot and its stream cursors in one transaction (bootstrap).

        With ``fall_back`` (a new laptop's ordinary sync), a snapshot that
        cannot be used (damaged, or from a newer app) is reported as its
        author's problem and every file is replayed instead; ``bootstrap``
        was asked for the snapshot and fails.
        """
        with _share_errors():
            snapshot = self.share.latest_snapshot()
        if snapshot is None:
            return
        self._check_cancel()
        self.step(Message.of(_N("Sync", "Loading the snapshot by {user}"), user=snapshot.author.user), advance=False)
        try:
            with self._cancellable() as watch:
                if snapshot.version == RECORDS_VERSION:
                    outcome, versions = self._load_records(snapshot)
                else:
                    outcome, versions = self._load_image(snapshot, watch)
        except SyncCancelled:
            raise
        except FieldCRMError as error:  # a damaged snapshot: nothing of it was kept
            if not fall_back:
                raise SyncError.wrap(error) from None
            explained = Message.of(MSG_SNAPSHOT_UNUSED, reason=Message.of_error(error))
            author = snapshot.author
            site = author.site or snapshot.ref.site
            self.summary.problems.append(SiteProblem(site, author.user, str(explained), explained))
            return
        self.summary.received_files += 1
        self.summary.received_changes += versions
        self.summary.applied += versions
        self.summary.changed_tables |= {t for t, ids in (outcome.changed | outcome.dropped).items() if ids}

    @contextmanager
    def _cancellable(self) -> Iterator[Watch]:
        """Let Cancel stop the load's long statements: SQLite interrupts them and the transaction rolls back.

        The statement under way when Cancel is seen is interrupted, and only
        that one: the rollback, detaching the image and restoring the journal
        mode after it run as usual. The block gets ``watch``, which lets
        Cancel interrupt another connection's statements too (the image's).
        """
        fired = False

        def interrupt() -> int:
            nonlocal fired
            if not fired and self.cancelled():
                fired = True
                return 1
            return 0

        watched: list[sqlite3.Connection] = []

        def watch(conn: sqlite3.Connection) -> None:
            conn.set_progress_handler(interrupt, _CANCEL_CHECK_STEPS)
            watched.append(conn)

        watch(self.db.conn)
        try:
            yield watch
        except (sqlite3.OperationalError, FieldCRMError):
            if fired:  # the interrupted statement's error, however it was reported
                raise SyncCancelled(MSG_CANCELLED) from None
            raise
        finally:
            for conn in watched:
                with suppress(sqlite3.ProgrammingError):  # closed: the image's, or the file it replaced
                    conn.set_progress_handler(None, 0)

    def _load_image(self, snapshot: VerifiedSnapshot, watch: Watch) -> tuple[Outcome, int]:
        """Unpack the image next to the workspace, then make it the workspace or load it, in one transaction."""
        db = self.db
        self.step.total += 1 + snapshot_image.LOAD_STEPS
        with snapshot_image.temporary(self.workspace.folder) as image:
            self.step(STEP_UNPACK)
            with snapshot.open_body() as body:
                snapshot_image.unpack(body, image, self._check_cancel)
            start_streams = partial(self._start_streams_at, snapshot)
            adopted = snapshot_adopt.adopt(db, self.workspace.db_path, image, self.step, start_streams, watch)
            if adopted is not None:
                self.workspace.db = self.db = adopted.db
                return adopted.outcome, adopted.versions
            with snapshot_image.attached(db, image), written_once(db):
                with write_transaction(db):
                    outcome = snapshot_image.load(db, self.step)
                    self._start_streams_at(snapshot, db)
                versions = db.execute(f"SELECT value FROM {snapshot_image.SCHEMA}.info WHERE key = 'versions'")
                return outcome, int((versions.fetchone() or (0,))[0])

    def _load_records(self, snapshot: VerifiedSnapshot) -> tuple[Outcome, int]:
        """A format-1 snapshot: its records and the stream cursors in one transaction."""
        counter = _Counter()
        with write_transaction(self.db):
            outcome = bootstrap_from_records(self.db, counter.changes(snapshot.records()))
            self._start_streams_at(snapshot, self.db)
        return outcome, counter.count

    def _start_streams_at(self, snapshot: VerifiedSnapshot, db: sqlite_utils.Database) -> None:
        for site, cursor in snapshot.covers.items():
            if site != self.own:
                state.set_stream_cursor(db, site, cursor)

    def receive(self) -> None:
        with _share_errors():
            sites = [site for site in self.share.sites() if site != self.own]
        self.step.total += len(sites) + 1
        applied_to: dict[str, Cursor] = state.stream_cursors(self.db)
        stopped: set[str] = set()
        while True:
            files, cursors, more = self._read_round(sites, applied_to, stopped)
            if not files:
                return
            self._check_cancel()
            self.step(Message.of(_N("Sync", "Applying {count} files"), count=len(files)), advance=False)
            with write_transaction(self.db):
                result = apply_files(self.db, files)
                for site, cursor in cursors.items():
                    state.set_stream_cursor(self.db, site, cursor)
            applied_to |= cursors
            self._absorb(result)
            if not more:
                return

    def _read_round(
        self, sites: list[str], applied_to: dict[str, Cursor], stopped: set[str]
    ) -> tuple[list[ChangeFile], dict[str, Cursor], bool]:
        """Verified new files of every site, up to ``ROUND_RECORDS`` records; True when more may remain."""
        files: list[ChangeFile] = []
        cursors: dict[str, Cursor] = {}
        budget = ROUND_RECORDS
        for site in sites:
            if site in stopped:
                continue
            if budget <= 0:
                return files, cursors, True
            try:
                with _share_errors(pass_streams=True):
                    for batch in self.share.read_new(site, applied_to.get(site, START)):
                        self._check_cancel()
                        author = Author(batch.author.user, batch.author.role, batch.author.territory, site)
                        files.append((batch.records, author))
                        cursors[site] = batch.cursor
                        self.summary.received_files += 1
                        self.summary.received_changes += len(batch.records)
                        budget -= len(batch.records)
                        self.step(Message.of(_N("Sync", "Read file #{seq} of {user}"), seq=batch.seq,
                                             user=author.user_name), advance=False)
                        if budget <= 0:
                            return files, cursors, True
            except StreamStopped as stop:
                stopped.add(site)
                self.summary.problems.append(SiteProblem(site, self._owner(site), stop.message, stop.explained()))
            self.step(Message.of(_N("Sync", "Checked site {site}"), site=site))
        return files, cursors, False

    def _owner(self, site: str) -> str | None:
        try:
            claim = self.share.find_claim(site)
        except ShareError:
            return None
        identity = None if claim is None else self.share.registry.identity(claim.key)
        return None if identity is None else identity.user

    def _absorb(self, result: ApplyResult) -> None:
        summary = self.summary
        summary.applied += result.applied
        summary.duplicates += result.duplicates
        summary.rejected += [RejectedChange(r.user, r.reason.value, r.message, r.explained) for r in result.rejected]
        summary.changed_tables |= {t for t, ids in (result.changed | result.dropped).items() if ids}
        summary.clock_warnings += [w.explained for w in result.clock_warnings]


class _Counter:
    """Counts the change records a snapshot streams through, for the summary."""

    def __init__(self) -> None:
        self.count = 0

    def changes(self, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for record in records:
            if record.get("kind") == "change":
                self.count += 1
            yield record


def _files(records: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Records cut into files of at most ``MAX_RECORDS_PER_FILE``, never inside one timestamp.

    A single timestamp with more records than that (one huge statement) goes
    whole into one file, since "exported through" cannot mark half of it.
    """
    current: list[dict[str, Any]] = []
    start = 0
    while start < len(records):
        end = start + 1
        hlc = records[start]["hlc"]
        while end < len(records) and records[end]["hlc"] == hlc:
            end += 1
        group = records[start:end]
        if current and len(current) + len(group) > MAX_RECORDS_PER_FILE:
            yield current
            current = []
        current.extend(group)
        start = end
    if current:
        yield current


def _share_path(workspace: Workspace, share: Path | None) -> Path:
    if share is not None:
        return Path(share).expanduser()
    remembered = remembered_share(workspace)
    if remembered is None:
        raise SyncError(MSG_NO_SHARE)
    return remembered


@contextmanager
def _share_errors(*, pass_streams: bool = False) -> Iterator[None]:
    """Turn the share layer's errors into ``SyncError``; with ``pass_streams`` a stopped stream goes on
    to the caller, which skips that site and carries on with the others."""
    try:
        yield
    except StreamStopped as error:
        if pass_streams:
            raise
        raise SyncError.wrap(error) from error
    except ShareError as error:
        raise SyncError.wrap(error) from error


@contextmanager
def _locked(workspace: Workspace) -> Iterator[None]:
    """The workspace's sync lock, its refusal reported as a ``SyncError``."""
    try:
        with sync_lock(workspace.folder):
            yield
    except SyncBusy as error:
        raise SyncError.wrap(error) from None
