"""Who keeps what: a rep's laptop materialises its own territory, and follows cards moving in and out."""

from __future__ import annotations

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerQuery
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync.merge import rematerialise
from tests.sync.conftest import MakeReplica
from tests.sync.replicas import Replica, exchange_all

MINE, THEIRS = "西湖区", "滨江区"


def found(replica: Replica, text: str) -> int:
    return replica.customers.count(CustomerQuery(search=text, include_deleted=True))


def versions_of(replica: Replica, row: str) -> int:
    return int(replica.db.execute("SELECT count(*) FROM change WHERE row_id = ?", [row]).fetchone()[0])


def test_a_rep_holds_only_its_territory_but_keeps_every_version(laptop: MakeReplica) -> None:
    boss, rep = laptop("韩梅梅"), laptop("李雷", Role.REP, MINE)
    mine = boss.customers.create({"name": "西湖超市", "territory": MINE})
    theirs = boss.customers.create({"name": "滨江商行", "territory": THEIRS})
    result = rep.receive(boss)
    assert result.changed == {"customers": {mine["id"]}}
    assert [r[0] for r in rep.db.execute("SELECT id FROM customers")] == [mine["id"]]
    assert found(rep, "西湖超市") == 1 and found(rep, "滨江商行") == 0
    assert versions_of(rep, theirs["id"]) == versions_of(boss, theirs["id"]) > 0


def test_a_card_moving_in_arrives_whole_and_leaves_whole(laptop: MakeReplica) -> None:
    boss, rep = laptop("韩梅梅"), laptop("李雷", Role.REP, MINE)
    card = boss.customers.create({"name": "滨江商行", "territory": THEIRS, "city": "杭州"})
    rep.receive(boss)
    boss.customers.update(card["id"], {"street": "江南大道", "credit_grade": "B"})
    rep.receive(boss)
    assert rep.live() == []

    boss.customers.update(card["id"], {"territory": MINE})  # the move itself is one field
    result = rep.receive(boss)
    assert result.changed == {"customers": {card["id"]}}
    assert rep.customers.get(card["id"]) == boss.customers.get(card["id"])
    assert found(rep, "滨江商行") == 1

    boss.customers.update(card["id"], {"territory": THEIRS})
    result = rep.receive(boss)
    assert result.dropped == {"customers": {card["id"]}} and result.changed == {}
    assert rep.live() == [] and found(rep, "滨江商行") == 0
    assert versions_of(rep, card["id"]) == versions_of(boss, card["id"])

    boss.customers.update(card["id"], {"notes": "搬走期间的备注"})
    boss.customers.update(card["id"], {"territory": MINE})
    rep.receive(boss)
    assert rep.customers.get(card["id"]) == boss.customers.get(card["id"])


def test_conflicts_of_other_territories_are_not_shown_to_a_rep(laptop: MakeReplica) -> None:
    a, b, rep = laptop("韩梅梅"), laptop("张伟"), laptop("李雷", Role.REP, MINE)
    card = a.customers.create({"name": "滨江商行", "territory": THEIRS})
    b.receive(a)
    a.customers.update(card["id"], {"city": "杭州"})
    b.customers.update(card["id"], {"city": "宁波"})
    exchange_all([a, b])
    rep.receive(a)
    rep.receive(b)
    assert len(a.conflicts()) == 1 and rep.conflicts() == []
    a.customers.update(card["id"], {"territory": MINE})
    rep.receive(a)
    assert [c.id for c in rep.conflicts()] == [c.id for c in a.conflicts()]


def test_unassigned_cards_stay_with_the_rep_who_wrote_them(laptop: MakeReplica) -> None:
    rep, colleague = laptop("李雷", Role.REP, MINE), laptop("王芳", Role.REP, THEIRS)
    own = rep.customers.create({"name": "新开小店"})
    other = colleague.customers.create({"name": "别人的新店"})
    rep.receive(colleague)
    colleague.receive(rep)
    assert rep.customers.get(own["id"])["territory"] is None
    assert [r[0] for r in rep.db.execute("SELECT id FROM customers")] == [own["id"]]
    assert [r[0] for r in colleague.db.execute("SELECT id FROM customers")] == [other["id"]]


def test_a_card_the_rep_moves_away_leaves_at_the_next_sync(laptop: MakeReplica) -> None:
    boss, rep = laptop("韩梅梅"), laptop("李雷", Role.REP, MINE)
    card = rep.customers.create({"name": "西湖超市", "territory": MINE})
    boss.receive(rep)
    rep.customers.update(card["id"], {"territory": THEIRS})
    assert rep.customers.get(card["id"])["territory"] == THEIRS  # still on screen until the sync
    other = boss.customers.create({"name": "别的店", "territory": MINE})
    result = rep.receive(boss)
    assert result.dropped == {"customers": {card["id"]}}
    assert [r[0] for r in rep.db.execute("SELECT id FROM customers")] == [other["id"]]
    assert rep.outgoing()[-1]["field"] == "territory"  # the move still goes out


def test_a_rep_given_another_territory_is_rescoped_by_rematerialise(laptop: MakeReplica) -> None:
    boss, rep = laptop("韩梅梅"), laptop("李雷", Role.REP, MINE)
    mine = boss.customers.create({"name": "西湖超市", "territory": MINE})
    theirs = boss.customers.create({"name": "滨江商行", "territory": THEIRS, "city": "杭州"})
    rep.receive(boss)
    with write_transaction(rep.db):  # what reassigning the rep does to the laptop's owner
        rep.db.execute("UPDATE identity SET territory = ?", [THEIRS])
    outcome = rematerialise(rep.db)
    assert outcome.dropped == {"customers": {mine["id"]}}
    assert rep.customers.get(theirs["id"]) == boss.customers.get(theirs["id"])
