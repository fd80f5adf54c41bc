"""Starting the desktop app: the QApplication, its language and font, the workspace, the window.

``run_gui`` is what the ``fieldcrm gui`` command calls; ``create_main_window``
builds the window around an already open workspace, for tests and
benchmarks. Everything ``run_gui`` installs on the process (excepthook, log
handler, translators) is taken out again when it returns.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from fieldcrm import __version__
from fieldcrm.paths import APP_AUTHOR, APP_NAME
from fieldcrm.ui.crash import CrashHandler, log_file, setup_logging
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.fonts import install_fallback_font
from fieldcrm.ui.i18n import Translations, ui_locale
from fieldcrm.ui.icons import icon
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.page import Session
from fieldcrm.ui.workers import TaskRunner
from fieldcrm.ui.workspace_opening import WorkspaceOpener
from fieldcrm.workspace import Workspace

log = logging.getLogger(__name__)

EXIT_NOT_OPENED = 1  # the user quit before a workspace could be opened


def application() -> QApplication:
    """The process's QApplication, created on first use (tests bring their own)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1] or ["fieldcrm"])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("fieldcrm"))
    return app


def create_main_window(workspace: Workspace) -> MainWindow:
    """The main window over an open, owned workspace; the caller shows it and closes the workspace."""
    bus = DataBus()
    tasks = TaskRunner()
    window = MainWindow(Session(workspace, bus, tasks))
    bus.setParent(window)
    tasks.setParent(window)
    return window


def run_gui(workspace_folder: Path, *, lang: str | None = None) -> int:
    """Run the app on ``workspace_folder`` until the window closes; returns the exit code.

    ``lang`` ("zh_CN", "en") overrides the language chosen in the Settings
    menu, which overrides the system locale.
    """
    app = application()
    handler = setup_logging()
    crash = CrashHandler(log_file(handler))
    crash.install()
    translations = Translations()
    try:
        install_fallback_font(app)
        locale = ui_locale(lang)
        if not translations.install(locale):
            log.info("no translation for %s; showing English", locale.name())
        log.info("FieldCRM %s starting on %s", __version__, workspace_folder)
        workspace = WorkspaceOpener(Path(workspace_folder)).run()
        if workspace is None:
            return EXIT_NOT_OPENED
        try:
            window = create_main_window(workspace)
            window.show()
            code = app.exec()
            window.deleteLater()
            return code
        finally:
            workspace.close()
    finally:
        translations.remove()
        crash.uninstall()
        logging.getLogger("fieldcrm").removeHandler(handler)
        handler.close()
