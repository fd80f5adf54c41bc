"""What every command shares: the parser that fails in one line, workspace opening, output.

Kept apart from ``fieldcrm.cli`` itself so the command modules can use it
without importing the entry point that imports them.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, NoReturn

from fieldcrm.paths import default_workspace
from fieldcrm.workspace import Workspace, open_workspace

EXIT_OK = 0
EXIT_ERROR = 1  # a known error: missing workspace, unknown customer, role rule, …
EXIT_USAGE = 2  # the command line or a value in it is wrong
EXIT_INTERNAL = 70  # a bug (EX_SOFTWARE); the traceback is in the log
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
# Longer batches than the GUI's, back to back: nobody is typing into this workspace meanwhile.
REBUILD_BATCH_SECONDS = 0.5


class UsageError(Exception):
    """The command line itself is wrong; reported in one line with exit code 2."""


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become UsageError instead of usage text and exit.

    argparse would print the usage block plus the error and call sys.exit; the
    CLI's contract is one line on stderr and ``main`` returning the code, so
    tests can call it in-process.
    """

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def positive_int(text: str) -> int:
    """argparse type for counts that must be at least 1."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is not at least 1")
    return number


def non_negative_int(text: str) -> int:
    """argparse type for offsets, which may be 0."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{number} is negative")
    return number


def workspace_folder(args: argparse.Namespace) -> Path:
    """``--workspace`` beats FIELDCRM_WORKSPACE beats the platform folder (paths.default_workspace)."""
    chosen: Path | None = args.workspace
    return chosen.expanduser() if chosen is not None else default_workspace()


@contextmanager
def opened_workspace(args: argparse.Namespace, *, create: bool = False, owned: bool = True) -> Iterator[Workspace]:
    """Open the chosen workspace for one command and always close it.

    With ``owned`` a workspace without an owner is refused before anything is
    read or written, so every customer command fails the same way on it. A
    rebuild of the search index started by an upgrade is finished first: a
    search would otherwise miss cards, and a snapshot would carry a half-made
    index. It runs in short transactions, so Ctrl-C loses nothing.
    """
    workspace = open_workspace(workspace_folder(args), create=create)
    try:
        if owned:
            workspace.require_identity()
        if workspace.rebuild_progress() is not None:
            show = terminal_progress("updating the search index", percent=True)
            workspace.finish_rebuilds(show, batch_seconds=REBUILD_BATCH_SECONDS, pause_seconds=0)
        yield workspace
    finally:
        workspace.close()


def terminal_progress(what: str, *, percent: bool = False) -> Callable[[int, int], None] | None:
    """A counter (or a percentage) redrawn in place on an interactive stderr; silence in scripts and logs."""
    if not sys.stderr.isatty():
        return None

    last = ""

    def show(done: int, total: int) -> None:
        nonlocal last
        shown = f"{100 * done // max(total, 1)}%" if percent else f"{done}/{total}"
        if shown != last:
            last = shown
            sys.stderr.write(f"\r{what}: {shown}")
            sys.stderr.flush()
        if done == total:
            sys.stderr.write("\n")

    return show


def emit_json(value: Any) -> None:
    """The one way JSON leaves the CLI: UTF-8 text, not \\u escapes, two-space indent, newline-terminated."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def emit(line: str = "") -> None:
    """A line of data on stdout (what scripts read)."""
    sys.stdout.write(line + "\n")


def note(line: str) -> None:
    """A confirmation for the person at the terminal, on stderr so stdout stays data only."""
    sys.stderr.write(line + "\n")
