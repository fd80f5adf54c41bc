"""Helpers for the UI tests: opening a window, bulk customers, waiting for background work."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ulid import ULID

from fieldcrm.domain.classifications import Channel, Grade, Lifecycle
from fieldcrm.storage import customers as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.ui.app import create_main_window
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.workspace import Workspace


def open_window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = create_main_window(workspace)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts and focus changes only reach the active window
    wait_idle(qtbot, window)
    return window


def add_customers(workspace: Workspace, count: int, prefix: str = "客户") -> None:
    """Insert many cards in one transaction, far faster than one service call each."""
    channels, grades, stages = Channel.codes(), Grade.codes(), Lifecycle.codes()
    with write_transaction(workspace.db):
        for number in range(count):
            store.insert(
                workspace.db,
                {
                    "id": str(ULID()),
                    "code": f"C-TEST{number:05d}",
                    "deleted": 0,
                    "name": f"{prefix}{number:05d}",
                    "city": "杭州",
                    "channel": channels[number % len(channels)],
                    "grade": grades[number % len(grades)],
                    "lifecycle": stages[number % len(stages)],
                    "route": f"R{number % 7:02d}",
                },
            )


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for background counts and filter lists to arrive."""
    qtbot.waitUntil(lambda: window.session.tasks.active == 0)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user: key presses for ASCII, an input-method commit for Chinese (as a pinyin IME does)."""
    for ascii_run, chars in itertools.groupby(text, key=str.isascii):
        run = "".join(chars)
        if ascii_run:
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
