"""Territories and routes for a demo workspace, matching the customers the demo already wrote.

The demo files each customer under a Hangzhou district (its ``territory``) and
a weekday route named after it (西湖-周一线). This builds the tree around that:
three 分区 grouping the districts, each district an area (片区) with its rep,
and each 街道 a zone (小区); customers go to the zone of the nearest 街道 centre
served by their route. Then one visiting route per route name, running on the
weekday in its name from the district's first 街道, ordered by the optimiser.

Everything goes through the services, so it is validated and captured for
sync like data typed in. A rep's own demo workspace gets routes but no tree:
the tree is a supervisor's to draw and reaches reps by sync. Content is the
same for the same seed and customers; ids are real ones.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Callable

from fieldcrm.demo import hangzhou, people
from fieldcrm.demo.build import stream
from fieldcrm.domain.route_values import Level
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import TerritoryService
from fieldcrm.errors import WorkspaceError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.routing import haversine_m
from fieldcrm.storage import routes as route_store
from fieldcrm.workspace import Workspace

Progress = Callable[[int, int], None]

DISTRICT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("主城分区", ("上城区", "拱墅区", "西湖区", "滨江区")),
    ("东部分区", ("萧山区", "临平区", "钱塘区")),
    ("西部分区", ("余杭区", "富阳区", "临安区")),
)
_DAY_IN_NAME = re.compile(r"(?:周|星期)[一二三四五六日天]")


@dataclass(frozen=True)
class DemoRoutes:
    territories: int
    routes: int
    stops: int
    unrouted: int  # cards without a route name


def build_routes(workspace: Workspace, *, seed: int = 1, progress: Progress | None = None) -> DemoRoutes:
    """Build the territory tree and a route per route name on the workspace's cards.

    Refused when the workspace already has routes or territories, so demo
    data is never doubled. ``progress(done, total)`` is called after each route.
    """
    territories, routes = TerritoryService(workspace), RouteService(workspace)
    if territories.tree() or routes.list_routes():
        raise WorkspaceError(
            _N("Workspace", "The workspace {path} already has territories or routes; demo routes only go into one without"),
            path=workspace.folder,
        )
    rng = stream(seed, "routes")
    cards = route_store.cards_in_entry_order(workspace.db)
    districts = {d.name: d for d in hangzhou.DISTRICTS}
    areas: dict[str, str] = {}
    nodes = 0
    if workspace.require_identity().is_supervisor:
        areas, nodes = _build_tree(territories, districts, rng)
        _zone_customers(territories, districts, cards)
    delivery = {d.name: people.full_name(rng) for d in hangzhou.DISTRICTS}
    by_route: dict[str, list[dict[str, Any]]] = {}
    for card in cards:
        if card["route"]:
            by_route.setdefault(card["route"], []).append(card)
    stops = 0
    for done, (name, members) in enumerate(sorted(by_route.items()), start=1):
        district = districts.get(members[0]["territory"] or "")
        depot = (district.subdistricts[0].latitude, district.subdistricts[0].longitude) if district else None
        day = _DAY_IN_NAME.search(name)
        route = routes.create(
            name, territory=areas.get(district.name) if district else None, depot=depot,
            days=day.group() if day else None, rep=_most_common(m["rep"] for m in members),
            delivery=delivery[district.name] if district else None,
        )
        routes.assign(route.id, [m["id"] for m in members])
        if depot is not None:
            routes.optimise(route.id)
        stops += len(members)
        if progress is not None:
            progress(done, len(by_route))
    return DemoRoutes(nodes, len(by_route), stops, len(cards) - stops)


def _build_tree(
    territories: TerritoryService, districts: dict[str, hangzhou.District], rng: random.Random,
) -> tuple[dict[str, str], int]:
    """分区 → 片区 (one per demo district, its rep as manager) → 小区 (one per 街道).

    Returns the area ids by name and how many nodes were made.
    """
    areas = {}
    made = 0
    for group, members in DISTRICT_GROUPS:
        top = territories.add(group, level=Level.DISTRICT.value, manager=people.full_name(rng))
        made += 1
        for name in members:
            district = districts[name]
            areas[name] = territories.add(name, parent=top.id, manager=district.rep).id
            for subdistrict in district.subdistricts:
                territories.add(subdistrict.name, parent=areas[name], manager=district.rep)
            made += 1 + len(district.subdistricts)
    return areas, made


def _zone_customers(
    territories: TerritoryService, districts: dict[str, hangzhou.District], cards: list[dict[str, Any]],
) -> None:
    """Each located card of a demo district into the zone of the nearest 街道 its route serves."""
    zoned: dict[str, list[str]] = {}
    for card in cards:
        district = districts.get(card["territory"] or "")
        if district is None or card["latitude"] is None or card["longitude"] is None:
            continue
        here = (card["latitude"], card["longitude"])
        indexes = range(len(district.subdistricts))
        served = [i for i in indexes if district.route_for(i, card["longitude"]) == card["route"]] or list(indexes)
        centres = [(s.latitude, s.longitude) for s in district.subdistricts]
        nearest = min(served, key=lambda i: haversine_m(here, centres[i]))
        zoned.setdefault(district.subdistricts[nearest].name, []).append(card["id"])
    for zone, ids in zoned.items():
        territories.assign(zone, ids)


def _most_common(values: Iterable[str | None]) -> str | None:
    """The value most cards name (the first by sort order on a tie), so the result is reproducible."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None
