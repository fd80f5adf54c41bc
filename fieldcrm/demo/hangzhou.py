"""The demo's one city: Hangzhou's districts, their 街道, roads, estates, schools and landmarks.

Demo data is only convincing when a sales manager recognises the places, so
names are real and coordinates are the approximate centres of real 街道/镇;
outlets scatter around those centres and stay inside the district's bounding
box (and out of West Lake). Each district is one territory (片区) with one rep
and a route per weekday, which is how distributors in the city usually split
the work.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from fieldcrm.demo.draw import between, one
from fieldcrm.domain.classifications import LocationType

PROVINCE = "浙江省"
CITY = "杭州市"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六")
LANDLINE_AREA_CODE = "0571"

# (south, west, north, east) in degrees.
Box = tuple[float, float, float, float]
WEST_LAKE: Box = (30.233, 120.138, 30.262, 120.160)


@dataclass(frozen=True)
class Subdistrict:
    """A 街道 or 镇: where outlets cluster, and the unit a route is made of."""

    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Landmark:
    """A place outlets are named after; ``kind`` is the LocationType code it implies."""

    name: str
    kind: str


@dataclass(frozen=True)
class District:
    name: str
    short: str  # used in route names: 西湖-周一线
    rep: str  # the 业务员 responsible for this territory
    weight: int  # relative number of outlets
    bounds: Box
    spread: float  # standard deviation, in degrees, of outlets around a 街道 centre
    subdistricts: tuple[Subdistrict, ...]
    roads: tuple[str, ...]
    estates: tuple[str, ...]
    schools: tuple[str, ...]
    landmarks: tuple[Landmark, ...]

    def route_for(self, index: int, longitude: float) -> str:
        """The weekday route serving subdistrict ``index``; shared days split west to east."""
        count = len(self.subdistricts)
        first = index * len(WEEKDAYS) // count
        last = max(first, (index + 1) * len(WEEKDAYS) // count - 1)
        if last > first:
            centre = self.subdistricts[index].longitude
            offset = (longitude - centre) / (4 * self.spread) + 0.5
            first += min(last - first, max(0, int(offset * (last - first + 1))))
        return f"{self.short}-{WEEKDAYS[first]}线"


def _s(name: str, latitude: float, longitude: float) -> Subdistrict:
    return Subdistrict(name, latitude, longitude)


H, B, O = LocationType.TRANSPORT_HUB.value, LocationType.BUSINESS_CENTRE.value, LocationType.OTHER.value

DISTRICTS: tuple[District, ...] = (
    District(
        "上城区", "上城", "周建华", 14, (30.19, 120.15, 30.35, 120.33), 0.006,
        (
            _s("湖滨街道", 30.2565, 120.1665), _s("清波街道", 30.2440, 120.1640), _s("小营街道", 30.2600, 120.1780),
            _s("南星街道", 30.2250, 120.1720), _s("紫阳街道", 30.2380, 120.1800), _s("望江街道", 30.2430, 120.1920),
            _s("采荷街道", 30.2620, 120.1960), _s("凯旋街道", 30.2760, 120.1960), _s("四季青街道", 30.2540, 120.2150),
            _s("闸弄口街道", 30.2870, 120.2050), _s("彭埠街道", 30.2850, 120.2350), _s("笕桥街道", 30.3050, 120.2150),
            _s("丁兰街道", 30.3300, 120.2200), _s("九堡街道", 30.3000, 120.2700),
        ),
        ("解放路", "延安路", "庆春路", "建国南路", "中河中路", "望江路", "江城路", "清泰街", "秋涛路",
         "凤起东路", "钱江路", "新塘路", "景芳路", "艮山西路", "九环路", "丁兰路"),
        ("景芳三区", "采荷新村", "南星苑", "清波小区", "望江新园", "四季青新村", "闸弄口新村", "丁桥新苑"),
        ("杭州高级中学", "胜利小学", "天长小学", "采荷中学", "笕桥小学", "中国美术学院南山校区"),
        (Landmark("杭州东站", H), Landmark("杭州站", H), Landmark("九堡客运中心", H), Landmark("河坊街", B),
         Landmark("南宋御街", B), Landmark("湖滨步行街", B), Landmark("钱江新城", B)),
    ),
    District(
        "拱墅区", "拱墅", "王丽萍", 14, (30.26, 120.09, 30.40, 120.22), 0.006,
        (
            _s("武林街道", 30.2720, 120.1650), _s("天水街道", 30.2760, 120.1720), _s("潮鸣街道", 30.2740, 120.1830),
            _s("朝晖街道", 30.2880, 120.1760), _s("米市巷街道", 30.2880, 120.1640), _s("湖墅街道", 30.2930, 120.1520),
            _s("小河街道", 30.3050, 120.1480), _s("和睦街道", 30.3060, 120.1350), _s("大关街道", 30.3060, 120.1600),
            _s("上塘街道", 30.3120, 120.1700), _s("拱宸桥街道", 30.3200, 120.1450), _s("祥符街道", 30.3300, 120.1250),
            _s("石桥街道", 30.3300, 120.1900), _s("半山街道", 30.3600, 120.1750), _s("康桥街道", 30.3720, 120.1500),
        ),
        ("莫干山路", "湖墅南路", "大关路", "上塘路", "登云路", "石祥路", "绍兴路", "东新路", "德胜路",
         "环城北路", "文晖路", "丽水路", "拱康路", "半山路", "潮王路", "香积寺路"),
        ("朝晖六区", "和睦新村", "大关西苑", "德胜新村", "长乐苑", "拱宸桥东苑", "半山花园", "香积寺小区"),
        ("杭州第十四中学", "卖鱼桥小学", "大关小学", "浙江工业大学朝晖校区", "长寿桥小学", "文澜中学"),
        (Landmark("汽车北站", H), Landmark("武林广场", B), Landmark("大运河拱宸桥", O),
         Landmark("运河天地", B), Landmark("半山国家森林公园", O)),
    ),
    District(
        "西湖区", "西湖", "陈志刚", 14, (30.10, 120.00, 30.36, 120.17), 0.006,
        (
            _s("北山街道", 30.2690, 120.1420), _s("西溪街道", 30.2780, 120.1400), _s("翠苑街道", 30.2880, 120.1250),
            _s("古荡街道", 30.2760, 120.1130), _s("文新街道", 30.2920, 120.1050), _s("蒋村街道", 30.2800, 120.0750),
            _s("留下街道", 30.2500, 120.0600), _s("灵隐街道", 30.2400, 120.1150), _s("西湖街道", 30.2200, 120.1280),
            _s("转塘街道", 30.1600, 120.0800), _s("双浦镇", 30.1400, 120.1200), _s("三墩镇", 30.3300, 120.0800),
        ),
        ("文三路", "文二路", "教工路", "学院路", "古墩路", "天目山路", "西溪路", "紫金港路", "文一西路",
         "留和路", "之江路", "转塘街", "余杭塘路", "萍水街", "保俶路", "黄姑山路"),
        ("翠苑一区", "古荡新村", "文鼎苑", "嘉绿苑", "竞舟小区", "西溪花园", "三墩颐景园", "之江花园"),
        ("学军中学", "文三街小学", "保俶塔实验学校", "浙江大学紫金港校区", "浙江大学玉泉校区",
         "浙江工商大学教工路校区", "中国美术学院象山校区"),
        (Landmark("汽车西站", H), Landmark("黄龙体育中心", B), Landmark("西溪湿地", O), Landmark("灵隐景区", O),
         Landmark("龙井村", O), Landmark("文三数码街", B)),
    ),
    District(
        "滨江区", "滨江", "沈佳怡", 8, (30.15, 120.13, 30.23, 120.26), 0.007,
        (_s("西兴街道", 30.1950, 120.2150), _s("长河街道", 30.1900, 120.1950), _s("浦沿街道", 30.1700, 120.1650)),
        ("江南大道", "滨盛路", "长河路", "浦沿路", "江汉路", "滨安路", "东信大道", "西兴路", "六和路", "闻涛路",
         "江陵路", "火炬大道"),
        ("江南春城", "东方郡", "钱塘春晓", "白马湖家园", "浦沿新村", "闻涛苑"),
        ("杭州第二中学", "浦沿小学", "长河小学", "浙江中医药大学滨江校区", "滨江实验小学"),
        (Landmark("江陵路地铁站", H), Landmark("西兴地铁站", H), Landmark("星光大道", B),
         Landmark("龙湖天街", B), Landmark("白马湖", O)),
    ),
    District(
        "萧山区", "萧山", "吴晓东", 14, (29.90, 120.10, 30.40, 120.72), 0.010,
        (
            _s("宁围街道", 30.2300, 120.2900), _s("北干街道", 30.1800, 120.2800), _s("城厢街道", 30.1650, 120.2700),
            _s("新塘街道", 30.1700, 120.3000), _s("新街街道", 30.2000, 120.3300), _s("蜀山街道", 30.1400, 120.2550),
            _s("闻堰街道", 30.1200, 120.1950), _s("义桥镇", 30.0800, 120.2300), _s("临浦镇", 30.0500, 120.2500),
            _s("瓜沥镇", 30.1900, 120.4600),
        ),
        ("市心路", "人民路", "金城路", "通惠路", "萧然南路", "育才路", "山阴路", "北干山南路", "风情大道",
         "建设一路", "晨晖路", "湘湖路"),
        ("金城花园", "育才苑", "城厢新村", "北干花园", "宁围家园", "湘湖人家"),
        ("萧山中学", "城厢小学", "高桥小学", "萧山第三高级中学", "瓜沥第一小学"),
        (Landmark("萧山国际机场", H), Landmark("杭州南站", H), Landmark("萧山客运中心", H),
         Landmark("湘湖景区", O), Landmark("市心广场", B)),
    ),
    District(
        "余杭区", "余杭", "刘洋", 12, (30.15, 119.70, 30.55, 120.20), 0.010,
        (
            _s("五常街道", 30.2800, 120.0400), _s("仓前街道", 30.2950, 120.0000), _s("闲林街道", 30.2500, 119.9900),
            _s("余杭街道", 30.2700, 119.9300), _s("中泰街道", 30.2200, 119.9300), _s("良渚街道", 30.3700, 120.0500),
            _s("瓶窑镇", 30.3900, 119.9700), _s("仁和街道", 30.4300, 120.1000),
        ),
        ("文一西路", "五常大道", "荆长大道", "良渚路", "闲林街", "海曙路", "高教路", "龙舟路", "溪望路", "莫干山路",
         "瓶窑路", "仁和大道"),
        ("五常港苑", "闲林山水", "良渚文化村", "仓前家园", "瓶窑新村", "未来科技城公寓"),
        ("余杭高级中学", "杭州师范大学仓前校区", "良渚第一小学", "闲林中学", "五常小学"),
        (Landmark("杭州西站", H), Landmark("未来科技城", B), Landmark("梦想小镇", B), Landmark("良渚古城遗址公园", O)),
    ),
    District(
        "临平区", "临平", "徐海峰", 7, (30.33, 120.15, 30.55, 120.42), 0.008,
        (
            _s("崇贤街道", 30.4100, 120.1900), _s("塘栖镇", 30.4800, 120.1900), _s("运河街道", 30.4600, 120.2400),
            _s("星桥街道", 30.3900, 120.2600), _s("乔司街道", 30.3500, 120.2800), _s("南苑街道", 30.4100, 120.2900),
            _s("临平街道", 30.4200, 120.3000), _s("东湖街道", 30.4300, 120.3200),
        ),
        ("迎宾路", "人民大道", "世纪大道", "临平大道", "藕花洲大街", "星桥北路", "乔司街", "荷禹路", "东湖北路", "北沙西路"),
        ("东湖花园", "南苑小区", "星桥新苑", "乔司佳苑", "塘栖古镇公寓", "临平新城"),
        ("临平第一中学", "临平第一小学", "乔司中学", "塘栖中学", "东湖小学"),
        (Landmark("临平南站", H), Landmark("临平银泰城", B), Landmark("超山风景区", O), Landmark("塘栖古镇", O)),
    ),
    District(
        "钱塘区", "钱塘", "钱晨", 7, (30.22, 120.30, 30.40, 120.75), 0.009,
        (
            _s("下沙街道", 30.3100, 120.3500), _s("白杨街道", 30.3000, 120.3800), _s("义蓬街道", 30.2800, 120.4700),
            _s("河庄街道", 30.2900, 120.5000), _s("新湾街道", 30.2900, 120.5600), _s("临江街道", 30.2900, 120.6200),
            _s("前进街道", 30.3200, 120.6400),
        ),
        ("学林街", "学源街", "文泽路", "文渊路", "福城路", "江东大道", "义蓬路", "海达南路", "下沙路", "金沙大道"),
        ("金沙湖花园", "下沙新苑", "白杨公寓", "义蓬新村", "河庄家园", "高沙小区"),
        ("杭州电子科技大学", "浙江理工大学", "浙江财经大学", "浙江传媒学院", "下沙中学", "义蓬中学"),
        (Landmark("文泽路地铁站", H), Landmark("金沙湖", B), Landmark("下沙高教园区", O)),
    ),
    District(
        "富阳区", "富阳", "孙丽君", 5, (29.80, 119.55, 30.20, 120.20), 0.010,
        (
            _s("银湖街道", 30.1300, 120.0000), _s("东洲街道", 30.0600, 120.0300), _s("富春街道", 30.0500, 119.9600),
            _s("春江街道", 30.0200, 119.9800), _s("鹿山街道", 30.0200, 119.9000), _s("新登镇", 29.9700, 119.7400),
        ),
        ("江滨西大道", "金桥北路", "桂花路", "孙权路", "恩波大道", "体育馆路", "文教路", "新登大道"),
        ("富春花园", "东洲新村", "银湖家园", "春江苑", "鹿山新村"),
        ("富阳中学", "富春第一小学", "银湖小学", "新登中学"),
        (Landmark("富阳客运中心", H), Landmark("富春江滨", O), Landmark("银泰城商圈", B)),
    ),
    District(
        "临安区", "临安", "方国平", 5, (29.90, 118.85, 30.45, 119.90), 0.010,
        (
            _s("青山湖街道", 30.2500, 119.7900), _s("锦北街道", 30.2550, 119.7100), _s("锦城街道", 30.2350, 119.7200),
            _s("锦南街道", 30.2150, 119.7200), _s("玲珑街道", 30.2100, 119.6700), _s("於潜镇", 30.2100, 119.4100),
            _s("昌化镇", 30.1600, 119.2300),
        ),
        ("钱王街", "衣锦街", "石镜街", "苕溪南街", "万马路", "城中街", "锦城大道", "科技大道"),
        ("锦城花园", "青山湖家园", "锦南新村", "玲珑苑", "於潜新村"),
        ("浙江农林大学", "临安中学", "锦城第一小学", "於潜中学"),
        (Landmark("临安客运中心", H), Landmark("青山湖", O), Landmark("天目山景区", O), Landmark("钱王街商圈", B)),
    ),
)


@dataclass(frozen=True)
class Place:
    """Where one outlet is: district, 街道, street address, coordinates, route, nearest landmark."""

    district: District
    subdistrict: Subdistrict
    landmark: Landmark
    street: str
    road: str
    latitude: float
    longitude: float
    route: str


def _inside(box: Box, latitude: float, longitude: float) -> bool:
    south, west, north, east = box
    return south <= latitude <= north and west <= longitude <= east


def coordinates(rng: random.Random, district: District, subdistrict: Subdistrict) -> tuple[float, float]:
    """A point near the 街道 centre, inside the district and not in West Lake."""
    for _ in range(20):
        latitude = rng.gauss(subdistrict.latitude, district.spread)
        longitude = rng.gauss(subdistrict.longitude, district.spread)
        if _inside(district.bounds, latitude, longitude) and not _inside(WEST_LAKE, latitude, longitude):
            break
    else:
        latitude, longitude = subdistrict.latitude, subdistrict.longitude
    return round(latitude, 6), round(longitude, 6)


def street_number(rng: random.Random) -> int:
    """House numbers from 1: most shops sit in the first hundred or so numbers of a road."""
    return min(999, int((rng.paretovariate(1.3) - 1) * 30) + 1)


def street_address(rng: random.Random, district: District, road: str) -> str:
    number = street_number(rng)
    roll = rng.random()
    if roll < 0.55:
        return f"{road}{number}号"
    if roll < 0.70:
        cross = one(rng, [r for r in district.roads if r != road])
        return f"{road}{number}号（近{cross}口）"
    if roll < 0.85:
        return f"{road}{number}号{one(rng, district.estates)}底商"
    if roll < 0.95:
        return f"{road}{number}号{between(rng, 1, 20)}幢{between(rng, 1, 3)}0{between(rng, 1, 9)}室"
    return f"{road}{number}-{between(rng, 1, 12)}号"


def place(rng: random.Random, district: District) -> Place:
    index = int(rng.random() * len(district.subdistricts))
    subdistrict = district.subdistricts[index]
    latitude, longitude = coordinates(rng, district, subdistrict)
    road = one(rng, district.roads)
    return Place(
        district, subdistrict, one(rng, district.landmarks), street_address(rng, district, road), road,
        latitude, longitude, district.route_for(index, longitude),
    )
