"""Route ordering for FieldCRM: optimise, insert, split and measure delivery routes (路序).

Pure Python on plain data (no Qt, no SQLite) so the Routes page, the CLI and
the demo share one engine. Tours come from the fast-tsp library (MIT); see
docs/routing.md for why it was chosen and how it was measured.
"""

from fieldcrm.routing.geo import distance_matrix, haversine_m
from fieldcrm.routing.insertion import cheapest_insertion
from fieldcrm.routing.model import LatLon, Pin, RoutePlan, Stop
from fieldcrm.routing.optimize import measure, optimize
from fieldcrm.routing.problem import Matrix
from fieldcrm.routing.split import split_balanced

__all__ = [
    "LatLon",
    "Matrix",
    "Pin",
    "RoutePlan",
    "Stop",
    "cheapest_insertion",
    "distance_matrix",
    "haversine_m",
    "measure",
    "optimize",
    "split_balanced",
]
