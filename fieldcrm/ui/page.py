"""What every page of the main window is given and what it promises back.

Pages get a ``Session`` (the open workspace, the data bus and the background
task runner) rather than the main window, so a page can be built and tested
on its own and never reaches into another page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.workers import TaskRunner
from fieldcrm.workspace import Workspace


@dataclass(frozen=True)
class Session:
    workspace: Workspace
    bus: DataBus
    tasks: TaskRunner

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @property
    def is_supervisor(self) -> bool:
        identity = self.workspace.identity
        return identity is not None and identity.is_supervisor


class Page(QWidget):
    """A main-window page. Override the two hooks when the page has state to guard or keep."""

    def can_leave(self) -> bool:
        """Asked before switching pages or closing the window; False keeps the user here."""
        return True

    def save_state(self) -> None:
        """Remember layout (splitters, columns) in QSettings when the window closes."""
