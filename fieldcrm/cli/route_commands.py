"""``fieldcrm territory …`` and ``fieldcrm route …``: the territory tree and routes from scripts.

Values go to the same services (and their checks) as the Routes page; this
module only turns words into calls and results into text or the JSON shapes
documented in the README. Territories and routes are named by id or by their
unique name, customers by id or code.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from fieldcrm.cli.common import EXIT_OK, CliParser, emit, emit_json, note, opened_workspace
from fieldcrm.cli.rendering import table
from fieldcrm.domain.route_model import Route, RouteView, metres
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import TerritoryNode, TerritoryService
from fieldcrm.domain.week_plan import WeekPlan, WeekPlanService


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _days(route: Route) -> str:
    return ",".join(d.value for d in route.days)


# -- territory -----------------------------------------------------------------

def cmd_territory_add(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = TerritoryService(workspace)
        node = service.add(args.name, level=args.level, parent=args.parent, manager=args.manager)
        parent = service.get(node.parent_id).name if node.parent_id else None
    emit(node.id)
    note(f"created {node.level.value} {node.name}" + (f" under {parent}" if parent else ""))
    return EXIT_OK


def _tree_rows(nodes: Sequence[TerritoryNode], depth: int = 0) -> list[list[str]]:
    rows = []
    for node in nodes:
        rows.append(["  " * depth + node.name, node.level.value, _text(node.manager), str(node.customers),
                     str(node.routes), node.id])
        rows += _tree_rows(node.children, depth + 1)
    return rows


def cmd_territory_list(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        tree = TerritoryService(workspace).tree()
    if args.json:
        emit_json([node.to_json() for node in tree])
    elif not tree:
        note("no territories yet (add one with 'fieldcrm territory add')")
    else:
        for line in table(["name", "level", "manager", "customers", "routes", "id"], _tree_rows(tree)):
            emit(line)
    return EXIT_OK


def cmd_territory_assign(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = TerritoryService(workspace)
        changed = service.assign(args.zone, args.customers)
        zone = service.get(args.zone, "zone").name
    note(f"zone {zone}: {len(args.customers)} customers, {len(changed)} changed")
    return EXIT_OK


# -- route: the route itself ---------------------------------------------------

def cmd_route_add(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        route = RouteService(workspace).create(
            args.name, kind=args.kind, territory=args.territory, depot=args.depot, days=args.days, rep=args.rep,
            delivery=args.delivery,
        )
    emit(route.id)
    note(f"created {route.kind.value} route {route.name}")
    return EXIT_OK


def cmd_route_set(args: argparse.Namespace) -> int:
    """Only the options given change; an empty value (``--depot ""``) clears that field."""
    given = {f: getattr(args, f) for f in ("name", "territory", "depot", "days", "rep", "delivery")}
    changes = {f: v for f, v in given.items() if v is not None}
    with opened_workspace(args) as workspace:
        service = RouteService(workspace)
        changed = service.update(args.route, **changes)
        name = service.get(args.route if "name" not in changed else changes["name"]).name
    note(f"updated route {name}: {', '.join(changed)}" if changed else f"route {name}: nothing changed")
    return EXIT_OK


def cmd_route_delete(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = RouteService(workspace)
        route = service.get(args.route)
        service.delete(route.id)
    note(f"deleted route {route.name} ({route.stops} stops)")
    return EXIT_OK


# -- route: who is on it -------------------------------------------------------

def cmd_route_assign(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = RouteService(workspace)
        added = service.assign(args.route, args.customers, cheapest=args.cheapest)
        route = service.get(args.route)
    note(f"route {route.name}: {len(added)} added, {route.stops} stops")
    return EXIT_OK


def cmd_route_move(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = RouteService(workspace)
        moved = service.move(args.customers, args.route, cheapest=args.cheapest)
        route = service.get(args.route)
    note(f"route {route.name}: {len(moved)} moved here, {route.stops} stops")
    return EXIT_OK


def cmd_route_remove(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = RouteService(workspace)
        service.remove(args.route, args.customers)
        route = service.get(args.route)
    note(f"route {route.name}: {len(args.customers)} removed, {route.stops} stops")
    return EXIT_OK


def cmd_route_pin(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = RouteService(workspace)
        service.set_pin(args.route, args.customer, args.pin)
        route = service.get(args.route)
    note(f"route {route.name}: {args.customer} pinned {args.pin.strip().lower()}")
    return EXIT_OK


# -- route: order and reading --------------------------------------------------

def cmd_route_optimize(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = RouteService(workspace)
        result = service.optimise(args.route)
        codes = {s.customer_id: s.code or s.customer_id for s in service.view(result.route_id).stops}
    if args.json:
        emit_json(result.to_json())
        return EXIT_OK
    saved = result.before_m - result.after_m
    emit(f"{result.name}: {metres(result.before_m)} m -> {metres(result.after_m)} m (saved {metres(saved)} m)")
    if result.unlocated:
        emit(f"without coordinates, kept at the end: {', '.join(codes[c] for c in result.unlocated)}")
    return EXIT_OK


def _view_text(view: RouteView) -> list[str]:
    route = view.route
    depot = f"{route.depot[0]},{route.depot[1]}" if route.depot else ""
    lines = [
        f"{route.name}  {route.kind.value}  territory {_text(route.territory)}  rep {_text(route.rep)}  "
        f"delivery {_text(route.delivery)}  days {_days(route)}  depot {depot}".rstrip(),
    ]
    rows = [
        [str(seq), _text(s.code), _text(s.name), "" if s.pin.value == "none" else s.pin.value, _text(metres(s.leg_m)),
         s.customer_id]
        for seq, s in enumerate(view.stops, start=1)
    ]
    lines += table(["seq", "code", "name", "pin", "leg_m", "customer_id"], rows)
    back = f" (back to the depot {metres(view.return_m)} m)" if view.return_m is not None else ""
    lines.append(f"total {metres(view.total_m)} m{back}")
    if view.unlocated:
        lines.append(f"without coordinates: {len(view.unlocated)}")
    return lines


def cmd_route_show(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        view = RouteService(workspace).view(args.route)
    if args.json:
        emit_json(view.to_json())
    else:
        for line in _view_text(view):
            emit(line)
    return EXIT_OK


def cmd_route_list(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        routes = RouteService(workspace).list_routes(args.territory, args.kind)
    if args.json:
        emit_json([route.to_json() for route in routes])
    elif not routes:
        note("no routes match")
    else:
        rows = [
            [r.name, r.kind.value, _text(r.territory), _text(r.rep), _text(r.delivery), _days(r), str(r.stops),
             _text(metres(r.length_m)), r.id]
            for r in routes
        ]
        for line in table(["name", "kind", "territory", "rep", "delivery", "days", "stops", "length_m", "id"], rows):
            emit(line)
    return EXIT_OK


def _week_text(plan: WeekPlan) -> list[str]:
    lines = []
    for day in plan.days:
        lines.append(f"{day.weekday.value} {day.day.isoformat()}")
        for entry in day.routes:
            route = entry.route
            line = f"  {route.name} ({_text(route.rep)}): {route.stops} stops"
            if entry.due is not None:
                names = [f"{d.code or d.customer_id} {_text(d.name)}".rstrip() for d in entry.due]
                line += f", {len(names)} due" + (": " + ", ".join(names) if names else "")
            lines.append(line)
    if plan.unscheduled:
        lines.append("no weekdays set: " + ", ".join(r.name for r in plan.unscheduled))
    return lines


def cmd_route_week(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        plan = WeekPlanService(workspace).week(args.start, territory=args.territory, kind=args.kind)
    if args.json:
        emit_json(plan.to_json())
    else:
        for line in _week_text(plan):
            emit(line)
    return EXIT_OK


# -- the parsers ---------------------------------------------------------------

def _register_territory(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    territory = subcommands.add_parser(
        "territory", help="the territory tree: districts, areas, zones",
        description="The territory tree: district (分区) > area (片区) > zone (小区). ID is a node's id or its name.",
    )
    actions = territory.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a node (supervisors only); prints its id")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--parent", metavar="ID", help="the node it goes under (none for a district)")
    add.add_argument("--manager", metavar="M", help="its responsible manager or rep")
    add.add_argument("--level", metavar="LEVEL", help="district, area or zone (default: one below the parent's)")
    add.set_defaults(handler=cmd_territory_add)

    list_ = actions.add_parser("list", help="the tree, with customers and routes under each node")
    list_.add_argument("--json", action="store_true", help="print the tree as JSON (see the README)")
    list_.set_defaults(handler=cmd_territory_list)

    assign = actions.add_parser("assign", help="put customers in a zone (sets their card's territory)")
    assign.add_argument("zone", metavar="ZONE")
    assign.add_argument("customers", nargs="+", metavar="CUSTOMER_ID")
    assign.set_defaults(handler=cmd_territory_assign)


def _route_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--territory", metavar="ID", help="the territory node it serves")
    parser.add_argument("--depot", metavar="LAT,LON", help="where it starts and ends")
    parser.add_argument("--days", metavar="DAYS", help="weekdays it runs, e.g. MON,THU")
    parser.add_argument("--rep", metavar="R", help="the sales rep")
    parser.add_argument("--delivery", metavar="D", help="the delivery person")


def _customer_action(actions: argparse._SubParsersAction[CliParser], name: str, help_text: str) -> CliParser:
    parser = actions.add_parser(name, help=help_text)
    parser.add_argument("route", metavar="ROUTE_ID")
    parser.add_argument("customers", nargs="+", metavar="CUSTOMER_ID")
    return parser


def _register_route(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    route = subcommands.add_parser(
        "route", help="routes (路序): stops, order, week plan",
        description="Routes. ROUTE_ID is a route's id or its name; CUSTOMER_ID a card's id or code.",
    )
    actions = route.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="create a route; prints its id")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", default="visiting", metavar="KIND", help="visiting (default) or delivery")
    _route_options(add)
    add.set_defaults(handler=cmd_route_add)

    set_ = actions.add_parser("set", help="change a route's fields; an empty value clears one")
    set_.add_argument("route", metavar="ROUTE_ID")
    set_.add_argument("--name", metavar="NAME", help="a new name")
    _route_options(set_)
    set_.set_defaults(handler=cmd_route_set)

    delete = actions.add_parser("delete", help="retire a route and its stops")
    delete.add_argument("route", metavar="ROUTE_ID")
    delete.set_defaults(handler=cmd_route_delete)

    assign = _customer_action(actions, "assign", "add customers to a route, at the end")
    assign.add_argument("--cheapest", action="store_true", help="put each where it adds fewest metres instead")
    assign.set_defaults(handler=cmd_route_assign)

    move = _customer_action(actions, "move", "move customers here from their route of the same kind")
    move.add_argument("--cheapest", action="store_true", help="put each where it adds fewest metres, not at the end")
    move.set_defaults(handler=cmd_route_move)

    remove = _customer_action(actions, "remove", "take customers off a route")
    remove.set_defaults(handler=cmd_route_remove)

    pin = actions.add_parser("pin", help="keep a stop first, last or in its place when optimising")
    pin.add_argument("route", metavar="ROUTE_ID")
    pin.add_argument("customer", metavar="CUSTOMER_ID")
    pin.add_argument("pin", metavar="PIN", help="first, last, fixed or none")
    pin.set_defaults(handler=cmd_route_pin)

    optimize = actions.add_parser("optimize", help="reorder for the shortest tour; prints the length before and after")
    optimize.add_argument("route", metavar="ROUTE_ID")
    optimize.add_argument("--json", action="store_true", help="print a JSON object (see the README)")
    optimize.set_defaults(handler=cmd_route_optimize)

    show = actions.add_parser("show", help="the stops in order with each leg's metres")
    show.add_argument("route", metavar="ROUTE_ID")
    show.add_argument("--json", action="store_true", help="print a JSON object (see the README)")
    show.set_defaults(handler=cmd_route_show)

    list_ = actions.add_parser("list", help="every route, or those of a territory")
    list_.add_argument("--territory", metavar="ID", help="only routes of this node and the nodes under it")
    list_.add_argument("--kind", metavar="KIND", help="only visiting or only delivery routes")
    list_.add_argument("--json", action="store_true", help="print a JSON list (see the README)")
    list_.set_defaults(handler=cmd_route_list)

    week = actions.add_parser("week", help="which route runs each day and who is due on it")
    week.add_argument("--start", metavar="DATE", help="a day of the week to plan (default today)")
    week.add_argument("--territory", metavar="ID", help="only routes of this node and the nodes under it")
    week.add_argument("--kind", metavar="KIND", help="only visiting or only delivery routes")
    week.add_argument("--json", action="store_true", help="print a JSON object (see the README)")
    week.set_defaults(handler=cmd_route_week)


def register(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    """Add ``territory`` and ``route`` with their actions."""
    _register_territory(subcommands)
    _register_route(subcommands)
