"""The workspace could not be opened: say why and offer the ways out.

The message and the remedies come from the storage layer (``WorkspaceError``);
this dialog translates them and turns the ones the app can carry out into
buttons. What each button does is decided by ``workspace_opening``.
"""

from __future__ import annotations

from enum import Enum
from typing import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldcrm.errors import WorkspaceError
from fieldcrm.ui.i18n import error_text, remedy_text


class Action(Enum):
    RETRY = "retry"
    READ_ONLY = "read_only"
    CHOOSE = "choose"
    CREATE = "create"
    QUIT = "quit"


class WorkspaceErrorDialog(QDialog):
    def __init__(self, error: WorkspaceError, actions: Sequence[Action], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = Action.QUIT
        self.setWindowTitle(self.tr("FieldCRM cannot open the workspace"))
        message = QLabel(error_text(error), self)
        message.setObjectName("workspaceProblem")
        message.setWordWrap(True)
        font = message.font()
        font.setBold(True)
        message.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        if error.remedies:
            heading = self.tr("What you can do:")
            items = "".join(f"<li>{_escape(remedy_text(r))}</li>" for r in error.remedies)
            remedies = QLabel(f"<p>{_escape(heading)}</p><ul>{items}</ul>", self)
            remedies.setObjectName("workspaceRemedies")
            remedies.setWordWrap(True)
            layout.addWidget(remedies)
        labels = {
            Action.RETRY: self.tr("&Try again"),
            Action.READ_ONLY: self.tr("Open &read-only"),
            Action.CHOOSE: self.tr("&Choose another folder…"),
            Action.CREATE: self.tr("Create a &new workspace"),
            Action.QUIT: self.tr("&Quit"),
        }
        buttons = QDialogButtonBox(self)
        self.buttons: dict[Action, QPushButton] = {}
        for action in actions:
            role = (
                QDialogButtonBox.ButtonRole.RejectRole if action is Action.QUIT else QDialogButtonBox.ButtonRole.ActionRole
            )
            button = buttons.addButton(labels[action], role)
            button.setObjectName(f"remedy_{action.value}")
            button.clicked.connect(lambda checked=False, action=action: self._choose(action))
            self.buttons[action] = button
        layout.addWidget(buttons)

    def _choose(self, action: Action) -> None:
        self.choice = action
        self.accept()

    def reject(self) -> None:
        """Esc or closing the dialog means Quit."""
        self.choice = Action.QUIT
        super().reject()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
