"""After an upgrade to new search rules the window opens at once and rebuilds the index on a worker."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QToolButton
from pytestqt.qtbot import QtBot

from fieldcrm.domain.classifications import Role
from fieldcrm.storage import derived, search
from fieldcrm.ui.app import create_main_window
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.index_rebuild import IndexRebuildStatus
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.workspace import Workspace, open_workspace
from tests.conftest import make_workspace
from tests.ui.helpers import add_customers, type_text, wait_idle

CARDS = 300
NEW_RULE = "新规则"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Holds the rebuild before its first batch until the test sets it."""
    opened = threading.Event()

    def wait() -> None:
        search.warm_up()
        opened.wait(10)

    monkeypatch.setattr(derived, "BATCHED", (dataclasses.replace(derived.CUSTOMER_SEARCH, prepare=wait),))
    return opened


@pytest.fixture
def upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A workspace of CARDS customers opened by an app whose haystacks end with NEW_RULE."""
    ws = make_workspace(tmp_path / "ws", user="韩梅梅", role=Role.SUPERVISOR, territory=None)
    add_customers(ws, CARDS)
    ws.close()
    older = search.haystack
    monkeypatch.setattr(search, "RULES_VERSION", search.RULES_VERSION + 1)
    monkeypatch.setattr(search, "haystack", lambda *values, deleted=False: older(*values, deleted=deleted) + NEW_RULE)
    ws = open_workspace(tmp_path / "ws")
    yield ws
    ws.close()


def show(qtbot: QtBot, workspace: Workspace) -> tuple[MainWindow, IndexRebuildStatus]:
    window = create_main_window(workspace)
    qtbot.addWidget(window)
    window.show()
    status = window.findChild(IndexRebuildStatus, "indexRebuildStatus")
    assert status is not None
    return window, status


def search_for(qtbot: QtBot, page: CustomersPage, text: str) -> None:
    page.filter_bar.search.clear()
    type_text(qtbot, page.filter_bar.search, text)
    qtbot.waitUntil(lambda: page.model.query.search == text)


def test_the_window_opens_shows_progress_and_finishes(
    qtbot: QtBot, upgraded: Workspace, gate: threading.Event
) -> None:
    window, status = show(qtbot, upgraded)
    page = window.pages["customers"]
    assert isinstance(page, CustomersPage)
    assert status.isVisible() and status.job is not None
    assert "search index" in status.label.text()
    bar = status.findChild(QProgressBar)
    assert bar is not None and bar.isVisible() and bar.value() == 0 and bar.maximum() > CARDS
    search_for(qtbot, page, NEW_RULE)
    assert page.model.rowCount() == 0  # the old haystacks answer meanwhile

    reports: list[tuple[int, int]] = []
    status.job.progress.connect(lambda done, total, _: reports.append((done, total)))
    with qtbot.waitSignal(window.session.bus.changed, timeout=20_000) as announced:
        gate.set()
    assert announced.args == [{"customer_search"}]
    wait_idle(qtbot, window)
    assert not status.isVisible()
    assert reports and reports[-1][0] == reports[-1][1]
    assert upgraded.rebuild_progress() is None
    assert page.model.rowCount() > 0 and page.count_label.text() == f"{CARDS} customer(s)"  # searched again
    search_for(qtbot, page, "客户00042")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_stop_leaves_the_rest_for_the_next_start(qtbot: QtBot, upgraded: Workspace, gate: threading.Event) -> None:
    window, status = show(qtbot, upgraded)
    job = status.job
    assert job is not None
    stop = status.findChild(QToolButton)
    assert stop is not None
    with qtbot.waitSignal(job.finished):
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        gate.set()
    assert status.isVisible() and not stop.isVisible() and "next starts" in status.label.text()
    done, _ = upgraded.rebuild_progress() or (None, None)
    assert done == 0


def test_a_read_only_window_only_says_the_index_is_out_of_date(qtbot: QtBot, upgraded: Workspace) -> None:
    reader = open_workspace(upgraded.folder, read_only=True)
    try:
        window, status = show(qtbot, reader)
        assert status.isVisible() and status.job is None
        assert "out of date" in status.label.text()
        assert status.findChild(QProgressBar).isHidden()  # type: ignore[union-attr]
        wait_idle(qtbot, window)
        window.close()
    finally:
        reader.close()
