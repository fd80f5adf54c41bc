"""The ``fieldcrm`` command: a scriptable front door for admins, tests and benchmarks.

Its contract (documented in the README) is what scripts rely on: English
messages, data on stdout, and on failure exactly one line on stderr with a
documented exit code: 2 when the command line or a value in it is wrong, 1
for other known errors (FieldCRMError), 70 for a bug, whose traceback goes to
a log file instead of the terminal. ``main`` returns the code rather than
exiting so tests can run commands in-process.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Callable, Sequence

from fieldcrm import __version__, paths
from fieldcrm.cli import customer_commands, print_commands, route_commands, workspace_commands
from fieldcrm.cli import visit_commands
from fieldcrm.cli import asset_commands
from fieldcrm.cli import sync_commands
from fieldcrm.cli.common import (
    EXIT_ERROR,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CliParser,
    UsageError,
)
from fieldcrm.errors import FieldCRMError, FieldError, ValidationErrors, WorkspaceError

LOG_NAME = "cli.log"

Handler = Callable[[argparse.Namespace], int]


@functools.cache
def build_parser() -> CliParser:
    """The whole command tree; ``tests/cli/test_cli_docs.py`` walks it to check the README.

    Built once per process: argparse parsers are reusable, and construction
    (mostly gettext look-ups) would otherwise cost more than a small command
    when tests and benchmarks call ``main`` in-process hundreds of times.
    """
    parser = CliParser(
        prog="fieldcrm",
        description="FieldCRM: offline-first CRM for field sales. Without a command, opens the desktop app.",
        epilog="Exit codes: 0 ok, 1 known error, 2 bad command line or value, 70 internal error, 130 interrupted.",
    )
    parser.add_argument(
        "--workspace", type=Path, metavar="DIR",
        help=f"the workspace folder (default: ${paths.WORKSPACE_ENV}, else the user data folder)",
    )
    workspace_commands.add_lang_option(parser, default=None)
    parser.add_argument("--version", action="version", version=f"fieldcrm {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    workspace_commands.register(subcommands)
    customer_commands.register(subcommands)
    route_commands.register(subcommands)
    print_commands.register(subcommands)
    visit_commands.register(subcommands)
    asset_commands.register(subcommands)
    sync_commands.register(subcommands)
    parser.set_defaults(handler=workspace_commands.cmd_gui)
    return parser


def _one_line(text: str) -> str:
    """Messages quote user input, which may hold newlines; the contract is one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def describe(error: FieldCRMError) -> str:
    """The error's own message, plus what can be done (workspace) or what else was wrong (fields)."""
    message = error.message
    if isinstance(error, WorkspaceError) and error.remedies:
        message += " (" + "; ".join(error.remedies) + ")"
    if isinstance(error, ValidationErrors) and len(error.errors) > 1:
        others = ", ".join(dict.fromkeys(e.field for e in error.errors[1:]))
        message += f" (also wrong: {others})"
    return _one_line(message)


def _log_internal_error(error: BaseException, argv: Sequence[str]) -> str:
    """Write the traceback to the log; return where, or why it could not be written."""
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as problem:
        return f"no log written: {problem}"
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("fieldcrm.cli")
    logger.addHandler(handler)
    try:
        logger.error("fieldcrm %s failed", " ".join(argv), exc_info=error)
    finally:
        logger.removeHandler(handler)
        handler.close()
    return f"details in {path}"


def _silence_broken_stdout() -> None:
    """After the reader of a pipe went away (``| head``), keep Python's exit flush from complaining."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code (the console script passes it to sys.exit)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(arguments)
        handler: Handler = args.handler
        code = handler(args)
        sys.stdout.flush()  # a closed pipe must fail here, inside the contract, not at exit
        return code
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    except UsageError as error:
        sys.stderr.write(f"error: {_one_line(str(error))}\n")
        return EXIT_USAGE
    except (FieldError, ValidationErrors) as error:
        sys.stderr.write(f"error: {describe(error)}\n")
        return EXIT_USAGE
    except FieldCRMError as error:
        sys.stderr.write(f"error: {describe(error)}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_broken_stdout()
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the one place bugs are caught, logged and reported
        where = _log_internal_error(error, arguments)
        sys.stderr.write(f"internal error: {_one_line(f'{type(error).__name__}: {error}')} ({where})\n")
        return EXIT_INTERNAL


__all__ = ["build_parser", "main"]
