"""The background task facility: results, progress, known errors, bugs and cancelling on the GUI thread."""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm.errors import NotFound
from fieldcrm.ui.workers import Progress, TaskRunner


@pytest.fixture
def runner() -> TaskRunner:
    tasks = TaskRunner()
    yield tasks
    assert tasks.shutdown()


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[int, int, str, bool]] = []
    workers: list[str] = []

    def task(progress: Progress) -> int:
        workers.append(threading.current_thread().name)
        for step in range(1, 4):
            progress.report(step, 3, f"step {step}")
        return 42

    job = runner.submit(task)
    results: list[tuple[object, bool]] = []
    job.progress.connect(lambda done, total, text: seen.append((done, total, text, _on_gui_thread())))
    job.succeeded.connect(lambda value: results.append((value, _on_gui_thread())))
    with qtbot.waitSignal(job.finished):
        pass
    assert results == [(42, True)]
    assert workers and workers[0] != threading.main_thread().name
    assert seen[-1] == (3, 3, "step 3", True)  # intermediate steps may be throttled, the last never
    assert not job.running and runner.active == 0


def test_a_known_error_is_delivered_for_the_caller_to_show(qtbot: QtBot, runner: TaskRunner) -> None:
    def task(progress: Progress) -> None:
        raise NotFound("customer: no customer with id or code '{id}'", id="C-X")

    job = runner.submit(task)
    with qtbot.waitSignal(job.failed) as blocker:
        pass
    assert isinstance(blocker.args[0], NotFound)


def test_a_bug_goes_to_the_excepthook(qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    reported: list[BaseException] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        reported.append(error)

    def task(progress: Progress) -> None:
        raise ZeroDivisionError("a bug")

    with monkeypatch.context() as patch:
        patch.setattr(sys, "excepthook", hook)
        job = runner.submit(task)
        job.failed.connect(lambda error: pytest.fail("bugs are not known errors"))
        with qtbot.waitSignal(job.finished):
            pass
    assert isinstance(reported[0], ZeroDivisionError)


def test_cancelling_stops_the_task_and_drops_its_result(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def task(progress: Progress) -> str:
        started.set()
        for _ in range(500):
            progress.check()
            time.sleep(0.01)
        return "too late"

    job = runner.submit(task)
    job.succeeded.connect(lambda value: pytest.fail("a cancelled job has no result"))
    assert started.wait(5)
    with qtbot.waitSignal(job.finished, timeout=3000):
        job.cancel()


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_upkeep_runs_apart_so_the_users_tasks_never_wait_for_it(qtbot: QtBot, runner: TaskRunner) -> None:
    """An index rebuild may take minutes: two tasks of the user's still run side by side meanwhile."""
    release = threading.Event()
    both_running = threading.Barrier(2, timeout=5)

    def upkeep(progress: Progress) -> None:
        while not release.is_set():
            progress.check()
            time.sleep(0.01)

    def users(progress: Progress) -> str:
        both_running.wait()  # raises BrokenBarrierError unless the other one runs at the same time
        return "done"

    long_job = runner.submit(upkeep, upkeep=True)
    results: list[object] = []
    jobs = [runner.submit(users) for _ in range(2)]
    for job in jobs:
        job.succeeded.connect(results.append)
    with qtbot.waitSignals([job.finished for job in jobs], timeout=5000):
        pass
    assert results == ["done", "done"] and long_job.running
    release.set()
    with qtbot.waitSignal(long_job.finished, timeout=3000):
        pass
