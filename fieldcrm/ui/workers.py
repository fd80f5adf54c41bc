"""Background work that reports back on the GUI thread.

Slow work (counting a 100k search today; sync, imports and printing later)
runs on a QThreadPool so the window keeps repainting. A task is a plain
function taking a ``Progress``; it may report progress and should call
``progress.check()`` between steps so Cancel takes effect. Its outcome comes
back as signals of a ``Job`` that lives on the GUI thread:

    job = runner.submit(lambda progress: count_customers(folder, query))
    job.succeeded.connect(show_count)

Known failures (``FieldCRMError``) arrive on ``failed`` for the caller to show;
anything else is a bug and goes to ``sys.excepthook`` (log file and error
dialog), like a bug on the GUI thread would.

Tasks must not share the GUI thread's database connection: readers open
their own read-only connection, and writes stay with the single writer.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from fieldcrm.errors import FieldCRMError

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised by ``Progress.check`` once the job was cancelled; ends the task quietly."""


class _Relay(QObject):
    """Emitted from the worker thread; queued over to the Job on the GUI thread."""

    progress = Signal(int, int, str)
    outcome = Signal(str, object)


class Progress:
    """What a task sees of its job: a cancel flag and a throttled progress report."""

    def __init__(self, relay: _Relay, cancel: threading.Event) -> None:
        self._relay = relay
        self._cancel = cancel
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        """Tell the GUI how far along the task is; at most every 50 ms, except the last step."""
        now = time.monotonic()
        if done < total and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        try:
            self._relay.progress.emit(done, total, message)
        except RuntimeError:  # the job went away with its window: stop like a cancel
            raise Cancelled from None


class Job(QObject):
    """The GUI thread's handle on one task; all its signals arrive on the GUI thread."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the FieldCRMError
    finished = Signal()  # after succeeded, failed, cancellation or a bug

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.progress.connect(self.progress, Qt.ConnectionType.QueuedConnection)
        self._relay.outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._cancel = threading.Event()
        self.reporter = Progress(self._relay, self._cancel)
        self._running = True

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Ask the task to stop; a cancelled job emits neither succeeded nor failed."""
        self._cancel.set()

    @Slot(str, object)
    def _deliver(self, kind: str, payload: Any) -> None:
        self._running = False
        try:
            if self.reporter.cancelled or kind == "cancelled":
                return
            if kind == "ok":
                self.succeeded.emit(payload)
            elif kind == "known":
                self.failed.emit(payload)
            else:
                sys.excepthook(type(payload), payload, payload.__traceback__)
        finally:
            self.finished.emit()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], job: Job) -> None:
        super().__init__()
        self._fn = fn
        self._reporter = job.reporter
        self._relay = job._relay

    def run(self) -> None:
        try:
            result = self._fn(self._reporter)
        except Cancelled:
            self._send("cancelled", None)
        except FieldCRMError as error:
            self._send("known", error)
        except Exception as error:  # a bug: reported on the GUI thread through sys.excepthook
            log.debug("background task failed", exc_info=True)
            self._send("bug", error)
        else:
            self._send("ok", result)

    def _send(self, kind: str, payload: Any) -> None:
        try:
            self._relay.outcome.emit(kind, payload)
        except RuntimeError:  # the job was deleted with its window while this ran: nobody to tell
            log.debug("dropped the %s outcome of a task whose job is gone", kind)


class TaskRunner(QObject):
    """Starts tasks on its own thread pools and keeps their jobs alive until they finish.

    Upkeep the user did not ask for and that may take minutes (rebuilding
    the search index after an upgrade) runs in a lane of its own, so it
    never holds a thread that the user's counts, syncs and prints wait for.
    """

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._upkeep = QThreadPool(self)
        self._upkeep.setMaxThreadCount(1)
        self._jobs: set[Job] = set()
        app = QCoreApplication.instance()
        if app is not None:  # also when the app quits without closing the window first
            app.aboutToQuit.connect(self.shutdown)

    def submit(self, fn: Callable[[Progress], Any], *, upkeep: bool = False) -> Job:
        """Run ``fn`` on a worker; ``upkeep`` puts it in the lane kept apart from the user's tasks."""
        job = Job(self)
        self._jobs.add(job)
        job.finished.connect(lambda: self._jobs.discard(job))
        (self._upkeep if upkeep else self._pool).start(_Task(fn, job))
        return job

    @property
    def active(self) -> int:
        return len(self._jobs)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every job and wait for the threads, e.g. before the workspace closes."""
        for job in list(self._jobs):
            job.cancel()
        users_done = self._pool.waitForDone(timeout_ms)
        return self._upkeep.waitForDone(timeout_ms) and users_done  # both waited for, whatever the first said
