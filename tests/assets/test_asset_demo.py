"""Demo assets: valid by the same rules as real data, with something on every supervisor list, per seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldcrm.demo import build_demo
from fieldcrm.demo_assets import DEMO_TODAY, build_assets
from fieldcrm.domain.asset_rules import Place
from fieldcrm.domain.asset_fields import AssetStatus
from fieldcrm.domain.assets import AssetService
from fieldcrm.workspace import Workspace, open_workspace
from tests.assets.helpers import fits


def demo(folder: Path, seed: int) -> tuple[Workspace, dict[str, int]]:
    ws = open_workspace(folder, create=True)
    build_demo(ws, customers=50, seed=seed)
    return ws, build_assets(ws, seed=seed)


def content(ws: Workspace) -> list[tuple[Any, ...]]:
    """What a seed decides: everything but ids, tags and who-the-site-is."""
    return ws.db.execute(
        """SELECT a.type, a.brand, a.model, a.status, c.name, e.kind, e.on_date, e.deposit, e.share_percent
        FROM assets a LEFT JOIN customers c ON a.location = 'customer:' || c.id
        JOIN asset_events e ON e.asset_id = a.id ORDER BY a.rowid, e.on_date, e.hlc"""
    ).fetchall()


def test_demo_assets_are_valid_and_give_every_list_something(tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    ws = open_workspace(tmp_path / "a", create=True)
    build_demo(ws, customers=120, seed=1)
    summary = build_assets(ws, seed=1, progress=lambda done, total: progress.append((done, total)))
    assert summary["units"] > summary["placed"] > 20 and summary["events"] > summary["units"] * 5
    assert progress[-1] == (summary["units"], summary["units"])
    service = AssetService(ws, today=lambda: DEMO_TODAY)
    assert service.review() == []
    for status, place in ws.db.execute("SELECT status, location FROM assets"):
        assert fits(AssetStatus(status), Place.parse(place)), (status, place)
    assert service.count(status="deployed") > 0 and service.count(status="in_stock") > 0
    assert service.overdue() and service.flags()
    future = ws.db.execute("SELECT count(*) FROM asset_events WHERE on_date > ?", [DEMO_TODAY.isoformat()])
    assert future.fetchone()[0] == 0
    unit = service.list(status="deployed", limit=1)[0]
    shown = service.show(unit["tag"])
    assert shown["placement"]["agreement"].startswith("TF-") and shown["history"][-1]["kind"] == "add"
    assert ws.db.execute("SELECT count(*) FROM change WHERE tbl = 'asset_events'").fetchone()[0] > 0
    ws.close()


def test_the_same_seed_gives_the_same_assets(tmp_path: Path) -> None:
    first, _ = demo(tmp_path / "one", seed=3)
    second, _ = demo(tmp_path / "two", seed=3)
    other, _ = demo(tmp_path / "three", seed=4)
    assert content(first) == content(second)
    assert content(first) != content(other)
    for ws in (first, second, other):
        ws.close()
