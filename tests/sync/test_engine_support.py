"""An office for engine tests: an admin who made a share, and laptops registered on it.

Named ``test_engine_*`` so it lives with the engine tests; it holds no tests
itself, only the helpers they share.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.sync import engine, membership
from fieldcrm.sync.conflicts import list_conflicts
from fieldcrm.sync.share import Share
from fieldcrm.workspace import Workspace
from tests.conftest import make_workspace


@dataclass
class Office:
    root: Path
    admin: Workspace
    made: list[Workspace] = field(default_factory=list)

    @property
    def share(self) -> Path:
        return self.root / "share"

    def laptop(self, name: str, user: str, role: Role = Role.REP, territory: str | None = "西湖区", *,
               register: bool = True, registered_as: Role | None = None) -> Workspace:
        """A workspace owned by ``user``; registered with its own role unless ``registered_as`` says otherwise."""
        ws = make_workspace(self.root / name, user, role, territory)
        self.made.append(ws)
        if register:
            membership.add_user(self.admin, self.share, user=user, role=registered_as or role,
                                key_text=engine.device_key(ws).public.text, territory=territory)
        return ws

    def open_share(self) -> Share:
        return Share.open(self.share)

    def close(self) -> None:
        for ws in self.made:
            ws.close()
        self.admin.close()


def open_office(tmp_path: Path) -> Iterator[Office]:
    """Body of each test module's ``office`` fixture: the admin's workspace and a fresh share."""
    admin = make_workspace(tmp_path / "admin", "王管理", Role.ADMIN, None)
    made = Office(tmp_path, admin)
    membership.init_share(admin, made.share)
    yield made
    made.close()


def customers(ws: Workspace) -> list[tuple[Any, ...]]:
    return list(ws.db.execute("SELECT * FROM customers ORDER BY id").fetchall())


def own_changes(ws: Workspace) -> set[tuple[Any, ...]]:
    site = ws.require_identity().site_id
    return set(ws.db.execute("SELECT tbl, row_id, field, hlc, site, value FROM change WHERE site = ?", [site]))


def changes_of(ws: Workspace, site: str) -> set[tuple[Any, ...]]:
    return set(ws.db.execute("SELECT tbl, row_id, field, hlc, site, value FROM change WHERE site = ?", [site]))


def published(share: Path, site: str) -> list[tuple[Any, ...]]:
    """Every record of ``site``'s files on the share, in order, as change tuples."""
    found = []
    for batch in Share.open(share).read_new(site):
        found += [(r["tbl"], r["row"], r["field"], r["hlc"], r["site"], r["value"]) for r in batch.records]
    return found


def conflict_view(ws: Workspace) -> list[tuple[Any, ...]]:
    return [(c.id, c.winner.value, c.loser.value) for c in list_conflicts(ws.db)]


def add_customers(ws: Workspace, count: int, tag: str) -> list[dict[str, Any]]:
    service = CustomerService(ws)
    return [service.create({"name": f"{tag}超市{n}", "territory": "西湖区", "city": "杭州"}) for n in range(count)]
