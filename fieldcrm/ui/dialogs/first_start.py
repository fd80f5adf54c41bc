"""Who uses this laptop: asked once, when a workspace has no owner.

The owner's name stamps every change in the card history and the site's
customer codes, and the role decides which fields may be edited, so the
workspace cannot be used before this is answered.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldcrm.domain.classifications import Role
from fieldcrm.errors import WorkspaceError
from fieldcrm.storage.identity import Identity
from fieldcrm.ui.colours import ERROR_TEXT, tint
from fieldcrm.ui.i18n import choice_label, error_text
from fieldcrm.workspace import Workspace


class FirstStartDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.identity: Identity | None = None
        self.setWindowTitle(self.tr("Welcome to FieldCRM"))
        intro = QLabel(
            self.tr(
                "This workspace ({folder}) is new. Tell FieldCRM who uses this laptop: "
                "your name is recorded with every change you make, and your role decides what you may edit."
            ).format(folder=workspace.folder),
            self,
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("ownerName")
        self.role = QComboBox(self)
        self.role.setObjectName("ownerRole")
        for role in Role:
            self.role.addItem(choice_label(role), role.value)
        self.territory = QLineEdit(self)
        self.territory.setObjectName("ownerTerritory")
        self.territory.setPlaceholderText(self.tr("Optional, e.g. 西湖区"))
        self.error = QLabel(self)
        self.error.setObjectName("firstStartError")
        tint(self.error, QPalette.ColorRole.WindowText, ERROR_TEXT)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        for text, widget in (
            (self.tr("Your &name:"), self.name),
            (self.tr("&Role:"), self.role),
            (self.tr("&Territory:"), self.territory),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()

    def accept(self) -> None:
        """Store the owner; a refusal (e.g. no name) is shown here and the dialog stays open."""
        try:
            self.identity = self.workspace.initialise(
                self.name.text(), Role(self.role.currentData()), self.territory.text()
            )
        except WorkspaceError as error:
            self.error.setText(error_text(error))
            self.error.show()
            self.name.setFocus()
            return
        super().accept()
