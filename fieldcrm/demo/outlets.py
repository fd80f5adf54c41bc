"""The kinds of outlet a beverage, ice-cream and snack distributor sells to, and their names.

Each kind carries the classification mix a real customer base of that kind
has (a 批发部 is a trading partner on the wholesale channel, a 学校小卖部 is
often run by the school itself), so filters and reports on demo data show the
shapes a sales manager expects rather than uniform noise.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, TypeVar

from fieldcrm.demo import people
from fieldcrm.demo.draw import Weighted, between, one
from fieldcrm.demo.hangzhou import Place
from fieldcrm.domain.classifications import Channel, Grade, LocationType, Nature, OrganisationForm, Ownership

T = TypeVar("T")


WORDS = (
    "好邻居", "惠民", "邻家", "佳佳", "万家福", "家家乐", "便民", "诚信", "鑫鑫", "旺旺", "阳光", "星辰", "悦来",
    "明珠", "小蜜蜂", "金福", "顺发", "百顺", "福满多", "天天", "开心", "乐家", "如意", "吉祥", "永兴", "大众",
    "新华", "友谊", "利民", "兴旺", "金鑫", "红星", "康乐", "美佳", "四季", "一品", "同心", "和美", "盛达",
)
CAFE_WORDS = ("极速", "星际", "战神", "超越", "风云", "蓝海", "飞扬", "零度", "天空", "电竞部落", "英雄", "闪电")
RESTAURANT_WORDS = ("江南", "西子", "钱塘", "老杭州", "知味", "湖畔", "运河", "外滩", "好滋味", "福临门", "聚贤")

@dataclass(frozen=True)
class Chain:
    """A chain really present in Hangzhou; its branches share these terms."""

    brand: str
    channel: Channel
    ownership: Ownership
    form: OrganisationForm


CONVENIENCE_CHAINS = (
    Chain("十足便利店", Channel.FRANCHISE, Ownership.PRIVATE, OrganisationForm.LIMITED),
    Chain("快客便利", Channel.CHAIN, Ownership.JOINT_STOCK, OrganisationForm.LIMITED),
    Chain("罗森", Channel.FRANCHISE, Ownership.JOINT_VENTURE, OrganisationForm.LIMITED),
    Chain("全家", Channel.CHAIN, Ownership.JOINT_VENTURE, OrganisationForm.LIMITED),
    Chain("美宜佳", Channel.FRANCHISE, Ownership.PRIVATE, OrganisationForm.LIMITED),
    Chain("7-Eleven", Channel.FRANCHISE, Ownership.JOINT_VENTURE, OrganisationForm.LIMITED),
    Chain("易捷便利店", Channel.CHAIN, Ownership.STATE, OrganisationForm.LIMITED),
)
SUPERMARKET_CHAINS = (
    Chain("联华超市", Channel.CHAIN, Ownership.JOINT_STOCK, OrganisationForm.LISTED),
    Chain("世纪联华", Channel.CHAIN, Ownership.JOINT_STOCK, OrganisationForm.LISTED),
    Chain("华润万家", Channel.CHAIN, Ownership.STATE, OrganisationForm.LIMITED),
    Chain("物美超市", Channel.CHAIN, Ownership.PRIVATE, OrganisationForm.LIMITED),
)


def _short(name: str) -> str:
    """古荡街道 -> 古荡, 三墩镇 -> 三墩: how people name a branch after its area."""
    for suffix in ("街道", "镇"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _branch(rng: random.Random, place: Place) -> str:
    roll = rng.random()
    if roll < 0.45:
        return f"{_short(place.subdistrict.name)}店"
    if roll < 0.85:
        return f"{place.road}店"
    return f"{one(rng, place.district.estates)}店"


Namer = Callable[[random.Random, Place, str], str]


def _convenience(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{surname}记便利店", f"{one(rng, WORDS)}便利店", f"{one(rng, place.district.estates)}便利店",
        f"{one(rng, WORDS)}便利超市", f"{_short(place.subdistrict.name)}{one(rng, WORDS)}便利店",
    ))


def _supermarket(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{one(rng, WORDS)}超市", f"{surname}家超市", f"{one(rng, place.district.estates)}生活超市",
        f"{_short(place.subdistrict.name)}{one(rng, WORDS)}超市", f"{one(rng, WORDS)}平价超市",
        f"{one(rng, WORDS)}购物中心",
    ))


def _kiosk(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{surname}家小卖部", f"{surname}记烟杂店", f"{one(rng, place.district.estates)}小卖部",
        f"老{surname}小卖部", f"{place.road}烟杂店", f"{one(rng, WORDS)}小卖部",
    ))


def _school(rng: random.Random, place: Place, surname: str) -> str:
    school = one(rng, place.district.schools)
    return f"{school}{one(rng, ('小卖部', '学生超市', '教育超市', '小卖部'))}"


def _wholesale(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{_short(place.subdistrict.name)}副食品批发部", f"{surname}氏饮料批发部",
        f"{one(rng, WORDS)}酒水饮料批发部", f"{surname}记冷饮批发部", f"{place.road}食品批发商行",
        f"杭州{one(rng, WORDS)}商贸有限公司",
    ))


def _tobacco(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{surname}记烟酒商店", f"{one(rng, WORDS)}名烟名酒", f"{one(rng, WORDS)}烟酒行", f"{place.road}烟酒店",
    ))


def _restaurant(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{surname}记面馆", f"老{surname}家常菜", f"{one(rng, RESTAURANT_WORDS)}杭帮菜馆",
        f"{_short(place.subdistrict.name)}大排档", f"沙县小吃（{place.road}店）", f"兰州拉面（{place.road}店）",
        f"{surname}记片儿川", f"{one(rng, RESTAURANT_WORDS)}餐厅", f"{surname}家馄饨", f"{one(rng, WORDS)}小笼包",
        f"{one(rng, RESTAURANT_WORDS)}农家乐",
    ))


def _internet_cafe(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{one(rng, CAFE_WORDS)}网咖", f"{one(rng, CAFE_WORDS)}网吧", f"网鱼网咖（{_branch(rng, place)}）",
    ))


def _cold_drinks(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{one(rng, WORDS)}冷饮店", f"{surname}记水果店", f"{one(rng, WORDS)}果品店", f"{surname}记冷饮批零",
    ))


def _canteen(rng: random.Random, place: Place, surname: str) -> str:
    return one(rng, (
        f"{place.district.name}人民政府机关食堂", f"{place.subdistrict.name}办事处食堂",
        f"杭州{one(rng, WORDS)}科技有限公司职工食堂", f"{one(rng, place.district.schools)}食堂",
    ))


def _landmark(rng: random.Random, place: Place, surname: str) -> str:
    landmark = place.landmark.name
    return one(rng, (
        f"{landmark}{between(rng, 1, 12)}号小卖部", f"{landmark}旅游商店", f"{landmark}便民服务点",
    ))


@dataclass(frozen=True)
class Outlet:
    """A named outlet: its name, the surname an owner may share with it, its chain if any."""

    name: str
    surname: str
    chain: Chain | None


@dataclass(frozen=True)
class OutletKind:
    """A kind of outlet; a chain kind takes channel, ownership and form from the chain."""

    key: str
    industry: str
    namer: Namer | tuple[Chain, ...]
    nature: Weighted[Nature]
    ownership: Weighted[Ownership] | None
    channel: Weighted[Channel] | None
    location: Weighted[LocationType] | None  # None: the type of the landmark the outlet serves
    organisation: Weighted[OrganisationForm] | None
    grade: Weighted[Grade]
    employees: tuple[int, int]
    annual_sales: tuple[int, int]  # 万元 a year
    landline_chance: float
    has_manager: bool  # a hired manager besides the owner

    def outlet(self, rng: random.Random, place: Place) -> Outlet:
        surname = people.surname(rng)
        if isinstance(self.namer, tuple):
            chain = one(rng, self.namer)
            return Outlet(f"{chain.brand}（{_branch(rng, place)}）", surname, chain)
        return Outlet(self.namer(rng, place, surname), surname, None)


def W(*pairs: tuple[T, float]) -> Weighted[T]:  # noqa: N802 - reads as a table constructor
    return Weighted(pairs)


N, OW, CH, L, F, G = Nature, Ownership, Channel, LocationType, OrganisationForm, Grade
RESIDENTIAL_MOSTLY = W((L.RESIDENTIAL, 60), (L.BUSINESS_CENTRE, 25), (L.TRANSPORT_HUB, 5), (L.OTHER, 10))
STREET_FRONT = W((L.BUSINESS_CENTRE, 50), (L.RESIDENTIAL, 40), (L.OTHER, 10))
ONLY_PRIVATE = W((OW.PRIVATE, 1))
ONLY_RETAIL = W((CH.RETAIL, 1))

KINDS: tuple[tuple[OutletKind, int], ...] = (
    (OutletKind(
        "convenience", "零售业", _convenience, W((N.INDIVIDUAL, 85), (N.COMPANY, 15)), ONLY_PRIVATE, ONLY_RETAIL,
        RESIDENTIAL_MOSTLY, W((F.SOLE_PROPRIETOR, 90), (F.PARTNERSHIP, 10)), W((G.GENERAL, 40), (G.SCATTERED, 60)),
        (1, 4), (30, 150), 0.3, False), 20),
    (OutletKind(
        "chain_convenience", "零售业", CONVENIENCE_CHAINS, W((N.COMPANY, 80), (N.PARTNER, 20)),
        None, None, RESIDENTIAL_MOSTLY, None, W((G.GENERAL, 70), (G.KEY, 30)),
        (3, 8), (80, 300), 0.6, True), 8),
    (OutletKind(
        "supermarket", "零售业", _supermarket, W((N.INDIVIDUAL, 60), (N.COMPANY, 40)),
        W((OW.PRIVATE, 85), (OW.COLLECTIVE, 15)), ONLY_RETAIL, RESIDENTIAL_MOSTLY,
        W((F.SOLE_PROPRIETOR, 60), (F.PARTNERSHIP, 15), (F.LIMITED, 25)),
        W((G.GENERAL, 60), (G.KEY, 15), (G.SCATTERED, 25)), (2, 15), (100, 800), 0.6, True), 12),
    (OutletKind(
        "chain_supermarket", "零售业", SUPERMARKET_CHAINS, W((N.COMPANY, 60), (N.PARTNER, 40)),
        None, None, W((L.BUSINESS_CENTRE, 50), (L.RESIDENTIAL, 45), (L.OTHER, 5)),
        None, W((G.KEY, 80), (G.GENERAL, 20)), (20, 120), (800, 6000), 0.9, True), 4),
    (OutletKind(
        "kiosk", "零售业", _kiosk, W((N.INDIVIDUAL, 1)), ONLY_PRIVATE, ONLY_RETAIL, RESIDENTIAL_MOSTLY,
        W((F.SOLE_PROPRIETOR, 1)), W((G.SCATTERED, 85), (G.GENERAL, 15)), (1, 2), (10, 60), 0.15, False), 14),
    (OutletKind(
        "school_kiosk", "教育服务", _school, W((N.GOVERNMENT, 40), (N.COMPANY, 20), (N.INDIVIDUAL, 40)),
        W((OW.STATE, 50), (OW.PRIVATE, 40), (OW.COLLECTIVE, 10)), ONLY_RETAIL, W((L.OTHER, 1)),
        W((F.INSTITUTION, 50), (F.SOLE_PROPRIETOR, 50)), W((G.GENERAL, 60), (G.SCATTERED, 40)),
        (1, 4), (20, 150), 0.5, False), 4),
    (OutletKind(
        "wholesale", "批发业", _wholesale, W((N.TRADING_PARTNER, 70), (N.COMPANY, 30)),
        W((OW.PRIVATE, 85), (OW.COLLECTIVE, 5), (OW.JOINT_STOCK, 10)), W((CH.WHOLESALE, 75), (CH.AGENT, 25)),
        W((L.OTHER, 50), (L.BUSINESS_CENTRE, 35), (L.RESIDENTIAL, 15)),
        W((F.SOLE_PROPRIETOR, 30), (F.PARTNERSHIP, 20), (F.LIMITED, 50)), W((G.KEY, 50), (G.GENERAL, 50)),
        (3, 25), (300, 5000), 0.8, True), 7),
    (OutletKind(
        "tobacco_liquor", "零售业", _tobacco, W((N.INDIVIDUAL, 80), (N.COMPANY, 20)), ONLY_PRIVATE,
        W((CH.SPECIALTY, 70), (CH.RETAIL, 30)), W((L.RESIDENTIAL, 50), (L.BUSINESS_CENTRE, 40), (L.TRANSPORT_HUB, 10)),
        W((F.SOLE_PROPRIETOR, 80), (F.LIMITED, 20)), W((G.GENERAL, 50), (G.SCATTERED, 50)),
        (1, 3), (50, 400), 0.4, False), 8),
    (OutletKind(
        "restaurant", "餐饮业", _restaurant, W((N.COMPANY, 40), (N.INDIVIDUAL, 60)),
        W((OW.PRIVATE, 90), (OW.JOINT_STOCK, 10)), W((CH.RETAIL, 85), (CH.FRANCHISE, 15)), STREET_FRONT,
        W((F.SOLE_PROPRIETOR, 60), (F.PARTNERSHIP, 15), (F.LIMITED, 25)),
        W((G.GENERAL, 50), (G.SCATTERED, 40), (G.KEY, 10)), (3, 30), (50, 800), 0.5, True), 10),
    (OutletKind(
        "internet_cafe", "娱乐业", _internet_cafe, W((N.COMPANY, 60), (N.INDIVIDUAL, 40)), ONLY_PRIVATE,
        W((CH.RETAIL, 60), (CH.FRANCHISE, 40)), W((L.RESIDENTIAL, 30), (L.BUSINESS_CENTRE, 50), (L.OTHER, 20)),
        W((F.LIMITED, 60), (F.SOLE_PROPRIETOR, 40)), W((G.GENERAL, 70), (G.SCATTERED, 30)),
        (3, 10), (60, 300), 0.4, True), 3),
    (OutletKind(
        "cold_drinks", "零售业", _cold_drinks, W((N.INDIVIDUAL, 1)), ONLY_PRIVATE,
        W((CH.SPECIALTY, 80), (CH.RETAIL, 20)), STREET_FRONT, W((F.SOLE_PROPRIETOR, 1)),
        W((G.SCATTERED, 60), (G.GENERAL, 40)), (1, 4), (20, 120), 0.2, False), 5),
    (OutletKind(
        "canteen", "餐饮业", _canteen, W((N.GOVERNMENT, 50), (N.COMPANY, 30), (N.PARTNER, 20)),
        W((OW.STATE, 50), (OW.COLLECTIVE, 10), (OW.PRIVATE, 20), (OW.JOINT_STOCK, 20)), ONLY_RETAIL,
        W((L.BUSINESS_CENTRE, 50), (L.OTHER, 50)), W((F.INSTITUTION, 50), (F.LIMITED, 50)),
        W((G.GENERAL, 60), (G.KEY, 40)), (5, 40), (100, 1000), 0.9, True), 2),
    (OutletKind(
        "landmark_kiosk", "零售业", _landmark, W((N.PARTNER, 60), (N.COMPANY, 40)),
        W((OW.STATE, 40), (OW.JOINT_STOCK, 30), (OW.PRIVATE, 30)), W((CH.RETAIL, 60), (CH.AGENT, 40)), None,
        W((F.LIMITED, 80), (F.SOLE_PROPRIETOR, 20)), W((G.KEY, 40), (G.GENERAL, 60)),
        (2, 10), (50, 500), 0.6, True), 3),
)

OUTLET_KINDS: Weighted[OutletKind] = Weighted(KINDS)
