"""Where pinned stops go, and the free gaps left between them.

Pins are resolved into concrete slots before any search, so the optimiser only
ever solves paths between fixed anchors and cannot break a pin by accident.
Node numbers follow ``problem.py``: 0 is the depot, ``i`` the ``i``-th located
stop in input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from fieldcrm.routing.model import Pin

DEPOT = 0


@dataclass(frozen=True)
class Gap:
    """``size`` consecutive free slots from ``first_slot``, between anchor nodes ``start`` and ``end``."""

    start: int
    end: int
    first_slot: int
    size: int


@dataclass(frozen=True)
class Layout:
    """The visiting slots with anchored nodes filled in and free ones left as ``None``."""

    slots: tuple[int | None, ...]
    free: tuple[int, ...]
    gaps: tuple[Gap, ...]

    @property
    def anchored(self) -> bool:
        """True when at least one stop is pinned, so the tour is not a free cycle."""
        return len(self.free) < len(self.slots)


def layout_slots(pins: Sequence[Pin]) -> Layout:
    """Place pinned stops and describe the gaps the free stops must fill.

    ``FIXED`` stops keep their index. ``FIRST`` stops then take the lowest
    remaining slots and ``LAST`` stops the highest, each group in input order,
    so conflicting pins (a FIXED stop at index 0 and a FIRST stop) both hold
    as closely as possible instead of raising.
    """
    slots: list[int | None] = [None] * len(pins)
    for index, pin in enumerate(pins):
        if pin is Pin.FIXED:
            slots[index] = index + 1
    open_slots = [index for index, node in enumerate(slots) if node is None]
    firsts = [index + 1 for index, pin in enumerate(pins) if pin is Pin.FIRST]
    lasts = [index + 1 for index, pin in enumerate(pins) if pin is Pin.LAST]
    for node, slot in zip(firsts, open_slots[: len(firsts)], strict=True):
        slots[slot] = node
    for node, slot in zip(lasts, open_slots[len(open_slots) - len(lasts) :], strict=True):
        slots[slot] = node
    free = tuple(index + 1 for index, pin in enumerate(pins) if pin is Pin.NONE)
    return Layout(slots=tuple(slots), free=free, gaps=_gaps(slots))


def _gaps(slots: list[int | None]) -> tuple[Gap, ...]:
    anchors = [(-1, DEPOT)]
    anchors += [(index, node) for index, node in enumerate(slots) if node is not None]
    anchors.append((len(slots), DEPOT))
    gaps = []
    for (left, start), (right, end) in pairwise(anchors):
        if right - left > 1:
            gaps.append(Gap(start=start, end=end, first_slot=left + 1, size=right - left - 1))
    return tuple(gaps)
