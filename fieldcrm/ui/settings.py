"""Window state lives in QSettings; everything else lives in the workspace.

A named QSettings (not the application-wide default) so the main window,
tests and benchmarks all read the same store whether or not ``run_gui`` set
the application's organisation name.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from fieldcrm.paths import APP_AUTHOR, APP_NAME


def app_settings() -> QSettings:
    return QSettings(APP_AUTHOR, APP_NAME)
