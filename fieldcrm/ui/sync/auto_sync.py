"""Syncing by itself when the share comes within reach.

Reps reach the share only in the office or on the VPN, and forget to press
Sync. Once a minute, while the user has switched this on, the GUI thread
checks whether the share folder exists (a stat, cheap enough for the GUI
thread) and starts a sync each time it goes from out of reach to in reach.
The first check counts as a change, so opening the laptop in the office
syncs once. The sync itself runs on the worker through the same runner as
the Sync button, which refuses to start a second one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from fieldcrm.ui.settings import app_settings
from fieldcrm.ui.sync.runner import SyncRunner

ENABLED_KEY = "sync/auto"
CHECK_INTERVAL_MS = 60_000


class AutoSync(QObject):
    def __init__(
        self,
        runner: SyncRunner,
        share: Callable[[], Path | None],
        interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._share = share
        self._reachable = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if self.enabled:
            self.timer.start()

    @property
    def enabled(self) -> bool:
        return app_settings().value(ENABLED_KEY, False, type=bool) is True

    def set_enabled(self, on: bool) -> None:
        app_settings().setValue(ENABLED_KEY, on)
        self._reachable = False
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    def check(self) -> bool:
        """One look at the share; True when it started a sync."""
        share = self._share()
        reachable = share is not None and os.path.isdir(share)
        came_in_reach = reachable and not self._reachable
        self._reachable = reachable
        return came_in_reach and self._runner.start(share)
