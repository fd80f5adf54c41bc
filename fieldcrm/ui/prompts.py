"""The questions and messages the app puts to the user, in one place.

Pages call these instead of building message boxes themselves, so wording
stays consistent and tests can answer a question by replacing one function.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.i18n import error_text

Button = QMessageBox.StandardButton


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, what: str) -> Unsaved:
    """Save, discard or stay, when the user leaves a card with edits."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Prompts", "Unsaved changes"),
        QCoreApplication.translate("Prompts", "{what} has changes that are not saved yet.").format(what=what),
        Button.Save | Button.Discard | Button.Cancel,
        parent,
    )
    box.setInformativeText(QCoreApplication.translate("Prompts", "Do you want to save them?"))
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    answer = box.exec()
    if answer == Button.Save:
        return Unsaved.SAVE
    if answer == Button.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """A yes/no question whose yes-button names the action ("Delete"), defaulting to no."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.Cancel, parent)
    accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(Button.Cancel)
    box.exec()
    return box.clickedButton() is accept


def show_error(
    parent: QWidget | None, error: FieldCRMError, describe: Callable[[FieldCRMError], str] = error_text
) -> None:
    """A known error in a message box; ``describe`` names its field the way the page does (route, visit…)."""
    QMessageBox.warning(parent, QCoreApplication.translate("Prompts", "FieldCRM"), describe(error))


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)
