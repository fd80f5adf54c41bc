"""``fieldcrm asset …``: freezers, coolers and racks placed in shops (冰柜管理), from scripts.

Every value goes through ``AssetService`` and its FieldSpecs, so the CLI
refuses exactly what the GUI's dialogs refuse, naming the field, and a
refused command writes nothing (the service checks before its transaction).
This module only turns words into arguments and results into text or JSON;
the JSON printed is the service's own result, unchanged.
"""

from __future__ import annotations

import argparse
from typing import Any, Iterable, Mapping

from fieldcrm.cli.common import (
    EXIT_OK,
    CliParser,
    emit,
    emit_json,
    non_negative_int,
    note,
    opened_workspace,
    positive_int,
)
from fieldcrm.cli.customer_commands import parse_assignments
from fieldcrm.cli.rendering import table
from fieldcrm.domain.asset_fields import AssetStatus, AssetType
from fieldcrm.domain.assets import AssetService

LIST_COLUMNS = ("tag", "type", "status", "customer_code", "customer_name", "warehouse", "territory", "due_on")
SHOW_FIELDS = (
    "tag", "serial_number", "type", "brand", "model", "capacity_litres", "purchase_date", "purchase_cost",
    "status", "notes", "last_checked_on", "due_on", "overdue",
)
HISTORY_COLUMNS = ("date", "kind", "from", "to", "user", "details")
_DETAILS = (
    "agreement", "deposit", "refund", "clean", "display_ok", "share_percent", "temperature", "condition", "reason",
    "notes",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value).replace("\n", " / ")


def place_text(place: Mapping[str, Any] | None) -> str:
    """"C-7K2Q01 张三超市" for a customer, "warehouse 总仓" for a warehouse, "" for nowhere."""
    if not place:
        return ""
    if place["kind"] == "customer":
        return " ".join(str(p) for p in (place.get("code") or place.get("customer_id"), place.get("name")) if p)
    return f"{place['kind']} {place['name']}"


def _details(event: Mapping[str, Any]) -> str:
    parts = [f"{name}={_cell(event[name])}" for name in _DETAILS if name in event]
    missing = sum(1 for photo in event.get("photos", ()) if photo["path"] is None)
    if event.get("photos"):
        parts.append(f"photos={len(event['photos'])}" + (f" ({missing} not yet received)" if missing else ""))
    return "; ".join(parts)


def history_lines(history: Iterable[Mapping[str, Any]]) -> list[str]:
    rows = (
        [_cell(e["date"]), e["kind"], place_text(e["from"]), place_text(e["to"]), _cell(e["user"]), _details(e)]
        for e in history
    )
    return table(list(HISTORY_COLUMNS), rows)


def _report(args: argparse.Namespace, event: dict[str, Any], summary: str) -> int:
    """An event command's output: the event as JSON, or its id on stdout and what happened on stderr."""
    if args.json:
        emit_json(event)
    else:
        emit(event["id"])
        note(summary)
    return EXIT_OK


def _refund_note(event: Mapping[str, Any]) -> str:
    refund = event.get("refund") or 0
    if not refund:
        return "no deposit to refund"
    return f"refund the deposit of {refund:.2f} yuan to {place_text(event.get('refund_to'))}"


# -- writes ------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace) -> int:
    values = parse_assignments(args.assignments)
    with opened_workspace(args) as workspace:
        unit = AssetService(workspace).add(values)
    if args.json:
        emit_json(unit)
    else:
        emit(unit["id"])
        note(f"added {unit['tag']} ({unit['type']}) in {place_text(unit['location'])}")
    return EXIT_OK


def cmd_deploy(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        event = AssetService(workspace).deploy(
            args.tag, args.customer, agreement=args.agreement, deposit=args.deposit, date=args.date
        )
    return _report(args, event, f"deployed {event['tag']} at {place_text(event['to'])}")


def cmd_move(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        event = AssetService(workspace).move(
            args.tag, args.customer, agreement=args.agreement, deposit=args.deposit, date=args.date
        )
    moved = f"moved {event['tag']} from {place_text(event['from'])} to {place_text(event['to'])}"
    return _report(args, event, f"{moved}; {_refund_note(event)}")


def cmd_retrieve(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        event = AssetService(workspace).retrieve(args.tag, warehouse=args.warehouse, date=args.date)
    retrieved = f"retrieved {event['tag']} to {place_text(event['to'])}"
    return _report(args, event, f"{retrieved}; {_refund_note(event)}")


def cmd_inspect(args: argparse.Namespace) -> int:
    values = parse_assignments(args.assignments)
    with opened_workspace(args) as workspace:
        event = AssetService(workspace).inspect(args.tag, values, photos=args.photo)
    photos = len(event.get("photos", ()))
    return _report(args, event, f"inspected {event['tag']} at {place_text(event['to'])} ({photos} photo(s))")


def cmd_repair(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = AssetService(workspace)
        record = service.repair_done if args.done else service.repair_request
        event = record(args.tag, notes=args.notes, date=args.date)
    verb = "repair done for" if args.done else "repair requested for"
    return _report(args, event, f"{verb} {event['tag']}")


# -- reads ---------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    """All matching units unless ``--limit``; the total is counted with the same filters."""
    criteria = {
        "status": args.status, "type": args.type, "customer": args.customer, "territory": args.territory,
        "overdue": args.overdue, "search": args.search,
    }
    with opened_workspace(args) as workspace:
        service = AssetService(workspace)
        total = service.count(**criteria)
        limit = total if args.limit is None else args.limit
        rows = service.list(**criteria, offset=args.offset, limit=limit) if limit else []
    if args.json:
        emit_json({"total": total, "assets": rows})
        return EXIT_OK
    if not rows:
        note("no assets match" if total == 0 else f"no assets past offset {args.offset} (of {total})")
        return EXIT_OK
    body = ([_cell(r[c]) + (" (overdue)" if c == "due_on" and r["overdue"] else "") for c in LIST_COLUMNS] for r in rows)
    for line in table(list(LIST_COLUMNS), body):
        emit(line)
    if len(rows) < total:
        note(f"showing {len(rows)} of {total} assets (use --limit and --offset for more)")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        unit = AssetService(workspace).show(args.tag)
    if args.json:
        emit_json(unit)
        return EXIT_OK
    width = max(len(name) for name in (*SHOW_FIELDS, "location", "placement", "flags"))
    for name in SHOW_FIELDS:
        emit(f"{name:<{width}}  {_cell(unit[name])}")
    emit(f"{'location':<{width}}  {place_text(unit['location'])}")
    placed = unit["placement"]
    if placed is not None:
        agreement = placed["agreement"] or "no agreement"
        emit(f"{'placement':<{width}}  since {placed['since']}, {agreement}, deposit {placed['deposit_held']:.2f}")
    emit(f"{'flags':<{width}}  {', '.join(unit['flags'])}")
    emit()
    for line in history_lines(unit["history"]):
        emit(line)
    return EXIT_OK


# -- parser ----------------------------------------------------------------------------


def _json_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} (see the README)")


def _placement_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agreement", metavar="A", help="the placement agreement's number")
    parser.add_argument("--deposit", metavar="D", help="deposit taken, in yuan")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day it happened (default today)")


def register(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    """Add ``asset`` and its actions; each write is one AssetService call."""
    asset = subcommands.add_parser(
        "asset", help="register, place, inspect, move and retrieve freezers and other units",
        description="Units placed in shops. TAG is the unit's tag (any case) or id; CUSTOMER_ID a card's id or code.",
    )
    actions = asset.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="register a unit in a warehouse (supervisors); prints its id")
    add.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    _json_option(add, "the new unit as asset show --json does")
    add.set_defaults(handler=cmd_add)

    deploy = actions.add_parser("deploy", help="place a unit from stock at a customer")
    deploy.add_argument("tag", metavar="TAG")
    deploy.add_argument("customer", metavar="CUSTOMER_ID")
    _placement_options(deploy)
    _json_option(deploy, "the event")
    deploy.set_defaults(handler=cmd_deploy)

    inspect = actions.add_parser("inspect", help="record a check of a unit at its customer")
    inspect.add_argument("tag", metavar="TAG")
    inspect.add_argument("assignments", nargs="*", metavar="FIELD=VALUE")
    inspect.add_argument(
        "--photo", action="append", default=[], metavar="FILE", help="a JPEG, PNG, WebP or HEIC photo (repeatable)"
    )
    _json_option(inspect, "the event")
    inspect.set_defaults(handler=cmd_inspect)

    move = actions.add_parser("move", help="take a deployed unit straight to another customer")
    move.add_argument("tag", metavar="TAG")
    move.add_argument("customer", metavar="CUSTOMER_ID")
    _placement_options(move)
    _json_option(move, "the event, with the refund due to the old customer")
    move.set_defaults(handler=cmd_move)

    retrieve = actions.add_parser("retrieve", help="bring a unit back to a warehouse; says the deposit to refund")
    retrieve.add_argument("tag", metavar="TAG")
    retrieve.add_argument("--warehouse", metavar="W", help="where it goes (default: the default warehouse)")
    retrieve.add_argument("--date", metavar="YYYY-MM-DD", help="the day it happened (default today)")
    _json_option(retrieve, "the event, with the refund")
    retrieve.set_defaults(handler=cmd_retrieve)

    repair = actions.add_parser("repair", help="request a repair, or with --done record it finished")
    repair.add_argument("tag", metavar="TAG")
    repair.add_argument("--done", action="store_true", help="the repair is finished (the unit is back in service)")
    repair.add_argument("--notes", metavar="N", help="what is wrong or what was done")
    repair.add_argument("--date", metavar="YYYY-MM-DD", help="the day it happened (default today)")
    _json_option(repair, "the event")
    repair.set_defaults(handler=cmd_repair)

    list_ = actions.add_parser("list", help="find units by status, type, customer, territory or text")
    list_.add_argument("--status", metavar="S", help=f"one of {', '.join(AssetStatus.codes())}")
    list_.add_argument("--type", metavar="T", help=f"one of {', '.join(AssetType.codes())}")
    list_.add_argument("--customer", metavar="ID", help="units at this customer (id or code)")
    list_.add_argument("--territory", metavar="T", help="units at customers of this territory")
    list_.add_argument("--overdue", action="store_true", help="deployed units not inspected within the interval")
    list_.add_argument("--search", metavar="TEXT", help="tag, serial number, brand, model or customer")
    list_.add_argument("--limit", type=positive_int, metavar="N", help="at most N units (default all)")
    list_.add_argument("--offset", type=non_negative_int, default=0, metavar="N", help="skip the first N units")
    _json_option(list_, "{total, assets}")
    list_.set_defaults(handler=cmd_list)

    show = actions.add_parser("show", help="one unit, where it is, its deposit, flags and history")
    show.add_argument("tag", metavar="TAG")
    _json_option(show, "a JSON object")
    show.set_defaults(handler=cmd_show)
