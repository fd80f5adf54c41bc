"""Pages every document shares: the masthead, the footer with "page n of m", paper size.

"Page n of m" needs m before any page is final, so the canvas keeps each
finished page and draws the footers when the document is saved (reportlab's
usual two-pass trick, without laying the story out twice). A document can
hold sections (one customer card each in a batch): each section is numbered
on its own, so every filed card says "page 1 of 2" for itself. A section may
also bring its own masthead (each route's sheet in a day's batch names its
route and rep): ``build`` takes several and ``next_masthead`` starts a page
that carries the next one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial
from typing import Any, BinaryIO, Callable, Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Spacer,
)

from fieldcrm.printing import fonts
from fieldcrm.printing import labels as L
from fieldcrm.printing.catalog import Translator
from fieldcrm.printing.flowables import Grid, Mark, blank, label
from fieldcrm.printing.progress import Ticker
from fieldcrm.printing.settings import PrintSettings, check_logo
from fieldcrm.printing.typesetting import typesetter

MARGIN = 12 * mm
MASTHEAD_HEIGHT = 21 * mm
FOOTER_HEIGHT = 7 * mm
LOGO_HEIGHT = 11 * mm

Section = tuple[int, str]  # (number, label shown in the footer)


@dataclass(frozen=True)
class Masthead:
    """The top of every page: a title and the facts it is about as (label, value), both as printed."""

    title: str
    facts: tuple[tuple[str, str], ...] = ()


def section_start(number: int, title: str, ticker: Ticker | None = None) -> Mark:
    """Put first in a section's story: numbers its pages apart, ``title`` in their footer; ticks progress."""

    def start(canvas: Canvas) -> None:
        if ticker is not None:
            ticker.tick()
        canvas.fieldcrm_section = (number, title)

    return Mark(start)


def next_masthead(number: int) -> list[Flowable]:
    """A page break to a page under masthead ``number`` (counted from 0) of those given to ``build``."""
    return [NextPageTemplate(_template_id(number)), PageBreak()]


def _template_id(number: int) -> str:
    return f"page{number}"


def progress_tick(ticker: Ticker) -> Mark:
    return Mark(lambda canvas: ticker.tick())


def signatures(tr: Translator, signer: str) -> Flowable:
    """The boxes at the end of a document: whoever filled it in, the supervisor, the date."""
    return KeepTogether([
        Spacer(1, 3 * mm),
        Grid((1.2, 2.3, 1.3, 2.3, 1.0, 1.4), [[
            label(signer), blank(3), label(tr(L.SUPERVISOR_SIGNATURE)), blank(3), label(tr(L.SIGNED_ON)), blank(3),
        ]], size=8.5),
    ])


def _numbered_canvas(draw_footer: Callable[[Canvas, int, int, str], None]) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._finished_pages: list[dict[str, Any]] = []
            self.fieldcrm_section: Section = (0, "")

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._finished_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals = Counter(page["fieldcrm_section"] for page in self._finished_pages)
            seen: Counter[Section] = Counter()
            for page in self._finished_pages:
                self.__dict__.update(page)
                seen[self.fieldcrm_section] += 1
                draw_footer(self, seen[self.fieldcrm_section], totals[self.fieldcrm_section],
                            self.fieldcrm_section[1])
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _draw_masthead(canvas: Canvas, doc: BaseDocTemplate, *, settings: PrintSettings, masthead: Masthead,
                   ticker: Ticker) -> None:
    ticker.check()
    ts = typesetter()
    width, height = doc.pagesize
    top = height - MARGIN
    x = MARGIN
    if settings.logo_path is not None:
        logo = str(settings.logo_path)
        canvas.drawImage(logo, x, top - LOGO_HEIGHT, height=LOGO_HEIGHT, width=LOGO_HEIGHT * 3,
                         preserveAspectRatio=True, anchor="w", mask="auto")
        x += LOGO_HEIGHT * 3 + 3 * mm
    title_width = ts.width(masthead.title, 15, bold=True)
    ts.draw(canvas, width - MARGIN - title_width, top - 6 * mm, [masthead.title], 15, 18, bold=True)
    if settings.company_name:
        room = width - MARGIN - title_width - 6 * mm - x
        lines = ts.wrap(settings.company_name, room, 11, bold=True)[:2]
        ts.draw(canvas, x, top - 5 * mm, lines, 11, 13, bold=True)
    facts = "  |  ".join(f"{name}: {value}" for name, value in masthead.facts)
    lines = ts.wrap(facts, width - 2 * MARGIN, 9)[:2]
    ts.draw(canvas, MARGIN, top - MASTHEAD_HEIGHT + 3 * mm + (len(lines) - 1) * 11, lines, 9, 11)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, top - MASTHEAD_HEIGHT + 1 * mm, width - MARGIN, top - MASTHEAD_HEIGHT + 1 * mm)


def _draw_footer(canvas: Canvas, page: int, pages: int, label: str, *, tr: Translator, default: str) -> None:
    ts = typesetter()
    width, _ = canvas._pagesize
    text = tr(L.PAGE_OF).format(page=page, pages=pages)
    baseline = MARGIN
    ts.draw(canvas, width - MARGIN - ts.width(text, 8), baseline, [text], 8, 10)
    room = width - 2 * MARGIN - ts.width(text, 8) - 6 * mm
    ts.draw(canvas, MARGIN, baseline, ts.wrap(label or default, room, 8)[:1], 8, 10)


def _page_template(
    doc: BaseDocTemplate, number: int, on_page: Callable[[Canvas, BaseDocTemplate], None],
) -> PageTemplate:
    """The body frame under masthead ``number``; each template has its own frame, as reportlab expects."""
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return PageTemplate(id=_template_id(number), frames=[frame], onPage=on_page)


def build(
    out: BinaryIO, story: Sequence[Flowable], settings: PrintSettings, masthead: Masthead | Sequence[Masthead],
    tr: Translator, ticker: Ticker,
) -> int:
    """Lay ``story`` out on pages of ``settings.paper``, write the PDF to ``out``; returns the page count.

    Pages carry the first masthead until the story switches with ``next_masthead``.
    """
    mastheads = (masthead,) if isinstance(masthead, Masthead) else tuple(masthead)
    fonts.register_fonts()
    if settings.logo_path is not None:
        check_logo(settings.logo_path)
    width, height = settings.paper.size
    doc = BaseDocTemplate(
        out, pagesize=(width, height), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + MASTHEAD_HEIGHT, bottomMargin=MARGIN + FOOTER_HEIGHT,
        title=mastheads[0].title, author=settings.company_name, creator="FieldCRM", invariant=1,
        initialFontName=fonts.LATIN,  # else reportlab lists Helvetica, a font that is not embedded, on every page
    )
    doc.addPageTemplates([
        _page_template(doc, number, partial(_draw_masthead, settings=settings, masthead=head, ticker=ticker))
        for number, head in enumerate(mastheads)
    ])
    footer = partial(_draw_footer, tr=tr, default=mastheads[0].title)
    doc.build(list(story), canvasmaker=_numbered_canvas(footer))
    ticker.finish()
    return int(doc.page)
