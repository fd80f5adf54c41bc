"""The few colours the app adds to the platform's palette, and how they are applied.

Palettes rather than style sheets: a style sheet on the card editor re-polishes
every one of its widgets, which made opening the window noticeably slower.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

ERROR_TEXT = QColor("#b3261e")
INVALID_BACKGROUND = QColor("#fde7e9")
BANNER_BACKGROUND = QColor("#fff4ce")


def tint(widget: QWidget, role: QPalette.ColorRole, colour: QColor) -> None:
    palette = widget.palette()
    palette.setColor(role, colour)
    widget.setPalette(palette)
