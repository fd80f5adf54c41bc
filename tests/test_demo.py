"""Demo data: valid, coherent, reproducible, and written through the normal storage path."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest

from fieldcrm.demo import DEMO_OWNER, build_demo, hangzhou
from fieldcrm.domain.classifications import (
    Attitude, Channel, CreditGrade, Grade, Lifecycle, LocationType, Nature, OrganisationForm, Ownership, Role,
)
from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS
from fieldcrm.domain.customers import CustomerQuery
from fieldcrm.domain.validation import format_value, parse_fields
from fieldcrm.storage import customers as store
from fieldcrm.workspace import Workspace, open_workspace

CARDS = 300
MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0571-[2568]\d{7}")
DISTRICTS = {d.name: d for d in hangzhou.DISTRICTS}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One 300-card demo workspace shared by the read-only checks below."""
    ws = open_workspace(tmp_path_factory.mktemp("demo") / "ws", create=True)
    build_demo(ws, customers=CARDS, seed=1)
    yield ws
    ws.close()


def all_cards(ws: Workspace) -> list[dict[str, Any]]:
    return list(store.iter_cards(ws.db, CustomerQuery(sort="code")))


def content(ws: Workspace) -> list[dict[str, Any]]:
    """Cards in creation order without their id and code, which are unique per run."""
    rows = ws.db.execute("SELECT id FROM customers ORDER BY rowid").fetchall()
    cards = [store.get(ws.db, row[0]) for row in rows]
    return [{k: v for k, v in card.items() if k not in ("id", "code")} for card in cards if card]


def test_a_workspace_without_an_owner_becomes_the_demo_supervisors(demo: Workspace) -> None:
    identity = demo.require_identity()
    assert (identity.user_name, identity.role, identity.territory) == (DEMO_OWNER, Role.SUPERVISOR, None)
    cards = all_cards(demo)
    assert len(cards) == CARDS
    assert len({c["code"] for c in cards}) == CARDS


def test_every_card_passes_validation(demo: Workspace) -> None:
    """Typed back in through the same parser as the editor and CLI, each card comes out unchanged."""
    for card in all_cards(demo):
        stored = {spec.name: card[spec.name] for spec in CUSTOMER_FIELDS if card[spec.name] is not None}
        typed = {name: format_value(spec, stored[name]) for spec in CUSTOMER_FIELDS if (name := spec.name) in stored}
        assert parse_fields(typed, creating=True) == stored, card["name"]


@pytest.mark.parametrize(
    ("field", "choices"),
    [("nature", Nature), ("ownership", Ownership), ("channel", Channel), ("location_type", LocationType),
     ("grade", Grade), ("credit_grade", CreditGrade), ("lifecycle", Lifecycle),
     ("organisation_form", OrganisationForm), ("cooperation_attitude", Attitude)],
)
def test_every_classification_value_is_used(demo: Workspace, field: str, choices: Any) -> None:
    used = Counter(card[field] for card in all_cards(demo))
    assert set(choices.codes()) <= set(used), set(choices.codes()) - set(used)


def test_places_are_real_and_inside_their_district(demo: Workspace) -> None:
    for card in all_cards(demo):
        district = DISTRICTS[card["district"]]
        south, west, north, east = district.bounds
        assert (card["province"], card["city"], card["territory"]) == ("浙江省", "杭州市", district.name)
        assert south <= card["latitude"] <= north and west <= card["longitude"] <= east
        lake_south, lake_west, lake_north, lake_east = hangzhou.WEST_LAKE
        assert not (lake_south <= card["latitude"] <= lake_north and lake_west <= card["longitude"] <= lake_east)
        assert re.fullmatch(rf"{district.short}-周[一二三四五六]线", card["route"])
        assert card["rep"] == district.rep
        assert any(card["street"].startswith(road) for road in district.roads)


def test_phones_are_real_chinese_numbers(demo: Workspace) -> None:
    for card in all_cards(demo):
        for number in card["phones"].split(", "):
            assert MOBILE.fullmatch(number) or LANDLINE.fullmatch(number), number
        for line in (card["contacts"] or "").splitlines():
            digits = re.sub(r"\D", "", line)
            assert MOBILE.fullmatch(digits), line


def test_trading_terms_agree_with_grade_credit_and_lifecycle(demo: Workspace) -> None:
    for card in all_cards(demo):
        if card["lifecycle"] == Lifecycle.PROSPECT:
            assert card["trading_since"] is None and card["credit_grade"] is None and card["credit_limit"] is None
            continue
        assert card["founded_on"] <= card["trading_since"]
        if card["credit_grade"] == CreditGrade.C:
            assert (card["payment_terms"], card["credit_limit"]) == ("现款现货", 0)
            assert card["credit_incidents"]
        else:
            assert card["credit_limit"] > 0
        if card["grade"] == Grade.KEY and card["credit_grade"] in (CreditGrade.AAA, CreditGrade.AA):
            assert card["payment_terms"].startswith("月结")
        if card["name"].startswith(("联华超市（", "世纪联华（")):
            assert (card["organisation_form"], card["channel"]) == ("listed", "chain")
            assert card["owner_name"] is None and card["manager_name"] and card["legal_rep_name"]


def test_the_same_seed_gives_the_same_cards(tmp_path: Path) -> None:
    made = []
    for run, seed in (("a", 7), ("b", 7), ("c", 8)):
        ws = open_workspace(tmp_path / run, create=True)
        build_demo(ws, customers=25, seed=seed)
        made.append(content(ws))
        ws.close()
    assert made[0] == made[1]
    assert made[0] != made[2]


def test_a_reps_workspace_gets_only_the_reps_territory(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "rep", create=True)
    ws.initialise("李雷", Role.REP, "西湖区")
    build_demo(ws, customers=30)
    cards = all_cards(ws)
    ws.close()
    assert {(c["territory"], c["rep"]) for c in cards} == {("西湖区", "李雷")}
    assert all(c["route"].startswith("西湖-") for c in cards)


def test_cards_are_captured_for_sync_and_indexed_for_search(demo: Workspace) -> None:
    card = all_cards(demo)[0]
    captured = demo.db.execute(
        "SELECT count(*) FROM change WHERE tbl = 'customers' AND row_id = ? AND field = 'name'", [card["id"]]
    ).fetchone()[0]
    assert captured == 1
    listed = store.page(demo.db, CustomerQuery(search=f"{card['name']} {card['code']}"), 0, 10)
    assert [row["id"] for row in listed] == [card["id"]]


def test_progress_is_reported_after_each_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldcrm.demo import customers as demo_customers

    monkeypatch.setattr(demo_customers, "BATCH_SIZE", 4)
    calls: list[tuple[int, int]] = []
    ws = open_workspace(tmp_path / "ws", create=True)
    build_demo(ws, customers=10, progress=lambda done, total: calls.append((done, total)))
    ws.close()
    assert calls == [(4, 10), (8, 10), (10, 10)]
