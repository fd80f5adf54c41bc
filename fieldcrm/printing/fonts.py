"""The two embedded fonts every printed document uses, registered once per process.

The shipped CJK font (Droid Sans Fallback, Apache-2.0) has no Latin glyphs at
all, not even digits, so text is drawn in runs: Latin, digits and Western
punctuation in Bitstream Vera (shipped inside reportlab), everything else in
the CJK font. Both are TrueType that reportlab subsets and embeds, so a PDF
prints the same on any machine. Parsing the 4 MB CJK font takes a quarter of a
second, hence the process-wide, thread-safe registration.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fieldcrm.paths import resources_dir

CJK = "FieldCRM-CJK"
LATIN = "FieldCRM-Latin"
LATIN_BOLD = "FieldCRM-Latin-Bold"
REPLACEMENT = "?"  # drawn for a character neither font has, instead of an empty box

_lock = threading.Lock()
_registered: "FontSet | None" = None


def cjk_font_path() -> Path:
    return resources_dir() / "fonts" / "DroidSansFallbackFull.ttf"


def latin_font_path(bold: bool = False) -> Path:
    return Path(reportlab.__path__[0]) / "fonts" / ("VeraBd.ttf" if bold else "Vera.ttf")


@dataclass(frozen=True)
class FontSet:
    """Which characters each registered font can draw."""

    latin: frozenset[int]
    cjk: frozenset[int]


def register_fonts() -> FontSet:
    """Register the fonts with reportlab (first call only) and return their coverage.

    Also turns off reportlab's ASCII-85 wrapping of binary streams: it only
    keeps a PDF 7-bit clean, which no printer or viewer needs, and costs a
    fifth of a visit sheet's time encoding the embedded font subsets.
    """
    global _registered
    with _lock:
        if _registered is None:
            rl_config.useA85 = 0
            fonts = [
                TTFont(LATIN, str(latin_font_path())),
                TTFont(LATIN_BOLD, str(latin_font_path(bold=True))),
                TTFont(CJK, str(cjk_font_path())),
            ]
            for font in fonts:
                pdfmetrics.registerFont(font)
            _registered = FontSet(
                latin=frozenset(fonts[0].face.charToGlyph), cjk=frozenset(fonts[2].face.charToGlyph)
            )
        return _registered
