"""Building the documents' data from the workspace, through the domain services only.

This is the one module of printing that knows the services; the layouts
only see ``model``. A route is the routes service's (its stops in their
stored order, its rep and territory); in a workspace whose routes were
never set up, only named on the cards (the ``route`` field the Due list
reads), it is the customers naming it, in code order. A territory is
likewise a node of the territory tree, else the cards' ``territory`` text.

Printing a visit sheet plans the day: each stop gets the rep's visit for that
customer and date (an existing one is reused, a missing one is planned
through ``VisitService.plan``), and its code is printed and QR-encoded, so
the code on paper is the visit the rep opens when entering the sheet.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping, Sequence

from fieldcrm.domain.assets import AssetService
from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.domain.orders import OrderService
from fieldcrm.domain.receivables import ReceivablesService
from fieldcrm.domain.reports import DAILY, ReportService
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import TerritoryService
from fieldcrm.domain.validation import parse_date
from fieldcrm.domain.visits import VisitService
from fieldcrm.errors import FieldCRMError, FieldError, NotFound
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.printing.model import (
    AssetLine, CardDebt, CardPayment, CardVisit, CreditLine, CustomerCardDoc, DailyReportDoc, InspectionSheet,
    InspectionStop, InspectionUnit, ReportCollection, ReportFigures, ReportLine, ReportOrder, ReportVisit,
    SheetHeader, SheetStop, VisitSheet,
)
from fieldcrm.printing.progress import CancelCheck, ProgressCallback, Ticker
from fieldcrm.printing.wording import joined
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

CARD_VISITS = 10
CARD_PAYMENTS = 10
OVERDUE_DAYS = 30
DEPLOYED = "deployed"

MSG_EMPTY_ROUTE = _N("Errors", "{field}: no customers on route '{value}'")
MSG_EMPTY_TERRITORY = _N("Errors", "{field}: no customers in territory '{value}'")
MSG_NOT_SUBMITTED = _N("Errors", "daily report: {rep} has not submitted a report for {date}")
MSG_NO_UNITS = _N("Errors", "inspection sheet: no units are deployed at the customers of route '{route}'")
MSG_READ_ONLY = _N(
    "Errors", "visit sheet: the workspace is open read-only, so the sheet's {count} new visits cannot be planned")


@dataclass(frozen=True)
class RouteMembers:
    route: str  # its name, as printed
    territory: str
    customer_ids: tuple[str, ...]  # in route order
    rep: str | None = None  # who runs it, when the route says


def _fen(yuan: Any) -> int:
    """Money that came back from a service as JSON yuan, as fen again."""
    return 0 if yuan is None else int(round(float(yuan) * 100))


def _address(card: Mapping[str, Any]) -> str:
    return joined(card.get("city"), card.get("district"), card.get("street"))


def _main_territory(cards: Iterable[Mapping[str, Any]], fallback: str | None) -> str:
    counts = Counter(c["territory"] for c in cards if c.get("territory"))
    return counts.most_common(1)[0][0] if counts else (fallback or "")


# -- which customers ---------------------------------------------------------------


def route_members(workspace: Workspace, route: str) -> RouteMembers:
    """The route's live customers in stop order (see the module docstring); refused when it has none."""
    try:
        view = RouteService(workspace).view(route)
    except NotFound:
        return _route_by_card_text(workspace, route)
    ids = tuple(stop.customer_id for stop in view.stops)
    if not ids:
        raise FieldError("route", MSG_EMPTY_ROUTE, value=route)
    territory = view.route.territory or workspace.require_identity().territory or ""
    return RouteMembers(view.route.name, territory, ids, view.route.rep)


def _route_by_card_text(workspace: Workspace, route: str) -> RouteMembers:
    name = " ".join(route.split())
    cards = list(CustomerService(workspace).iter_cards(CustomerQuery(filters={"route": name}, sort="code")))
    if not name or not cards:
        raise FieldError("route", MSG_EMPTY_ROUTE, value=route)
    territory = _main_territory(cards, workspace.require_identity().territory)
    return RouteMembers(name, territory, tuple(c["id"] for c in cards))


def territory_members(workspace: Workspace, territory: str) -> tuple[str, ...]:
    """The territory's live customers by code (see the module docstring); refused when it has none."""
    try:
        node = TerritoryService(workspace).resolve(territory)
    except NotFound:
        name = " ".join(territory.split())
        cards = CustomerService(workspace).iter_cards(CustomerQuery(filters={"territory": name}, sort="code"))
        ids = tuple(c["id"] for c in cards) if name else ()
    else:
        rows = sorted(TerritoryService(workspace).customers(node), key=lambda row: row["code"] or "")
        ids = tuple(row["id"] for row in rows)
    if not ids:
        raise FieldError("territory", MSG_EMPTY_TERRITORY, value=territory)
    return ids


def resolve_customers(workspace: Workspace, ids_or_codes: Sequence[str]) -> tuple[str, ...]:
    """Ids for what the user typed, in the order given, each once; an unknown one is refused by name."""
    service = CustomerService(workspace)
    return tuple(dict.fromkeys(service.resolve(text) for text in ids_or_codes))


# -- money and assets, shared by the sheet and the card -----------------------------


def _credit(workspace: Workspace, card: Mapping[str, Any], day: str) -> CreditLine:
    status = OrderService(workspace).credit(card["id"])
    debts = ReceivablesService(workspace).open_debts(card["id"], today=day)
    overdue = sum(d.open for d in debts if d.age_days >= OVERDUE_DAYS)
    return CreditLine(card.get("credit_grade"), status.limit, status.balance, status.open_orders, overdue)


def _asset_line(row: Mapping[str, Any], day: str) -> AssetLine:
    deployed = row["status"] == DEPLOYED
    due = deployed and (row["last_checked_on"] is None or (row["due_on"] is not None and row["due_on"] <= day))
    return AssetLine(
        tag=row["tag"], type=row["type"], brand=row["brand"], model=row["model"],
        placed_on=row.get("placed_on"), agreement=row.get("agreement"),
        deposit_held=_fen(row.get("deposit_held")), last_checked_on=row["last_checked_on"],
        due_on=row["due_on"], inspection_due=due,
    )


def _assets_at(workspace: Workspace, customer_id: str, day: str) -> tuple[AssetLine, ...]:
    return tuple(_asset_line(row, day) for row in AssetService(workspace).for_customer(customer_id))


# -- visit sheet ------------------------------------------------------------------------


def visit_sheet(workspace: Workspace, route: str, day: str, rep: str | None = None) -> VisitSheet:
    """A sheet for a route on a day, planning the visits it lists (see the module docstring).

    The rep is the one given, else the route's, else the workspace owner.
    """
    when = parse_date("date", day)
    members = route_members(workspace, route)
    who = (rep or "").strip() or members.rep
    return visit_sheet_for_customers(workspace, members.customer_ids, when, who, members.route, members.territory)


def visit_sheet_for_customers(
    workspace: Workspace, customer_ids: Sequence[str], day: str, rep: str | None = None,
    route: str = "", territory: str | None = None,
) -> VisitSheet:
    """A sheet for customers in the order given: a route's, or a list picked by hand."""
    when = parse_date("date", day)
    who = (rep or "").strip() or workspace.require_identity().user_name
    customers = CustomerService(workspace)
    cards = [customers.get(cid) for cid in customer_ids]
    codes = _planned_visits(workspace, [c["id"] for c in cards], when, who)
    stops = tuple(
        SheetStop(
            sequence=number, customer_id=card["id"], code=card["code"], name=card["name"] or "",
            visit_code=codes[card["id"]], address=_address(card), contacts=card.get("contacts") or "",
            phones=card.get("phones") or "", assets=_assets_at(workspace, card["id"], when),
            last_visit=_last_visit(workspace, card["id"], when), credit=_credit(workspace, card, when),
        )
        for number, card in enumerate(cards, start=1)
    )
    area = territory if territory is not None else _main_territory(cards, workspace.require_identity().territory)
    return VisitSheet(SheetHeader(who, route, area, when), stops)


def _planned_visits(workspace: Workspace, customer_ids: Sequence[str], day: str, rep: str) -> dict[str, str]:
    """The code of ``rep``'s visit to each customer on ``day``, planning the missing ones in one transaction."""
    visits = VisitService(workspace)
    wanted = set(customer_ids)
    existing: dict[str, str] = {}
    for row in visits.list(rep=rep, date=day, limit=max(500, 4 * len(wanted))):
        if row["customer_id"] in wanted:
            existing.setdefault(row["customer_id"], row["code"])
    missing = [cid for cid in dict.fromkeys(customer_ids) if cid not in existing]
    if missing and workspace.read_only:
        raise FieldCRMError(MSG_READ_ONLY, count=len(missing))
    if missing:
        with write_transaction(workspace.db):
            for cid in missing:
                existing[cid] = visits.plan(cid, day, rep=rep)["code"]
    return existing


def _last_visit(workspace: Workspace, customer_id: str, before: str) -> str | None:
    for visit in VisitService(workspace).for_customer(customer_id, limit=CARD_VISITS):
        if visit.status == "done" and visit.visit_date < before:
            return visit.visit_date
    return None


# -- customer card ------------------------------------------------------------------------


def customer_card(workspace: Workspace, id_or_code: str, today: str | None = None) -> CustomerCardDoc:
    """One card with its assets; visits and money too unless the customer is retired.

    The visit and receivables services refuse retired customers, so a retired
    card prints its fields and units only (and says it is retired).
    """
    day = parse_date("date", today) if today else date.today().isoformat()
    card = CustomerService(workspace).get(id_or_code)
    retired = bool(card["deleted"])
    assets = _assets_at(workspace, card["id"], day)
    if retired:
        return CustomerCardDoc(card["id"], card["code"], card, day, retired=True, assets=assets)
    receivables = ReceivablesService(workspace)
    return CustomerCardDoc(
        card["id"], card["code"], card, day, assets=assets,
        visits=tuple(
            CardVisit(v.visit_date, v.code, v.purpose, v.status, v.rep, v.outcome, v.ordered, v.collected)
            for v in VisitService(workspace).for_customer(card["id"], limit=CARD_VISITS)
        ),
        credit=_credit(workspace, card, day),
        debts=tuple(CardDebt(d.kind, d.code, d.day, d.amount, d.open, d.age_days)
                    for d in receivables.open_debts(card["id"], today=day)),
        payments=tuple(CardPayment(p.day, p.code, p.amount, p.method)
                       for p in receivables.payments(card["id"], limit=CARD_PAYMENTS)),
    )


def customer_cards(
    workspace: Workspace, customer_ids: Sequence[str], today: str | None = None,
    cancelled: CancelCheck | None = None, progress: ProgressCallback | None = None,
) -> list[CustomerCardDoc]:
    """Cards for a batch, in the order given; ``cancelled`` is asked and ``progress`` told between cards."""
    ticker = Ticker(len(customer_ids), progress, cancelled)
    cards = []
    for cid in customer_ids:
        ticker.tick()
        cards.append(customer_card(workspace, cid, today))
    ticker.finish()
    return cards


# -- inspection sheet -----------------------------------------------------------------------


def inspection_sheet(workspace: Workspace, route: str, day: str | None = None) -> InspectionSheet:
    """Every unit deployed at the route's customers, customers in route order; those without units left out.

    A route with no unit at all is refused (NotFound) rather than printed as an empty sheet.
    """
    when = parse_date("date", day) if day else date.today().isoformat()
    members = route_members(workspace, route)
    customers, assets = CustomerService(workspace), AssetService(workspace)
    stops = []
    for cid in members.customer_ids:
        rows = [r for r in assets.for_customer(cid) if r["status"] == DEPLOYED]
        if not rows:
            continue
        card = customers.get(cid)
        units = tuple(
            InspectionUnit(r["tag"], r["type"], r["brand"], r["model"], r["last_checked_on"], r["due_on"],
                           overdue=r["due_on"] is not None and r["due_on"] < when)
            for r in rows
        )
        stops.append(InspectionStop(cid, card["code"], card["name"] or "", _address(card), units))
    if not stops:
        raise NotFound(MSG_NO_UNITS, route=members.route)
    return InspectionSheet(members.route, members.territory, when, tuple(stops))


# -- daily report ------------------------------------------------------------------------------


def daily_report(workspace: Workspace, rep: str, day: str) -> DailyReportDoc:
    """The newest submitted version of ``rep``'s report for ``day``; NotFound when none was submitted."""
    when = parse_date("date", day)
    who = rep.strip()
    found = [s for s in ReportService(workspace).submissions(kind=DAILY, rep=who, since=when) if s.period == when]
    if not found:
        raise NotFound(MSG_NOT_SUBMITTED, rep=who, date=when)
    submitted = found[0]
    return report_from_content(submitted.content, submitted.rep, submitted.period, submitted.version,
                               submitted.submitted_at, submitted.remarks)


def report_from_content(
    content: Mapping[str, Any], rep: str, day: str, version: int, submitted_at: str, remarks: str | None,
) -> DailyReportDoc:
    """The submitted JSON snapshot (``DailyReport.content()``, money in yuan) as the printable model."""

    def text(row: Mapping[str, Any], key: str) -> str:
        value = row.get(key)
        return "" if value is None else str(value)

    def line(row: Mapping[str, Any], *keys: str) -> ReportLine:
        return ReportLine(row.get("customer_code"), row.get("customer_name"), row.get("code"),
                          tuple(text(row, k) for k in keys))

    def rows(key: str) -> Sequence[Mapping[str, Any]]:
        return content.get(key) or ()

    return DailyReportDoc(
        rep=rep, date=day, version=version, submitted_at=submitted_at, remarks=remarks,
        figures=ReportFigures(
            customers_visited=int(content.get("customers_visited") or 0),
            visits_done=int(content.get("visits_done") or 0),
            visits_missed=int(content.get("visits_missed") or 0),
            visits_planned=int(content.get("visits_planned") or 0),
            orders_count=int(content.get("orders_count") or 0),
            orders_amount=_fen(content.get("orders_amount")),
            collected=_fen(content.get("collected")),
        ),
        visited=tuple(
            ReportVisit(v.get("customer_code"), v.get("customer_name"), text(v, "code"), v.get("purpose"),
                        v.get("check_in"), v.get("check_out"), v.get("outcome"), v.get("next_action"),
                        v.get("next_visit_date"))
            for v in rows("visited")
        ),
        missed=tuple(line(m, "missed_reason") for m in rows("missed")),
        planned=tuple(line(p, "purpose") for p in rows("planned")),
        orders=tuple(
            ReportOrder(o.get("customer_code"), o.get("customer_name"), text(o, "code"), text(o, "status"),
                        _fen(o.get("total")), bool(o.get("credit_flag")))
            for o in rows("orders")
        ),
        collections=tuple(
            ReportCollection(p.get("customer_code"), p.get("customer_name"), text(p, "code"),
                             _fen(p.get("amount")), p.get("method"))
            for p in rows("collections")
        ),
        complaints=tuple(line(c, "complaints", "complaint_handling") for c in rows("complaints")),
        market=tuple(line(m, "competitor_products", "competitor_prices", "competitor_promotions")
                     for m in rows("market")),
        urgent=tuple(line(u, "category", "note", "reported_at") for u in rows("urgent")),
    )
