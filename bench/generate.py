"""Big demo workspaces for the benchmarks, built once and kept under ``bench/.cache/``.

A 100,000-customer workspace takes minutes to build (every card goes through
the capture and search triggers, as a typed-in card would), so it is cached,
keyed by size, seed, schema version and a fingerprint of the demo generator:
changing the generator or the schema builds a fresh one and removes the stale
copy, while a change to the search rules rebuilds the index when ``workspace``
hands the folder out. ``build.json`` beside each workspace records how long
building took, which is the demo generation benchmark.

    python bench/generate.py [--customers 100000] [--seed 1] [--fresh]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

from fieldcrm import demo
from fieldcrm.storage import migrations
from fieldcrm.storage.database import DB_NAME
from fieldcrm.workspace import open_workspace

CACHE = Path(__file__).resolve().parent / ".cache"
DEFAULT_CUSTOMERS = 100_000
DEFAULT_SEED = 1
BUILD_RECORD = "build.json"
TARGET_SECONDS = 120  # for 100,000 customers on 2 cores


def fingerprint() -> str:
    """Changes whenever the demo generator's code or the schema version changes."""
    digest = hashlib.sha256(f"schema={migrations.LATEST}".encode())
    for source in sorted(Path(demo.__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    return digest.hexdigest()[:12]


def folder_for(customers: int, seed: int) -> Path:
    return CACHE / f"demo-{customers}-seed{seed}-{fingerprint()}"


def _remove_stale(customers: int, seed: int, keep: Path) -> None:
    """Drop cached workspaces of the same size and seed made by another generator (each is ~1.7 GB)."""
    for old in CACHE.glob(f"demo-{customers}-seed{seed}-*"):
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def build(folder: Path, customers: int, seed: int, *, echo: bool = False) -> dict[str, Any]:
    """Build a demo workspace in ``folder`` from scratch and record how long it took."""
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    cpu_started = time.process_time()

    def progress(done: int, total: int) -> None:
        if echo:
            print(f"  {done:>7} / {total} customers  {time.perf_counter() - started:6.1f} s", file=sys.stderr)

    workspace = open_workspace(folder, create=True)
    try:
        demo.build_demo(workspace, customers=customers, seed=seed, progress=progress)
        changes = int(workspace.db.execute("SELECT count(*) FROM change").fetchone()[0])
    finally:
        workspace.close()
    record = {
        "customers": customers,
        "seed": seed,
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(time.process_time() - cpu_started, 1),
        "change_rows": changes,
        "database_mb": round((folder / DB_NAME).stat().st_size / 1e6, 1),
        "load_average_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    (folder / BUILD_RECORD).write_text(json.dumps(record, indent=2))
    return record


def workspace(customers: int = DEFAULT_CUSTOMERS, seed: int = DEFAULT_SEED, *, fresh: bool = False) -> Path:
    """The cached workspace folder for ``customers`` and ``seed``, built if missing.

    It is opened read-write once before it is handed out, so migrations and a
    search index rebuild never land inside a timed measurement.
    """
    CACHE.mkdir(exist_ok=True)
    folder = folder_for(customers, seed)
    if fresh or not (folder / BUILD_RECORD).exists():
        _remove_stale(customers, seed, folder)
        print(f"building a {customers}-customer demo workspace in {folder} (cached for next time)", file=sys.stderr)
        build(folder, customers, seed, echo=True)
    started = time.perf_counter()
    opened = open_workspace(folder)
    try:
        opened.finish_rebuilds(batch_seconds=5, pause_seconds=0)  # benchmarks never see a half-rebuilt index
    finally:
        opened.close()
    if time.perf_counter() - started > 5:
        print(f"opened {folder.name} in {time.perf_counter() - started:.0f} s (schema or search index upgraded)",
              file=sys.stderr)
    return folder


def build_record(folder: Path) -> dict[str, Any]:
    return json.loads((folder / BUILD_RECORD).read_text())


def run(customers: int = DEFAULT_CUSTOMERS, seed: int = DEFAULT_SEED, quick: bool = False) -> dict[str, Any]:
    """The demo generation benchmark: the recorded build of the cached workspace (built if missing)."""
    size = 10_000 if quick else customers
    record = build_record(workspace(size, seed))
    record["target_seconds"] = TARGET_SECONDS
    record["met"] = record["seconds"] < TARGET_SECONDS if size == 100_000 else None
    return record


def run_alone(run: Callable[[int], dict[str, Any]], description: str) -> None:
    """A benchmark module run by itself: ``--customers N`` in, its figures as JSON out."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS)
    args = parser.parse_args()
    print(json.dumps(run(args.customers), ensure_ascii=False, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description="Build (or reuse) a cached benchmark workspace.")
    parser.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--fresh", action="store_true", help="rebuild even if a cached copy exists")
    args = parser.parse_args()
    folder = workspace(args.customers, args.seed, fresh=args.fresh)
    print(json.dumps({"folder": str(folder), **build_record(folder)}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
