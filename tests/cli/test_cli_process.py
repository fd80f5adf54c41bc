"""The process contract, checked in real subprocesses: exit codes, one-line stderr, no traceback, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CONSOLE_SCRIPT = Path(sys.executable).with_name("fieldcrm")


def run(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldcrm", *argv], capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=60
    )


def test_python_m_fieldcrm_exit_codes_and_output(tmp_path: Path) -> None:
    workspace = str(tmp_path / "ws")
    made = run("--workspace", workspace, "init", "--user", "韩梅梅", "--role", "supervisor", cwd=tmp_path)
    assert (made.returncode, made.stdout) == (0, ""), made.stderr

    added = run("--workspace", workspace, "customer", "add", "--json", "name=张三超市", "credit_limit=1200.5", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert '"name": "张三超市"' in added.stdout and json.loads(added.stdout)["credit_limit"] == 1200.5

    refused = run("--workspace", workspace, "customer", "add", "name=李四", "founded_on=2024-02-30", cwd=tmp_path)
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "error: founded_on: '2024-02-30' is not a real calendar date\n"


def test_the_console_script_is_the_same_entry_point(tmp_path: Path) -> None:
    """Also the process contract of a known error that is not a usage error: exit 1, one line."""
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "--workspace", str(tmp_path / "none"), "customer", "list"],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, timeout=60,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"error: There is no FieldCRM workspace at {tmp_path / 'none'} (")
    assert len(result.stderr.splitlines()) == 1


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``fieldcrm customer list | head`` must not print a traceback or an internal error."""
    process = subprocess.Popen(
        [sys.executable, "-m", "fieldcrm", "customer", "fields"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before the command writes
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert stderr == ""


GUI_FREE = """
import sys, tempfile
from fieldcrm.cli import main

folder = tempfile.mkdtemp()
demo = tempfile.mkdtemp()
commands = [
    ["--workspace", folder, "init", "--user", "x", "--role", "supervisor"],
    ["--workspace", folder, "customer", "add", "name=a", "code=1"],
    ["--workspace", folder, "customer", "add", "name=张三超市"],
    ["--workspace", folder, "customer", "set", "C-0", "city=b"],
    ["--workspace", folder, "customer", "list", "--json", "--search", "zscs"],
    ["--workspace", folder, "customer", "fields"],
    ["--workspace", demo, "demo", "--customers", "3"],
    ["--workspace", demo, "customer", "list"],
]
codes = [main(argv) for argv in commands]
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "fieldcrm.ui")))
print(codes, loaded)
"""


def test_commands_other_than_gui_never_load_qt(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", GUI_FREE], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[0, 2, 0, 1, 0, 0, 0, 0] []"
