"""The customer card print (客户档案卡): the paper file the customer-file rules describe.

Laid out from ``CUSTOMER_FIELDS`` so every field of the card is on paper in
its section, blank ones left blank to be filled in by hand. After the card
come the units placed at the shop, the last visits and what the customer
owes. A batch (a route, a territory, a list) is one PDF with every card
starting on a new page and numbered on its own.
"""

from __future__ import annotations

from typing import BinaryIO, Sequence

from reportlab.platypus import Flowable, PageBreak

from fieldcrm.domain.asset_fields import AssetType
from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, SECTION_LABELS, FieldSpec, Kind, Section
from fieldcrm.domain.visit_fields import PaymentMethod, VisitPurpose, VisitStatus
from fieldcrm.printing import labels as L
from fieldcrm.printing import pages
from fieldcrm.printing.catalog import Translator, translator
from fieldcrm.printing.flowables import Cell, CellLike, Grid, TextBlock, heading, label
from fieldcrm.printing.model import CustomerCardDoc
from fieldcrm.printing.progress import CancelCheck, ProgressCallback, Ticker
from fieldcrm.printing.settings import PrintSettings
from fieldcrm.printing.wording import choice, credit_text, field_value, joined, money

PAIR_COLUMNS = (1.25, 2.75, 1.25, 2.75)  # label, value, label, value
SIZE = 8.5


def render_customer_cards(
    cards: Sequence[CustomerCardDoc], settings: PrintSettings, out: BinaryIO, *,
    progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
) -> int:
    """Write the cards as one PDF to ``out``, each from a new page; returns the page count.

    ``progress`` counts cards laid out; ``cancelled`` is asked before each card and page.
    """
    tr = translator(settings.language)
    ticker = Ticker(len(cards), progress, cancelled)
    story: list[Flowable] = []
    for number, card in enumerate(cards):
        if number:
            story.append(PageBreak())
        story.append(pages.section_start(number, f"{card.code}  {card.name}", ticker))
        story.extend(card_story(card, tr))
    masthead = pages.Masthead(tr(L.CUSTOMER_CARD), ((tr(L.AS_OF), cards[0].as_of),) if cards else ())
    return pages.build(out, story, settings, masthead, tr, ticker)


def card_story(card: CustomerCardDoc, tr: Translator) -> list[Flowable]:
    title = f"{card.code}  {card.name}" + (f"  ({tr(L.RETIRED)})" if card.retired else "")
    story: list[Flowable] = [TextBlock(title, size=14, bold=True, space_after=4)]
    for section in Section:
        specs = [s for s in CUSTOMER_FIELDS if s.section is section]
        title = tr.tr("CustomerField", SECTION_LABELS[section])
        story += [*heading(title), Grid(PAIR_COLUMNS, field_rows(specs, card, tr), size=SIZE)]
    story += [*heading(tr(L.ASSETS_HERE)), *_assets(card, tr)]
    if not card.retired:  # the services keep no visits or money for a retired customer (see sources)
        story += [*heading(tr(L.LAST_VISITS)), *_visits(card, tr)]
        story += [*heading(tr(L.RECEIVABLES)), *_receivables(card, tr)]
    return story


def field_rows(specs: Sequence[FieldSpec], card: CustomerCardDoc, tr: Translator) -> list[list[CellLike]]:
    """Short fields two to a row; a long text field takes a row of its own."""
    rows: list[list[CellLike]] = []
    pending: list[CellLike] = []
    for spec in specs:
        name = tr.tr("CustomerField", spec.label)
        value = field_value(tr, spec, card.values.get(spec.name))
        if spec.kind is Kind.LONGTEXT:
            if pending:  # keep the card's order: a lone short field gets a row to itself
                rows.append([*pending, label(""), ""])
                pending = []
            rows.append([label(name), Cell(value, span=3)])
            continue
        pending += [label(name), value]
        if len(pending) == 4:
            rows.append(pending)
            pending = []
    if pending:
        rows.append([*pending, label(""), ""])
    return rows


def _table(columns: Sequence[float], header: Sequence[str], rows: Sequence[Sequence[CellLike]],
           tr: Translator) -> list[Flowable]:
    if not rows:
        return [TextBlock(tr(L.NONE), size=SIZE)]
    return [Grid(columns, [list(header), *rows], header_rows=1, size=SIZE)]


def _assets(card: CustomerCardDoc, tr: Translator) -> list[Flowable]:
    header = [tr(L.TAG), tr(L.TYPE), tr(L.BRAND_MODEL), tr(L.PLACED_ON), tr(L.AGREEMENT), tr(L.DEPOSIT_HELD),
              tr(L.LAST_CHECKED), tr(L.DUE_ON)]
    rows: list[list[CellLike]] = [
        [a.tag, choice(tr, AssetType, a.type), joined(a.brand, a.model), a.placed_on or "", a.agreement or "",
         Cell(money(a.deposit_held), align="right"), a.last_checked_on or "", a.due_on or ""]
        for a in card.assets
    ]
    return _table((1.1, 0.9, 1.5, 1.0, 1.0, 1.0, 1.0, 1.0), header, rows, tr)


def _visits(card: CustomerCardDoc, tr: Translator) -> list[Flowable]:
    header = [tr(L.DATE), tr(L.CODE), tr(L.PURPOSE), tr(L.STATUS), tr(L.REP), tr(L.OUTCOME), tr(L.ORDERED),
              tr(L.COLLECTED)]
    rows: list[list[CellLike]] = [
        [v.date, v.code, choice(tr, VisitPurpose, v.purpose), choice(tr, VisitStatus, v.status), v.rep or "",
         v.outcome or "", Cell(money(v.ordered), align="right"), Cell(money(v.collected), align="right")]
        for v in card.visits
    ]
    return _table((1.0, 1.0, 1.1, 0.7, 0.8, 2.4, 0.9, 0.9), header, rows, tr)


def _receivables(card: CustomerCardDoc, tr: Translator) -> list[Flowable]:
    credit = card.credit
    summary = Grid(PAIR_COLUMNS, [
        [label(tr(L.OUTSTANDING)), money(credit.balance), label(tr(L.OPEN_ORDERS)), money(credit.open_orders)],
        [label(tr(L.CREDIT)), Cell(credit_text(credit, tr), span=3)],
    ], size=SIZE)
    kinds = {"order": tr(L.DEBT_ORDER), "invoice": tr(L.DEBT_INVOICE)}
    debts = _table(
        (1.3, 1.1, 1.0, 1.1, 1.1, 0.8),
        [tr(L.KIND), tr(L.CODE), tr(L.DATE), tr(L.AMOUNT), tr(L.STILL_OPEN), tr(L.AGE_DAYS)],
        [[kinds.get(d.kind, d.kind), d.code or "", d.date, Cell(money(d.amount), align="right"),
          Cell(money(d.open), align="right"), Cell(str(d.age_days), align="right")] for d in card.debts],
        tr,
    )
    payments = _table(
        (1.0, 1.1, 1.1, 1.3),
        [tr(L.DATE), tr(L.CODE), tr(L.AMOUNT), tr(L.METHOD)],
        [[p.date, p.code, Cell(money(p.amount), align="right"), choice(tr, PaymentMethod, p.method)]
         for p in card.payments],
        tr,
    )
    return [summary, *heading(tr(L.OPEN_DEBTS)), *debts, *heading(tr(L.RECENT_PAYMENTS)), *payments]
