"""Order without trusting clocks: a laptop a day off neither loses its edits nor wins forever."""

from __future__ import annotations

from fieldcrm.sync import clock
from fieldcrm.sync.drift import AHEAD_LIMIT_MS, dismiss, list_clock_warnings
from fieldcrm.workspace import open_workspace
from tests.sync.conftest import MakeReplica

DAY = 86_400.0


def test_a_clock_a_day_behind_keeps_its_edits_and_wins_once_it_has_seen_the_others(laptop: MakeReplica) -> None:
    a, late = laptop("甲"), laptop("慢")
    late.wall.skew = -DAY
    card = a.customers.create({"name": "张三超市"})
    late.receive(a)
    a.customers.update(card["id"], {"city": "宁波"})
    late.customers.update(card["id"], {"city": "温州"})  # made later, stamped earlier: concurrent, so it loses
    a.receive(late)
    late.receive(a)
    assert a.customers.get(card["id"])["city"] == late.customers.get(card["id"])["city"] == "宁波"
    [conflict] = a.conflicts()
    assert (conflict.loser.value, conflict.loser.user) == ("温州", "慢")  # kept, not lost
    late.customers.update(card["id"], {"city": "丽水"})  # after seeing 宁波: must win despite the clock
    a.receive(late)
    assert a.customers.get(card["id"])["city"] == "丽水"
    assert clock.current(late.db) > clock.pack(int((late.wall.world.now - DAY) * 1000))
    assert list_clock_warnings(a.db) == []  # behind is harmless, and never flagged


def test_a_clock_a_day_ahead_wins_races_for_a_while_but_not_forever(laptop: MakeReplica) -> None:
    a, fast = laptop("甲"), laptop("快")
    fast.wall.skew = DAY
    card = a.customers.create({"name": "张三超市"})
    fast.receive(a)
    fast.customers.update(card["id"], {"city": "温州"})
    a.customers.update(card["id"], {"city": "宁波"})  # made later, but the fast clock's stamp is greater
    result = a.receive(fast)
    fast.receive(a)
    assert a.customers.get(card["id"])["city"] == fast.customers.get(card["id"])["city"] == "温州"
    assert [c.loser.value for c in a.conflicts()] == ["宁波"]
    [warning] = result.clock_warnings
    assert warning.user_name == "快" and abs(warning.ahead_ms - DAY * 1000) < 60_000
    assert list_clock_warnings(a.db) == [warning]
    a.customers.update(card["id"], {"city": "丽水"})  # a has now seen the fast stamp, so it stamps past it
    fast.receive(a)
    assert fast.customers.get(card["id"])["city"] == "丽水"
    dismiss(a.db, fast.author.site_id)
    assert list_clock_warnings(a.db) == []


def test_a_laptop_that_merely_inherited_a_fast_clock_is_not_blamed(laptop: MakeReplica) -> None:
    a, fast, innocent = laptop("甲"), laptop("快"), laptop("乙")
    fast.wall.skew = DAY
    fast.customers.create({"name": "张三超市"})
    innocent.receive(fast)
    innocent.customers.create({"name": "李四商行"})  # stamped past the fast clock it saw
    assert clock.wall_ms(innocent.outgoing()[0]["hlc"]) - clock.wall_now_ms(a.db) > AHEAD_LIMIT_MS
    result = a.receive(innocent)
    assert result.clock_warnings == [] and result.applied > 0
    a.receive(fast)
    assert [w.user_name for w in list_clock_warnings(a.db)] == ["快"]


def test_the_clock_never_runs_backwards_across_restarts(laptop: MakeReplica) -> None:
    a = laptop("甲")
    card = a.customers.create({"name": "张三超市"})
    before = clock.current(a.db)
    a.ws.close()
    a.ws = open_workspace(a.ws.folder)
    a.wall.skew = -DAY  # and its clock was set back a day meanwhile
    clock.set_wall_clock(a.db, a.wall)
    a.customers.update(card["id"], {"city": "杭州"})
    assert clock.current(a.db) > before
    assert a.outgoing()[-1]["hlc"] > before
