"""The PDFs open and render in Qt's PDF engine, which the print preview uses (tests may import Qt)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

QtPdf = pytest.importorskip("PySide6.QtPdf")
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from fieldcrm.printing import PrintSettings, render_customer_cards, render_visit_sheet  # noqa: E402
from fieldcrm.printing.model import VisitSheet  # noqa: E402
from tests.printing.conftest import make_card  # noqa: E402


def load(qapp, pdf: bytes, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    document = QtPdf.QPdfDocument(qapp)
    assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
    return document


def ink(image: QImage) -> float:
    """The share of dark pixels, sampled on a grid (unpainted pixels are transparent, not white)."""
    dark = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            total += 1
            colour = image.pixelColor(x, y)
            dark += colour.alpha() > 127 and colour.lightness() < 128
    return dark / total


def test_a_visit_sheet_renders_with_its_text(qapp, sheet: VisitSheet, settings: PrintSettings,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    out = io.BytesIO()
    pages = render_visit_sheet(sheet, settings, out)
    document = load(qapp, out.getvalue(), tmp_path)
    assert document.pageCount() == pages
    text = document.getAllText(0).text()
    assert sheet.stops[0].name in text and sheet.stops[0].visit_code in text and "拜访单" in text
    image = document.render(0, QSize(595, 842))
    assert not image.isNull()
    assert 0.01 < ink(image) < 0.5


def test_chinese_text_is_drawn_not_left_blank(qapp, settings: PrintSettings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A card whose name is long Chinese text has more ink than the same card named with spaces."""
    def rendered(name: str) -> float:
        card = make_card(1)
        card = type(card)(card.customer_id, card.code, {**card.values, "name": name}, card.as_of)
        out = io.BytesIO()
        render_customer_cards([card], settings, out)
        image = load(qapp, out.getvalue(), tmp_path).render(0, QSize(1190, 1684))
        top = image.copy(0, 0, image.width(), image.height() // 5)
        return ink(top)

    assert rendered("鲜饮食品销售有限公司华星时代广场旗舰店" * 2) > rendered(" ") + 0.002
