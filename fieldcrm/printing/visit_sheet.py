"""The day's visit sheet (拜访单): what a rep works from with the laptop closed, and what the supervisor signs.

Each stop is one block kept on one page: who and where, what is placed there
and due for inspection, what they owe, then boxes to fill in by hand and the
customer's signature. The planned visit's code is printed beside the stop as
text and as a QR code, so entering the sheet afterwards opens that visit at
once (type or scan the code into the app's search).

Several sheets (every route of a day) make one PDF in which each sheet starts
a page under its own masthead and is numbered on its own, so a rep's sheet
says "page 1 of 3" whatever was printed before it.
"""

from __future__ import annotations

from typing import BinaryIO, Callable, Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer

from fieldcrm.domain.asset_fields import AssetType
from fieldcrm.printing import labels as L
from fieldcrm.printing import pages, qrcodes
from fieldcrm.printing.catalog import Translator, translator
from fieldcrm.printing.flowables import Cell, Grid, blank, label
from fieldcrm.printing.model import SheetStop, VisitSheet
from fieldcrm.printing.progress import CancelCheck, ProgressCallback, Ticker
from fieldcrm.printing.settings import PrintSettings
from fieldcrm.printing.wording import choice, credit_text, joined, money

QR_SIZE = 17 * mm
INFO_COLUMNS = (0.55, 7.0, 1.45)  # sequence, the stop, its QR code
HAND_COLUMNS = (0.9, 1.6, 1.35, 1.2, 2.15, 1.8)  # arrival, order, assets, collected, notes, signature
WRITING_LINES = 2
QR_LINES = 6  # the QR cell's height in lines of 8.5 pt text: its label, the code and the QR code


def render_visit_sheet(
    sheet: VisitSheet, settings: PrintSettings, out: BinaryIO, *,
    progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
) -> int:
    """Write the sheet as a PDF to ``out`` and return its page count; ``progress`` counts stops laid out."""
    return render_visit_sheets([sheet], settings, out, progress=progress, cancelled=cancelled)


def render_visit_sheets(
    sheets: Sequence[VisitSheet], settings: PrintSettings, out: BinaryIO, *,
    progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
) -> int:
    """Write the sheets as one PDF, each from a new page and numbered on its own; returns the page count.

    ``progress`` counts stops laid out over all the sheets; ``cancelled`` is asked before each stop and page.
    """
    if not sheets:
        raise ValueError("no visit sheet to print")
    tr = translator(settings.language)
    ticker = Ticker(sum(len(sheet.stops) for sheet in sheets), progress, cancelled)
    story: list[Flowable] = []
    for number, sheet in enumerate(sheets):
        if number:
            story += pages.next_masthead(number)
        story.append(pages.section_start(number, joined(tr(L.VISIT_SHEET), sheet.header.route, sep=" · ")))
        for stop in sheet.stops:
            story.append(KeepTogether([pages.progress_tick(ticker), *stop_block(stop, tr), Spacer(1, 2.5 * mm)]))
        story.append(pages.signatures(tr, tr(L.REP_SIGNATURE)))
    return pages.build(out, story, settings, [_masthead(sheet, tr) for sheet in sheets], tr, ticker)


def _masthead(sheet: VisitSheet, tr: Translator) -> pages.Masthead:
    header = sheet.header
    return pages.Masthead(tr(L.VISIT_SHEET), (
        (tr(L.REP), header.rep), (tr(L.ROUTE), header.route), (tr(L.TERRITORY), header.territory),
        (tr(L.DATE), header.date), (tr(L.STOPS), str(len(sheet.stops))),
    ))


def stop_block(stop: SheetStop, tr: Translator) -> list[Flowable]:
    """The stop's facts beside its QR code, then the row filled in by hand at the door."""
    facts = "\n".join(line for line in (
        f"{tr(L.ADDRESS)}: {stop.address}" if stop.address else "",
        _contact_line(stop, tr),
        f"{tr(L.ASSETS)}: {_assets_text(stop, tr)}",
        " | ".join((
            f"{tr(L.LAST_VISIT)}: {stop.last_visit or tr(L.NEVER_VISITED)}",
            f"{tr(L.BALANCE)}: {money(stop.credit.balance)}",
            f"{tr(L.CREDIT)}: {credit_text(stop.credit, tr)}",
        )),
    ) if line)
    info = Grid(INFO_COLUMNS, [[
        Cell(str(stop.sequence), bold=True, align="center"),
        Cell(facts, heading=f"{stop.code}  {stop.name}"),
        Cell(stop.visit_code, heading=tr(L.VISIT_CODE), bold=True, align="center", lines=QR_LINES,
             painter=_qr_painter(stop.visit_code)),
    ]], size=8.5)
    has_assets = bool(stop.assets)
    hand = Grid(HAND_COLUMNS, [
        [label(tr(L.ARRIVAL_TIME)), label(tr(L.ORDER)), label(tr(L.ASSETS_CLEAN_WORKING)),
         label(tr(L.AMOUNT_COLLECTED)), label(tr(L.NOTES)), label(tr(L.CUSTOMER_SIGNATURE))],
        [blank(WRITING_LINES), blank(WRITING_LINES),
         Cell(boxes=(tr(L.YES), tr(L.NO)), lines=WRITING_LINES) if has_assets else Cell(tr(L.NONE), lines=WRITING_LINES),
         blank(WRITING_LINES), blank(WRITING_LINES), blank(WRITING_LINES)],
    ], size=7.5)
    return [info, hand]


def _contact_line(stop: SheetStop, tr: Translator) -> str:
    contact = joined(stop.contacts.replace("\n", "; "), stop.phones, sep="   ")
    return f"{tr(L.CONTACT)}: {contact}" if contact else ""


def _assets_text(stop: SheetStop, tr: Translator) -> str:
    if not stop.assets:
        return tr(L.NONE)
    parts = []
    for asset in stop.assets:
        text = f"{asset.tag} {choice(tr, AssetType, asset.type)}"
        parts.append(f"{text} ({tr(L.INSPECTION_DUE)})" if asset.inspection_due else text)
    return "; ".join(parts)


def _qr_painter(code: str) -> Callable[[Canvas, float, float, float, float], None]:
    def paint(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        # Below the two lines of text (label and code), centred in what is left of the cell.
        text_room = 25
        size = min(QR_SIZE, width - 4, height - text_room)
        qrcodes.draw(canvas, code, x + (width - size) / 2, y + (height - text_room - size) / 2, size)

    return paint
