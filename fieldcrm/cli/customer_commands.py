"""``fieldcrm customer …``: the customer card from scripts.

Every value goes through the same CustomerService and validation as the
editor, so the CLI cannot store what the GUI would refuse; it only turns
FIELD=VALUE words into a mapping and results into text or JSON.
"""

from __future__ import annotations

import argparse
from typing import Any

from fieldcrm.cli import rendering
from fieldcrm.cli.common import (
    EXIT_OK,
    CliParser,
    UsageError,
    emit,
    emit_json,
    non_negative_int,
    note,
    opened_workspace,
    positive_int,
)
from fieldcrm.domain.customer_fields import FIELDS_BY_NAME, FILTERABLE_FIELDS
from fieldcrm.domain.customers import CustomerQuery, CustomerService, HistoryRow, parse_filters
from fieldcrm.storage.customers import CARD_COLUMNS, SORTABLE


def parse_assignments(words: list[str]) -> dict[str, str]:
    """``FIELD=VALUE`` words as a mapping; an empty VALUE clears the field.

    A word without ``=`` or a field given twice is a usage error: silently
    taking the last value would hide a typo in a long command line.
    """
    values: dict[str, str] = {}
    for word in words:
        name, equals, value = word.partition("=")
        name = name.strip()
        if not equals or not name:
            raise UsageError(f"{word}: expected FIELD=VALUE (see 'fieldcrm customer fields')")
        if name in values:
            raise UsageError(f"{name}: given more than once")
        values[name] = value
    return values


def _describe(card: dict[str, Any]) -> str:
    return f"{card['code']} ({card['name']})"


def cmd_fields(args: argparse.Namespace) -> int:
    """No workspace needed: the card's fields are part of the program, not the data."""
    if args.json:
        emit_json(rendering.fields_json())
    else:
        for line in rendering.fields_text():
            emit(line)
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    values = parse_assignments(args.assignments)
    with opened_workspace(args) as workspace:
        card = CustomerService(workspace).create(values)
    if args.json:
        emit_json(rendering.card_json(card))
    else:
        emit(card["id"])
        note(f"created {_describe(card)}")
    return EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    values = parse_assignments(args.assignments)
    with opened_workspace(args) as workspace:
        service = CustomerService(workspace)
        changed = service.update(args.id, values)
        card = service.get(args.id)
    if args.json:
        emit_json({"id": card["id"], "code": card["code"], "changed": changed})
    else:
        note(f"updated {_describe(card)}: {', '.join(changed)}" if changed else f"{_describe(card)}: nothing changed")
    return EXIT_OK


def _set_deleted(args: argparse.Namespace, deleted: bool) -> int:
    """Delete and restore are idempotent: repeating one says so and records nothing."""
    verb = "deleted" if deleted else "restored"
    with opened_workspace(args) as workspace:
        service = CustomerService(workspace)
        card = service.get(args.id)
        if bool(card["deleted"]) == deleted:
            note(f"{_describe(card)} was already {'deleted' if deleted else 'live'}; nothing changed")
            return EXIT_OK
        if deleted:
            service.delete(card["id"])
        else:
            service.restore(card["id"])
    note(f"{verb} {_describe(card)}")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    return _set_deleted(args, True)


def cmd_restore(args: argparse.Namespace) -> int:
    return _set_deleted(args, False)


def card_history(service: CustomerService, customer_id: str) -> list[HistoryRow]:
    """The versions of the card's own columns; sync bookkeeping kept in the change log is left out."""
    return [row for row in service.history(customer_id) if row.field in CARD_COLUMNS]


def cmd_show(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        service = CustomerService(workspace)
        card = service.get(args.id)
        history = card_history(service, card["id"]) if args.history else None
    if args.json:
        shape = rendering.card_json(card)
        if history is not None:
            shape["history"] = rendering.history_json(history)
        emit_json(shape)
    else:
        lines = rendering.card_text(card)
        if history is not None:
            lines += rendering.history_text(history)
        for line in lines:
            emit(line)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """Filters are checked like card values, so ``--channel retial`` names the field and the codes.

    ``--deleted`` shows the tombstoned cards only (the place to find one to
    restore); without it deleted cards are left out.
    """
    raw_filters = {name: getattr(args, name) for name in FILTERABLE_FIELDS if getattr(args, name) is not None}
    query = CustomerQuery(
        search=args.search or "", filters=parse_filters(raw_filters), sort=args.sort, descending=args.desc,
        only_deleted=args.deleted,
    )
    with opened_workspace(args) as workspace:
        service = CustomerService(workspace)
        total = service.count(query)
        limit = total if args.limit is None else args.limit
        rows = service.page(query, args.offset, limit) if limit else []
    if args.json:
        emit_json({"total": total, "customers": [rendering.list_row_json(r, deleted=args.deleted) for r in rows]})
        return EXIT_OK
    if not rows:
        note("no customers match" if total == 0 else f"no customers past offset {args.offset} (of {total})")
        return EXIT_OK
    for line in rendering.list_text(rows):
        emit(line)
    if len(rows) < total:
        note(f"showing {len(rows)} of {total} customers (use --limit and --offset for more)")
    return EXIT_OK


def _filter_help(name: str) -> str:
    spec = FIELDS_BY_NAME[name]
    if spec.choices is not None:
        return f"only cards whose {name} is this code: {', '.join(spec.choices.codes())}"
    return f"only cards whose {name} is exactly this text"


def register(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    """Add ``customer`` and its actions; the list filters are generated from FILTERABLE_FIELDS."""
    customer = subcommands.add_parser(
        "customer", help="add, change, find and show customer cards",
        description="Customer cards. ID is the card's id or its short code (C-7K2Q01).",
    )
    actions = customer.add_subparsers(dest="action", metavar="ACTION", required=True)

    fields = actions.add_parser("fields", help="the card's fields, their types and allowed values")
    fields.add_argument("--json", action="store_true", help="print a JSON list (see the README)")
    fields.set_defaults(handler=cmd_fields)

    add = actions.add_parser("add", help="create a card; prints its id (the code goes to stderr)")
    add.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    add.add_argument("--json", action="store_true", help="print the new card as customer show --json does")
    add.set_defaults(handler=cmd_add)

    set_ = actions.add_parser("set", help="change fields of a card; FIELD= clears one")
    set_.add_argument("id", metavar="ID")
    set_.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    set_.add_argument("--json", action="store_true", help="print {id, code, changed}")
    set_.set_defaults(handler=cmd_set)

    delete = actions.add_parser("delete", help="retire a card (a tombstone that syncs; restorable)")
    delete.add_argument("id", metavar="ID")
    delete.set_defaults(handler=cmd_delete)

    restore = actions.add_parser("restore", help="bring a deleted card back")
    restore.add_argument("id", metavar="ID")
    restore.set_defaults(handler=cmd_restore)

    show = actions.add_parser("show", help="every field of one card")
    show.add_argument("id", metavar="ID")
    show.add_argument("--history", action="store_true", help="also the card's change history, newest first")
    show.add_argument("--json", action="store_true", help="print a JSON object (see the README)")
    show.set_defaults(handler=cmd_show)

    list_ = actions.add_parser("list", help="find cards by search text and classification")
    list_.add_argument("--search", metavar="TEXT", help="name, code, phone, address or people, also as pinyin or initials")
    for name in FILTERABLE_FIELDS:
        spellings = [f"--{name.replace('_', '-')}"] + ([f"--{name}"] if "_" in name else [])
        list_.add_argument(*spellings, dest=name, metavar="VALUE", help=_filter_help(name))
    list_.add_argument("--sort", choices=sorted(SORTABLE), default="name", help="column to order by (default name)")
    list_.add_argument("--desc", action="store_true", help="descending order")
    list_.add_argument("--limit", type=positive_int, metavar="N", help="at most N cards (default all)")
    list_.add_argument("--offset", type=non_negative_int, default=0, metavar="N", help="skip the first N cards")
    list_.add_argument("--deleted", action="store_true", help="list deleted cards only, to find one to restore")
    list_.add_argument("--json", action="store_true", help="print {total, customers} (see the README)")
    list_.set_defaults(handler=cmd_list)
