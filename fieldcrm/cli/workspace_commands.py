"""``fieldcrm init``, ``demo`` and ``gui``: making a workspace and opening the app on it.

``demo`` and ``gui`` import their modules only when run: the demo generator
and Qt are heavy, and a scripted ``customer list`` should not pay for (or,
in Qt's case, even load) either of them.
"""

from __future__ import annotations

import argparse
from datetime import date
import sys
from typing import Callable

from fieldcrm.cli.common import (
    EXIT_OK,
    CliParser,
    UsageError,
    note,
    opened_workspace,
    positive_int,
    workspace_folder,
)
from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.errors import WorkspaceError
from fieldcrm.workspace import REMEDY_CHOOSE

LANGUAGES = ("zh_CN", "en")
DEFAULT_DEMO_CUSTOMERS = 300


def cmd_init(args: argparse.Namespace) -> int:
    """Checked before the folder is created, so a bad command leaves nothing behind."""
    user = args.user.strip()
    if not user:
        raise UsageError("--user: a name is required")
    with opened_workspace(args, create=True, owned=False) as workspace:
        identity = workspace.initialise(user, Role(args.role), args.territory)
        folder = workspace.folder
    territory = f", territory {identity.territory}" if identity.territory else ""
    note(
        f"initialised {folder} for {identity.user_name} ({identity.role.value}{territory}); "
        f"site {identity.site_id} (tag {identity.site_tag})"
    )
    return EXIT_OK


def _terminal_progress() -> Callable[[int, int], None] | None:
    """A counter redrawn in place on an interactive stderr; silence in scripts and logs."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\rbuilding demo data: {done}/{total}")
        sys.stderr.flush()

    return show


def cmd_demo(args: argparse.Namespace) -> int:
    """Refuses a workspace that holds any card, deleted or not, so demo data is never doubled."""
    from fieldcrm.demo import build_lived_in_demo

    with opened_workspace(args, create=True, owned=False) as workspace:
        existing = CustomerService(workspace).count(CustomerQuery(include_deleted=True))
        if existing:
            raise WorkspaceError(
                "The workspace {path} already has {count} customers; demo data only goes into an empty workspace",
                path=workspace.folder, count=existing, remedies=(REMEDY_CHOOSE,),
            )
        progress = _terminal_progress()
        # Dated up to today, so the demo opens on a live day: today's visits, a current Due list.
        build_lived_in_demo(workspace, customers=args.customers, seed=args.seed, progress=progress, today=date.today())
        if progress is not None:
            sys.stderr.write("\n")
        created = CustomerService(workspace).count(CustomerQuery(include_deleted=True))
        identity = workspace.require_identity()
        folder = workspace.folder
    note(f"demo workspace {folder}: {created} customers, owner {identity.user_name} ({identity.role.value})")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """The GUI handles a missing or half-made workspace itself (first-start dialog), so no checks here."""
    from fieldcrm.ui.app import run_gui

    return run_gui(workspace_folder(args), lang=args.lang)


def add_lang_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    """``--lang`` on the top level (gui is the default command) and on ``gui`` itself.

    The ``gui`` copy defaults to SUPPRESS so it does not overwrite a top-level value.
    """
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help="GUI language (default: the system's)")


def register(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    init = subcommands.add_parser(
        "init", help="create a workspace and set its owner",
        description="Create the workspace folder and database if needed and make USER its owner with a "
                    "fresh site id. A workspace that already has an owner is refused.",
    )
    init.add_argument("--user", required=True, metavar="NAME", help="the owner's name")
    init.add_argument("--role", required=True, choices=Role.codes(), help="the owner's role")
    init.add_argument("--territory", metavar="T", help="the owner's sales territory")
    init.set_defaults(handler=cmd_init)

    demo = subcommands.add_parser(
        "demo", help="fill an empty workspace with realistic demo data",
        description="Build demo customers in an empty (or new) workspace; refused when it has any customer.",
    )
    demo.add_argument("--customers", type=positive_int, default=DEFAULT_DEMO_CUSTOMERS, metavar="N",
                      help=f"how many customers (default {DEFAULT_DEMO_CUSTOMERS})")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed; the same seed gives the same data")
    demo.set_defaults(handler=cmd_demo)

    gui = subcommands.add_parser("gui", help="open the desktop app (the default when no command is given)")
    add_lang_option(gui, default=argparse.SUPPRESS)
    gui.set_defaults(handler=cmd_gui)
