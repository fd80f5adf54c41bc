"""The Routes page's slow work, run on a worker thread, each on its own read-only connection.

Solving a route or a split takes up to a second and the week plan reads
every due customer, so none of it runs on the GUI thread, and none of it
writes: the page writes the accepted result on the one writer (the GUI
thread's connection), so a cancelled run leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fieldcrm.domain.route_model import OptimiseResult
from fieldcrm.domain.route_split import SplitProposal, SplitService
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.week_plan import WeekPlan, WeekPlanService
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.workers import Job, Progress, TaskRunner
from fieldcrm.workspace import Workspace, open_workspace


def start(
    tasks: TaskRunner, task: Callable[[Progress], Any], succeeded: Callable[[Any], None],
    failed: Callable[[FieldCRMError], None], finished: Callable[[], None],
) -> Job:
    """Run ``task`` on a worker, its outcome wired to the caller's slots.

    Pass bound methods, not lambdas: Qt drops a connection when its receiver
    is deleted, so a dialog closed while its task runs is simply not told.
    """
    job = tasks.submit(task)
    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    job.finished.connect(finished)
    return job


@contextmanager
def _reading(folder: Path) -> Iterator[Workspace]:
    workspace = open_workspace(folder, read_only=True)
    try:
        yield workspace
    finally:
        workspace.close()


def propose_order(folder: Path, route_id: str, progress: Progress) -> OptimiseResult:
    progress.check()
    with _reading(folder) as workspace:
        result = RouteService(workspace).propose_order(route_id)
    progress.check()
    return result


def propose_split(folder: Path, zone_id: str, k: int, progress: Progress) -> SplitProposal:
    progress.check()
    with _reading(folder) as workspace:
        proposal = SplitService(workspace).propose(zone_id, k)
    progress.check()
    return proposal


def week_plan(folder: Path, start: date, territory: str | None, progress: Progress) -> WeekPlan:
    with _reading(folder) as workspace:
        return WeekPlanService(workspace).week(start, territory=territory)
