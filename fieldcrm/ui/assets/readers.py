"""Reads that may be slow on a big fleet, run off the GUI thread on their own read-only connection.

The GUI thread's connection is the single writer and must not be shared
between threads, so each reader opens the workspace read-only for itself.
"""

from __future__ import annotations

from pathlib import Path

from fieldcrm.domain.assets import AssetService
from fieldcrm.ui.assets.list_model import AssetFilter
from fieldcrm.workspace import open_workspace


def count_assets(folder: Path, chosen: AssetFilter) -> int:
    workspace = open_workspace(folder, read_only=True)
    try:
        return AssetService(workspace).count(**chosen.criteria())
    finally:
        workspace.close()
