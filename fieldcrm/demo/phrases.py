"""The free-text parts of a demo card, written the way reps write them.

Texts are assembled from phrases with slots (a competitor, a category, an
amount) so that 100,000 cards do not repeat the same sentence, and so that
what a card says agrees with its grade, lifecycle and credit grade: a lost
customer's sales record says it went elsewhere, a C-grade one has incidents.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from string import Formatter
from typing import Callable

from fieldcrm.demo.draw import between, distinct, one
from fieldcrm.domain.classifications import CreditGrade, Lifecycle

COMPETITORS = (
    "农夫山泉", "娃哈哈", "康师傅", "统一", "可口可乐", "百事", "伊利", "蒙牛", "和路雪", "雀巢", "旺旺",
    "达利园", "元气森林", "东鹏特饮", "光明",
)
CATEGORIES = (
    "瓶装水", "碳酸饮料", "茶饮料", "果汁", "冰淇淋", "雪糕", "休闲零食", "膨化食品", "饼干", "坚果", "功能饮料",
    "乳饮料", "方便面",
)
NEW_PRODUCTS = ("无糖茶新品", "桶装冰淇淋", "小包装坚果", "电解质水", "低糖气泡水", "家庭装雪糕")


@dataclass(frozen=True)
class Story:
    """What the texts of one card must agree with."""

    lifecycle: Lifecycle
    credit_grade: CreditGrade | None
    trading_years: int
    estate: str
    school: str
    landmark: str
    rep: str
    last_year: int
    yearly_purchases: int  # yuan bought from us last year, a share of the outlet's own sales


_RANDOM_SLOTS: dict[str, Callable[[random.Random], object]] = {
    "product": lambda rng: one(rng, NEW_PRODUCTS),
    "n": lambda rng: between(rng, 2, 8),
    "households": lambda rng: between(rng, 8, 89) * 100,
    "traffic": lambda rng: between(rng, 8, 149) * 10,
    "boxes": lambda rng: between(rng, 4, 79) * 5,
    "area": lambda rng: between(rng, 2, 59) * 5,
    "km": lambda rng: between(rng, 2, 15),
    "metro": lambda rng: between(rng, 1, 19),
    "thousand": lambda rng: between(rng, 2, 60),
    "pct": lambda rng: between(rng, 2, 11) * 5,
}
_PAIRS = {"competitor": COMPETITORS, "competitor2": COMPETITORS, "category": CATEGORIES, "category2": CATEGORIES}


@lru_cache(maxsize=None)
def _slots(template: str) -> tuple[str, ...]:
    """The slot names of a template in order of appearance (a tuple, so draws are deterministic)."""
    return tuple(dict.fromkeys(name for _, name, _, _ in Formatter().parse(template) if name))


def _fill(rng: random.Random, template: str, story: Story) -> str:
    """Fill only the slots the template has: drawing every slot for every phrase made
    generating 100,000 cards several seconds slower."""
    values: dict[str, object] = {}
    for slot in _slots(template):
        if slot in values:
            continue
        if slot in _PAIRS:
            base = slot.rstrip("2")
            values[base], values[base + "2"] = distinct(rng, _PAIRS[slot], 2)
        elif slot in _RANDOM_SLOTS:
            values[slot] = _RANDOM_SLOTS[slot](rng)
        elif slot == "years":
            values[slot] = max(1, story.trading_years)
        elif slot == "year":
            values[slot] = story.last_year
        else:
            values[slot] = getattr(story, slot)
    return template.format(**values)


def _compose(rng: random.Random, pool: tuple[str, ...], story: Story, most: int = 2) -> str:
    return "；".join(_fill(rng, t, story) for t in distinct(rng, pool, between(rng, 1, most))) + "。"


SERVICE_AREA = (
    "覆盖周边{estate}等{n}个小区，约{households}户居民", "主要做{school}学生的生意，寒暑假客流明显下降",
    "紧邻{landmark}，以过路客和游客为主", "给周边{n}家餐馆和小店供货，配送半径约{km}公里",
    "附近写字楼白领多，午间和下班时段最忙", "周边有{n}个工地，工人是主要客源", "沿街门面，过往车辆停车买水方便",
)
SALES_CAPACITY = (
    "日均客流约{traffic}人次", "夏季冷饮月销约{boxes}箱", "饮料月销{boxes}箱左右，零食占营业额{pct}%",
    "两台冰柜，旺季需要补到三台", "仓库约{area}平方米，可压一个月的货", "节假日销量是平时的两倍",
)
GROWTH = (
    "周边新楼盘陆续交付，客流还会增长", "地铁{metro}号线开通后人流明显增加", "老小区人口老化，增长空间有限",
    "店面准备扩建，可以多放冷柜", "老板有意再开一家分店", "竞品进店多，增长主要靠新品",
    "线上外卖订单逐月增加", "附近道路改造，短期客流受影响",
)
PHILOSOPHY = (
    "薄利多销，价格比大超市便宜一点", "只做口碑好的品牌，不进杂牌货", "以服务老顾客为主，熟客可以赊账",
    "重视陈列和卫生，店面干净明亮", "跟着促销走，哪家返利多主推哪家", "宁可少赚，不卖临期产品",
)
MANAGEMENT = (
    "夫妻店，老板说了算", "家族经营，进货由老板娘负责", "总部统一采购，门店只能报需求",
    "店长负责日常，重要决定要请示老板", "用收银系统管账，每周对一次账", "老板亲自盯进货和库存",
)
MANAGER_QUALITY = (
    "店长做事认真，配合陈列检查", "管理人员流动大，需要反复沟通政策", "老板亲自管理，执行力强",
    "店长年轻，接受新方法快", "管理层对厂家活动兴趣不大",
)
STAFF_QUALITY = (
    "店员熟悉产品，会主动推荐", "收银员常换，对新品不了解", "员工服务态度好，顾客回头率高",
    "人手紧张，补货不及时", "员工会用手机下单，配合线上订货",
)
COMPETITORS_TEXT = (
    "同时经营{competitor}、{competitor2}的产品", "{competitor}业务员每周来两次，和老板很熟",
    "冰柜由{competitor}投放，我司产品只能放一层", "与附近另一家经销商有价格竞争", "{competitor}给的陈列费比我们高",
)
RELATIONSHIP = (
    "与我司合作{years}年，关系稳定", "老板和业务员{rep}关系很好", "曾因送货延误有过不满，已改善",
    "对我司的返利政策比较满意", "结账爽快，配合对账",
)
SALES_ACTIVITY = (
    "正在参加夏季冰淇淋买十送一活动", "本月做{category}堆头陈列", "参加了冰柜陈列奖励计划",
    "配合{product}试销", "端午节礼盒预订中", "暂无促销活动",
)
PROBLEMS = (
    "货款结算偶尔拖延", "冰柜老化，制冷效果差", "店面小，陈列位置有限", "临期产品较多，需要及时调换",
    "送货时间与营业高峰冲突", "对价格敏感，常要求特价", "{competitor}冰柜占了最好的位置",
)
STRENGTHS = (
    "位置好，客流稳定", "老板人缘好，熟客多", "营业时间长，晚上十一点才关门", "仓储条件好，可以大量压货",
    "配合度高，活动执行到位", "冷柜多，冷饮品类齐全",
)
STRATEGY = (
    "争取增加一台冰柜投放", "推动{category}进店，提高单店品项数", "旺季前完成陈列协议续签",
    "保持每周拜访，防止被竞品抢走", "争取做成片区示范店", "推荐{product}，先铺两箱试销",
)
REPUTATION = (
    "在周边口碑很好", "老字号，附近居民都认识", "曾有过卖临期食品的投诉，已整改", "商品价格公道，评价不错",
    "店面形象一般，需要改善门头", "大众点评评分4.5分以上",
)
NOTES = (
    "周三下午老板不在店", "送货请走后门，前门不能停车", "店里养了狗，进门注意", "老板晚上七点后才有空谈事",
    "需要开增值税专用发票", "周末客流大，尽量工作日拜访", "收货只认老板娘签字",
)


def sales_record(rng: random.Random, story: Story) -> str:
    if story.lifecycle is Lifecycle.PROSPECT:
        return one(rng, ("尚未开始进货，已送样品", "还在谈进场条件", "意向明确，等下个月开户"))
    if story.lifecycle is Lifecycle.NEW:
        return _fill(rng, "首批进货{thousand}千元，以{category}为主，反馈不错", story)
    if story.lifecycle is Lifecycle.DORMANT:
        return _fill(rng, f"{{year}}年进货约{_money(story.yearly_purchases)}；近半年没有下单", story)
    if story.lifecycle is Lifecycle.LOST:
        return _fill(rng, "原来每月进货，已改从{competitor}的经销商拿货", story)
    yearly = _money(story.yearly_purchases)
    monthly = _money(story.yearly_purchases // 8)
    template = one(rng, (
        f"{{year}}年从我司进货约{yearly}，以{{category}}和{{category2}}为主",
        f"去年旺季月均进货约{monthly}，淡季减半",
        f"合作以来进货稳定，{{year}}年累计约{yearly}",
    ))
    return _fill(rng, template, story)


def _money(yuan: int) -> str:
    """Amounts as reps write them: 8千元, 3.5万元, 120万元."""
    if yuan < 10_000:
        return f"{max(1, round(yuan / 1000))}千元"
    if yuan < 100_000:
        return f"{yuan / 10_000:.1f}万元".replace(".0万", "万")
    return f"{round(yuan / 10_000)}万元"


def credit_incidents(rng: random.Random, story: Story) -> str | None:
    grade = story.credit_grade
    if grade is CreditGrade.C:
        return "多次拖欠货款，现已改为现款现货。"
    if grade is CreditGrade.B:
        return _fill(rng, "{year}年曾拖欠货款约{thousand}千元，两个月后结清。", story)
    if grade is CreditGrade.A and rng.random() < 0.3:
        return _fill(rng, "{year}年有一笔货款延期半个月。", story)
    return None


def texts(rng: random.Random, story: Story) -> dict[str, str | None]:
    """Every long-text field of the card, in agreement with ``story``."""
    trading = story.lifecycle is not Lifecycle.PROSPECT
    return {
        "service_area": _compose(rng, SERVICE_AREA, story),
        "sales_capacity": _compose(rng, SALES_CAPACITY, story),
        "growth_potential": _compose(rng, GROWTH, story, most=1),
        "business_philosophy": _compose(rng, PHILOSOPHY, story, most=1),
        "management_style": _compose(rng, MANAGEMENT, story, most=1),
        "sales_record": sales_record(rng, story) + "。",
        "manager_quality": _compose(rng, MANAGER_QUALITY, story, most=1),
        "staff_quality": _compose(rng, STAFF_QUALITY, story, most=1),
        "competitor_relations": _compose(rng, COMPETITORS_TEXT, story),
        "relationship": _compose(rng, RELATIONSHIP, story, most=1) if trading else "刚开始接触，还在观察。",
        "sales_activity": _compose(rng, SALES_ACTIVITY, story, most=1) if trading else None,
        "problems": _compose(rng, PROBLEMS, story),
        "strengths": _compose(rng, STRENGTHS, story),
        "next_strategy": _compose(rng, STRATEGY, story),
        "reputation": _compose(rng, REPUTATION, story, most=1),
        "credit_incidents": credit_incidents(rng, story),
        "notes": _compose(rng, NOTES, story, most=1) if rng.random() < 0.25 else None,
    }
