"""The territory tree: levels, names, counts, who may change it, and customers put in zones."""

from __future__ import annotations

import pytest

from fieldcrm.domain.route_values import Level
from fieldcrm.errors import NotFound, PermissionDenied
from tests.routes.helpers import FIELD_ERRORS, Services, Town, card, counts


def test_levels_follow_the_parent_and_the_tree_counts_its_subtree(sup: Services, town: Town) -> None:
    sup.routes.create("北山线", territory="北山街道")
    (district,) = sup.territories.tree()
    assert (district.name, district.level, district.manager) == ("主城分区", Level.DISTRICT, "赵明")
    (area,) = district.children
    assert (area.name, area.level) == ("西湖区", Level.AREA)
    assert [(z.name, z.level, z.customers, z.routes) for z in area.children] == [
        ("北山街道", Level.ZONE, 10, 1), ("西溪街道", Level.ZONE, 4, 0),
    ]
    assert (district.customers, district.routes) == (14, 1)
    assert district.to_json()["children"][0]["children"][0] == {
        "id": town.beishan, "name": "北山街道", "level": "zone", "manager": None, "customers": 10, "routes": 1,
        "children": [],
    }


def test_nodes_are_named_by_id_or_unique_name(sup: Services, town: Town) -> None:
    assert sup.territories.resolve("北山街道") == town.beishan
    assert sup.territories.resolve(f"  {town.beishan} ") == town.beishan
    assert sup.territories.subtree(town.area) == [town.area, town.beishan, town.xixi]
    with pytest.raises(NotFound, match="^parent: no territory"):
        sup.territories.add("新区", parent="不存在")


def test_putting_customers_in_a_zone_sets_zone_and_the_areas_name(sup: Services, town: Town) -> None:
    shop = town.shops[0]
    assert card(sup, shop) == {"territory": "西湖区", "route": None, "zone_id": town.beishan}
    assert sup.territories.assign("西溪街道", [shop]) == [shop]
    assert card(sup, shop)["zone_id"] == town.xixi
    assert sup.territories.assign("西溪街道", [shop]) == []  # nothing changed, nothing recorded
    assert [c["id"] for c in sup.territories.customers(town.xixi)] == [shop, *town.xixi_shops]


def test_the_scope_of_a_district_is_its_own_name(sup: Services, town: Town) -> None:
    assert sup.territories.scope_name(town.beishan) == "西湖区"
    assert sup.territories.scope_name(town.area) == "西湖区"
    assert sup.territories.scope_name(town.district) == "主城分区"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": " "}, "name"),
        ({"name": "主城分区"}, "name"),  # taken
        ({"name": "新片区", "level": "area"}, "parent"),  # an area needs a district above it
        ({"name": "新片区", "level": "zone", "parent": "主城分区"}, "level"),
        ({"name": "新片区", "level": "region"}, "level"),
        ({"name": "新片区", "parent": "北山街道"}, "parent"),  # nothing goes under a zone
    ],
)
def test_bad_nodes_are_refused_naming_the_field_and_nothing_is_written(
    sup: Services, town: Town, kwargs: dict[str, str], field: str,
) -> None:
    before = counts(sup.db)
    with pytest.raises(FIELD_ERRORS) as caught:
        sup.territories.add(kwargs.pop("name"), **kwargs)
    assert caught.value.field == field and caught.value.message.startswith(f"{field}: ")
    assert counts(sup.db) == before


def test_only_a_zone_takes_customers(sup: Services, town: Town) -> None:
    before = counts(sup.db)
    with pytest.raises(FIELD_ERRORS, match="^zone: '西湖区' is a area"):
        sup.territories.assign("西湖区", [town.shops[0]])
    assert counts(sup.db) == before


def test_reps_may_not_change_the_tree(rep: Services) -> None:
    before = counts(rep.db)
    with pytest.raises(PermissionDenied):
        rep.territories.add("我的片区")
    assert counts(rep.db) == before
