"""Run FieldCRM's benchmarks and report their figures.

    python bench/run.py                      readable table of every benchmark
    python bench/run.py --json               the same as JSON
    python bench/run.py --json --only search --only launch
    python bench/run.py --quick              smaller workspaces and quicker variants

A benchmark is any module in ``bench/`` with a top-level ``run(...) -> dict``
(found without importing it, so an unused benchmark's heavy imports cost
nothing); its name is the file name. ``run`` is called with no arguments, or
with ``quick=True`` under ``--quick`` when it accepts ``quick``. Benchmarks
are not tests: they report figures and targets, and the exit status is 1 only
when a benchmark failed to run.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import os
import platform
import sqlite3
import sys
import time
import traceback
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
# Listed first, in this order; any other benchmark module follows alphabetically.
FIRST = ("generate", "search", "launch")
NOT_BENCHMARKS = {"run"}


def available() -> list[str]:
    """Names of the modules in bench/ that define a top-level ``run`` function."""
    found = []
    for path in BENCH.glob("*.py"):
        if path.stem in NOT_BENCHMARKS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        if any(isinstance(node, ast.FunctionDef) and node.name == "run" for node in tree.body):
            found.append(path.stem)
    return sorted(found, key=lambda name: (FIRST.index(name) if name in FIRST else len(FIRST), name))


def machine() -> dict[str, Any]:
    """What the figures were measured on; the load average says whether other work competed."""
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def run_one(name: str, quick: bool) -> dict[str, Any]:
    module = importlib.import_module(name)
    kwargs = {"quick": True} if quick and "quick" in inspect.signature(module.run).parameters else {}
    started = time.perf_counter()
    try:
        result = module.run(**kwargs)
    except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others' figures
        return {"error": traceback.format_exc(limit=5), "seconds": round(time.perf_counter() - started, 1)}
    return {**result, "seconds": round(time.perf_counter() - started, 1)}


def _rows(prefix: str, value: Any) -> list[tuple[str, str]]:
    """Flatten a result into (key, value) lines for the readable table."""
    if isinstance(value, dict):
        return [row for key, item in value.items() for row in _rows(f"{prefix}.{key}" if prefix else key, item)]
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return [row for index, item in enumerate(value) for row in _rows(f"{prefix}[{index}]", item)]
    return [(prefix, json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value))]


def table(report: dict[str, Any]) -> str:
    lines = []
    for name, result in report["benchmarks"].items():
        lines.append(f"== {name}")
        rows = _rows("", result)
        width = max(len(key) for key, _ in rows)
        lines.extend(f"  {key:<{width}}  {value}" for key, value in rows)
    lines.append("== machine")
    lines.extend(f"  {key:<12}  {value}" for key, value in report["machine"].items())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    names = available()
    parser = argparse.ArgumentParser(description="Run FieldCRM's benchmarks.")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--only", action="append", choices=names, metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(names)}")
    parser.add_argument("--quick", action="store_true", help="smaller workspaces and quicker variants")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(BENCH))
    report = {"machine": machine(), "benchmarks": {}}
    for name in args.only or names:
        print(f"running {name}…", file=sys.stderr)
        report["benchmarks"][name] = run_one(name, args.quick)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else table(report))
    return 1 if any("error" in result for result in report["benchmarks"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
