"""Every refused route write names the field at fault and leaves the workspace as it was."""

from __future__ import annotations

from typing import Callable

import pytest

from fieldcrm.errors import FieldCRMError, NotFound
from tests.routes.helpers import DEPOT, FIELD_ERRORS, Services, Town, counts

Call = Callable[[Services, Town], object]

CASES: list[tuple[str, Call, str]] = [
    ("unknown route", lambda s, t: s.routes.assign("不存在的线", t.shops[:1]), "route"),
    ("unknown route to move to", lambda s, t: s.routes.move(t.shops[:1], "不存在的线"), "route"),
    ("unknown customer", lambda s, t: s.routes.assign("一线", [t.shops[5], "C-NOPE99"]), "customer"),
    ("blank customer", lambda s, t: s.routes.assign("一线", [" "]), "customer"),
    ("customer given twice", lambda s, t: s.routes.assign("一线", [t.shops[5], t.shops[5]]), "customer"),
    ("customer already on it", lambda s, t: s.routes.assign("一线", [t.shops[5], t.shops[0]]), "customer"),
    ("retired customer", lambda s, t: s.routes.assign("一线", [t.shops[9]]), "customer"),
    ("depot latitude", lambda s, t: s.routes.create("新线", depot="91,120"), "depot"),
    ("depot longitude", lambda s, t: s.routes.update("一线", depot="30,-180.5"), "depot"),
    ("depot not numbers", lambda s, t: s.routes.create("新线", depot="杭州"), "depot"),
    ("depot one number", lambda s, t: s.routes.create("新线", depot="30.2"), "depot"),
    ("depot not finite", lambda s, t: s.routes.create("新线", depot="nan,120"), "depot"),
    ("unknown weekday", lambda s, t: s.routes.create("新线", days="MON,FUNDAY"), "days"),
    ("weekday twice", lambda s, t: s.routes.update("一线", days="mon,周一"), "days"),
    ("unknown kind", lambda s, t: s.routes.create("新线", kind="sales"), "kind"),
    ("no name", lambda s, t: s.routes.create("  "), "name"),
    ("name too long", lambda s, t: s.routes.create("线" * 101), "name"),
    ("name taken", lambda s, t: s.routes.create("一线"), "name"),
    ("rename to a taken name", lambda s, t: s.routes.update("一线", name="二线"), "name"),
    ("not a route field", lambda s, t: s.routes.update("一线", kind="delivery"), "kind"),
    ("unknown territory", lambda s, t: s.routes.create("新线", territory="火星"), "territory"),
    ("unknown pin", lambda s, t: s.routes.set_pin("一线", t.shops[0], "middle"), "pin"),
    ("pin a customer not on it", lambda s, t: s.routes.set_pin("一线", t.shops[5], "first"), "customer"),
    ("remove a customer not on it", lambda s, t: s.routes.remove("一线", [t.shops[0], t.shops[5]]), "customer"),
    ("cheapest without a depot", lambda s, t: s.routes.assign("二线", t.shops[5:6], cheapest=True), "depot"),
    ("optimise without a depot", lambda s, t: s.routes.optimise("二线"), "depot"),
    ("a partial new order", lambda s, t: s.routes.set_order("一线", []), "order"),
    ("an unknown zone", lambda s, t: s.territories.assign("火星", t.shops[:1]), "zone"),
    ("a split into no routes", lambda s, t: s.split.propose_split("主城分区", 0), "routes"),
]


@pytest.fixture
def routed(sup: Services, town: Town) -> Services:
    first = sup.routes.create("一线", depot=DEPOT)
    sup.routes.create("二线")
    sup.routes.assign(first.id, town.shops[:3])
    sup.customers.delete(town.shops[9])
    return sup


@pytest.mark.parametrize(("call", "field"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_naming_the_field_with_nothing_written(routed: Services, town: Town, call: Call, field: str) -> None:
    before = counts(routed.db)
    order = routed.routes.view("一线").order
    with pytest.raises((*FIELD_ERRORS, NotFound)) as caught:
        call(routed, town)
    error = caught.value
    assert isinstance(error, FieldCRMError)
    assert error.message.startswith(f"{field}: "), error.message
    if not isinstance(error, NotFound):
        assert error.field == field
    assert counts(routed.db) == before
    assert routed.routes.view("一线").order == order


def test_unknown_names_are_not_found_and_shared_names_ask_for_the_id(routed: Services) -> None:
    with pytest.raises(NotFound, match="^route: no route with id or name '不存在'"):
        routed.routes.view("不存在")
    routed.db.execute("UPDATE routes SET name = '一线' WHERE name = '二线'")  # as two laptops may leave it
    with pytest.raises(FIELD_ERRORS, match="^route: '一线' names 2 routes; use the id"):
        routed.routes.view("一线")
