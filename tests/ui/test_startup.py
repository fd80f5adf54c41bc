"""Starting the app: the first-start dialog, the workspace problem dialog and its remedies, run_gui."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from fieldcrm.domain.classifications import Role
from fieldcrm.errors import NotFound, WorkspaceError
from fieldcrm.paths import log_dir
from fieldcrm.storage.database import REMEDY_READ_ONLY, REMEDY_RETRY
from fieldcrm.ui import workspace_opening
from fieldcrm.ui.app import EXIT_NOT_OPENED, run_gui
from fieldcrm.ui.crash import CrashHandler
from fieldcrm.ui.dialogs.first_start import FirstStartDialog
from fieldcrm.ui.dialogs.workspace_error import Action, WorkspaceErrorDialog
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.workspace_opening import WorkspaceOpener, actions_for
from fieldcrm.workspace import Workspace, open_workspace
from tests.conftest import make_workspace

Asked = list[WorkspaceError]


@pytest.fixture(autouse=True)
def application(qapp: QApplication) -> QApplication:
    """Opening a workspace runs Qt's event loop and may show dialogs, so every test here needs the app."""
    return qapp


def once_shown(shown: Callable[[], bool], act: Callable[[], None]) -> None:
    """Run ``act`` from the event loop as soon as ``shown`` holds (the workspace opens on a worker first)."""

    def poll() -> None:
        if shown():
            act()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def corrupt(folder: Path) -> Path:
    make_workspace(folder).close()
    db = folder / "fieldcrm.db"
    db.write_bytes(b"this is not an SQLite database, just garbage " * 200)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def answer_remedies(monkeypatch: pytest.MonkeyPatch, *choices: Action) -> Asked:
    asked: Asked = []
    queue = list(choices)

    def ask(error: WorkspaceError, parent: QWidget | None = None) -> Action:
        asked.append(error)
        return queue.pop(0)

    monkeypatch.setattr(workspace_opening, "ask_remedy", ask)
    return asked


def owner_is(name: str) -> Callable[[Workspace, QWidget | None], bool]:
    def ask(workspace: Workspace, parent: QWidget | None = None) -> bool:
        workspace.initialise(name, Role.REP, "西湖区")
        return True

    return ask


def test_first_start_dialog_sets_the_owner(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path / "new", create=True)
    try:
        dialog = FirstStartDialog(workspace)
        qtbot.addWidget(dialog)
        dialog.accept()  # no name yet: refused, stays open
        assert dialog.error.text() == "user: a name is required" and workspace.identity is None
        dialog.name.setText("李雷")
        dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
        dialog.territory.setText("西湖区")
        dialog.accept()
        assert dialog.result() == FirstStartDialog.DialogCode.Accepted
        identity = workspace.identity
        assert identity is not None and (identity.user_name, identity.role, identity.territory) == (
            "李雷", Role.SUPERVISOR, "西湖区",
        )
    finally:
        workspace.close()


def test_a_damaged_database_offers_the_ways_out(qtbot: QtBot, tmp_path: Path) -> None:
    corrupt(tmp_path / "ws")
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(tmp_path / "ws")
    dialog = WorkspaceErrorDialog(caught.value, actions_for(caught.value))
    qtbot.addWidget(dialog)
    assert set(dialog.buttons) == {Action.RETRY, Action.CHOOSE, Action.CREATE, Action.QUIT}
    assert "is damaged" in dialog.findChild(QWidget, "workspaceProblem").text()
    remedies = dialog.findChild(QWidget, "workspaceRemedies").text()
    assert "Restore the newest backup" in remedies and "kept aside" in remedies
    dialog.buttons[Action.CREATE].click()
    assert dialog.choice is Action.CREATE


def test_read_only_is_offered_when_it_helps() -> None:
    locked = WorkspaceError("locked", remedies=(REMEDY_RETRY, REMEDY_READ_ONLY))
    assert Action.READ_ONLY in actions_for(locked)


def test_a_new_workspace_replaces_a_damaged_one_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = corrupt(tmp_path / "ws")
    asked = answer_remedies(monkeypatch, Action.RETRY, Action.CREATE)
    monkeypatch.setattr(workspace_opening, "ask_owner", owner_is("韩梅梅"))
    workspace = WorkspaceOpener(tmp_path / "ws").run()
    assert workspace is not None
    try:
        assert len(asked) == 2  # retry failed the same way
        assert workspace.identity is not None and workspace.identity.user_name == "韩梅梅"
        kept = list(db.parent.glob("fieldcrm.db.damaged-*"))
        assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not an SQLite")
    finally:
        workspace.close()


def test_missing_workspace_is_created_and_asks_for_an_owner(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_remedies(monkeypatch, Action.CREATE)

    def fill_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstStartDialog)
        dialog.findChild(QLineEdit, "ownerName").setText("李雷")
        role = dialog.findChild(QComboBox, "ownerRole")
        role.setCurrentIndex(role.findData("delivery"))
        dialog.accept()

    once_shown(lambda: isinstance(QApplication.activeModalWidget(), FirstStartDialog), fill_in_dialog)
    workspace = WorkspaceOpener(tmp_path / "nothing-here").run()
    assert workspace is not None
    try:
        assert "There is no FieldCRM workspace" in asked[0].message
        assert workspace.identity is not None and workspace.identity.role is Role.DELIVERY
    finally:
        workspace.close()


def test_choosing_another_folder_or_quitting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_workspace(tmp_path / "good").close()
    answer_remedies(monkeypatch, Action.CHOOSE)
    monkeypatch.setattr(workspace_opening, "choose_folder", lambda start, parent=None: tmp_path / "good")
    workspace = WorkspaceOpener(tmp_path / "missing").run()
    assert workspace is not None and workspace.folder == (tmp_path / "good").resolve()
    workspace.close()

    answer_remedies(monkeypatch, Action.QUIT)
    assert WorkspaceOpener(tmp_path / "missing").run() is None


def test_read_only_opening_is_tried_when_chosen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_workspace(tmp_path / "ws").close()
    attempts: list[bool] = []

    def open_locked_unless_read_only(folder: Path, *, create: bool = False, read_only: bool = False) -> Workspace:
        attempts.append(read_only)
        if not read_only:
            raise WorkspaceError("locked", remedies=(REMEDY_RETRY, REMEDY_READ_ONLY))
        return open_workspace(folder, read_only=True)

    monkeypatch.setattr(workspace_opening, "open_workspace", open_locked_unless_read_only)
    answer_remedies(monkeypatch, Action.READ_ONLY)
    workspace = WorkspaceOpener(tmp_path / "ws").run()
    assert workspace is not None and workspace.read_only and attempts == [False, True]
    workspace.close()


def progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_slow_opening_shows_a_progress_dialog_and_the_app_stays_live(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_workspace(tmp_path / "ws").close()
    shown: list[str] = []
    ticks: list[int] = []

    def slow_upgrade(folder: Path, *, create: bool = False, read_only: bool = False) -> Workspace:
        time.sleep(1.0)  # as a schema upgrade of a large workspace
        return open_workspace(folder, create=create, read_only=read_only)

    def look() -> None:
        shown.extend(w.labelText() for w in progress_dialogs())

    monkeypatch.setattr(workspace_opening, "open_workspace", slow_upgrade)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    QTimer.singleShot(800, look)
    workspace = WorkspaceOpener(tmp_path / "ws").run()
    timer.stop()
    assert workspace is not None
    try:
        assert shown and "Opening the workspace" in shown[0]
        assert len(ticks) >= 20  # the event loop kept running while the workspace opened
        assert not progress_dialogs()
    finally:
        workspace.close()


def test_run_gui_opens_the_window_in_chinese_and_cleans_up(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_workspace(tmp_path / "ws").close()
    seen: dict[str, str] = {}
    hook = sys.excepthook

    def look_and_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["page"] = window.navigation.item(0).text()
        seen["status"] = window.owner_label.text()
        window.close()

    once_shown(lambda: any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()),
               look_and_close)
    assert run_gui(tmp_path / "ws", lang="zh_CN") == 0
    assert seen == {"page": "客户", "status": "李雷 · 业务员 · 西湖区"}
    assert QCoreApplication.translate("Pages", "Customers") == "Customers"  # translators removed
    assert sys.excepthook is hook
    assert "starting on" in (log_dir() / "fieldcrm.log").read_text(encoding="utf-8")


def test_run_gui_reports_quitting_before_a_workspace_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_remedies(monkeypatch, Action.QUIT)
    assert run_gui(tmp_path / "missing") == EXIT_NOT_OPENED


def test_an_unexpected_error_is_logged_and_shown_with_the_log_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0)
    handler = CrashHandler(tmp_path / "fieldcrm.log")
    try:
        raise ValueError("boom")
    except ValueError as error:
        with caplog.at_level(logging.CRITICAL, logger="fieldcrm"):
            handler(ValueError, error, error.__traceback__)
    text, details = shown[0]
    assert str(tmp_path / "fieldcrm.log") in text and "ValueError: boom" in details
    assert "unexpected error" in caplog.text

    handler(NotFound, NotFound("customer: no customer with id or code '{id}'", id="C-1"), None)
    assert shown[1] == ("customer: no customer with id or code 'C-1'", "")
