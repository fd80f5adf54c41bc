"""Chinese renders with the bundled font even where the system has no Chinese font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from fieldcrm.ui.fonts import install_fallback_font

SHOP = "张三超市"


def glyph_runs(font: QFont, text: str) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def render(font: QFont, text: str) -> QImage:
    image = QImage(200, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return image


def test_a_shop_name_is_drawn_with_real_glyphs(qapp: QApplication) -> None:
    family = install_fallback_font(qapp)
    assert family == "Droid Sans Fallback"
    label = QLabel(SHOP)
    runs = glyph_runs(label.font(), SHOP)
    glyphs = [glyph for _, indexes in runs for glyph in indexes]
    assert len(glyphs) == len(SHOP) and 0 not in glyphs  # glyph 0 is the "missing" box
    assert any(name.lower() == family.lower() for name, _ in runs)
    # and the pixels differ from what a font without these characters draws: the empty box
    drawn = render(label.font(), SHOP)
    tofu = render(label.font(), "\U000f0000" * len(SHOP))  # private use: no font has it
    blank = render(label.font(), "")
    assert drawn != tofu and drawn != blank


def test_latin_text_keeps_the_default_font(qapp: QApplication) -> None:
    install_fallback_font(qapp)
    runs = glyph_runs(qapp.font(), "Zhang San Market")
    assert runs and all(name.lower() != "droid sans fallback" for name, _ in runs)
