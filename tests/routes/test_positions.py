"""Stop sort keys: always room between two, and a reorder rewrites only the stops that moved."""

from __future__ import annotations

import random

import pytest

from fieldcrm.domain.route_positions import (
    MAX_KEY_LENGTH, is_valid, key_between, keys_between, reposition, spaced_keys,
)


def test_random_insertions_stay_ordered_valid_and_short() -> None:
    rng = random.Random(5)
    keys: list[str] = []
    for _ in range(3000):
        at = rng.randrange(len(keys) + 1)
        before, after = (keys[at - 1] if at else None), (keys[at] if at < len(keys) else None)
        key = key_between(before, after)
        assert is_valid(key)
        assert (before is None or before < key) and (after is None or key < after)
        keys.insert(at, key)
    assert max(len(k) for k in keys) <= 8


def test_appending_grows_keys_slowly() -> None:
    keys = [key_between(None, None)]
    for _ in range(300):
        keys.append(key_between(keys[-1], None))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert len(keys[-1]) <= 10


def test_no_key_between_equal_or_inverted_keys() -> None:
    with pytest.raises(ValueError):
        key_between("U", "U")
    with pytest.raises(ValueError):
        key_between("V", "U")


def test_spaced_and_between_keys_are_increasing() -> None:
    for count in (1, 2, 61, 300, 5000):
        keys = spaced_keys(count)
        assert len(keys) == count and keys == sorted(keys) and all(is_valid(k) for k in keys)
        assert keys[-1] < "V"  # the upper half is left for appends
    run = keys_between("A", "B", 50)
    assert len(run) == 50 and run == sorted(run) and "A" < run[0] and run[-1] < "B"


def _apply(order: list[tuple[str, str | None]], changed: dict[str, str]) -> list[str]:
    return [changed.get(stop_id, key) or "" for stop_id, key in order]


def test_moving_one_stop_rewrites_only_that_stop() -> None:
    keys = spaced_keys(300)
    order: list[tuple[str, str | None]] = [(f"s{i}", k) for i, k in enumerate(keys)]
    order.insert(200, order.pop(10))
    changed = reposition(order)
    assert list(changed) == ["s10"]
    new = _apply(order, changed)
    assert new == sorted(new) and len(set(new)) == len(new)


def test_an_order_already_in_key_order_writes_nothing() -> None:
    assert reposition([(f"s{i}", k) for i, k in enumerate(spaced_keys(20))]) == {}


def test_missing_equal_and_malformed_keys_get_new_ones() -> None:
    """What sync may leave behind: two laptops choosing the same key, a key that never arrived, junk."""
    order: list[tuple[str, str | None]] = [("a", "U"), ("b", "U"), ("c", None), ("d", "bad key"), ("e", "V0"), ("f", "k")]
    changed = reposition(order)
    new = _apply(order, changed)
    assert new == sorted(new) and len(set(new)) == len(new) and all(is_valid(k) for k in new)
    assert "f" not in changed and ("a" not in changed or "b" not in changed)


def test_keys_grown_too_long_are_renumbered_afresh() -> None:
    tight = ["U" + "z" * MAX_KEY_LENGTH, "V"]
    order: list[tuple[str, str | None]] = [("a", tight[0]), *((f"n{i}", None) for i in range(3)), ("b", tight[1])]
    changed = reposition(order)
    new = _apply(order, changed)
    assert new == sorted(new) and max(len(k) for k in new) <= 3
