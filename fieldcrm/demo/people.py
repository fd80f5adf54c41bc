"""The people on a demo card: owners, managers, contacts, and their phone numbers.

Surnames follow their real frequency, so a list sorted by name looks like a
real one (many 王, 李, 张, few 欧阳), and phone numbers use prefixes that
exist, so a phone search behaves as it would on real data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from fieldcrm.demo.draw import Weighted, between, distinct, one
from fieldcrm.demo.hangzhou import LANDLINE_AREA_CODE

# Roughly the national frequency order; weights fall off with rank.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤"
)
SURNAME_DRAW: Weighted[str] = Weighted(tuple((s, 1.0 / (rank + 8)) for rank, s in enumerate(SURNAMES)))
MALE_GIVEN = (
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
    "建国", "建华", "建军", "志强", "志刚", "海峰", "国平", "晓东", "俊杰", "文博", "子豪", "浩然", "宇航",
    "永康", "金龙", "春生", "德明", "荣华", "立新", "卫东", "雪峰", "家豪", "伟民", "国庆", "海涛", "振华",
)
FEMALE_GIVEN = (
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "琴", "红", "萍", "颖", "洁",
    "秀英", "桂英", "丽萍", "美玲", "佳怡", "晓燕", "雅琴", "淑芬", "海燕", "丽娟", "欣怡", "梦琪", "思雨",
    "月华", "素珍", "彩霞", "春梅", "玉兰", "巧玲", "凤英", "雨婷", "慧敏", "丹丹", "琳琳", "婉婷", "金凤",
)
EDUCATION = ("小学", "初中", "初中", "高中", "高中", "中专", "职高", "大专", "大专", "本科", "本科", "硕士")
PERSONALITY = (
    "为人爽快，说话直接，不喜欢绕弯子", "精打细算，对进价很敏感，每次都要比价", "做事谨慎，新品要先看别家卖得怎样",
    "热情好客，喜欢拉着业务员聊天", "脾气急，但讲信用，答应的事一定做到", "性格内向，话不多，拿主意慢",
    "爱面子，喜欢别人叫他老板", "很有主见，陈列位置自己说了算", "好说话，对促销活动配合度高",
    "比较强势，常拿竞品条件来压价", "踏实本分，守着小店十几年", "头脑灵活，会做社区团购和微信群",
    "斤斤计较，赠品少一件都要打电话", "耿直讲义气，认准了的供应商不轻易换", "注重细节，货架每天亲自整理",
)
HOBBIES = (
    "打麻将", "钓鱼", "喝茶", "下象棋", "打牌", "听越剧", "跑步", "爬山", "写书法", "养花", "刷抖音", "打羽毛球",
    "自驾游", "唱K", "看球赛", "跳广场舞", "摄影", "养鸟", "打乒乓球", "看电视剧", "逛西湖", "骑行", "喝点小酒",
)
FAMILY = (
    "已婚，育有一子，在读初中", "夫妻俩一起看店，女儿在上海工作", "与父母同住，儿子刚参加工作",
    "离异，独自带女儿，女儿读小学", "已婚，两个孩子都在上小学", "子女在国外，老两口经营小店",
    "刚结婚，爱人在附近工厂上班", "三代同堂，母亲帮忙照看店面", "丈夫开货车跑运输，本人管店",
    "已婚，孩子读高三，今年高考", "未婚，和弟弟合伙经营", "妻子负责进货，本人负责收银和送货",
)
CAPABILITY = (
    "进货眼光准，知道什么好卖", "对新品接受快，愿意先试销", "账目清楚，从不拖欠", "会做陈列，冰柜摆放整齐",
    "经营能力一般，主要靠老顾客", "懂得做社区团购，线上订单占两成", "擅长谈条件，要求返利和陈列费",
    "人脉广，和周边几家店老板都熟", "管理松散，经常断货", "会看天气备货，夏季冷饮从不断档",
    "熟悉烟酒行情，节前备货量大", "执行力强，公司活动落实到位",
)
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
    "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "186", "187", "188", "189", "191",
    "198", "199",
)
CONTACT_ROLES = ("店长", "收银", "采购", "老板娘", "仓管", "会计", "理货员", "送货", "副店长", "厨师长", "前台")


@dataclass(frozen=True)
class Person:
    """One person's profile, in the shape of the card's owner/manager/legal-rep fields."""

    name: str
    age: int
    personality: str
    hobbies: str
    family: str
    education: str
    capability: str

    def fields(self, prefix: str) -> dict[str, object]:
        return {
            f"{prefix}_name": self.name,
            f"{prefix}_age": self.age,
            f"{prefix}_personality": self.personality,
            f"{prefix}_hobbies": self.hobbies,
            f"{prefix}_family": self.family,
            f"{prefix}_education": self.education,
            f"{prefix}_capability": self.capability,
        }


def surname(rng: random.Random) -> str:
    return SURNAME_DRAW.pick(rng)


def full_name(rng: random.Random, family_name: str | None = None) -> str:
    given = one(rng, MALE_GIVEN if rng.random() < 0.55 else FEMALE_GIVEN)
    return (family_name or surname(rng)) + given


def person(rng: random.Random, *, youngest: int, oldest: int, family_name: str | None = None) -> Person:
    return Person(
        name=full_name(rng, family_name),
        age=between(rng, youngest, oldest),
        personality=one(rng, PERSONALITY),
        hobbies="、".join(distinct(rng, HOBBIES, between(rng, 1, 3))),
        family=one(rng, FAMILY),
        education=one(rng, EDUCATION),
        capability="；".join(distinct(rng, CAPABILITY, between(rng, 1, 2))),
    )


def mobile(rng: random.Random) -> str:
    return one(rng, MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random) -> str:
    return f"{LANDLINE_AREA_CODE}-{one(rng, '2568')}{rng.randrange(10**7):07d}"


def written_mobile(rng: random.Random) -> str:
    """A mobile number the way people write it on a card: plain, spaced or dashed."""
    number = mobile(rng)
    style = rng.random()
    if style < 0.6:
        return number
    separator = " " if style < 0.8 else "-"
    return separator.join((number[:3], number[3:7], number[7:]))


def phones(rng: random.Random, *, landline_chance: float) -> str:
    numbers = [mobile(rng)]
    if rng.random() < landline_chance:
        numbers.append(landline(rng))
    if rng.random() < 0.15:
        numbers.append(mobile(rng))
    return ", ".join(numbers)


def contacts(rng: random.Random, *, count: int) -> str:
    """Contact persons, one a line: name, role in brackets, a phone."""
    lines = []
    for role in distinct(rng, CONTACT_ROLES, count):
        lines.append(f"{full_name(rng)}（{role}）{written_mobile(rng)}")
    return "\n".join(lines)
