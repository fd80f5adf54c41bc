"""A lived-in history for a demo workspace: catalogue, visits, orders, money and reports.

It works on the customers already in the workspace and writes everything
through the services (with their clock set to the simulated moment), so the
history passes the same validation, gets the same codes and is captured for
sync exactly like data a rep typed. Content is the same for the same seed and
customers; ids and codes are real ones.

Customers pay in one of three ways, which is what gives receivables of every
age: most pay what was delivered at the next visit, some pay part of it, and
a few stop paying partway through. Some have an opening balance invoice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Callable, Sequence

from ulid import ULID

from fieldcrm.domain.catalogue import CatalogueService, Product
from fieldcrm.domain.orders import OrderService
from fieldcrm.domain.planning import UNGRADED_AS, PlanningService
from fieldcrm.domain.receivables import ReceivablesService
from fieldcrm.domain.reports import ReportService
from fieldcrm.domain.visits import VisitService
from fieldcrm.storage import planning as planning_store
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.visits import insert_row
from fieldcrm.workspace import Workspace

# The demo's fixed "today" (fieldcrm.demo.DEMO_TODAY), so a seed always gives the same history.
HISTORY_TODAY = date(2026, 9, 30)
Progress = Callable[[int, int], None]

# SKU, name, category, unit, price in yuan. BEV-012 is withdrawn (kept for old orders).
CATALOGUE: tuple[tuple[str, str, str, str, str], ...] = (
    ("BEV-001", "康师傅冰红茶 500ml×15瓶", "饮料", "箱", "36.00"),
    ("BEV-002", "康师傅绿茶 500ml×15瓶", "饮料", "箱", "36.00"),
    ("BEV-003", "康师傅茉莉清茶 500ml×15瓶", "饮料", "箱", "37.50"),
    ("BEV-004", "康师傅包装饮用水 550ml×24瓶", "饮料", "箱", "24.00"),
    ("BEV-005", "百事可乐 330ml×24罐", "饮料", "箱", "52.80"),
    ("BEV-006", "美年达橙味 500ml×24瓶", "饮料", "箱", "60.00"),
    ("BEV-007", "七喜柠檬味 500ml×24瓶", "饮料", "箱", "60.00"),
    ("BEV-008", "佳得乐 600ml×15瓶", "饮料", "箱", "67.50"),
    ("BEV-009", "康师傅酸梅汤 1L×12瓶", "饮料", "箱", "48.00"),
    ("BEV-010", "立顿柠檬茶 450ml×15瓶", "饮料", "箱", "45.00"),
    ("BEV-011", "百事可乐 2L×6瓶", "饮料", "箱", "39.00"),
    ("BEV-012", "夏季限定 蜜桃乌龙 500ml×15瓶", "饮料", "箱", "42.00"),
    ("ICE-001", "伊利巧乐兹 经典巧克力", "冰淇淋", "支", "3.60"),
    ("ICE-002", "伊利巧乐兹 经典巧克力 40支", "冰淇淋", "箱", "138.00"),
    ("ICE-003", "伊利冰工厂 酸梅味", "冰淇淋", "支", "1.50"),
    ("ICE-004", "伊利冰工厂 酸梅味 40支", "冰淇淋", "箱", "56.00"),
    ("ICE-005", "伊利须尽欢 生牛乳冰淇淋", "冰淇淋", "支", "7.20"),
    ("ICE-006", "伊利牧场 绿豆冰", "冰淇淋", "支", "2.00"),
    ("ICE-007", "伊利伊然 冰淇淋杯 草莓味", "冰淇淋", "支", "4.50"),
    ("ICE-008", "伊利甄稀 香草冰淇淋杯", "冰淇淋", "支", "6.80"),
    ("SNK-001", "乐事薯片 原味 70g×22袋", "零食", "件", "105.60"),
    ("SNK-002", "乐事薯片 黄瓜味 70g×22袋", "零食", "件", "105.60"),
    ("SNK-003", "奇多 粟米棒 90g×20袋", "零食", "件", "96.00"),
    ("SNK-004", "康师傅3+2夹心饼干 125g×24包", "零食", "件", "86.40"),
    ("SNK-005", "康师傅妙芙欧式蛋糕 48g×30个", "零食", "件", "75.00"),
    ("SNK-006", "徐福记沙琪玛 470g×12袋", "零食", "件", "138.00"),
    ("SNK-007", "桂格即食燕麦片 1000g×6罐", "零食", "件", "150.00"),
)
WITHDRAWN = frozenset({"BEV-012"})
QUANTITY = {"箱": (1, 12), "件": (1, 5), "支": (10, 80)}

COMPETITOR_PRODUCTS = (
    "统一冰红茶、统一绿茶", "可口可乐 330ml 罐装", "元气森林气泡水 全系列", "农夫山泉 东方树叶",
    "和路雪可爱多", "雀巢笨NANA", "钟薛高 小块", "蒙牛随变", "旺旺雪饼大礼包", "好丽友派",
)
COMPETITOR_PRICES = (
    "统一冰红茶 进货 33 元/箱（我司 36）", "可口可乐 330ml×24 进货 50 元/箱", "元气森林 480ml×15 进货 58 元/箱",
    "和路雪可爱多 批发 3.3 元/支", "雀巢笨NANA 批发 3.2 元/支", "蒙牛随变 批发 2.8 元/支", "好丽友派 进货 14.5 元/盒",
)
COMPETITOR_PROMOTIONS = (
    "统一 进十箱送一箱", "可口可乐 冰柜陈列费 每月 200 元", "元气森林 免费投放冰柜，要求排他",
    "和路雪 进货满 500 元返 50 元", "旺旺 节日堆头免费物料", "蒙牛 买二送一 到本月底",
)
COMPLAINTS = (
    ("上次送货晚了两天", "已联系配送中心，下次优先安排"),
    ("冰柜制冷不好，冰淇淋有点软", "已报修，师傅明天上门"),
    ("临期产品偏多", "按规定办理临期品退换"),
    ("冰红茶价格比统一高，不好卖", "申请陈列补贴，推荐搭赠活动"),
    ("促销海报一直没送到", "物料已补发"),
    ("有两箱外包装破损", "已登记换货，下次送货带来"),
    ("业务员来的时间不固定", "改为每周二上午固定拜访"),
)
OUTCOMES = (
    "正常补货", "检查陈列，整理货架", "推荐新品，老板同意试销", "老板不在，与店员核对库存", "签订夏季促销协议",
    "检查冰柜运行正常", "核对上月对账单", "收回部分欠款", "调整端架陈列位置", "宣传本月搭赠活动",
)
NEXT_ACTIONS = ("下次带新品样品", "跟进欠款", "送促销海报", "确认冰柜维修结果", "洽谈年度协议", "检查临期品")
MISSED_REASONS = ("店铺关门", "老板不在，店员不做主", "道路施工无法到达", "大雨改期", "临时处理其他客户投诉")
URGENT_NOTES = {
    "customer_closing": "店铺要转让，老板说月底关门，还欠货款",
    "big_complaint": "整批冰淇淋化了，老板要求全部退货",
    "competitor_move": "元气森林进店铺冰柜，要求撤掉我司陈列",
    "credit_risk": "老板最近资金紧张，两次收款都推托",
}
STANDALONE_URGENT = (
    ("competitor_move", "统一在全区冰红茶降价 10%，多家店已经跟进"),
    ("competitor_move", "可口可乐本周起给终端送冰柜，签一年排他"),
    ("credit_risk", "听说某批发商资金链紧张，下游小店可能受影响"),
)
OVER_LIMIT_REASONS = ("节前备货，老板承诺月底结清", "老客户，历史回款良好", "大型促销活动需要备货")
PURPOSES = (("routine", 60), ("delivery", 8), ("collection", 10), ("promotion", 8), ("asset_service", 5),
            ("complaint", 4))
METHODS = (("cash", 5), ("wechat", 4), ("alipay", 2), ("transfer", 2))


class _Clock:
    """The simulated moment the services stamp records with."""

    def __init__(self) -> None:
        self.value = datetime(2000, 1, 1)

    def __call__(self) -> datetime:
        return self.value


@dataclass
class _Account:
    """What the simulation tracks per customer to decide collections."""

    payer: str  # "prompt", "slow" or "defaulter"
    stops_paying: date | None
    delivered: list[tuple[date, int]]  # (delivered or invoiced on, fen)
    paid: int = 0

    def payable(self, day: date) -> int:
        return sum(amount for on, amount in self.delivered if on < day) - self.paid


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _workday(day: date) -> date:
    return day + timedelta(days=1) if day.weekday() == 6 else day


def _yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"


class _History:
    def __init__(self, workspace: Workspace, rng: random.Random, start: date, end: date) -> None:
        self.workspace, self.rng, self.start, self.end = workspace, rng, start, end
        self.clock = _Clock()
        self.visits = VisitService(workspace, self.clock)
        self.orders = OrderService(workspace, self.clock)
        self.money = ReceivablesService(workspace, self.clock)
        self.reports = ReportService(workspace, self.clock)
        self.frequencies = PlanningService(workspace, self.clock).frequencies()
        self.supervisor = workspace.require_identity().is_supervisor
        self.products: list[Product] = []
        self.worked: set[tuple[str, str]] = set()  # (rep, day) with visits, for the daily reports

    def at(self, day: date, hour: int = 9, minute: int = 0) -> None:
        self.clock.value = datetime.combine(day, time(hour, minute))

    def catalogue(self) -> None:
        """Add missing SKUs: by the service on a supervisor's laptop, as synced in on a rep's."""
        service = CatalogueService(self.workspace)
        existing = {p.code for p in service.list(active_only=False)}
        for sku, name, category, unit, price in CATALOGUE:
            if sku in existing:
                continue
            fields = {"code": sku, "name": name, "category": category, "unit": unit, "price": price,
                      "active": "0" if sku in WITHDRAWN else "1"}
            if self.supervisor:
                service.add(fields)
            else:
                self._received_product(fields)
        self.products = [p for p in service.list() if p.code not in WITHDRAWN]

    def _received_product(self, fields: dict[str, str]) -> None:
        """A rep laptop gets the catalogue from the supervisor by sync: written with capture off."""
        db = self.workspace.db
        db.execute("UPDATE capture_mode SET applying = 1")
        try:
            insert_row(db, "products", {
                "id": str(ULID()), "deleted": 0, **fields, "code": fields["code"],
                "price": int(round(float(fields["price"]) * 100)), "active": int(fields["active"]),
            })
        finally:
            db.execute("UPDATE capture_mode SET applying = 0")

    def customer(self, card: dict[str, Any]) -> None:
        rng = self.rng
        frequency = self.frequencies.get(card["grade"] or UNGRADED_AS, self.frequencies[UNGRADED_AS])
        payer = _pick(rng, (("prompt", 70), ("slow", 22), ("defaulter", 8)))
        stops = self.start + timedelta(days=rng.randrange(max(1, (self.end - self.start).days // 2)))
        account = _Account(payer, stops if payer == "defaulter" else None, [])
        if card["lifecycle"] != "prospect" and rng.random() < 0.2:
            opened = self.start - timedelta(days=rng.randrange(5, 60))
            self.at(opened)
            invoice = self.money.invoice(card["id"], f"{rng.randrange(5, 150) * 100}", invoice_date=opened.isoformat(),
                                         reference="期初余额", note="上线前未结货款")
            account.delivered.append((opened, invoice.amount))
        last_day = self.end if card["lifecycle"] != "lost" else self.start + (self.end - self.start) / 3
        day = _workday(self.start + timedelta(days=rng.randrange(frequency)))
        last_visit = None
        while day <= last_day:
            self._visit(card, day, frequency, account)
            last_visit = day
            day = _workday(day + timedelta(days=max(1, frequency + rng.randint(-2, 2))))
        if last_visit and card["lifecycle"] != "lost" and rng.random() < 0.3:
            due = _workday(max(self.end + timedelta(days=1), last_visit + timedelta(days=frequency)))
            if due <= self.end + timedelta(days=7):
                self.at(self.end, 17, 30)
                self.visits.plan(card["id"], due.isoformat(), rep=self._rep(card))

    def _rep(self, card: dict[str, Any]) -> str | None:
        return card["rep"] if self.supervisor else None

    def _visit(self, card: dict[str, Any], day: date, frequency: int, account: _Account) -> None:
        rng = self.rng
        hour, minute = rng.randint(8, 16), rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
        self.at(day, hour, minute)
        fields: dict[str, Any] = {"visit_date": day.isoformat()}
        if self._rep(card):
            fields["rep"] = self._rep(card)
        if rng.random() < 0.07:
            fields.update(status="missed", missed_reason=rng.choice(MISSED_REASONS))
            self.visits.log(card["id"], fields)
            return
        leave = datetime.combine(day, time(hour, minute)) + timedelta(minutes=rng.randint(10, 50))
        purpose = "development" if card["lifecycle"] == "prospect" else _pick(rng, PURPOSES)
        fields.update(
            check_in=f"{hour:02d}:{minute:02d}", check_out=leave.strftime("%H:%M"), purpose=purpose,
            outcome=rng.choice(OUTCOMES), next_visit_date=(day + timedelta(days=frequency)).isoformat(),
        )
        if rng.random() < 0.4:
            fields["next_action"] = rng.choice(NEXT_ACTIONS)
        if rng.random() < 0.25:
            fields.update(competitor_products=rng.choice(COMPETITOR_PRODUCTS),
                          competitor_prices=rng.choice(COMPETITOR_PRICES))
            if rng.random() < 0.5:
                fields["competitor_promotions"] = rng.choice(COMPETITOR_PROMOTIONS)
        if rng.random() < 0.12:
            fields["complaints"], fields["complaint_handling"] = rng.choice(COMPLAINTS)
        behind = account.stops_paying is not None and day > account.stops_paying
        if rng.random() < (0.2 if behind else 0.015):
            category = "credit_risk" if behind else rng.choice(sorted(URGENT_NOTES))
            fields.update(urgent_category=category, urgent_note=URGENT_NOTES[category])
        visit = self.visits.log(card["id"], fields)
        self.worked.add((visit["rep"], day.isoformat()))
        self._collect(card, visit, day, account)
        if rng.random() < (0.3 if card["lifecycle"] == "prospect" else 0.65):
            self._order(card, visit, day, account)

    def _collect(self, card: dict[str, Any], visit: dict[str, Any], day: date, account: _Account) -> None:
        rng = self.rng
        payable = account.payable(day)
        if payable <= 0 or (account.stops_paying is not None and day > account.stops_paying):
            return
        if account.payer == "slow":
            if rng.random() > 0.6:
                return
            payable = max(100, payable * rng.randint(4, 7) // 10 // 100 * 100)
        elif rng.random() > 0.9:
            return
        self.money.payment(card["id"], _yuan(payable), visit_id=visit["id"], method=_pick(rng, METHODS))
        account.paid += payable

    def _order(self, card: dict[str, Any], visit: dict[str, Any], day: date, account: _Account) -> None:
        rng = self.rng
        summer = day.month in (6, 7, 8, 9)
        weights = [3 if (p.category == "冰淇淋") == summer else 1 for p in self.products]
        chosen: list[Product] = []
        while len(chosen) < rng.randint(1, 4):
            product = rng.choices(self.products, weights=weights)[0]
            if product not in chosen:
                chosen.append(product)
        scale = 2 if card["grade"] == "key" else 1
        lines: list[tuple[str, int, str | None, str | None]] = []
        for product in chosen:
            low, high = QUANTITY.get(product.unit or "箱", (1, 10))
            quantity = rng.randint(low, high) * scale
            if product.unit == "支":
                quantity = max(10, quantity // 10 * 10)
            price = _yuan(product.price * 98 // 100) if rng.random() < 0.05 else None
            discount = None
            if rng.random() < 0.15:  # 2-6 % off the line, in whole yuan
                discount = _yuan(quantity * product.price * rng.randint(2, 6) // 100 // 100 * 100)
            lines.append((product.code, quantity, price, discount))
        reason = None
        if self.orders.quote(card["id"], lines).warning is not None:
            if rng.random() > 0.4:
                return  # the rep did not take an order over the limit
            reason = rng.choice(OVER_LIMIT_REASONS)
        order = self.orders.add(card["id"], lines, visit_id=visit["id"], reason=reason)
        if rng.random() < 0.03:
            self.orders.set_status(order.id, "cancelled")
            return
        delivered = day + timedelta(days=rng.randint(1, 2))
        if delivered <= self.end:
            self.orders.set_status(order.id, "delivered", delivered_on=delivered.isoformat())
            account.delivered.append((delivered, order.total))

    def standalone_urgent(self, customers: list[dict[str, Any]]) -> None:
        for number, (category, note) in enumerate(STANDALONE_URGENT):
            day = self.end - timedelta(days=self.rng.randrange(2, 40))
            self.at(day, 18, number)
            about = self.rng.choice(customers)["id"] if customers and number == 2 else None
            self.reports.flag_urgent(category, note, customer_id=about)

    def submit_reports(self) -> None:
        """Daily reports for past days (a few left unsubmitted), monthly ones for finished months."""
        rng = self.rng
        for rep, day in sorted(self.worked):
            if day >= self.end.isoformat() or rng.random() < 0.05:
                continue
            self.at(date.fromisoformat(day), 19, 0)
            submitted = self.reports.submit_daily(rep, day, remarks="天气热，冰品走量大" if rng.random() < 0.1 else None)
            if rng.random() < 0.03:  # a correction the next morning, then a second version
                self.at(date.fromisoformat(day) + timedelta(days=1), 8, 30)
                visit = next(iter(self.visits.list(rep=rep, date=day, limit=1)), None)
                if visit is not None and visit["status"] == "done":
                    self.visits.update(visit["id"], {"outcome": "补录：老板追加一箱，下次送货带上"})
                    self.reports.submit_daily(rep, day, remarks=submitted.remarks)
        months = sorted({(rep, day[:7]) for rep, day in self.worked})
        for rep, month in months:
            if month < self.end.isoformat()[:7]:
                self.at(self.end.replace(day=1), 10, 0)
                self.reports.submit_monthly(rep, month)

    def supervise(self) -> None:
        """On a supervisor's laptop, older urgent reports and over-limit orders have been looked at."""
        if not self.supervisor:
            return
        self.at(self.end, 8, 0)
        week_ago = (self.end - timedelta(days=7)).isoformat()
        for report in self.reports.urgent(include_acknowledged=False, limit=100_000):
            if report.reported_at < week_ago:
                self.reports.acknowledge(report.id)
        for order in self.orders.flagged(limit=100_000):
            if order.order_date < week_ago:
                self.orders.review(order.id)


def build_history(
    workspace: Workspace, *, months: int = 6, seed: int = 1, progress: Progress | None = None,
    today: date = HISTORY_TODAY,
) -> None:
    """Give the workspace's customers ``months`` of history ending ``today``.

    Needs an owner (a supervisor's workspace gets visits by each card's rep; a
    rep's only their own). ``progress(done, total)`` is called after each
    customer and once more when reports are submitted. All in one
    transaction: a failure leaves the workspace as it was.
    """
    rng = random.Random(f"fieldcrm-demo:{seed}:history")
    history = _History(workspace, rng, today - timedelta(days=30 * months), today)
    customers = planning_store.customers_in_entry_order(workspace.db)
    with write_transaction(workspace.db):
        history.catalogue()
        for done, card in enumerate(customers, start=1):
            history.customer(card)
            if progress is not None:
                progress(done, len(customers) + 1)
        history.standalone_urgent(customers)
        history.submit_reports()
        history.supervise()
    if progress is not None:
        progress(len(customers) + 1, len(customers) + 1)
