"""The window's print menu entries: all routes of a day, and the print settings.

The main window adds them to its File menu with one call, so it holds no
printing logic; each entry opens its dialog over the session.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from fieldcrm.ui.page import Session
from fieldcrm.ui.print_preview import PrintPreview
from fieldcrm.ui.printing.actions import print_day
from fieldcrm.ui.printing.day_dialog import DayBatchDialog
from fieldcrm.ui.printing.settings_dialog import PrintSettingsDialog


def add_print_actions(menu: QMenu, session: Session, parent: QWidget) -> None:
    day = menu.addAction(QCoreApplication.translate("PrintMenu", "Print all &routes of a day…"))
    day.setObjectName("printDayAction")
    day.triggered.connect(lambda: print_day_from_dialog(session, parent))
    settings = menu.addAction(QCoreApplication.translate("PrintMenu", "Print se&ttings…"))
    settings.setObjectName("printSettingsAction")
    settings.setEnabled(not session.read_only)
    settings.triggered.connect(lambda: edit_print_settings(session, parent))


def print_day_from_dialog(session: Session, parent: QWidget) -> PrintPreview | None:
    """Ask for the day (and rep), then show the batch's preview; None when the user cancelled."""
    dialog = DayBatchDialog(session, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return print_day(session, dialog.day, dialog.rep, parent)
    finally:
        dialog.deleteLater()


def edit_print_settings(session: Session, parent: QWidget) -> bool:
    """True when the user saved new settings."""
    dialog = PrintSettingsDialog(session, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
