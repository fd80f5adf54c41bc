"""A stand-in for ``fieldcrm.sync.engine`` that a test steers step by step.

It has the engine's shape (``fieldcrm.ui.sync.runner.SyncEngine``), returns
the engine's own summary types, waits at each step until the test opens its
gate (so a test can look at the page mid-sync or cancel), and records where
and with what it ran, so a test can check that the sync ran off the GUI
thread on a connection of its own.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync import photos
from fieldcrm.sync.drift import ClockWarning
from fieldcrm.sync.engine import RejectedChange, SiteProblem, SyncCancelled, SyncSummary
from fieldcrm.sync.messages import Message
from fieldcrm.sync.roles import Reason, Rejection
from fieldcrm.sync.share.errors import BadSignature, CorruptFile
from fieldcrm.workspace import Workspace

SUMMARY = SyncSummary(
    "", "2025-06-16T09:30:00+00:00", 2.5, sent_changes=3, sent_files=1, received_changes=12, received_files=2,
    applied=11, duplicates=1,
)


UNSIGNED = BadSignature(_N("Sync", "the file is not signed")).locate(
    site="site-9", seq=4, path=Path("sites/site-9/000000000004.chg"), owner="赵六"
)
# Worded by the code that words them in a real sync.
GRADE_REFUSED = Rejection({"field": "grade", "row": "C-0001"}, Reason.SUPERVISOR_ONLY, "王五")
FAST_CLOCK = ClockWarning("site-7", "钱七", 86_400_000, 0, 0).explained
PHOTO_LATE = Message.of(photos.MSG_NOT_ON_SHARE, count=2)
PHOTO_DAMAGED = Message.of(photos.MSG_DAMAGED, sha="9f86d081884c", reason=Message.of_error(
    CorruptFile(_N("Sync", "the attachment's bytes do not match its name"))))


@dataclass
class FakeEngine:
    share: Path | None = None
    last: SyncSummary | None = None
    steps: int = 3
    error: FieldCRMError | None = None
    tables: set[str] = field(default_factory=lambda: {"customers"})
    gate: threading.Event = field(default_factory=threading.Event)  # set: run to the end without waiting
    calls: int = 0
    new: bool = False  # whether the page's laptop is new: its sync gets the file to itself
    threads: list[threading.Thread] = field(default_factory=list)
    workspaces: list[Workspace] = field(default_factory=list)

    def remembered_share(self, workspace: Workspace) -> Path | None:
        return self.share

    def is_new(self, workspace: Workspace) -> bool:
        return self.new

    def last_summary(self, workspace: Workspace) -> SyncSummary | None:
        return self.last

    def sync(
        self,
        workspace: Workspace,
        share: Path | None = None,
        *,
        progress: Callable[[int, int, Message], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncSummary:
        assert progress is not None and cancelled is not None
        self.calls += 1
        self.threads.append(threading.current_thread())
        self.workspaces.append(workspace)
        workspace.db.execute("SELECT count(*) FROM customers").fetchone()  # the connection works here
        if self.error is not None:
            raise self.error
        for step in range(self.steps):
            progress(step, self.steps, Message.of(_N("Sync", "Read file #{seq} of {user}"), seq=step + 1, user="王五"))
            while not self.gate.wait(0.01):
                if cancelled():
                    raise SyncCancelled("Sync cancelled")
        progress(self.steps, self.steps, Message.of(_N("Sync", "Sync finished")))
        used = share or self.share
        assert used is not None
        self.share = used
        self.last = dataclasses.replace(
            SUMMARY,
            share=str(used),
            rejected=[RejectedChange("王五", GRADE_REFUSED.reason.value, GRADE_REFUSED.message, GRADE_REFUSED.explained)],
            problems=[SiteProblem("site-9", None, UNSIGNED.message, UNSIGNED.explained())],
            conflicts_open=1,
            clock_warnings=[FAST_CLOCK],
            photos_missing=3,
            photo_warnings=[PHOTO_LATE, PHOTO_DAMAGED],
            changed_tables=set(self.tables),
        )
        return self.last
