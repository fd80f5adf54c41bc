"""Turns caller input into the cost matrix the algorithms work on.

Node 0 is always the depot and node ``i`` the ``i``-th located stop in input
order. Stops without coordinates are set aside here, once, so that no later
step can lose them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from fieldcrm.routing.geo import distance_matrix
from fieldcrm.routing.model import LatLon, Stop

Matrix = npt.ArrayLike
"""Metres (or any consistent cost) between ``[depot, *stops]`` in the order given.

Rows and columns of stops without coordinates are ignored, so a caller can
pass one matrix for a whole route without cutting it up. It may be asymmetric
(road distances); the cost of a leg ``a -> b`` is ``matrix[a][b]``.
"""


@dataclass(frozen=True)
class Problem:
    """Located stops, the ids set aside, and the costs between depot and located stops."""

    located: tuple[Stop, ...]
    unlocated: tuple[str, ...]
    costs: npt.NDArray[np.float64]


def build_problem(depot: LatLon, stops: Sequence[Stop], matrix: Matrix | None = None) -> Problem:
    """Validate the input and compute or slice the cost matrix.

    Raises ``ValueError`` for duplicate stop ids, coordinates outside the
    globe, or a matrix of the wrong shape or with negative or non-finite
    costs between located nodes: such data would make every answer wrong.
    """
    _check_coordinate(depot, "depot")
    ids = [stop.id for stop in stops]
    if len(set(ids)) != len(ids):
        raise ValueError("stop ids must be unique")
    located_at = [i for i, stop in enumerate(stops) if stop.located]
    located = tuple(stops[i] for i in located_at)
    for stop in located:
        _check_coordinate(stop.position, f"stop {stop.id!r}")
    unlocated = tuple(stop.id for stop in stops if not stop.located)
    if matrix is None:
        costs = distance_matrix([depot, *(stop.position for stop in located)])
    else:
        costs = _slice_matrix(matrix, len(stops), located_at)
    return Problem(located=located, unlocated=unlocated, costs=costs)


def _check_coordinate(point: LatLon, what: str) -> None:
    lat, lon = point
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{what} has invalid coordinates {point!r}")


def _slice_matrix(matrix: Matrix, n_stops: int, located_at: list[int]) -> npt.NDArray[np.float64]:
    full = np.asarray(matrix, dtype=np.float64)
    if full.shape != (n_stops + 1, n_stops + 1):
        raise ValueError(f"matrix must be {n_stops + 1}x{n_stops + 1} (depot first), got {full.shape}")
    rows = np.array([0, *(i + 1 for i in located_at)], dtype=np.intp)
    costs = full[np.ix_(rows, rows)].copy()
    np.fill_diagonal(costs, 0.0)
    if not np.all(np.isfinite(costs)) or np.any(costs < 0):
        raise ValueError("matrix costs between located stops must be finite and non-negative")
    return costs
