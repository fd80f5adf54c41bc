"""Sending a rendered PDF to a printer, on a worker thread.

QtPdf has no vector path to a QPrinter, so each page is rasterised by pdfium
(``QPdfDocument.render``) at the printer's resolution, capped at 300 dpi (an
A4 page is then about 35 MB of pixels, drawn and dropped one at a time), and
painted across the whole paper: the PDF carries its own margins, and the
printer is set to the PDF's paper before its dialog opens. Qt allows painting
on a QPrinter outside the GUI thread, so a thousand-page batch prints with
progress and Cancel like its rendering did, through the same TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.ui.workers import Cancelled, Progress

MAX_DPI = 300
POINTS_PER_INCH = 72

MSG_CANNOT_PRINT = _N("Errors", "printer: cannot print on {printer}")
MSG_UNREADABLE = _N("Errors", "printer: the document could not be read back for printing")


class PrinterError(FieldCRMError):
    """The printer refused to start (offline, no permission, a file that cannot be written)."""


def printer_for(document: QPdfDocument) -> QPrinter:
    """A printer set up for the document: its paper, the whole sheet, every page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    if document.pageCount() > 0:
        printer.setPageSize(QPageSize(document.pagePointSize(0), QPageSize.Unit.Point))
    return printer


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress) -> int:
    """The worker's side: paint the chosen pages of ``pdf`` on ``printer``; returns how many were sent.

    A cancelled print is aborted, so the spooler drops what was painted so far.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrinterError(MSG_UNREADABLE)
    pages = chosen_pages(printer, document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(MSG_CANNOT_PRINT, printer=printer.printerName() or printer.outputFileName())
    try:
        for number, page in enumerate(pages):
            if progress.cancelled:
                printer.abort()
                raise Cancelled
            if number:
                printer.newPage()
            _paint_page(painter, document, page, min(printer.resolution(), MAX_DPI))
            progress.report(number + 1, len(pages))
    finally:
        painter.end()
        document.close()
    return len(pages)


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The pages (from 0) the print dialog asked for: all, or its "from … to" range (counted from 1)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        return range(first - 1, last)
    return range(count)


def _paint_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int) -> None:
    """The page as an image scaled to fit the sheet, centred, keeping its proportions."""
    points = document.pagePointSize(page)
    image = document.render(page, QSize(round(points.width() * dpi / POINTS_PER_INCH),
                                        round(points.height() * dpi / POINTS_PER_INCH)))
    sheet = QRectF(painter.viewport())
    scale = min(sheet.width() / image.width(), sheet.height() / image.height())
    target = QRectF(0, 0, image.width() * scale, image.height() * scale)
    target.moveCenter(sheet.center())
    painter.drawImage(target, image)
