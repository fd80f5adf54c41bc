"""UI fixtures: isolated QSettings, scripted answers to prompts, main windows."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from fieldcrm.errors import FieldCRMError
from fieldcrm.ui import prompts
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.workspace import Workspace
from tests.ui.helpers import open_window


HERE = Path(__file__).parent
# The offscreen platform cannot pass a window's minimum size on and says so for every
# top-level widget with a layout; harmless, and unavoidable when running headless.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> None:
    """QSettings caches its folder per process, so point it at this test's temp dir explicitly."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@dataclass
class Prompts:
    """Answers queued by a test for the questions the app will ask; an unexpected question fails."""

    unsaved: deque[prompts.Unsaved] = field(default_factory=deque)
    confirms: deque[bool] = field(default_factory=deque)
    asked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    closing: bool = False  # set by window fixtures on teardown: unsaved edits are then dropped

    def ask_unsaved(self, parent: object, what: str) -> prompts.Unsaved:
        self.asked.append(f"unsaved: {what}")
        if self.closing and not self.unsaved:
            return prompts.Unsaved.DISCARD
        assert self.unsaved, f"unexpected unsaved-changes question about {what}"
        return self.unsaved.popleft()

    def confirm(self, parent: object, title: str, text: str, action: str) -> bool:
        self.asked.append(f"confirm: {text}")
        assert self.confirms, f"unexpected question: {text}"
        return self.confirms.popleft()

    def show_error(
        self, parent: object, error: FieldCRMError, describe: Callable[[FieldCRMError], str] = prompts.error_text
    ) -> None:
        self.errors.append(describe(error))

    def show_info(self, parent: object, title: str, text: str) -> None:
        self.infos.append(text)


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    scripted = Prompts()
    for name in ("ask_unsaved", "confirm", "show_error", "show_info"):
        monkeypatch.setattr(prompts, name, getattr(scripted, name))
    return scripted


@pytest.fixture
def windows(qtbot: QtBot, answers: Prompts) -> Iterator[Callable[[Workspace], MainWindow]]:
    """Opens main windows and closes them after the test, dropping any edits left unsaved."""
    opened: list[MainWindow] = []

    def open_(workspace: Workspace) -> MainWindow:
        opened.append(open_window(qtbot, workspace))
        return opened[-1]

    yield open_
    answers.closing = True
    for window in opened:
        assert window.close() or not window.isVisible()
        window.deleteLater()


@pytest.fixture
def main_window(windows: Callable[[Workspace], MainWindow], workspace: Workspace) -> MainWindow:
    return windows(workspace)


@pytest.fixture
def supervisor_window(windows: Callable[[Workspace], MainWindow], supervisor_workspace: Workspace) -> MainWindow:
    return windows(supervisor_workspace)


@pytest.fixture
def page(main_window: MainWindow) -> CustomersPage:
    customers = main_window.pages["customers"]
    assert isinstance(customers, CustomersPage)
    return customers
