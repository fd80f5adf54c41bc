"""Every replica converges, whatever is delivered when, in what order, how often.

Three laptops (two supervisors and a rep of the territory every card is in)
create, edit (often the same field at once), delete, restore and resolve
conflicts, and exchange random partial, shuffled and repeated slices of
each other's outgoing records. After a final full exchange, every laptop
must hold the same versions, the same live rows and the same conflicts, and
these must be what an independent oracle computes from the versions.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.conflicts import Kind, resolve
from tests.sync.replicas import Replica, WorldClock, conflict_view, exchange_all, new_replica

TERRITORY = "西湖区"
FIELDS = ("city", "street", "notes")
VALUES = ("杭州", "宁波", "文一路", "老客户", "")
LAPTOPS = 3

laptop_index = st.integers(0, LAPTOPS - 1)
row_pick = st.integers(0, 1000)
edit = st.tuples(st.just("edit"), laptop_index, row_pick, st.sampled_from(FIELDS), st.sampled_from(VALUES))
send = st.tuples(st.just("send"), laptop_index, laptop_index, st.integers(0, 2**32 - 1))
operation = st.one_of(
    edit, edit, edit, edit, send, send,
    st.tuples(st.just("create"), laptop_index),
    st.tuples(st.just("delete"), laptop_index, row_pick),
    st.tuples(st.just("restore"), laptop_index, row_pick),
    st.tuples(st.just("resolve"), laptop_index, row_pick, st.sampled_from(("winner", "loser", "value"))),
)


@contextmanager
def laptops(template: Path, folder: Path) -> Iterator[list[Replica]]:
    world = WorldClock()
    roles = [("甲", Role.SUPERVISOR), ("乙", Role.SUPERVISOR), ("丙", Role.REP)]
    made = [
        new_replica(template, folder / f"l{n}", world, user, role, TERRITORY) for n, (user, role) in enumerate(roles)
    ]
    try:
        yield made
    finally:
        for replica in made:
            replica.close()


def live_ids(replica: Replica) -> list[str]:
    return [r[0] for r in replica.db.execute("SELECT id FROM customers ORDER BY id")]


def run(op: tuple[Any, ...], replicas: list[Replica]) -> None:
    kind, who = op[0], replicas[op[1]]
    ids = live_ids(who)
    if kind == "create":
        who.customers.create({"name": "新店", "territory": TERRITORY})
    elif kind == "send":
        deliver(who, replicas[op[2]], random.Random(op[3]))
    elif kind == "resolve":
        found = who.conflicts()
        if found:
            conflict = found[op[2] % len(found)]
            keep = op[3]
            if keep == "value":
                keep = "loser" if conflict.kind is Kind.DELETED_WHILE_EDITED else "折中"
            resolve(who.db, conflict.id, keep)
    elif ids:
        row = ids[op[2] % len(ids)]
        if kind == "edit":
            who.customers.update(row, {op[3]: op[4]})
        elif kind == "delete":
            who.customers.delete(row)
        else:
            who.customers.restore(row)


def deliver(sender: Replica, receiver: Replica, rng: random.Random) -> None:
    """A partial, shuffled, sometimes repeated slice of the sender's stream, in one or two files."""
    if sender is receiver:
        return
    records = sender.outgoing()
    chosen = [r for r in records if rng.random() < 0.6]
    chosen += rng.sample(chosen, len(chosen) // 3)
    rng.shuffle(chosen)
    cut = rng.randrange(len(chosen) + 1)
    for part in (chosen[:cut], chosen[cut:]):
        receiver.receive(sender, part)


def all_versions(replica: Replica) -> set[tuple[Any, ...]]:
    return set(replica.db.execute("SELECT * FROM change").fetchall())


def expected_live(versions: set[tuple[Any, ...]]) -> dict[tuple[str, str], Any]:
    """Oracle: every field's winner is its greatest (hlc, site) version."""
    best: dict[tuple[str, str], tuple[int, str, Any]] = {}
    for _, row, field_name, hlc, site, value, _, _ in versions:
        if field_name.startswith("@"):
            continue
        key = (row, field_name)
        if key not in best or (hlc, site) > best[key][:2]:
            best[key] = (hlc, site, value)
    return {key: winner[2] for key, winner in best.items()}


def expected_conflicts(versions: set[tuple[Any, ...]]) -> set[tuple[str, ...]]:
    """Oracle: field conflicts are leaves other than the winner with another value;
    a delete conflict is a winning delete with a leaf edit by another site it had not seen."""
    replaced = {(row, f, ph, ps) for _, row, f, _, _, _, ph, ps in versions if ph is not None}
    leaves = [v for v in versions if (v[1], v[2], v[3], v[4]) not in replaced and not v[2].startswith("@")]
    winners: dict[tuple[str, str], tuple[Any, ...]] = {}
    for v in versions:
        key = (v[1], v[2])
        if key not in winners or (v[3], v[4]) > (winners[key][3], winners[key][4]):
            winners[key] = v
    found: set[tuple[str, ...]] = set()
    for v in leaves:
        w = winners[(v[1], v[2])]
        if (v[3], v[4]) != (w[3], w[4]) and v[5] != w[5]:
            found.add(("field", v[1], v[2], str(v[3]), v[4]))
    seen = {(v[1], v[3], v[4]): json.loads(v[5]) for v in versions if v[2] == "@seen"}
    for (row, field_name), d in winners.items():
        if field_name != "deleted" or d[5] != 1:
            continue
        horizon = seen.get((row, d[3], d[4]), {})
        if any(v[1] == row and v[2] != "deleted" and v[4] != d[4] and v[3] > horizon.get(v[4], 0) for v in leaves):
            found.add(("deleted_while_edited", row, "deleted", str(d[3]), d[4]))
    return found


def listed(replica: Replica) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for c in replica.conflicts():
        kind, _, row, field_name, hlc, site = json.loads(c.id)
        out.add((kind, row, field_name, str(hlc), site))
    return out


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, min_size=8, max_size=40))
def test_replicas_converge(
    ops: list[tuple[Any, ...]], template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with laptops(template, tmp_path_factory.mktemp("converge")) as replicas:
        for _ in range(2):  # every laptop starts with two shared cards
            replicas[0].customers.create({"name": "老店", "territory": TERRITORY})
        exchange_all(replicas)
        for op in ops:
            run(op, replicas)
        exchange_all(replicas)

        versions = all_versions(replicas[0])
        for replica in replicas[1:]:
            assert all_versions(replica) == versions
        live = replicas[0].live()
        conflicts = conflict_view(replicas[0])
        for replica in replicas[1:]:
            assert replica.live() == live
            assert conflict_view(replica) == conflicts

        columns = [c.name for c in replicas[0].db["customers"].columns]
        winners = expected_live(versions)
        for row in live:
            for column, value in zip(columns[1:], row[1:]):
                assert value == winners.get((row[0], column), 0 if column == "deleted" else None)
        assert listed(replicas[0]) == expected_conflicts(versions)
        kinds = {c.kind for c in replicas[0].conflicts()}
        event(f"field conflicts: {Kind.FIELD in kinds}; delete conflicts: {Kind.DELETED_WHILE_EDITED in kinds}")
