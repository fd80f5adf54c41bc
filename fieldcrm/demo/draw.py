"""Random draws for demo data, cheap enough for 100,000 cards and reproducible from a seed.

``random.Random.choice`` and ``sample`` spend most of their time in argument
checks; drawn tens of times per card they made generation noticeably slower,
so the draws the generators repeat most are done here from ``random()``.
"""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate
from typing import Generic, Sequence, TypeVar

T = TypeVar("T")


def stream(seed: int, purpose: str) -> random.Random:
    """An independent, reproducible random stream for one purpose (customers, one chain, ...),
    so that adding a new kind of demo data never changes what an existing seed produces."""
    return random.Random(f"fieldcrm-demo:{seed}:{purpose}")


def one(rng: random.Random, pool: Sequence[T]) -> T:
    return pool[int(rng.random() * len(pool))]


def distinct(rng: random.Random, pool: Sequence[T], count: int) -> list[T]:
    """``count`` different items of ``pool`` (count is small: a partial Fisher-Yates on indexes)."""
    indexes = list(range(len(pool)))
    chosen = []
    for i in range(count):
        j = i + int(rng.random() * (len(indexes) - i))
        indexes[i], indexes[j] = indexes[j], indexes[i]
        chosen.append(pool[indexes[i]])
    return chosen


def between(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high], both included."""
    return low + int(rng.random() * (high - low + 1))


class Weighted(Generic[T]):
    """A fixed weighted choice; cumulative weights are computed once, not per pick."""

    def __init__(self, pairs: tuple[tuple[T, float], ...]) -> None:
        self.values = tuple(v for v, _ in pairs)
        self.cumulative = tuple(accumulate(w for _, w in pairs))

    def pick(self, rng: random.Random) -> T:
        return self.values[bisect(self.cumulative, rng.random() * self.cumulative[-1])]
