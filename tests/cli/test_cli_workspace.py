"""init, demo, gui and choosing the workspace: --workspace beats FIELDCRM_WORKSPACE beats the platform folder."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from fieldcrm import paths
from fieldcrm.cli import build_parser
from fieldcrm.storage.database import DB_NAME
from fieldcrm.workspace import open_workspace
from tests.cli.conftest import Cli, add, written


def owner(folder: Path) -> tuple[str, str, str | None, str]:
    workspace = open_workspace(folder)
    try:
        identity = workspace.require_identity()
        return identity.user_name, identity.role.value, identity.territory, identity.site_id
    finally:
        workspace.close()


def test_init_creates_the_folder_and_sets_the_owner(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "ws"
    result = cli("--workspace", str(folder), "init", "--user", " 韩梅梅 ", "--role", "supervisor", "--territory", "滨江区")
    assert result.code == 0 and result.out == ""
    assert "韩梅梅" in result.err and "supervisor" in result.err
    name, role, territory, site_id = owner(folder)
    assert (name, role, territory) == ("韩梅梅", "supervisor", "滨江区")
    assert len(site_id) == 32 and site_id in result.err


def test_each_init_gets_a_fresh_site_id(cli: Cli, tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert cli("--workspace", str(tmp_path / name), "init", "--user", "x", "--role", "rep").code == 0
    assert owner(tmp_path / "a")[3] != owner(tmp_path / "b")[3]


def test_second_init_is_refused_and_changes_nothing(cli: Cli, rep_folder: Path) -> None:
    before = owner(rep_folder)
    result = cli("init", "--user", "someone else", "--role", "admin")
    assert result.code == 1
    assert result.err_lines == [f"error: The workspace {rep_folder} already belongs to 李雷"]
    assert owner(rep_folder) == before


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["init", "--user", "  ", "--role", "rep"], "--user: a name is required"),
        (["init", "--user", "x", "--role", "boss"], "argument --role: invalid choice: 'boss'"),
        (["init", "--role", "rep"], "the following arguments are required: --user"),
    ],
)
def test_bad_init_is_a_usage_error_that_creates_nothing(cli: Cli, tmp_path: Path, argv: list[str], fragment: str) -> None:
    folder = tmp_path / "ws"
    result = cli("--workspace", str(folder), *argv)
    assert result.code == 2 and len(result.err_lines) == 1 and fragment in result.err
    assert not folder.exists()


def test_workspace_option_beats_environment_beats_platform_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env, from_option = tmp_path / "env", tmp_path / "option"
    monkeypatch.setenv("FIELDCRM_WORKSPACE", str(from_env))
    assert cli("--workspace", str(from_option), "init", "--user", "opt", "--role", "supervisor").code == 0
    assert not from_env.exists()
    missing = cli("customer", "list")
    assert missing.code == 1 and str(from_env) in missing.err

    assert cli("init", "--user", "env", "--role", "supervisor").code == 0
    add(cli, "name=环境店")
    assert [c["name"] for c in cli("customer", "list", "--json").json()["customers"]] == ["环境店"]
    assert cli("--workspace", str(from_option), "customer", "list", "--json").json()["total"] == 0

    monkeypatch.delenv("FIELDCRM_WORKSPACE")
    assert cli("init", "--user", "platform", "--role", "rep").code == 0
    platform_folder = paths.default_workspace()
    assert platform_folder.is_relative_to(os.environ["XDG_DATA_HOME"])  # the test's, not the real profile
    assert (platform_folder / DB_NAME).exists() and owner(platform_folder)[0] == "platform"


def test_missing_workspace_is_refused_without_creating_it(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    for argv in (["customer", "list"], ["customer", "add", "name=x"], ["customer", "show", "C-0000001"]):
        result = cli("--workspace", str(folder), *argv)
        assert result.code == 1 and result.out == ""
        assert result.err_lines == [
            f"error: There is no FieldCRM workspace at {folder} (Create it: run 'fieldcrm init' "
            "or use the first-start dialog; Choose another workspace folder with --workspace or FIELDCRM_WORKSPACE)"
        ]
    assert not folder.exists()


def test_workspace_without_owner_is_refused(cli: Cli, tmp_path: Path) -> None:
    open_workspace(tmp_path, create=True).close()
    for argv in (["customer", "add", "name=x"], ["customer", "list"]):
        result = cli("--workspace", str(tmp_path), *argv)
        assert result.code == 1 and len(result.err_lines) == 1
        assert "has no owner yet" in result.err and "fieldcrm init" in result.err
    assert written(tmp_path) == (0, 0)


def test_demo_fills_a_new_workspace_with_a_supervisor_owner(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = cli("--workspace", str(folder), "demo", "--customers", "12", "--seed", "3")
    assert result.code == 0, result.err
    assert "12 customers" in result.err
    name, role, _, _ = owner(folder)
    assert (name, role) == ("演示主管", "supervisor")
    listed = cli("--workspace", str(folder), "customer", "list", "--json").json()
    assert len(listed["customers"]) == listed["total"] <= 12
    assert written(folder)[0] == 12


def test_demo_refuses_a_populated_workspace(cli: Cli, supervisor_folder: Path) -> None:
    card = add(cli, "name=已有客户")
    assert cli("customer", "delete", card["id"]).code == 0  # deleted cards count too
    before = written(supervisor_folder)
    result = cli("demo", "--customers", "5")
    assert result.code == 1
    assert result.err_lines[0].startswith(
        f"error: The workspace {supervisor_folder} already has 1 customers; demo data only goes into an empty workspace"
    )
    assert len(result.err_lines) == 1 and written(supervisor_folder) == before


def test_demo_draws_progress_only_on_a_terminal(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = cli("--workspace", str(tmp_path / "demo"), "demo", "--customers", "4")
    assert result.code == 0, result.err
    assert "\rbuilding demo data: 4/4" in result.err


def test_demo_defaults() -> None:
    args = build_parser().parse_args(["demo"])
    assert (args.customers, args.seed) == (300, 1)


@pytest.mark.parametrize("argv", [["--customers", "0"], ["--customers", "many"]])
def test_demo_size_must_be_positive(cli: Cli, tmp_path: Path, argv: list[str]) -> None:
    result = cli("--workspace", str(tmp_path / "demo"), "demo", *argv)
    assert result.code == 2 and len(result.err_lines) == 1 and "--customers" in result.err
    assert not (tmp_path / "demo").exists()


@pytest.fixture
def gui_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, Any]]:
    """Stand in for fieldcrm.ui.app so dispatch is checked without starting Qt."""
    calls: list[tuple[Path, Any]] = []
    module = types.ModuleType("fieldcrm.ui.app")

    def run_gui(folder: Path, *, lang: str | None = None) -> int:
        calls.append((folder, lang))
        return 3

    module.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fieldcrm.ui.app", module)
    return calls


@pytest.mark.parametrize(
    ("argv", "lang"),
    [([], None), (["--lang", "en"], "en"), (["gui"], None), (["gui", "--lang", "zh_CN"], "zh_CN"), (["--lang", "en", "gui"], "en")],
)
def test_gui_is_the_default_and_gets_folder_and_language(
    cli: Cli, tmp_path: Path, gui_calls: list[tuple[Path, Any]], argv: list[str], lang: str | None
) -> None:
    result = cli("--workspace", str(tmp_path / "ws"), *argv)
    assert result.code == 3  # run_gui's exit code is the command's
    assert gui_calls == [(tmp_path / "ws", lang)]


def test_gui_language_is_checked(cli: Cli, gui_calls: list[tuple[Path, Any]]) -> None:
    result = cli("--lang", "fr")
    assert result.code == 2 and len(result.err_lines) == 1 and "--lang" in result.err
    assert gui_calls == []


def test_help_and_version_exit_zero(cli: Cli) -> None:
    assert cli("--version").out.strip() == "fieldcrm 0.1.0"
    result = cli("customer", "list", "--help")
    assert result.code == 0 and "--credit-grade" in result.out and result.err == ""


def test_a_gui_that_calls_sys_exit_still_returns_its_code(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("fieldcrm.ui.app")

    def run_gui(folder: Path, *, lang: str | None = None) -> int:
        sys.exit()

    module.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fieldcrm.ui.app", module)
    assert cli("gui").code == 0
