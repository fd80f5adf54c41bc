"""Icons shipped in resources/icons, looked up by name."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from fieldcrm.paths import resources_dir


def icon(name: str) -> QIcon:
    """``icon("customers")`` loads resources/icons/customers.svg; an unknown name is an empty icon."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
