"""The asset inspection sheet (资产巡检单) for a route: every unit to check, with its checklist.

One block per customer, its units below it; for each unit the rep ticks
clean, display as agreed and working or faulty, writes the share of our
products and the temperature, and notes anything else. The checklist is the
asset service's own inspection form (``INSPECTION_FIELDS``), so paper and
the app ask the same questions in the same words.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fieldcrm.domain.asset_fields import INSPECTION_FIELDS, AssetType, Condition, YesNo
from fieldcrm.printing import labels as L
from fieldcrm.printing import pages
from fieldcrm.printing.catalog import Translator, translator
from fieldcrm.printing.flowables import Cell, CellLike, Grid, blank, label
from fieldcrm.printing.model import InspectionSheet, InspectionStop, InspectionUnit
from fieldcrm.printing.progress import CancelCheck, ProgressCallback, Ticker
from fieldcrm.printing.settings import PrintSettings
from fieldcrm.printing.wording import choice, joined

COLUMNS = (2.3, 1.05, 1.05, 0.75, 0.75, 1.2, 1.9)  # unit, clean, display, share, temperature, condition, notes
CHECKLIST = ("clean", "display_ok", "share_percent", "temperature", "condition", "notes")
WRITING_LINES = 3
SIZE = 8.0


def render_inspection_sheet(
    sheet: InspectionSheet, settings: PrintSettings, out: BinaryIO, *,
    progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
) -> int:
    """Write the sheet as a PDF to ``out`` and return its page count; ``progress`` counts customers laid out."""
    tr = translator(settings.language)
    ticker = Ticker(len(sheet.stops), progress, cancelled)
    story: list[Flowable] = []
    for stop in sheet.stops:
        story += [pages.progress_tick(ticker), stop_grid(stop, tr), Spacer(1, 2 * mm)]
    story.append(pages.signatures(tr, tr(L.INSPECTED_BY)))
    masthead = pages.Masthead(tr(L.INSPECTION_SHEET), (
        (tr(L.ROUTE), sheet.route), (tr(L.TERRITORY), sheet.territory), (tr(L.DATE), sheet.date),
        (tr(L.STOPS), str(len(sheet.stops))), (tr(L.UNITS), str(sheet.unit_count)),
    ))
    return pages.build(out, story, settings, masthead, tr, ticker)


def stop_grid(stop: InspectionStop, tr: Translator) -> Grid:
    """The customer and the column heads (repeated if the block runs onto a new page), then a row per unit."""
    specs = {spec.name: spec for spec in INSPECTION_FIELDS}
    heads: list[CellLike] = [label(tr(L.UNIT)), *(label(tr.tr("AssetField", specs[n].label)) for n in CHECKLIST)]
    customer = Cell(stop.address, heading=f"{stop.code}  {stop.name}", span=len(COLUMNS), shade=True)
    return Grid(COLUMNS, [[customer], heads, *(_unit_row(unit, tr) for unit in stop.units)],
                header_rows=2, size=SIZE)


def _unit_row(unit: InspectionUnit, tr: Translator) -> list[CellLike]:
    if unit.last_checked_on is None:
        checked = tr(L.NOT_YET_CHECKED)
    else:
        checked = f"{tr(L.LAST_CHECKED)}: {unit.last_checked_on}"
        if unit.overdue:
            checked += f" ({tr(L.OVERDUE)})"
    yes_no = tuple(choice(tr, YesNo, c.value) for c in YesNo)
    return [
        Cell(f"{choice(tr, AssetType, unit.type)} {joined(unit.brand, unit.model)}\n{checked}", heading=unit.tag),
        Cell(boxes=yes_no, lines=WRITING_LINES),
        Cell(boxes=yes_no, lines=WRITING_LINES),
        Cell("%", align="right", lines=WRITING_LINES),
        Cell("°C", align="right", lines=WRITING_LINES),
        Cell(boxes=tuple(choice(tr, Condition, c.value) for c in Condition), lines=WRITING_LINES),
        blank(WRITING_LINES),
    ]
