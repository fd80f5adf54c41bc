"""Layers go one way: only fieldcrm.ui may import Qt."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import fieldcrm
names = [m.name for m in pkgutil.walk_packages(fieldcrm.__path__, "fieldcrm.")
         if not m.name.startswith("fieldcrm.ui") and m.name != "fieldcrm.__main__"]
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(len(names), loaded)
assert not loaded, loaded
"""


def test_only_the_ui_imports_qt() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    imported = int(result.stdout.split()[0])
    assert imported >= 10
