"""Running a sync from the page: on a worker, with progress, cancel, inline errors and auto-sync."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm import workspace as workspace_module
from fieldcrm.errors import FieldCRMError, WorkspaceError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.ui.settings import app_settings
from fieldcrm.ui.sync.auto_sync import ENABLED_KEY
from fieldcrm.workspace import Workspace
from tests.ui.sync.conftest import MakePage
from tests.ui.sync.fakes import FakeEngine


def test_sync_runs_on_a_worker_with_progress_then_shows_the_summary(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    page = make_page(workspace, engine)
    assert page.share_edit.text() == str(engine.share)
    assert "Not synced yet" in page.summary_view.when_label.text()

    page.sync_button.click()
    qtbot.waitUntil(lambda: "Read file #1 of 王五" in page.progress_label.text())
    assert not page.sync_button.isEnabled() and page.cancel_button.isVisible() and page.progress_bar.isVisible()
    assert not page.conflicts.keep_button.isEnabled()  # the sync holds the write lock meanwhile
    assert page.start_sync() is False  # never two at once

    with qtbot.waitSignal(page._session.bus.changed) as changed:
        engine.gate.set()
    assert changed.args == [{"customers"}]
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    assert engine.threads[0] is not threading.main_thread()
    assert engine.workspaces[0] is not workspace and engine.workspaces[0].db is not workspace.db
    assert not page.progress_bar.isVisible() and page.sync_button.isEnabled()
    view = page.summary_view
    assert "Last sync:" in view.when_label.text() and str(engine.share) in view.when_label.text()
    assert view.sent_label.text() == "Sent: 3 change(s) in 1 file(s)"
    assert view.received_label.text() == "Received: 12 change(s) in 2 file(s); 11 applied, 1 already here"
    assert view.issue_lines() == [
        "Not applied, from 王五: 王五 may not change grade of C-0001 (supervisors only); the change was not applied",
        "Changes from site-9 wait: Site site-9 (赵六), file #4 (sites/site-9/000000000004.chg): the file is not signed",
        "钱七's laptop clock (site site-7) runs 24.0 h ahead; ask them to set it right",
        "2 photo(s) are not on the share yet; they are fetched at a later sync",
        "Photo 9f86d081884c on the share is damaged (the attachment's bytes do not match its name); "
        "it was not kept, and the laptops holding it are asked to send it again",
    ]


def test_the_share_typed_in_is_the_one_synced(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine, tmp_path: Path
) -> None:
    engine.share, engine.gate = None, threading.Event()
    engine.gate.set()
    page = make_page(workspace, engine)
    assert page.share_edit.text() == ""
    page.share_edit.setText(str(tmp_path / "elsewhere"))
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    assert engine.share == tmp_path / "elsewhere"


def test_cancel_stops_the_sync_and_keeps_the_previous_summary(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    page = make_page(workspace, engine)
    page.sync_button.click()
    qtbot.waitUntil(page.cancel_button.isVisible)
    with qtbot.waitSignal(page.runner.finished) as finished:
        page.cancel_button.click()
    assert finished.args == [True]
    assert page.status_label.text() == "Sync cancelled."
    assert page.error_label.isHidden() and not page.cancel_button.isVisible() and page.sync_button.isEnabled()
    assert "Not synced yet" in page.summary_view.when_label.text()


def test_a_sync_error_is_shown_inline_with_its_details(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    engine.error = FieldCRMError(
        "This laptop is not registered on the share; give the admin this key: {key}", key="ed25519:AbC123"
    )
    page = make_page(workspace, engine)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync failed.")
    assert page.error_label.isVisible()
    assert page.error_label.text().endswith("give the admin this key: ed25519:AbC123")
    engine.error, engine.gate = None, threading.Event()
    engine.gate.set()
    page.sync_button.click()  # trying again clears the old error
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    assert page.error_label.isHidden()


def test_auto_sync_starts_once_when_the_share_appears(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    engine.gate.set()
    page = make_page(workspace, engine)
    assert not page.auto_check.isChecked() and not page.auto.timer.isActive()
    page.auto_check.setChecked(True)
    assert app_settings().value(ENABLED_KEY, type=bool) is True and page.auto.timer.isActive()
    page.auto.timer.setInterval(10)
    qtbot.wait(50)
    assert engine.calls == 0  # the share is not there yet
    assert engine.share is not None
    engine.share.mkdir()
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    qtbot.wait(50)
    assert engine.calls == 1  # still reachable: no second run until it comes back
    page.auto_check.setChecked(False)
    assert not page.auto.timer.isActive()


def test_auto_sync_setting_survives_a_restart(
    make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    app_settings().setValue(ENABLED_KEY, True)
    page = make_page(workspace, engine)
    assert page.auto_check.isChecked() and page.auto.timer.isActive()
    assert page.auto.timer.interval() == 60_000


def test_a_new_laptops_first_sync_has_the_workspace_file_to_itself(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    """So the snapshot's image can become the workspace; the window reads what it had and writes nothing."""
    engine.new = True
    page = make_page(workspace, engine)
    held: list[bool] = []
    page._session.bus.handed_over.connect(held.append)
    db = workspace.db
    page.sync_button.click()
    qtbot.waitUntil(lambda: "Read file #1 of 王五" in page.progress_label.text())
    assert held == [True] and workspace.handed_over
    assert db.execute("SELECT user_name FROM identity").fetchone() == ("李雷",)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("INSERT INTO meta (key, value) VALUES ('written', 'meanwhile')")
    assert db.execute("PRAGMA database_list").fetchone()[2] == ""  # in memory: the window holds no file open

    engine.gate.set()
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    assert held == [True, False] and not workspace.handed_over and workspace.db is db
    assert db.execute("PRAGMA database_list").fetchone()[2] == str(workspace.db_path)
    db.execute("INSERT INTO meta (key, value) VALUES ('written', 'afterwards')")
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_laptop_that_synced_before_or_an_automatic_sync_keeps_the_windows_file(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    """An automatic first sync may find the user mid-edit on another page: the window keeps writing."""
    page = make_page(workspace, engine)
    held: list[bool] = []
    page._session.bus.handed_over.connect(held.append)
    engine.gate.set()
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    assert held == [] and not workspace.handed_over

    engine.new = True
    assert engine.share is not None
    page.auto_check.setChecked(True)
    page.auto.timer.setInterval(10)
    engine.share.mkdir()
    qtbot.waitUntil(lambda: engine.calls == 2)
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    assert held == [] and not workspace.handed_over
    page.auto_check.setChecked(False)


def test_a_workspace_that_does_not_open_again_after_a_first_sync_is_said_on_the_page(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window stays on the Sync page with its copy; the next Sync takes the file back."""
    engine.new = True
    engine.gate.set()
    page = make_page(workspace, engine)
    held: list[bool] = []
    page._session.bus.handed_over.connect(held.append)

    def unreadable(path: Path, **_: object) -> None:
        raise WorkspaceError(_N("Workspace", "The workspace database {path} cannot be written"), path=path)

    with monkeypatch.context() as patched:
        patched.setattr(workspace_module, "connect", unreadable)
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.status_label.text() == "Sync failed.")
    assert "cannot be written" in page.error_label.text()
    assert held == [True] and workspace.handed_over

    page.sync_button.click()
    qtbot.waitUntil(lambda: not workspace.handed_over)
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.")
    assert held[-1] is False
    workspace.db.execute("INSERT INTO meta (key, value) VALUES ('written', 'afterwards')")
