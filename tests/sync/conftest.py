"""Sync test fixtures: a factory of laptops built from one template workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldcrm.domain.classifications import Role
from tests.sync.replicas import Replica, WorldClock, make_template, new_replica

MakeReplica = Callable[..., Replica]


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def laptop(template: Path, tmp_path: Path) -> Iterator[MakeReplica]:
    """``laptop(user, role, territory)`` makes a new laptop with its own site id."""
    made: list[Replica] = []
    world = WorldClock()

    def make(user: str = "韩梅梅", role: Role = Role.SUPERVISOR, territory: str | None = None) -> Replica:
        replica = new_replica(template, tmp_path / f"laptop{len(made)}", world, user, role, territory)
        made.append(replica)
        return replica

    yield make
    for replica in made:
        replica.close()
