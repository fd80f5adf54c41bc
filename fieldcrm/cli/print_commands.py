"""``fieldcrm print …``: the paper documents as PDF files, from scripts or a terminal.

Every command checks the output path first, then reads (and for a visit
sheet, plans) through ``fieldcrm.printing.sources``, then renders into a
temporary file beside the target that replaces it only when complete: a
refused or failed print leaves no file behind, and never half a PDF.

The sources and layouts are imported when a print command runs: they bring
reportlab and every domain service, which other commands should not load.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import BinaryIO, Callable

from fieldcrm.cli.common import EXIT_OK, CliParser, UsageError, emit, note, opened_workspace, terminal_progress
from fieldcrm.printing import settings as print_settings
from fieldcrm.printing.output import check_target, write_atomically
from fieldcrm.printing.settings import LANGUAGES, Paper, PrintSettings
from fieldcrm.workspace import Workspace

Render = Callable[[BinaryIO], int]


def _settings(args: argparse.Namespace, workspace: Workspace) -> PrintSettings:
    """``--lang`` after ``print`` beats the top-level ``--lang``, which beats the stored print language;
    ``--paper`` beats the stored paper (see ``print settings``)."""
    paper = Paper(args.paper) if args.paper else None
    return print_settings.load(workspace, paper=paper, language=getattr(args, "lang", None))


def _write(args: argparse.Namespace, render: Render) -> int:
    target: Path = args.output
    pages = write_atomically(target, render)
    emit(str(target))
    note(f"wrote {target} ({pages} page{'s' if pages != 1 else ''})")
    return EXIT_OK


def cmd_visit_sheet(args: argparse.Namespace) -> int:
    from fieldcrm.printing import sources
    from fieldcrm.printing.visit_sheet import render_visit_sheet

    check_target(args.output)
    with opened_workspace(args) as workspace:
        sheet = sources.visit_sheet(workspace, args.route, args.date, rep=args.rep)
        settings = _settings(args, workspace)
    return _write(args, lambda out: render_visit_sheet(sheet, settings, out))


def cmd_day(args: argparse.Namespace) -> int:
    from fieldcrm.printing.day_sheets import day_sheets
    from fieldcrm.printing.visit_sheet import render_visit_sheets

    check_target(args.output)
    with opened_workspace(args) as workspace:
        sheets = day_sheets(workspace, args.date, args.rep, progress=terminal_progress("reading routes"))
        settings = _settings(args, workspace)
    progress = terminal_progress("printing visit sheets")
    return _write(args, lambda out: render_visit_sheets(sheets, settings, out, progress=progress))


def cmd_card(args: argparse.Namespace) -> int:
    from fieldcrm.printing import sources
    from fieldcrm.printing.customer_card import render_customer_cards

    check_target(args.output)
    with opened_workspace(args) as workspace:
        ids = sources.resolve_customers(workspace, args.customers)
        cards = sources.customer_cards(workspace, ids)
        settings = _settings(args, workspace)
    return _write(args, lambda out: render_customer_cards(cards, settings, out))


def cmd_cards(args: argparse.Namespace) -> int:
    from fieldcrm.printing import sources
    from fieldcrm.printing.customer_card import render_customer_cards

    if (args.route is None) == (args.territory is None):
        raise UsageError("give either --route or --territory")
    check_target(args.output)
    with opened_workspace(args) as workspace:
        if args.route is not None:
            ids = sources.route_members(workspace, args.route).customer_ids
        else:
            ids = sources.territory_members(workspace, args.territory)
        cards = sources.customer_cards(workspace, ids)
        settings = _settings(args, workspace)
    progress = terminal_progress("printing cards")
    return _write(args, lambda out: render_customer_cards(cards, settings, out, progress=progress))


def cmd_inspection_sheet(args: argparse.Namespace) -> int:
    from fieldcrm.printing import sources
    from fieldcrm.printing.inspection_sheet import render_inspection_sheet

    check_target(args.output)
    with opened_workspace(args) as workspace:
        sheet = sources.inspection_sheet(workspace, args.route, args.date)
        settings = _settings(args, workspace)
    return _write(args, lambda out: render_inspection_sheet(sheet, settings, out))


def cmd_daily_report(args: argparse.Namespace) -> int:
    from fieldcrm.printing import sources
    from fieldcrm.printing.daily_report import render_daily_report

    check_target(args.output)
    with opened_workspace(args) as workspace:
        report = sources.daily_report(workspace, args.rep, args.date)
        settings = _settings(args, workspace)
    return _write(args, lambda out: render_daily_report(report, settings, out))


def cmd_settings(args: argparse.Namespace) -> int:
    """Without options, shows the settings; ``--company ''`` or ``--no-logo`` clears one."""
    if args.logo is not None and args.no_logo:
        raise UsageError("give either --logo or --no-logo")
    with opened_workspace(args) as workspace:
        current = print_settings.load(workspace)
        if any(value is not None for value in (args.company, args.logo, args.paper, args.language)) or args.no_logo:
            print_settings.save(
                workspace,
                current.company_name if args.company is None else args.company,
                None if args.no_logo else (args.logo if args.logo is not None else current.logo_path),
                paper=args.paper or current.paper, language=args.language or current.language,
            )
            current = print_settings.load(workspace)
    emit(f"company_name  {current.company_name}".rstrip())
    emit(f"company_logo  {current.logo_path or ''}".rstrip())
    emit(f"paper         {current.paper.value}")
    emit(f"language      {current.language}")
    return EXIT_OK


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the PDF file to write")
    parser.add_argument("--paper", choices=[p.value for p in Paper],
                        help="paper size (default: the print settings' paper, a4 unless set)")
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=f"language of the print (default: the print settings' language, "
                             f"{print_settings.DEFAULT_LANGUAGE} unless set)")


def register(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    printing = subcommands.add_parser(
        "print", help="print visit sheets, customer cards, inspection sheets and daily reports to PDF",
        description="Write a paper document as a PDF file (A4 or Letter, Chinese or English).",
    )
    commands = printing.add_subparsers(dest="print_command", metavar="DOCUMENT", required=True)

    sheet = commands.add_parser(
        "visit-sheet", help="the day's visit sheet of a route",
        description="Plan the rep's visits of the route on the date (reusing visits already planned) and "
                    "print the sheet; each stop carries its visit code as text and QR code.",
    )
    sheet.add_argument("--route", required=True, metavar="ROUTE", help="the route's id or name")
    sheet.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day of the visits")
    sheet.add_argument("--rep", metavar="NAME", help="whose visits (default: the route's rep, else the workspace owner)")
    _add_output_options(sheet)
    sheet.set_defaults(handler=cmd_visit_sheet)

    day = commands.add_parser(
        "day", help="the visit sheets of every route of a day, in one PDF",
        description="Print the visit sheet of every visiting route that runs on the date (its weekday), each "
                    "from a new page and numbered on its own, planning their visits as visit-sheet does. A rep "
                    "prints their own routes; a supervisor all of them or one rep's.",
    )
    day.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day")
    day.add_argument("--rep", metavar="NAME", help="only this rep's routes")
    _add_output_options(day)
    day.set_defaults(handler=cmd_day)

    card = commands.add_parser("card", help="customer cards by id or code",
                               description="Print the cards of the given customers, each from a new page.")
    card.add_argument("customers", nargs="+", metavar="CUSTOMER", help="a customer id or code")
    _add_output_options(card)
    card.set_defaults(handler=cmd_card)

    cards = commands.add_parser("cards", help="the customer cards of a route or a territory",
                                description="Print the cards of every live customer of a route or a territory.")
    cards.add_argument("--route", metavar="ROUTE", help="the customers of this route")
    cards.add_argument("--territory", metavar="T", help="the customers of this territory")
    _add_output_options(cards)
    cards.set_defaults(handler=cmd_cards)

    inspection = commands.add_parser("inspection-sheet", help="the asset inspection sheet of a route",
                                     description="Print every unit deployed on the route with its checklist.")
    inspection.add_argument("--route", required=True, metavar="ROUTE", help="the route")
    inspection.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the round (default today)")
    _add_output_options(inspection)
    inspection.set_defaults(handler=cmd_inspection_sheet)

    report = commands.add_parser("daily-report", help="a rep's daily report as submitted",
                                 description="Print the newest submitted version of the rep's daily report.")
    report.add_argument("--rep", required=True, metavar="NAME", help="the rep")
    report.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day of the report")
    _add_output_options(report)
    report.set_defaults(handler=cmd_daily_report)

    setup = commands.add_parser("settings", help="show or set the company, logo, paper and language of prints",
                                description="Without options, show the print settings of the workspace.")
    setup.add_argument("--company", metavar="NAME", help="the company name ('' clears it)")
    setup.add_argument("--logo", type=Path, metavar="FILE", help="a PNG or JPEG logo")
    setup.add_argument("--no-logo", action="store_true", help="print without a logo")
    setup.add_argument("--paper", choices=[p.value for p in Paper], help="the paper of every print")
    setup.add_argument("--language", choices=LANGUAGES, help="the language of every print")
    setup.set_defaults(handler=cmd_settings)
