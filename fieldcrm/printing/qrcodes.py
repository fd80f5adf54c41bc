"""QR codes drawn straight onto the page.

reportlab's QR widget picks the best of eight masks, which costs about 3 ms a
code: a 300-stop visit sheet would spend a second on QR codes alone. Any mask
gives a valid code that every reader decodes (the choice only evens out the
dark/light balance), so one fixed mask is used, and the dark modules are
drawn as one filled path rather than a Drawing per code.
"""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

MASK = 0
QUIET_ZONE = 4  # modules of white border around the code, as the QR standard asks
_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")  # QR alphanumeric mode


def matrix(data: str) -> list[list[bool]]:
    """The code's modules, dark = True; alphanumeric mode for upper-case codes like V-AB12C."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    upper_alnum = bool(data) and all(c in _ALPHANUMERIC for c in data)
    code.addData(qrencoder.QRAlphaNum(data) if upper_alnum else qrencoder.QR8bitByte(data))
    code.version = code.calculate_version()
    code.makeImpl(False, MASK)
    count = code.getModuleCount()
    return [[bool(code.isDark(row, col)) for col in range(count)] for row in range(count)]


def draw(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw the code for ``data`` in the square whose lower-left corner is (x, y).

    The modules are written as one path in module units under a scaling
    transform: integer coordinates, formatted here, rather than a thousand
    float rectangles through reportlab's (pure Python) number formatting.
    """
    modules = matrix(data)
    count = len(modules)
    cell = size / (count + 2 * QUIET_ZONE)
    ops: list[str] = []
    for row, line in enumerate(modules):
        bottom = count - 1 - row
        col = 0
        while col < count:
            if not line[col]:
                col += 1
                continue
            start = col
            while col < count and line[col]:
                col += 1
            ops.append(f"{start} {bottom} {col - start} 1 re")
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.translate(x + QUIET_ZONE * cell, y + QUIET_ZONE * cell)
    canvas.scale(cell, cell)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()
