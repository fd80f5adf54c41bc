"""Demo customer cards: generated in agreement with themselves, written like real ones.

A card's parts are drawn in dependency order (place, kind of outlet, grade,
lifecycle, credit, then people and texts) so that they agree: a 联华 branch
is a listed chain with a hired 店长 and monthly terms, a C-grade 小卖部 pays
cash and has a history of late payments. Cards are written with
``storage.customers.insert`` inside large transactions, so the capture
triggers log every field for sync and the search triggers index every card,
exactly as for a card typed in by hand.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable

from ulid import ULID

from fieldcrm.demo import hangzhou, people, phrases
from fieldcrm.demo.hangzhou import District
from fieldcrm.demo.draw import Weighted, between, one, stream
from fieldcrm.demo.outlets import OUTLET_KINDS, Chain, OutletKind
from fieldcrm.domain.classifications import (
    Attitude, Channel, CreditGrade, Grade, Lifecycle, OrganisationForm, Ownership, Role,
)
from fieldcrm.storage import customers as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.identity import Identity, next_customer_code
from fieldcrm.workspace import Workspace

# Large enough that a transaction's fixed cost vanishes, small enough that the
# WAL is checkpointed between batches instead of growing to the size of the data.
BATCH_SIZE = 10_000

LIFECYCLES: Weighted[Lifecycle] = Weighted((
    (Lifecycle.PROSPECT, 8), (Lifecycle.NEW, 10), (Lifecycle.ACTIVE, 62), (Lifecycle.DORMANT, 12),
    (Lifecycle.LOST, 8),
))
CREDIT_BY_GRADE: dict[Grade, Weighted[CreditGrade]] = {
    Grade.KEY: Weighted(((CreditGrade.AAA, 40), (CreditGrade.AA, 40), (CreditGrade.A, 15), (CreditGrade.B, 5))),
    Grade.GENERAL: Weighted((
        (CreditGrade.AAA, 10), (CreditGrade.AA, 30), (CreditGrade.A, 40), (CreditGrade.B, 15), (CreditGrade.C, 5),
    )),
    Grade.SCATTERED: Weighted(((CreditGrade.AA, 10), (CreditGrade.A, 40), (CreditGrade.B, 30), (CreditGrade.C, 20))),
}
ATTITUDE_BY_LIFECYCLE: dict[Lifecycle, Weighted[Attitude]] = {
    Lifecycle.PROSPECT: Weighted((
        (Attitude.EAGER, 10), (Attitude.COOPERATIVE, 30), (Attitude.NEUTRAL, 40), (Attitude.RELUCTANT, 15),
        (Attitude.HOSTILE, 5),
    )),
    Lifecycle.NEW: Weighted(((Attitude.EAGER, 40), (Attitude.COOPERATIVE, 50), (Attitude.NEUTRAL, 10))),
    Lifecycle.ACTIVE: Weighted((
        (Attitude.EAGER, 25), (Attitude.COOPERATIVE, 50), (Attitude.NEUTRAL, 20), (Attitude.RELUCTANT, 5),
    )),
    Lifecycle.DORMANT: Weighted(((Attitude.COOPERATIVE, 20), (Attitude.NEUTRAL, 50), (Attitude.RELUCTANT, 30))),
    Lifecycle.LOST: Weighted(((Attitude.NEUTRAL, 30), (Attitude.RELUCTANT, 40), (Attitude.HOSTILE, 30))),
}
# Credit limits in yuan: what a distributor of this size lends a customer of each grade.
BASE_LIMIT = {Grade.KEY: 200_000, Grade.GENERAL: 30_000, Grade.SCATTERED: 5_000}
LIMIT_FACTOR = {CreditGrade.AAA: 1.5, CreditGrade.AA: 1.0, CreditGrade.A: 0.6, CreditGrade.B: 0.3, CreditGrade.C: 0.0}
TERMS = {
    CreditGrade.AAA: {Grade.KEY: "月结60天", Grade.GENERAL: "月结30天", Grade.SCATTERED: "周结"},
    CreditGrade.AA: {Grade.KEY: "月结45天", Grade.GENERAL: "月结30天", Grade.SCATTERED: "周结"},
    CreditGrade.A: {Grade.KEY: "月结30天", Grade.GENERAL: "周结", Grade.SCATTERED: "货到付款"},
    CreditGrade.B: {Grade.KEY: "货到付款", Grade.GENERAL: "货到付款", Grade.SCATTERED: "货到付款"},
    CreditGrade.C: {Grade.KEY: "现款现货", Grade.GENERAL: "现款现货", Grade.SCATTERED: "现款现货"},
}
COMPANY_SUFFIX = "有限公司"
COMPANY_FORMS = (OrganisationForm.LIMITED, OrganisationForm.LISTED, OrganisationForm.INSTITUTION,
                 OrganisationForm.PARTNERSHIP)


@dataclass(frozen=True)
class Territory:
    """The part of the city the demo fills, and who is responsible for each district."""

    districts: Weighted[District]
    rep_override: str | None  # a rep's own workspace names the rep on every card

    @classmethod
    def for_identity(cls, identity: Identity) -> "Territory":
        """A rep's workspace gets cards only in the rep's own district, as sync would give it."""
        own = [d for d in hangzhou.DISTRICTS if d.name == identity.territory]
        if own and identity.role is Role.REP:
            return cls(Weighted(((own[0], 1),)), identity.user_name)
        return cls(Weighted(tuple((d, d.weight) for d in hangzhou.DISTRICTS)), None)


def _days_before(today: date, rng: random.Random, least: int, most: int) -> date:
    return today - timedelta(days=between(rng, least, most))


def _dates(rng: random.Random, today: date, lifecycle: Lifecycle) -> tuple[str, str | None]:
    """Founding and first-trade dates consistent with where the customer is in its lifecycle."""
    founded = _days_before(today, rng, 200, 30 * 365)
    if lifecycle is Lifecycle.PROSPECT:
        return founded.isoformat(), None
    if lifecycle is Lifecycle.NEW:
        since = _days_before(today, rng, 7, 180)
    else:
        since = _days_before(today, rng, 365, 12 * 365)
    return founded.isoformat(), max(since, founded).isoformat()


class CardMaker:
    """Draws one coherent card after another from a seeded random stream."""

    def __init__(self, rng: random.Random, territory: Territory, today: date, seed: int) -> None:
        self.rng = rng
        self.territory = territory
        self.today = today
        self.seed = seed
        self._chain_reps: dict[str, people.Person] = {}

    def chain_legal_rep(self, brand: str) -> people.Person:
        """One legal representative per chain, the same on every branch."""
        if brand not in self._chain_reps:
            self._chain_reps[brand] = people.person(stream(self.seed, f"chain:{brand}"), youngest=40, oldest=65)
        return self._chain_reps[brand]

    def card(self) -> dict[str, Any]:
        rng = self.rng
        district = self.territory.districts.pick(rng)
        place = hangzhou.place(rng, district)
        kind = OUTLET_KINDS.pick(rng)
        outlet = kind.outlet(rng, place)
        name, chain = outlet.name, outlet.chain
        grade = kind.grade.pick(rng)
        lifecycle = LIFECYCLES.pick(rng)
        prospect = lifecycle is Lifecycle.PROSPECT
        credit = None if prospect else CREDIT_BY_GRADE[grade].pick(rng)
        founded_on, trading_since = _dates(rng, self.today, lifecycle)
        channel, ownership, form = self._terms_of_business(kind, chain)
        if name.endswith(COMPANY_SUFFIX):
            form = OrganisationForm.LIMITED
        annual_wan = between(rng, *kind.annual_sales)
        rep = self.territory.rep_override or district.rep
        values: dict[str, Any] = {
            "name": name,
            "province": hangzhou.PROVINCE,
            "city": hangzhou.CITY,
            "district": district.name,
            "street": place.street,
            "phones": people.phones(rng, landline_chance=kind.landline_chance),
            "contacts": people.contacts(rng, count=between(rng, 1, 3)) if kind.has_manager or rng.random() < 0.5 else None,
            "founded_on": founded_on,
            "trading_since": trading_since,
            "organisation_form": form.value,
            "industry": kind.industry,
            "assets": int(annual_wan * rng.uniform(0.2, 1.2)) * 10_000 * 100,
            "employees": between(rng, *kind.employees),
            "annual_sales": annual_wan * 10_000 * 100,
            "credit_grade": credit.value if credit else None,
            "credit_limit": self._credit_limit(grade, credit),
            "payment_terms": self._terms(grade, credit, chain is not None),
            "nature": kind.nature.pick(rng).value,
            "ownership": ownership.value,
            "channel": channel.value,
            "location_type": kind.location.pick(rng).value if kind.location else place.landmark.kind,
            "grade": grade.value,
            "lifecycle": lifecycle.value,
            "cooperation_attitude": ATTITUDE_BY_LIFECYCLE[lifecycle].pick(rng).value,
            "territory": district.name,
            "route": place.route,
            "rep": rep,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
        if chain is None:
            owner = people.person(rng, youngest=25, oldest=68, family_name=outlet.surname)
            values.update(owner.fields("owner"))
            if form in COMPANY_FORMS:
                legal = owner if rng.random() < 0.7 else people.person(rng, youngest=30, oldest=68)
                values.update(legal.fields("legal_rep"))
        else:
            values.update(self.chain_legal_rep(chain.brand).fields("legal_rep"))
        if kind.has_manager:
            values.update(people.person(rng, youngest=22, oldest=55).fields("manager"))
        story = phrases.Story(
            lifecycle=lifecycle, credit_grade=credit,
            trading_years=(self.today.year - int(trading_since[:4])) if trading_since else 0,
            estate=one(rng, district.estates), school=one(rng, district.schools),
            landmark=place.landmark.name, rep=rep, last_year=self.today.year - 1,
            yearly_purchases=int(annual_wan * 10_000 * rng.uniform(0.03, 0.2)),
        )
        values.update(phrases.texts(rng, story))
        return values

    def _terms_of_business(self, kind: OutletKind, chain: Chain | None) -> tuple[Channel, Ownership, OrganisationForm]:
        """A chain's branch takes its chain's terms; other outlets draw them from their kind's mix."""
        if chain is not None:
            return chain.channel, chain.ownership, chain.form
        assert kind.channel and kind.ownership and kind.organisation, kind.key
        return kind.channel.pick(self.rng), kind.ownership.pick(self.rng), kind.organisation.pick(self.rng)

    def _credit_limit(self, grade: Grade, credit: CreditGrade | None) -> int | None:
        """In fen, rounded to a thousand yuan the way limits are actually set."""
        if credit is None:
            return None
        yuan = BASE_LIMIT[grade] * LIMIT_FACTOR[credit] * self.rng.uniform(0.6, 1.4)
        return int(round(yuan, -3)) * 100

    @staticmethod
    def _terms(grade: Grade, credit: CreditGrade | None, chain: bool) -> str | None:
        if credit is None:
            return None
        terms = TERMS[credit][grade]
        return f"{terms}，总部统一结算" if chain and terms.startswith("月结") else terms


def write(
    workspace: Workspace,
    maker: CardMaker,
    count: int,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Insert ``count`` cards in batches of BATCH_SIZE, reporting progress after each batch."""
    db = workspace.db
    identity = workspace.require_identity()
    done = 0
    while done < count:
        size = min(BATCH_SIZE, count - done)
        with write_transaction(db):
            for _ in range(size):
                values = maker.card()
                code = next_customer_code(db, identity)
                store.insert(db, {"id": str(ULID()), "code": code, "deleted": 0, **values})
        done += size
        if progress is not None:
            progress(done, count)
