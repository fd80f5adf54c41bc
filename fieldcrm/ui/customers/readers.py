"""Reads that may be slow on a big workspace, run off the GUI thread.

Each opens its own read-only connection: the GUI thread's connection is the
single writer and must not be used from two threads at once.
"""

from __future__ import annotations

from pathlib import Path

from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.workspace import open_workspace


def count_customers(folder: Path, query: CustomerQuery) -> int:
    workspace = open_workspace(folder, read_only=True)
    try:
        return CustomerService(workspace).count(query)
    finally:
        workspace.close()


def values_in_use(folder: Path, fields: tuple[str, ...]) -> dict[str, list[str]]:
    """The territories, routes and reps in use, for the filter menus."""
    workspace = open_workspace(folder, read_only=True)
    try:
        service = CustomerService(workspace)
        return {name: service.distinct_values(name) for name in fields}
    finally:
        workspace.close()
