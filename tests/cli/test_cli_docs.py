"""Every command, option and exit code of the CLI is documented in the README (as sqlite-utils' test_docs does)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Iterator

import pytest

from fieldcrm.cli import build_parser, common
from fieldcrm.domain.customer_fields import SUPERVISOR_ONLY_FIELDS
from fieldcrm.storage.customers import LIST_COLUMNS, SORTABLE
from tests.cli.conftest import FIELDS_KEYS, HISTORY_KEYS, LIST_ROW_KEYS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
CLI_SECTION = README[README.index("## Command line"):]


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every (sub)command of the tree as (words after 'fieldcrm', its parser)."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from commands(child, (*path, name))


COMMANDS = list(commands(build_parser()))
LEAVES = [(path, p) for path, p in COMMANDS if path and not any(
    isinstance(a, argparse._SubParsersAction) for a in p._actions)]


def test_the_quick_start_is_kept_above_the_cli_section() -> None:
    assert README.index("## Quick start") < README.index("## Command line")
    assert "./run demo" in README[:README.index("## Command line")]


def mentioned(words: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", CLI_SECTION) is not None


@pytest.mark.parametrize("path", [" ".join(path) for path, _ in LEAVES])
def test_every_command_is_documented(path: str) -> None:
    assert mentioned(f"`fieldcrm {path}"), path


OPTIONS = sorted({
    (" ".join(path) or "(top level)", next(o for o in action.option_strings if o.startswith("--")))
    for path, parser in COMMANDS for action in parser._actions
    if action.option_strings and action.dest != "help"
})


@pytest.mark.parametrize(("path", "option"), OPTIONS)
def test_every_option_is_documented(path: str, option: str) -> None:
    assert mentioned(option), (path, option)


@pytest.mark.parametrize("code", [common.EXIT_OK, common.EXIT_ERROR, common.EXIT_USAGE, common.EXIT_INTERNAL,
                                  common.EXIT_INTERRUPTED])
def test_every_exit_code_is_documented(code: int) -> None:
    assert f"\n| {code} |" in CLI_SECTION


@pytest.mark.parametrize(
    "key",
    sorted({*LIST_ROW_KEYS, *FIELDS_KEYS, *HISTORY_KEYS, "total", "customers", "changed", "code", "label"}),
)
def test_every_json_key_is_documented(key: str) -> None:
    """The shapes the README promises are the ones test_cli_customers asserts key by key."""
    assert f'"{key}"' in CLI_SECTION, key


def test_sort_columns_and_supervisor_only_fields_are_listed() -> None:
    flowing = " ".join(CLI_SECTION.split())
    assert "`" + " ".join(c for c in LIST_COLUMNS if c in SORTABLE) + "`" in flowing
    assert all(mentioned(f"`{name}`") for name in SUPERVISOR_ONLY_FIELDS)
