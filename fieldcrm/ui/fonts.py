"""Chinese that renders on a laptop without Chinese fonts.

Field laptops are often set up with an English Windows or a minimal Linux
image, where 张三超市 would show as empty boxes. The bundled Droid Sans
Fallback is registered at start as a substitute of the default family, so
Latin text keeps the system's font and only the characters it lacks come from
Droid.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from fieldcrm.paths import resources_dir

log = logging.getLogger(__name__)

FALLBACK_FONT_FILE = "DroidSansFallbackFull.ttf"
_loaded_family: str | None = None


def install_fallback_font(app: QApplication) -> str | None:
    """Register the bundled CJK font as a fallback; returns its family, None when missing.

    Safe to call again (tests create windows many times in one process).
    """
    global _loaded_family
    if _loaded_family is None:
        path = resources_dir() / "fonts" / FALLBACK_FONT_FILE
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("could not load the fallback font %s", path)
            return None
        _loaded_family = families[0]
    family = _loaded_family
    font = app.font()
    # Substitutes are tried for characters the family lacks, so Latin (spaces included)
    # keeps the system font. Listing Droid in QFont.families() instead would let it take
    # over spaces and punctuation whenever the first family is an alias like "Sans Serif".
    for name in {font.family(), QFontInfo(font).family(), *font.families()} - {family}:
        if family not in QFont.substitutes(name):
            QFont.insertSubstitution(name, family)
    return family
