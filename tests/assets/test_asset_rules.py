"""Every lifecycle transition, allowed and refused, on the pure rules (no database)."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from fieldcrm.domain import asset_rules as rules
from fieldcrm.domain.asset_fields import AssetStatus as S
from fieldcrm.domain.asset_fields import WriteOffReason
from fieldcrm.domain.asset_rules import AssetState, Place, Transition
from fieldcrm.errors import FieldError
from tests.assets.helpers import fits

W = Place.warehouse("总仓")
W2 = Place.warehouse("城西仓")
C1 = Place.customer("C1", "C-0001")
C2 = Place.customer("C2", "C-0002")

STATES = {
    "in_stock": AssetState("T", S.IN_STOCK, W),
    "deployed": AssetState("T", S.DEPLOYED, C1),
    "repair_at_shop": AssetState("T", S.IN_REPAIR, C1),
    "repair_in_warehouse": AssetState("T", S.IN_REPAIR, W),
    "retired": AssetState("T", S.RETIRED, C1),
    "lost": AssetState("T", S.LOST, W),
}
ACTIONS: dict[str, Callable[[AssetState], Transition]] = {
    "deploy": lambda s: rules.deploy(s, C2),
    "move": lambda s: rules.move(s, C2),
    "retrieve": lambda s: rules.retrieve(s, W2),
    "inspect": rules.inspect,
    "repair_request": rules.repair_request,
    "repair_done": rules.repair_done,
    "write_off": lambda s: rules.write_off(s, WriteOffReason.LOST),
    "correct": lambda s: rules.correct(s, C2),
}
# state -> action -> (status, place) after it, or None when refused.
EXPECTED: dict[str, dict[str, tuple[S, Place] | None]] = {
    "in_stock": {
        "deploy": (S.DEPLOYED, C2), "move": None, "retrieve": None, "inspect": None,
        "repair_request": (S.IN_REPAIR, W), "repair_done": None, "write_off": (S.LOST, W), "correct": (S.DEPLOYED, C2),
    },
    "deployed": {
        "deploy": None, "move": (S.DEPLOYED, C2), "retrieve": (S.IN_STOCK, W2), "inspect": (S.DEPLOYED, C1),
        "repair_request": (S.IN_REPAIR, C1), "repair_done": None, "write_off": (S.LOST, C1),
        "correct": (S.DEPLOYED, C2),
    },
    "repair_at_shop": {
        "deploy": None, "move": None, "retrieve": (S.IN_REPAIR, W2), "inspect": (S.IN_REPAIR, C1),
        "repair_request": None, "repair_done": (S.DEPLOYED, C1), "write_off": (S.LOST, C1),
        "correct": (S.IN_REPAIR, C2),
    },
    "repair_in_warehouse": {
        "deploy": None, "move": None, "retrieve": None, "inspect": None, "repair_request": None,
        "repair_done": (S.IN_STOCK, W), "write_off": (S.LOST, W), "correct": (S.IN_REPAIR, C2),
    },
    "retired": {action: None for action in ACTIONS},
    "lost": {action: None for action in ACTIONS},
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
def test_transition(state: str, action: str) -> None:
    expected = EXPECTED[state][action]
    if expected is None:
        with pytest.raises(FieldError) as caught:
            ACTIONS[action](STATES[state])
        assert caught.value.message.startswith("tag: T ")
    else:
        after = ACTIONS[action](STATES[state])
        assert (after.status, after.place) == expected
        assert fits(after.status, after.place)


def test_a_deployed_unit_is_never_deployed_twice() -> None:
    with pytest.raises(FieldError, match="only a unit in stock can be deployed"):
        rules.deploy(STATES["deployed"], C1)
    with pytest.raises(FieldError, match="in_repair"):
        rules.deploy(STATES["repair_at_shop"], C2)


def test_moving_to_where_it_already_is_names_the_customer() -> None:
    with pytest.raises(FieldError) as caught:
        rules.move(STATES["deployed"], C1)
    assert caught.value.field == "customer" and "C-0001" in caught.value.message


def test_only_the_customer_that_has_it_can_return_it() -> None:
    assert rules.retrieve(STATES["deployed"], W, C1).place == W
    with pytest.raises(FieldError) as caught:
        rules.retrieve(STATES["deployed"], W, C2)
    assert caught.value.field == "customer"
    assert caught.value.message == "customer: T is not at customer C-0002 (it is at C-0001)"


def test_a_visit_inspects_only_the_units_at_its_shop() -> None:
    assert rules.inspect(STATES["repair_at_shop"], C1) == Transition(S.IN_REPAIR, C1)
    with pytest.raises(FieldError) as caught:
        rules.inspect(STATES["deployed"], C2)
    assert caught.value.message == "customer: T is not at customer C-0002 (it is at C-0001)"


def test_event_dates_may_be_backdated_but_not_future_or_before_the_last_event() -> None:
    state = AssetState("T", S.DEPLOYED, C1, last_date="2026-09-01")
    today = date(2026, 9, 30)
    rules.check_date(state, "2026-09-01", today)
    rules.check_date(state, "2026-09-30", today)
    with pytest.raises(FieldError, match="^date: 2026-10-01 is in the future$"):
        rules.check_date(state, "2026-10-01", today)
    with pytest.raises(FieldError, match=r"^date: 2026-08-31 is before the unit's last event \(2026-09-01\)$"):
        rules.check_date(state, "2026-08-31", today)


def test_place_codes_round_trip_and_labels_do_not_matter_for_equality() -> None:
    assert Place.parse(C1.code) == Place.customer("C1", "another label")
    assert Place.parse("warehouse:城西仓") == W2
    assert Place.parse(None) is None and Place.parse("garbage") is None and Place.parse("shop:1") is None
