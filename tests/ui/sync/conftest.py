"""Sync page fixtures: a page over a test workspace with a steerable engine, and a second laptop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm.domain.classifications import Role
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.page import Session
from fieldcrm.ui.sync.runner import SyncEngine
from fieldcrm.ui.sync.sync_page import SyncPage
from fieldcrm.ui.workers import TaskRunner
from fieldcrm.workspace import Workspace
from tests.conftest import make_workspace
from tests.ui.sync.fakes import FakeEngine

MakePage = Callable[[Workspace, SyncEngine], SyncPage]


@pytest.fixture
def engine(tmp_path: Path) -> FakeEngine:
    return FakeEngine(share=tmp_path / "share")


@pytest.fixture
def make_page(qtbot: QtBot) -> Iterator[MakePage]:
    """Builds pages as the main window would, and stops their workers before the workspace closes."""
    runners: list[TaskRunner] = []

    def make(workspace: Workspace, engine: SyncEngine) -> SyncPage:
        bus, tasks = DataBus(), TaskRunner()
        runners.append(tasks)
        page = SyncPage(Session(workspace, bus, tasks), engine)
        bus.setParent(page)
        tasks.setParent(page)
        qtbot.addWidget(page)
        page.show()
        return page

    yield make
    for tasks in runners:
        assert tasks.shutdown()


@pytest.fixture
def other_laptop(tmp_path: Path) -> Iterator[Workspace]:
    """A second rep in the same territory, exchanging records with the page's workspace."""
    ws = make_workspace(tmp_path / "other", user="韩梅", role=Role.REP, territory="西湖区")
    yield ws
    ws.close()
