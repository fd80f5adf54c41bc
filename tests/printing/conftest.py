"""Documents as data, a workspace with a route worth printing, and ways to read a PDF back."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from fieldcrm.domain.assets import AssetService
from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.receivables import ReceivablesService
from fieldcrm.domain.reports import ReportService
from fieldcrm.domain.visits import VisitService
from fieldcrm.printing import fonts
from fieldcrm.printing.model import (
    AssetLine, CardDebt, CardPayment, CardVisit, CreditLine, CustomerCardDoc, DailyReportDoc, InspectionSheet,
    InspectionStop, InspectionUnit, ReportCollection, ReportFigures, ReportLine, ReportOrder, ReportVisit,
    SheetHeader, SheetStop, VisitSheet,
)
from fieldcrm.printing.settings import PrintSettings
from fieldcrm.workspace import Workspace
from tests.cli.conftest import cli  # noqa: F401 - the CLI fixture, shared with tests/cli

COMPANY = "杭州鲜饮食品销售有限公司"
ROUTE = "西湖-周一线"
TODAY = date.today()
# A 1x1 PNG: enough for reportlab to draw a logo.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


# -- reading PDFs back --------------------------------------------------------------------


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def font_descriptors(pdf: bytes) -> list[dict[str, Any]]:
    """Every font descriptor the pages use, through their Type0 descendants."""
    found = []
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                found.append(descendant.get_object()["/FontDescriptor"].get_object())
    return found


_CMAPS: dict[str, frozenset[int]] = {}


def _cmap(path: Path) -> frozenset[int]:
    if str(path) not in _CMAPS:
        _CMAPS[str(path)] = frozenset(TTFontFile(str(path)).charToGlyph)
    return _CMAPS[str(path)]


def missing_glyphs(pdf: bytes) -> list[tuple[str, str]]:
    """(font, character) for every character drawn in a font whose file has no glyph for it.

    Read independently of the typesetter: pypdf names the font of each text
    run, and the font's own TrueType cmap says whether it can draw the character.
    """
    files = {
        "DroidSansFallback": fonts.cjk_font_path(),
        "BitstreamVeraSans-Roman": fonts.latin_font_path(),
        "BitstreamVeraSans-Bold": fonts.latin_font_path(bold=True),
    }
    missing: list[tuple[str, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not font or not text.strip():
            return
        base = str(font["/BaseFont"]).split("+", 1)[-1]
        cmap = _cmap(files[base])
        missing.extend((base, c) for c in text if not c.isspace() and ord(c) not in cmap)

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return missing


# -- documents as data ----------------------------------------------------------------------


def make_stop(number: int) -> SheetStop:
    return SheetStop(
        sequence=number, customer_id=f"id{number}", code=f"C-TEST{number:03d}", name=f"联华超市（文三路{number}号店）",
        visit_code=f"V-TEST{number:03d}", address="杭州市 西湖区 文三路 478 号华星时代广场", contacts="王老板（店主）",
        phones="0571-88886666", assets=(AssetLine(f"FZ-{number:03d}", "freezer", inspection_due=number % 2 == 0),),
        last_visit="2026-11-02" if number % 3 else None,
        credit=CreditLine("AA", 500_000, 612_345, 0, 30_000),
    )


@pytest.fixture
def settings() -> PrintSettings:
    return PrintSettings(company_name=COMPANY)


@pytest.fixture
def sheet() -> VisitSheet:
    return VisitSheet(SheetHeader("李雷", ROUTE, "西湖区", "2026-11-23"), tuple(make_stop(n) for n in range(1, 8)))


def make_card(number: int, notes: str = "") -> CustomerCardDoc:
    values = {
        "name": f"物美便利店（{number}号）", "city": "杭州市", "district": "西湖区", "street": "文三路 100 号",
        "phones": "13800001111", "owner_name": "张伟", "owner_hobbies": "喜欢钓鱼和乒乓球，周末常去千岛湖。",
        "channel": "retail", "grade": "key", "credit_grade": "AA", "credit_limit": 1_000_000, "notes": notes,
    }
    return CustomerCardDoc(
        f"id{number}", f"C-CARD{number:02d}", values, "2026-11-22",
        assets=(AssetLine("FZ-100", "freezer", "海尔", "SC-316", "2025-03-01", "AG-7", 50_000, "2026-10-01",
                          "2026-10-31"),),
        visits=(CardVisit("2026-11-02", "V-AAA01", "routine", "done", "李雷", "补货两箱", 12_000, 5_000),),
        credit=CreditLine("AA", 1_000_000, 80_000, 0, 20_000),
        debts=(CardDebt("invoice", "I-AAA01", "2026-09-01", 100_000, 80_000, 82),),
        payments=(CardPayment("2026-10-05", "P-AAA01", 20_000, "wechat"),),
    )


@pytest.fixture
def inspection() -> InspectionSheet:
    stops = tuple(
        InspectionStop(f"id{n}", f"C-INSP{n}", f"华联超市{n}号店", "杭州市 西湖区 天目山路 1 号",
                       (InspectionUnit(f"FZ-{n}01", "freezer", "海尔", "SC-316", "2026-09-01", "2026-10-01", True),
                        InspectionUnit(f"RK-{n}02", "display_rack")))
        for n in range(1, 4)
    )
    return InspectionSheet(ROUTE, "西湖区", "2026-11-23", stops)


@pytest.fixture
def report() -> DailyReportDoc:
    return DailyReportDoc(
        rep="李雷", date="2026-11-21", version=2, submitted_at="2026-11-21T18:30:00", remarks="天气不好，下午拜访推迟。",
        figures=ReportFigures(3, 3, 1, 0, 2, 256_000, 50_000),
        visited=(ReportVisit("C-AAA1", "联华超市", "V-AAA1", "routine", "09:00", "09:30", "下单", "补货", "2026-11-28"),),
        missed=(ReportLine("C-AAA2", "好又多", "V-AAA2", ("店门关闭",)),),
        orders=(ReportOrder("C-AAA1", "联华超市", "O-AAA1", "placed", 256_000, True),),
        collections=(ReportCollection("C-AAA1", "联华超市", "P-AAA1", 50_000, "cash"),),
        complaints=(ReportLine("C-AAA1", "联华超市", "V-AAA1", ("冰柜噪音大", "已报修")),),
        urgent=(ReportLine("C-AAA3", "华润万家", "U-AAA1", ("credit_risk", "老板准备转让店铺", "2026-11-21T15:00:00")),),
    )


# -- a workspace with a route to print ------------------------------------------------------


@dataclass(frozen=True)
class Populated:
    workspace: Workspace
    customer_ids: tuple[str, ...]  # on ROUTE, in code order
    rep: str


@pytest.fixture
def populated(supervisor_workspace: Workspace) -> Populated:
    """A supervisor's workspace: three customers on ROUTE (one with a freezer, visits and debts), one elsewhere."""
    ws = supervisor_workspace
    customers = CustomerService(ws)
    ids = []
    for number, name in enumerate(("联华超市（文三路店）", "物美便利店", "好又多"), start=1):
        card = customers.create({
            "name": name, "city": "杭州市", "district": "西湖区", "street": f"文三路 {number} 号", "route": ROUTE,
            "territory": "西湖区", "rep": "李雷", "phones": "0571-8888000" + str(number), "credit_grade": "AA",
            "credit_limit": "1000",
        })
        ids.append(card["id"])
    customers.create({"name": "别的线路", "route": "拱墅-周二线", "territory": "拱墅区"})
    received = AssetService(ws, today=lambda: TODAY - timedelta(days=90))
    received.add({"tag": "FZ-001", "type": "freezer", "brand": "海尔"})
    received.add({"tag": "FZ-002", "type": "cooler"})
    assets = AssetService(ws)
    assets.deploy("FZ-001", ids[0], agreement="AG-1", deposit="500", date=day(-60))
    assets.deploy("FZ-002", ids[0], date=day(-60))
    assets.inspect("FZ-001", {"date": day(-40), "clean": "yes", "display_ok": "yes", "share_percent": "80",
                              "condition": "working"})
    VisitService(ws).log(ids[0], {"visit_date": day(-7), "rep": "李雷", "outcome": "补货"})
    money = ReceivablesService(ws)
    money.invoice(ids[0], "1200", invoice_date=day(-45))
    money.payment(ids[0], "200", paid_on=day(-10), method="cash")
    ordered = sorted(ids, key=lambda cid: customers.get(cid)["code"])
    return Populated(ws, tuple(ordered), "李雷")


@pytest.fixture
def submitted(populated: Populated) -> Populated:
    """…and 李雷's daily report for the day of the visit, submitted."""
    ReportService(populated.workspace).submit_daily("李雷", day(-7), remarks="雨天")
    return populated


# -- routes that run on weekdays, for the day's batch -------------------------------------------


def next_weekday(number: int) -> str:
    """The first day from tomorrow on that is weekday ``number`` (Monday 0), as ISO text."""
    ahead = (number - TODAY.weekday() - 1) % 7 + 1
    return day(ahead)


MONDAY_ROUTE_2 = "拱墅-周一线"
TUESDAY_ROUTE = "滨江-周二线"


@dataclass(frozen=True)
class Routed:
    workspace: Workspace
    monday: str  # a coming Monday
    route_ids: dict[str, str]  # by name
    others: tuple[str, ...]  # the customers of MONDAY_ROUTE_2, in stop order


@pytest.fixture
def routed(populated: Populated) -> Routed:
    """…and three routes: ROUTE (李雷, Mondays, its three customers), MONDAY_ROUTE_2 (王芳, Mondays and
    Thursdays, two customers) and TUESDAY_ROUTE (王芳, Tuesdays, one customer); plus an empty Monday route."""
    from fieldcrm.domain.routes import RouteService

    ws = populated.workspace
    customers, routes = CustomerService(ws), RouteService(ws)
    others = tuple(customers.create({"name": f"拱墅便利店{n}号", "territory": "拱墅区", "rep": "王芳"})["id"]
                   for n in range(1, 4))
    ids = {}
    for name, days, rep, members in (
        (ROUTE, "mon", "李雷", populated.customer_ids), (MONDAY_ROUTE_2, "mon,thu", "王芳", others[:2]),
        (TUESDAY_ROUTE, "tue", "王芳", others[2:]), ("空的周一线", "mon", "李雷", ()),
    ):
        ids[name] = routes.create(name, days=days, rep=rep).id
        if members:
            routes.assign(ids[name], members)
    return Routed(ws, next_weekday(0), ids, others[:2])
