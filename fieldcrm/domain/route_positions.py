"""Sort keys for stops: fractional positions that merge under field-level last-writer-wins.

A stop's place is a string key on its own row, compared byte by byte (SQLite's
BINARY collation), drawn from the base-62 digits ``0-9A-Za-z`` and never
ending in ``0``, so there is always room for another key between any two.
Inserting a stop writes one row; a reorder keeps the keys of the longest run
of stops that are already in order and writes only the others, so two
laptops that reorder different parts of a route touch different rows and
both changes survive the merge. Keys that came back from sync unusable
(missing, equal, malformed) are simply given new ones the next time the route
is ordered.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = len(DIGITS)
# Past this length a route is renumbered afresh; keys grow by about a digit
# per 37 appends at the end, or per 6 insertions into the same gap.
MAX_KEY_LENGTH = 16
_VALID = re.compile(r"[0-9A-Za-z]*[1-9A-Za-z]\Z")


def is_valid(key: str | None) -> bool:
    return key is not None and _VALID.match(key) is not None


def key_between(before: str | None, after: str | None) -> str:
    """A key sorting strictly between ``before`` and ``after`` (``None``: open end).

    Both must be valid keys with ``before < after``.
    """
    low = before or ""
    if after is not None and not low < after:
        raise ValueError(f"no key between {before!r} and {after!r}")
    if after is None:
        return _after(low)
    return _midpoint(low, after)


def _after(key: str) -> str:
    """The next key after ``key``: bump its first digit below ``z``; one digit longer only when all are ``z``.

    Appending is the common case (``route assign``), so it grows keys by a
    digit per ~37 appends instead of the one per ~6 that halving would.
    """
    for index, char in enumerate(key):
        if char != "z":
            return key[:index] + DIGITS[DIGITS.index(char) + 1]
    return key + DIGITS[BASE // 2]


def _midpoint(low: str, high: str) -> str:
    """Halfway between ``low`` and ``high`` (``low`` may be empty, ``high`` not)."""
    shared = 0
    while shared < len(high) and (low[shared] if shared < len(low) else "0") == high[shared]:
        shared += 1
    if shared:
        return high[:shared] + _midpoint(low[shared:], high[shared:])
    first = DIGITS.index(low[0]) if low else 0
    last = DIGITS.index(high[0])
    if last - first > 1:
        return DIGITS[(first + last) // 2]
    if len(high) > 1:
        return high[0]
    # ``high`` is the next digit up: anything after ``low``'s tail, under ``low``'s first digit.
    return DIGITS[first] + _after(low[1:])


def keys_between(before: str | None, after: str | None, count: int) -> list[str]:
    """``count`` increasing keys strictly between ``before`` and ``after``, spread by halving."""
    if count <= 0:
        return []
    middle = key_between(before, after)
    half = count // 2
    return [*keys_between(before, middle, half), middle, *keys_between(middle, after, count - half - 1)]


def spaced_keys(count: int) -> list[str]:
    """``count`` fresh keys, evenly spaced over the lower half of the key space.

    The upper half is left for appends; the gaps leave room for dozens of
    insertions before any key grows.
    """
    if count <= 0:
        return []
    width = 1
    while BASE**width < 64 * (count + 1):
        width += 1
    step = BASE**width // (2 * (count + 1))
    return [_digits((number + 1) * step, width) for number in range(count)]


def _digits(number: int, width: int) -> str:
    text = ""
    for _ in range(width):
        number, rest = divmod(number, BASE)
        text = DIGITS[rest] + text
    return text.rstrip("0")


def reposition(order: Sequence[tuple[str, str | None]]) -> dict[str, str]:
    """New keys for the stops whose key must change so that ``order`` reads in increasing keys.

    ``order`` is the wanted sequence of ``(stop id, current key or None)``.
    The longest run of valid keys already increasing along it is kept, and
    every other stop gets a key between its kept neighbours, so the fewest
    rows are written. Returns ``{stop id: new key}``.
    """
    keys = [key if is_valid(key) else None for _, key in order]
    kept = _longest_increasing(keys)
    changed: dict[str, str] = {}
    start = 0
    anchors = [*sorted(kept), len(order)]
    for anchor in anchors:
        if anchor > start:
            before = keys[start - 1] if start > 0 else None
            after = keys[anchor] if anchor < len(order) else None
            for offset, key in enumerate(keys_between(before, after, anchor - start)):
                changed[order[start + offset][0]] = key
        start = anchor + 1
    if any(len(key) > MAX_KEY_LENGTH for key in changed.values()):
        return _renumbered(order)
    return changed


def _renumbered(order: Sequence[tuple[str, str | None]]) -> dict[str, str]:
    fresh = spaced_keys(len(order))
    return {stop_id: key for (stop_id, current), key in zip(order, fresh, strict=True) if current != key}


def _longest_increasing(keys: Sequence[str | None]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of the non-None keys (patience sorting)."""
    tails: list[str] = []
    tail_index: list[int] = []
    previous: dict[int, int | None] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        slot = bisect_left(tails, key)
        previous[index] = tail_index[slot - 1] if slot > 0 else None
        if slot == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[slot] = key
            tail_index[slot] = index
    kept: set[int] = set()
    at = tail_index[-1] if tail_index else None
    while at is not None:
        kept.add(at)
        at = previous[at]
    return kept
