"""Where things live on disk, decided in one place so tests can redirect it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "FieldCRM"
APP_AUTHOR = "FieldCRM"
WORKSPACE_ENV = "FIELDCRM_WORKSPACE"


def default_workspace() -> Path:
    """``--workspace`` beats ``FIELDCRM_WORKSPACE`` beats the platform's user data folder."""
    env = os.environ.get(WORKSPACE_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "workspace"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    """The shipped fonts, translations and icons: beside the package in a checkout,
    under ``<prefix>/share/fieldcrm`` when installed from a wheel."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "fieldcrm" / "resources"
