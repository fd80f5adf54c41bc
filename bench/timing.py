"""Timing helpers shared by the benchmarks (not a benchmark itself: it has no ``run``)."""

from __future__ import annotations

import statistics
import time
from typing import Any, Callable


def median_ms(call: Callable[[], Any], repeat: int = 5) -> float:
    """Median wall time of ``call`` in milliseconds (after one warm-up run)."""
    call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
