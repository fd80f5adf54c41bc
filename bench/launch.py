"""Launch time and memory of the desktop app on a 100,000-customer workspace.

Each launch is a fresh Python process with ``QT_QPA_PLATFORM=offscreen``,
timed from just before the process is started (so interpreter start-up and
every import count) until the main window is visible and the customer table's
model holds its first rows. The process then runs a few searches through the
search box, waits for the background counts, and reports its peak resident
memory (``ru_maxrss``). The GUI is found through ``fieldcrm.ui.app.create_main_window``
and the object names ``customerTable``, ``customerSearch`` and ``customerCount``.

    python bench/launch.py [--customers 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_SHOWN_S = 1.5
TARGET_RSS_MB = 300
SEARCHES = ("便利店", "zscs", "西湖", "1381", "lianhua")
WAIT_LIMIT_S = 120


def _child(folder: Path, started: float) -> dict[str, Any]:
    """Runs in the launched process: open, show, search, measure."""
    import resource

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QLabel, QLineEdit, QTableView

    from fieldcrm.ui.app import application, create_main_window
    from fieldcrm.workspace import open_workspace

    app = application()
    workspace = open_workspace(folder)
    window = create_main_window(workspace)
    window.show()
    table = window.findChild(QTableView, "customerTable")
    if table is None:
        raise RuntimeError("the main window has no QTableView named 'customerTable'")

    def wait_for(condition: Any) -> None:
        deadline = time.monotonic() + WAIT_LIMIT_S
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the customer list did not fill in time")
            app.processEvents()

    wait_for(lambda: window.isVisible() and table.model() is not None and table.model().rowCount() > 0)
    shown_s = time.monotonic() - started
    rows = table.model().rowCount()

    count_label = window.findChild(QLabel, "customerCount")
    if count_label is not None and count_label.text().endswith("…"):  # "Counting…" until the total comes
        pending = count_label.text()
        wait_for(lambda: count_label.text() != pending)
    counted_s = time.monotonic() - started

    search_box = window.findChild(QLineEdit, "customerSearch")
    search_ms = []
    for text in SEARCHES if search_box is not None else ():
        before = time.perf_counter()
        search_box.setText(text)
        search_box.returnPressed.emit()  # what Enter does: search now, without the typing pause
        app.processEvents()
        search_ms.append(round((time.perf_counter() - before) * 1000, 1))
    for pool in window.findChildren(QThreadPool):
        pool.waitForDone(WAIT_LIMIT_S * 1000)
    app.processEvents()
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    workspace.close()
    return {
        "shown_s": round(shown_s, 3),
        "first_rows": rows,
        "count_shown_s": round(counted_s, 3),
        "search_box_ms": dict(zip(SEARCHES, search_ms)),
        "max_rss_mb": round(max_rss_mb, 1),
    }


def launch_once(folder: Path) -> dict[str, Any]:
    """One launch in a fresh process, with a throw-away home so no real settings are read or written."""
    with tempfile.TemporaryDirectory(prefix="fieldcrm-bench-home-") as home:
        env = {
            **os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home,
            "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data",
            "XDG_CACHE_HOME": f"{home}/cache", "XDG_STATE_HOME": f"{home}/state",
        }
        started = time.monotonic()  # CLOCK_MONOTONIC is shared by every process on the machine
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(folder), "--started", repr(started)],
            capture_output=True, text=True, env=env, timeout=WAIT_LIMIT_S * 3,
        )
    if result.returncode != 0:
        raise RuntimeError(f"launch failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(customers: int = 100_000, seed: int = 1, quick: bool = False, runs: int = 5) -> dict[str, Any]:
    """Launch the app ``runs`` times on the cached workspace; the median launch and the worst memory."""
    import generate  # not at the top: the launched process must import only what the app imports

    size = 10_000 if quick else customers
    folder = generate.workspace(size, seed)
    launches = [launch_once(folder) for _ in range(runs)]
    shown = statistics.median(launch["shown_s"] for launch in launches)
    rss = max(launch["max_rss_mb"] for launch in launches)
    return {
        "customers": size,
        "runs": runs,
        "list_shown_s": shown,
        "count_shown_s": statistics.median(launch["count_shown_s"] for launch in launches),
        "max_rss_mb": rss,
        "targets": {"list_shown_s": TARGET_SHOWN_S, "max_rss_mb": TARGET_RSS_MB},
        "met": {"list_shown_s": shown < TARGET_SHOWN_S, "max_rss_mb": rss < TARGET_RSS_MB},
        "launches": launches,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Time launching the app on a big workspace.")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(_child(args.child, args.started)))
        return
    print(json.dumps(run(args.customers, runs=args.runs), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
