"""What each printed document shows, as plain frozen data.

The render functions take only these (and ``PrintSettings``), never a
service or a database, so a document can be laid out and tested from values
typed into a test, and the services behind ``sources`` can change without
touching layout. Money is integer fen, dates ISO text, choices their stored
codes (translated when drawn).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class CreditLine:
    """Where a customer stands on money, as the rep needs it at the door."""

    grade: str | None = None  # CreditGrade code
    limit: int | None = None  # fen; None when no limit is recorded
    balance: int = 0  # fen outstanding (negative when paid ahead)
    open_orders: int = 0  # fen placed, not yet delivered
    overdue: int = 0  # fen of debts 30 days old or more

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.balance + self.open_orders > self.limit

    @property
    def left(self) -> int | None:
        return None if self.limit is None else self.limit - self.balance - self.open_orders


@dataclass(frozen=True)
class AssetLine:
    """A unit placed at a customer (freezer, cooler, rack, signage)."""

    tag: str
    type: str  # AssetType code
    brand: str | None = None
    model: str | None = None
    placed_on: str | None = None
    agreement: str | None = None
    deposit_held: int = 0  # fen
    last_checked_on: str | None = None
    due_on: str | None = None
    inspection_due: bool = False  # on the document's date: never checked, or due by then


@dataclass(frozen=True)
class SheetStop:
    """One customer on a visit sheet, in route order."""

    sequence: int
    customer_id: str
    code: str
    name: str
    visit_code: str  # the planned visit's code, printed and in the QR code
    address: str = ""
    contacts: str = ""
    phones: str = ""
    assets: tuple[AssetLine, ...] = ()
    last_visit: str | None = None
    credit: CreditLine = CreditLine()


@dataclass(frozen=True)
class SheetHeader:
    rep: str
    route: str
    territory: str
    date: str


@dataclass(frozen=True)
class VisitSheet:
    header: SheetHeader
    stops: tuple[SheetStop, ...]


@dataclass(frozen=True)
class CardVisit:
    date: str
    code: str
    purpose: str  # VisitPurpose code
    status: str  # VisitStatus code
    rep: str | None = None
    outcome: str | None = None
    ordered: int = 0  # fen
    collected: int = 0  # fen


@dataclass(frozen=True)
class CardDebt:
    kind: str  # "order" or "invoice"
    code: str | None
    date: str
    amount: int  # fen
    open: int  # fen
    age_days: int


@dataclass(frozen=True)
class CardPayment:
    date: str
    code: str
    amount: int  # fen
    method: str | None = None  # PaymentMethod code


@dataclass(frozen=True)
class CustomerCardDoc:
    """The customer card (客户档案卡) as filed on paper, with what is at and owed by the shop."""

    customer_id: str
    code: str
    values: Mapping[str, Any]  # stored card values by CUSTOMER_FIELDS name
    as_of: str
    retired: bool = False
    assets: tuple[AssetLine, ...] = ()
    visits: tuple[CardVisit, ...] = ()  # newest first
    credit: CreditLine = CreditLine()
    debts: tuple[CardDebt, ...] = ()  # oldest first
    payments: tuple[CardPayment, ...] = ()  # newest first

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")


@dataclass(frozen=True)
class InspectionUnit:
    tag: str
    type: str  # AssetType code
    brand: str | None = None
    model: str | None = None
    last_checked_on: str | None = None
    due_on: str | None = None
    overdue: bool = False


@dataclass(frozen=True)
class InspectionStop:
    customer_id: str
    code: str
    name: str
    address: str = ""
    units: tuple[InspectionUnit, ...] = ()


@dataclass(frozen=True)
class InspectionSheet:
    route: str
    territory: str
    date: str
    stops: tuple[InspectionStop, ...]

    @property
    def unit_count(self) -> int:
        return sum(len(s.units) for s in self.stops)


@dataclass(frozen=True)
class ReportFigures:
    customers_visited: int = 0
    visits_done: int = 0
    visits_missed: int = 0
    visits_planned: int = 0
    orders_count: int = 0
    orders_amount: int = 0  # fen
    collected: int = 0  # fen


@dataclass(frozen=True)
class ReportVisit:
    customer_code: str | None
    customer_name: str | None
    code: str
    purpose: str | None = None  # VisitPurpose code
    check_in: str | None = None
    check_out: str | None = None
    outcome: str | None = None
    next_action: str | None = None
    next_visit_date: str | None = None


@dataclass(frozen=True)
class ReportLine:
    """A row of the report's smaller tables: a customer, a code and the columns that table shows."""

    customer_code: str | None
    customer_name: str | None
    code: str | None
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportOrder:
    customer_code: str | None
    customer_name: str | None
    code: str
    status: str  # OrderStatus code
    total: int  # fen
    credit_flag: bool = False


@dataclass(frozen=True)
class ReportCollection:
    customer_code: str | None
    customer_name: str | None
    code: str
    amount: int  # fen
    method: str | None = None  # PaymentMethod code


@dataclass(frozen=True)
class DailyReportDoc:
    """A rep's daily report as submitted (the version the supervisor received)."""

    rep: str
    date: str
    version: int
    submitted_at: str
    remarks: str | None = None
    figures: ReportFigures = ReportFigures()
    visited: tuple[ReportVisit, ...] = ()
    missed: tuple[ReportLine, ...] = ()  # columns: reason
    planned: tuple[ReportLine, ...] = ()  # columns: purpose code
    orders: tuple[ReportOrder, ...] = ()
    collections: tuple[ReportCollection, ...] = ()
    complaints: tuple[ReportLine, ...] = ()  # columns: complaint, handling
    market: tuple[ReportLine, ...] = ()  # columns: products, prices, promotions
    urgent: tuple[ReportLine, ...] = ()  # columns: category code, note, reported at
