"""The log file and what happens when something goes wrong unexpectedly.

A rep in a shop cannot read a traceback on a console that isn't there, so an
uncaught exception is written to a rotating log file and shown in a dialog
that names that file; the app keeps running. Known errors (FieldCRMError)
that escape a handler are shown as a plain translated message instead.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldcrm.errors import FieldCRMError
from fieldcrm.paths import log_dir
from fieldcrm.ui.i18n import error_text

log = logging.getLogger("fieldcrm")

LOG_FILE_NAME = "fieldcrm.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


def setup_logging(folder: Path | None = None) -> logging.Handler:
    """Send the ``fieldcrm`` loggers to a rotating file in the platform's log folder."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / LOG_FILE_NAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def log_file(handler: logging.Handler) -> Path:
    assert isinstance(handler, logging.FileHandler)
    return Path(handler.baseFilename)


class CrashHandler:
    """A ``sys.excepthook`` that logs and shows a dialog instead of ending the app."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._previous = sys.excepthook
        self._showing = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
            self._previous(exc_type, exc, tb)
            return
        if isinstance(exc, FieldCRMError):
            log.warning("unhandled known error: %s", exc.message)
            self._show(QMessageBox.Icon.Warning, error_text(exc), "")
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        text = QCoreApplication.translate(
            "CrashHandler",
            "FieldCRM ran into an unexpected problem. Everything you saved is safe; "
            "an edit that was not saved yet may need to be redone.\n\n"
            "The details were written to:\n{path}\n\n"
            "Please send that file to your administrator."
        ).format(path=self.log_path)
        self._show(QMessageBox.Icon.Critical, text, details)

    def _show(self, icon: QMessageBox.Icon, text: str, details: str) -> None:
        if self._showing:  # an error inside the dialog itself: the log has it already
            return
        self._showing = True
        try:
            title = QCoreApplication.translate("CrashHandler", "FieldCRM")
            box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, QApplication.activeWindow())
            if details:
                box.setDetailedText(details)
            box.exec()
        finally:
            self._showing = False
