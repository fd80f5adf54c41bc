"""Laptops for sync tests: real workspaces exchanging records directly, without files."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.storage.database import DB_NAME
from fieldcrm.sync.clock import set_wall_clock
from fieldcrm.sync.conflicts import Conflict, list_conflicts
from fieldcrm.sync.merge import ApplyResult, apply_incoming
from fieldcrm.sync.outbox import collect_outgoing
from fieldcrm.sync.roles import Author
from fieldcrm.workspace import Workspace, open_workspace


class WorldClock:
    """Real time for the whole test, advancing 1 ms at every reading, so edits are ordered as made."""

    def __init__(self, start_ms: int = 1_750_000_000_000) -> None:
        self.ms = start_ms

    @property
    def now(self) -> float:
        return self.ms / 1000

    def __call__(self) -> float:
        self.ms += 1
        return (self.ms + 0.5) / 1000  # mid-millisecond, so truncating to ms never repeats one


@dataclass
class SkewedClock:
    """A laptop's wall clock: the world's, off by ``skew`` seconds."""

    world: WorldClock
    skew: float = 0.0

    def __call__(self) -> float:
        return self.world() + self.skew


def make_template(folder: Path) -> Path:
    """A migrated workspace with no owner, to copy instead of rebuilding."""
    ws = open_workspace(folder, create=True)
    ws.close()
    return folder / DB_NAME


@dataclass
class Replica:
    ws: Workspace
    wall: SkewedClock

    @property
    def db(self) -> Any:
        return self.ws.db

    @property
    def customers(self) -> CustomerService:
        return CustomerService(self.ws)

    @property
    def author(self) -> Author:
        me = self.ws.require_identity()
        return Author(me.user_name, me.role, me.territory, me.site_id)

    def outgoing(self, since: int = 0) -> list[dict[str, Any]]:
        return collect_outgoing(self.db, since)

    def receive(self, sender: Replica, records: Sequence[Mapping[str, Any]] | None = None) -> ApplyResult:
        batch = sender.outgoing() if records is None else records
        return apply_incoming(self.db, batch, sender.author)

    def live(self, table: str = "customers") -> list[tuple[Any, ...]]:
        return list(self.db.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall())

    def conflicts(self) -> list[Conflict]:
        return list_conflicts(self.db)

    def close(self) -> None:
        self.ws.close()


def new_replica(
    template: Path, folder: Path, world: WorldClock, user: str, role: Role, territory: str | None
) -> Replica:
    folder.mkdir(parents=True)
    shutil.copyfile(template, folder / DB_NAME)
    ws = open_workspace(folder)
    wall = SkewedClock(world)
    set_wall_clock(ws.db, wall)
    ws.initialise(user, role, territory)
    return Replica(ws, wall)


def exchange_all(replicas: Sequence[Replica]) -> None:
    """Every laptop receives every other laptop's whole stream."""
    for sender in replicas:
        for receiver in replicas:
            if receiver is not sender:
                receiver.receive(sender)


def conflict_view(replica: Replica) -> list[tuple[Any, ...]]:
    """What must be identical on every replica: ids, kinds, both values and who."""
    return [
        (c.id, c.kind, c.winner.value, c.winner.site, c.loser.value, c.loser.site, tuple(e.key for e in c.edits))
        for c in replica.conflicts()
    ]
