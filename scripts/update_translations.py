#!/usr/bin/env python3
"""Refresh the translation sources from the code and build the files the app loads.

    python scripts/update_translations.py           # lupdate into the .ts, lrelease to .qm
    python scripts/update_translations.py --check   # change nothing; exit 1 when out of date

``pyside6-lupdate`` (Qt's lupdate) reads every module under fieldcrm/: the UI's ``tr()`` and
``QCoreApplication.translate`` calls and the domain's QT_TRANSLATE_NOOP
markers, which the domain imports under the alias ``_N`` (hence
``-tr-function-alias``). The Chinese catalogue holds every string; the
English one only plural forms ("1 customer" / "2 customers"), since English
is the source language. After lupdate, translate new strings in Qt Linguist
(``pyside6-linguist``) or by editing the .ts, then run this again.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fieldcrm.i18n_catalogue import live_messages

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "fieldcrm"
TRANSLATIONS = ROOT / "resources" / "translations"
# catalogue -> extra lupdate options
CATALOGUES: dict[str, list[str]] = {
    "fieldcrm_zh_CN.ts": [],
    "fieldcrm_en.ts": ["-pluralonly"],
}
FUNCTION_ALIASES = "QT_TRANSLATE_NOOP+=_N"

Message = tuple[str, str, bool]  # context, source text, plural


def tool(name: str) -> str:
    """Qt's ``lupdate``/``lrelease`` as shipped inside the PySide6 package.

    ``pyside6-lupdate`` and ``pyside6-lrelease`` are thin wrappers that run
    these binaries; calling them directly works even when the wrappers cannot
    locate the package (e.g. a PySide6 add-on wheel left it without
    ``__init__.py``). Falls back to the wrappers on PATH.
    """
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        exe = Path(folder) / (f"{name}.exe" if sys.platform == "win32" else name)
        if exe.is_file():
            return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into this environment")
    return found


def python_sources() -> list[str]:
    return [str(p) for p in sorted(SOURCES.rglob("*.py"))]


def lupdate(ts: Path, options: list[str]) -> None:
    command = [
        tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
        "-tr-function-alias", FUNCTION_ALIASES, *options, *python_sources(), "-ts", str(ts),
    ]
    subprocess.run(command, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> set[Message]:
    """The live messages of a catalogue, ignoring source locations."""
    return {(m.context, m.source, m.plural) for m in live_messages(ts)}


def update() -> None:
    for name, options in CATALOGUES.items():
        ts = TRANSLATIONS / name
        lupdate(ts, options)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name}")


def check() -> list[str]:
    """What is out of date: strings in the code missing from a .ts, or a .qm not built from its .ts."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        for name, options in CATALOGUES.items():
            ts = TRANSLATIONS / name
            if not ts.exists():
                problems.append(f"{name} is missing")
                continue
            fresh = Path(temp) / name
            shutil.copy(ts, fresh)
            lupdate(fresh, options)
            committed, wanted = messages(ts), messages(fresh)
            for context, source, _ in sorted(wanted - committed):
                problems.append(f"{name}: not extracted yet: [{context}] {source!r}")
            for context, source, _ in sorted(committed - wanted):
                problems.append(f"{name}: no longer in the code: [{context}] {source!r}")
            built = Path(temp) / f"{ts.stem}.qm"
            lrelease(ts, built)
            qm = ts.with_suffix(".qm")
            if not qm.exists() or qm.read_bytes() != built.read_bytes():
                problems.append(f"{qm.name} is not built from the current {name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report what is out of date and change nothing")
    args = parser.parse_args(argv)
    if not args.check:
        update()
        return 0
    problems = check()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
