"""Demo freezers and coolers (冰柜, 展示柜) in the demo shops, with years of history.

``build_assets`` places units in a realistic share of the shops already in the
workspace (most key accounts, fewer small shops), keeps some stock in the
warehouses and writes each unit's life: received, deployed with an agreement
and deposit, inspected about monthly, now and then repaired, moved,
retrieved or written off. Every step goes through the lifecycle rules of
``domain.asset_rules``, so demo data obeys the same rules as real data, and
through the capture triggers, so it syncs like any other record.

Content (types, brands, places, dates, events) is the same for the same seed
and the same customers; ids and tags are real ones (tags carry the site tag,
like customer codes), so two demo workspaces never clash in sync. A few units
are left faulty, unclean, low on share or overdue, so the supervisors' lists
have something to show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable

from ulid import ULID

from fieldcrm.domain import asset_rules as rules
from fieldcrm.domain import asset_settings
from fieldcrm.domain.asset_fields import AssetStatus, AssetType, EventKind, WriteOffReason
from fieldcrm.domain.asset_rules import AssetState, Place, Transition
from fieldcrm.storage import assets as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock
from fieldcrm.workspace import Workspace

Progress = Callable[[int, int], None]

# The demo's fixed "today" (fieldcrm.demo.DEMO_TODAY), spelled out rather than
# imported so the demo orchestrator can import this module at its top.
DEMO_TODAY = date(2026, 9, 30)
BATCH_SIZE = 50
SECOND_WAREHOUSE = "城西仓"


@dataclass(frozen=True)
class Model:
    type: AssetType
    brand: str
    model: str
    litres: int | None
    cost_yuan: tuple[int, int]
    serial_prefix: str


CATALOGUE: tuple[tuple[Model, int], ...] = (  # (model, weight)
    (Model(AssetType.FREEZER, "海尔", "BC/BD-318HD", 318, (1900, 2300), "HR"), 8),
    (Model(AssetType.FREEZER, "海尔", "BC/BD-429HK", 429, (2400, 2900), "HR"), 5),
    (Model(AssetType.FREEZER, "澳柯玛", "BC/BD-301HNE", 301, (1700, 2100), "AK"), 7),
    (Model(AssetType.FREEZER, "澳柯玛", "BC/BD-526HNE", 526, (2800, 3400), "AK"), 3),
    (Model(AssetType.FREEZER, "星星", "BD/BC-328E", 328, (1800, 2200), "XX"), 6),
    (Model(AssetType.FREEZER, "星星", "BD/BC-486E", 486, (2500, 3000), "XX"), 3),
    (Model(AssetType.COOLER, "海尔", "SC-318", 318, (2600, 3200), "HR"), 5),
    (Model(AssetType.COOLER, "澳柯玛", "SC-360", 360, (2700, 3300), "AK"), 4),
    (Model(AssetType.COOLER, "星星", "LSC-316C", 316, (2400, 2900), "XX"), 5),
    (Model(AssetType.COOLER, "星星", "LSC-520WF", 520, (4200, 5200), "XX"), 2),
    (Model(AssetType.DISPLAY_RACK, "金源", "三层端架 JY-120", None, (380, 520), "JY"), 2),
)
TAG_PREFIX = {
    AssetType.FREEZER: "BG", AssetType.COOLER: "ZS", AssetType.DISPLAY_RACK: "HJ",
    AssetType.SIGNAGE: "ZP", AssetType.OTHER: "QT",
}
# Chance that a shop of this grade has one of our units, and a second one.
PLACEMENT_CHANCE = {"key": (0.85, 0.4), "general": (0.45, 0.08), "scattered": (0.18, 0.0), None: (0.3, 0.0)}
DEPOSITS_YUAN = (0, 300, 500, 500, 800, 1000)
REPAIR_NOTES = ("不制冷", "温控器故障", "门封条老化", "灯管不亮")


@dataclass(frozen=True)
class Shop:
    id: str
    code: str
    rep: str | None


@dataclass
class _Unit:
    """One unit being written: its register row, the rules' view of it and the events so far."""

    row: dict[str, Any]
    state: AssetState
    events: list[dict[str, Any]]
    day: date


def _shops(workspace: Workspace, rng: random.Random) -> list[Shop]:
    """The shops that get a unit, some twice, in the workspace's own (insertion) order."""
    rows = workspace.db.execute(
        "SELECT id, code, rep, grade, lifecycle FROM customers WHERE deleted = 0 ORDER BY rowid"
    ).fetchall()
    chosen: list[Shop] = []
    for customer_id, code, rep, grade, lifecycle in rows:
        if lifecycle in ("prospect", "lost"):
            continue
        first, second = PLACEMENT_CHANCE.get(grade, PLACEMENT_CHANCE[None])
        if rng.random() < first:
            chosen.append(Shop(customer_id, code or customer_id, rep))
            if rng.random() < second:
                chosen.append(Shop(customer_id, code or customer_id, rep))
    return chosen


class _Writer:
    """Turns one unit's simulated life into register and event rows."""

    def __init__(self, workspace: Workspace, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.owner = workspace.require_identity()
        settings = asset_settings.load(workspace.db)
        self.interval = settings.inspection_interval_days
        self.home = Place.warehouse(settings.default_warehouse)
        self.agreements = 0

    def new_unit(self, sequence: int) -> _Unit:
        model = self.rng.choices([m for m, _ in CATALOGUE], weights=[w for _, w in CATALOGUE])[0]
        bought = self.today - timedelta(days=self.rng.randint(70, 1100))
        tag = f"{TAG_PREFIX[model.type]}-{self.owner.site_tag}{sequence:05d}"
        warehouse = self.home if self.rng.random() < 0.8 else Place.warehouse(SECOND_WAREHOUSE)
        row = {
            "id": str(ULID()), "deleted": 0, "tag": tag,
            "serial_number": f"{model.serial_prefix}{bought:%y%m}{self.rng.randint(100000, 999999)}",
            "type": model.type.value, "brand": model.brand, "model": model.model, "capacity_litres": model.litres,
            "purchase_date": bought.isoformat(), "purchase_cost": self.rng.randint(*model.cost_yuan) * 100,
            "status": AssetStatus.IN_STOCK.value, "location": warehouse.code, "notes": None,
        }
        unit = _Unit(row, AssetState(tag, AssetStatus.IN_STOCK, None), [], bought)  # nowhere until received
        self._event(unit, EventKind.ADD, Transition(AssetStatus.IN_STOCK, warehouse), self.rng.randint(2, 10), None)
        return unit

    def _event(
        self, unit: _Unit, kind: EventKind, transition: Transition, days_later: int, by: str | None, **fields: Any
    ) -> None:
        unit.day = min(unit.day + timedelta(days=days_later), self.today)
        rules.check_date(unit.state, unit.day.isoformat(), self.today)
        unit.events.append({
            "id": str(ULID()), "deleted": 0, "asset_id": unit.row["id"], "kind": kind.value,
            "on_date": unit.day.isoformat(), "by_user": by or self.owner.user_name, "site": self.owner.site_id,
            "from_location": unit.state.place.code if unit.state.place else None,
            "to_location": transition.place.code if transition.place else None,
            "status": transition.status.value, **{k: v for k, v in fields.items() if v is not None},
        })
        unit.state = AssetState(unit.state.tag, transition.status, transition.place, unit.day.isoformat())

    def _days_left(self, unit: _Unit) -> int:
        return (self.today - unit.day).days

    def place(self, unit: _Unit, shop: Shop, others: list[Shop]) -> None:
        """Deploy, then inspect monthly until today, with the odd repair, move, lapse or end."""
        self._deploy(unit, shop, rules.deploy, EventKind.DEPLOY, self.rng.randint(3, 30))
        lapse = self.rng.random() < 0.1  # the rep stops visiting: this unit ends up overdue
        ending = self.rng.choices(("stays", "retrieved", "written_off", "awaiting_repair"), weights=(87, 7, 3, 3))[0]
        while self._days_left(unit) > self.interval + 8:
            if lapse and self._days_left(unit) < self.rng.randint(40, 120):
                break
            roll = self.rng.random()
            if roll < 0.015 and others:
                shop = self.rng.choice(others)
                self._deploy(unit, shop, rules.move, EventKind.MOVE, self.rng.randint(5, 40))
            elif roll < 0.04:
                self._repair(unit, shop)
            else:
                self._inspect(unit, shop, self.interval + self.rng.randint(-8, 8), final=False)
        if ending == "retrieved":
            days = max(0, self._days_left(unit) - self.rng.randint(0, 20))
            self._event(unit, EventKind.RETRIEVE, rules.retrieve(unit.state, self.home), days, shop.rep,
                        refund=self._held_deposit(unit))
        elif ending == "written_off":
            reason = self.rng.choice((WriteOffReason.LOST, WriteOffReason.DAMAGED))
            notes = "店铺关闭，冰柜下落不明" if reason is WriteOffReason.LOST else "压缩机烧毁，无修复价值"
            self._event(unit, EventKind.WRITE_OFF, rules.write_off(unit.state, reason), self.rng.randint(1, 20), None,
                        reason=reason.value, notes=notes)
        elif ending == "awaiting_repair":
            self._event(unit, EventKind.REPAIR_REQUEST, rules.repair_request(unit.state), self.rng.randint(1, 20),
                        shop.rep, notes=self.rng.choice(REPAIR_NOTES))
        elif not lapse and self._days_left(unit) > 0:
            self._inspect(unit, shop, self.rng.randint(0, self._days_left(unit)), final=True)

    def _deploy(self, unit: _Unit, shop: Shop, rule: Callable[[AssetState, Place], Transition],
                kind: EventKind, days_later: int) -> None:
        self.agreements += 1
        refund = self._held_deposit(unit) if kind is EventKind.MOVE else None
        deposit = self.rng.choice(DEPOSITS_YUAN) * 100
        self._event(
            unit, kind, rule(unit.state, Place.customer(shop.id, shop.code)), days_later, shop.rep,
            agreement=f"TF-{(unit.day + timedelta(days=days_later)).year}-{self.agreements:04d}",
            deposit=deposit or None, refund=refund,
        )

    def _held_deposit(self, unit: _Unit) -> int | None:
        here = unit.state.place.code if unit.state.place else None
        placements = [e for e in unit.events if e["kind"] in ("deploy", "move") and e["to_location"] == here]
        return placements[-1].get("deposit") if placements else None

    def _inspect(self, unit: _Unit, shop: Shop, days_later: int, *, final: bool) -> None:
        """Mostly fine; the latest inspection is where the faults and low shares show."""
        bad = 0.035 if final else 0.015
        self._event(
            unit, EventKind.INSPECT, rules.inspect(unit.state), days_later, shop.rep,
            clean="no" if self.rng.random() < bad else "yes",
            display_ok="no" if self.rng.random() < bad else "yes",
            share_percent=self.rng.randint(35, 59) if self.rng.random() < bad * 1.5 else self.rng.randint(60, 100),
            temperature=self._temperature(unit.row["type"]),
            condition="faulty" if self.rng.random() < bad else "working",
            notes="压缩机异响，已告知店主" if self.rng.random() < 0.02 else None,
        )

    def _temperature(self, kind: str) -> int | None:
        if kind == AssetType.FREEZER.value:
            return self.rng.randint(-22, -16)
        if kind == AssetType.COOLER.value:
            return self.rng.randint(2, 8)
        return None  # racks have no thermometer

    def _repair(self, unit: _Unit, shop: Shop) -> None:
        self._event(unit, EventKind.REPAIR_REQUEST, rules.repair_request(unit.state), self.interval, shop.rep,
                    notes=self.rng.choice(REPAIR_NOTES))
        self._event(unit, EventKind.REPAIR_DONE, rules.repair_done(unit.state), self.rng.randint(3, 15), None,
                    notes="售后上门维修完毕")

    def finish(self, unit: _Unit) -> None:
        unit.row["status"] = unit.state.status.value
        unit.row["location"] = unit.state.place.code if unit.state.place else None


def build_assets(
    workspace: Workspace, *, seed: int = 1, progress: Progress | None = None, today: date = DEMO_TODAY
) -> dict[str, int]:
    """Place demo units in the workspace's shops; returns how many units and events were written.

    ``progress(done, total)`` is called after each batch of units.
    """
    rng = random.Random(f"fieldcrm-demo:{seed}:assets")
    writer = _Writer(workspace, rng, today)
    shops = _shops(workspace, rng)
    stock = max(3, len(shops) // 8)
    plan: list[Shop | None] = [*shops, *([None] * stock)]
    db = workspace.db
    events = 0
    for start in range(0, len(plan), BATCH_SIZE):
        with write_transaction(db):
            for number, shop in enumerate(plan[start:start + BATCH_SIZE], start=start + 1):
                unit = writer.new_unit(number)
                if shop is not None:
                    writer.place(unit, shop, [s for s in shops[:200] if s.id != shop.id])
                writer.finish(unit)
                store.insert_asset(db, unit.row)
                for event in unit.events:
                    store.insert_event(db, {**event, "hlc": clock.tick(db)})
                events += len(unit.events)
        if progress is not None:
            progress(min(start + BATCH_SIZE, len(plan)), len(plan))
    return {"units": len(plan), "placed": len(shops), "events": events}
