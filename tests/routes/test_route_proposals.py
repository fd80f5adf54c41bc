"""What the Routes page needs beyond the CLI: an optimised order proposed without writing, and pins set together."""

from __future__ import annotations

import pytest

from fieldcrm.domain.route_values import StopPin
from tests.routes.helpers import DEPOT, FIELD_ERRORS, Services, Town, counts


def test_a_proposed_order_writes_nothing_and_set_order_applies_it(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线", depot=DEPOT)
    sup.routes.assign(route.id, town.shops)
    sup.routes.set_pin(route.id, town.shops[3], "first")
    before, view = counts(sup.db), sup.routes.view(route.id)
    proposal = sup.routes.propose_order(route.id)
    assert counts(sup.db) == before
    assert proposal.previous_order == view.order and proposal.before_m == pytest.approx(view.total_m)
    assert proposal.after_m < proposal.before_m
    assert sup.routes.set_order(route.id, proposal.order) == view.order
    after = sup.routes.view(route.id)
    assert after.total_m == pytest.approx(proposal.after_m)
    assert after.stops[0].customer_id == town.shops[3]


def test_several_stops_are_pinned_in_one_write_or_none_are(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线", depot=DEPOT)
    sup.routes.assign(route.id, town.shops[:4])
    sup.routes.set_pins(route.id, town.shops[1:3], "last")
    pins = {s.customer_id: s.pin for s in sup.routes.view(route.id).stops}
    assert [pins[c] for c in town.shops[:4]] == [StopPin.NONE, StopPin.LAST, StopPin.LAST, StopPin.NONE]
    before = counts(sup.db)
    with pytest.raises(FIELD_ERRORS) as caught:
        sup.routes.set_pins(route.id, [town.shops[0], town.shops[6]], "first")  # the second is not on it
    assert caught.value.field == "customer" and counts(sup.db) == before
    sup.routes.set_pins(route.id, town.shops[1:3], "none")
    assert {s.pin for s in sup.routes.view(route.id).stops} == {StopPin.NONE}
