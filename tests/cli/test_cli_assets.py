"""Contract of ``fieldcrm asset …``: what each command prints, its JSON shapes, and refusals that write nothing.

A refused command must exit non-zero with exactly one ``error: FIELD: …``
line and leave the asset tables, the change log and the photo store as they were.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from fieldcrm.storage.database import DB_NAME
from tests.cli.conftest import Cli, add

TODAY = date.today().isoformat()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
INSPECTION = ("clean=yes", "display_ok=no", "share_percent=40", "condition=working", "temperature=-18")

SHOW_KEYS = [
    "id", "tag", "serial_number", "type", "brand", "model", "capacity_litres", "purchase_date", "status", "notes",
    "purchase_cost", "location", "placement", "last_checked_on", "due_on", "overdue", "flags", "history",
]
EVENT_KEYS = ["id", "asset_id", "tag", "kind", "date", "recorded_at", "user", "from", "to", "status"]
LIST_ROW_KEYS = [
    "id", "tag", "serial_number", "type", "brand", "model", "capacity_litres", "status", "location_kind",
    "customer_id", "customer_code", "customer_name", "territory", "warehouse", "last_checked_on", "due_on", "overdue",
]


def written(folder: Path) -> tuple[int, ...]:
    """Units, events, captured changes and stored photo files, read without writing."""
    with closing(sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)) as db:
        counts = db.execute(
            "SELECT (SELECT count(*) FROM assets), (SELECT count(*) FROM asset_events), (SELECT count(*) FROM change)"
        ).fetchone()
    store = folder / "attachments"
    files = len([p for p in store.rglob("*") if p.is_file()]) if store.exists() else 0
    return (*counts, files)


@pytest.fixture
def shops(cli: Cli, supervisor_folder: Path) -> tuple[str, str]:
    """Two customer codes in the supervisor's workspace (the default for these commands)."""
    first = add(cli, "name=张三超市", "territory=西湖区")
    second = add(cli, "name=李四便利店", "territory=滨江区")
    return str(first["code"]), str(second["code"])


@pytest.fixture
def freezer(cli: Cli, supervisor_folder: Path) -> str:
    result = cli("asset", "add", "tag=bg-001", "type=freezer", "brand=海尔", "purchase_cost=2150.5", "date=2024-01-20")
    assert result.code == 0, result.err
    return result.out.strip()


def deployed(cli: Cli, shop: str) -> None:
    result = cli("asset", "deploy", "BG-001", shop, "--agreement", "AG-7", "--deposit", "300", "--date", "2024-02-01")
    assert result.code == 0, result.err


def test_add_prints_the_id_and_shows_the_unit(cli: Cli, freezer: str) -> None:
    shown = cli("asset", "show", "bg-001", "--json")
    assert shown.code == 0, shown.err
    unit = shown.json()
    assert list(unit) == SHOW_KEYS
    assert (unit["id"], unit["tag"], unit["status"], unit["purchase_cost"]) == (freezer, "BG-001", "in_stock", 2150.5)
    assert unit["location"] == {"kind": "warehouse", "name": "总仓"}
    assert [e["kind"] for e in unit["history"]] == ["add"]
    assert list(unit["history"][0]) == EVENT_KEYS
    again = cli("asset", "add", "tag=BG-002", "type=cooler", "--json")
    assert again.code == 0 and again.json()["tag"] == "BG-002" and list(again.json()) == SHOW_KEYS


def test_deploy_inspect_move_retrieve_repair(cli: Cli, freezer: str, shops: tuple[str, str], tmp_path: Path) -> None:
    first, second = shops
    placed = cli("asset", "deploy", "bg-001", first, "--agreement", "AG-7", "--deposit", "300", "--json")
    assert placed.code == 0, placed.err
    event = placed.json()
    assert list(event)[:10] == EVENT_KEYS
    assert (event["kind"], event["to"]["code"], event["deposit"], event["agreement"]) == ("deploy", first, 300.0, "AG-7")

    photo = tmp_path / "front.png"
    photo.write_bytes(PNG)
    checked = cli("asset", "inspect", "BG-001", *INSPECTION, "--photo", str(photo), "--json")
    assert checked.code == 0, checked.err
    report = checked.json()
    assert (report["share_percent"], report["display_ok"], report["temperature"]) == (40, "no", -18)
    assert [Path(p["path"]).is_file() for p in report["photos"]] == [True]

    moved = cli("asset", "move", "BG-001", second, "--deposit", "200")
    assert moved.code == 0, moved.err
    assert moved.out.strip() and "refund the deposit of 300.00 yuan to" in moved.err and first in moved.err

    repair = cli("asset", "repair", "BG-001", "--notes", "压缩机不制冷", "--json")
    assert repair.code == 0 and repair.json()["status"] == "in_repair"
    done = cli("asset", "repair", "BG-001", "--done", "--json")
    assert done.code == 0 and (done.json()["kind"], done.json()["status"]) == ("repair_done", "deployed")

    back = cli("asset", "retrieve", "BG-001", "--json")
    assert back.code == 0, back.err
    assert (back.json()["refund"], back.json()["refund_to"]["code"], back.json()["to"]["name"]) == (200.0, second, "总仓")

    history = cli("asset", "show", "BG-001", "--json").json()["history"]
    assert [e["kind"] for e in history] == [
        "retrieve", "repair_done", "repair_request", "move", "inspect", "deploy", "add",
    ]
    text = cli("asset", "show", "BG-001").out
    assert "压缩机不制冷" in text and "location" in text and "share_percent=40" in text


def test_list_filters_and_json(cli: Cli, freezer: str, shops: tuple[str, str]) -> None:
    first, _ = shops
    deployed(cli, first)
    cli("asset", "add", "tag=CL-001", "type=cooler", "brand=澳柯玛")
    everything = cli("asset", "list", "--json").json()
    assert everything["total"] == 2 and [r["tag"] for r in everything["assets"]] == ["BG-001", "CL-001"]
    assert list(everything["assets"][0]) == LIST_ROW_KEYS
    assert [r["tag"] for r in cli("asset", "list", "--status", "deployed", "--json").json()["assets"]] == ["BG-001"]
    assert [r["tag"] for r in cli("asset", "list", "--type", "cooler", "--json").json()["assets"]] == ["CL-001"]
    assert [r["tag"] for r in cli("asset", "list", "--customer", first, "--json").json()["assets"]] == ["BG-001"]
    assert [r["tag"] for r in cli("asset", "list", "--territory", "西湖区", "--json").json()["assets"]] == ["BG-001"]
    assert [r["tag"] for r in cli("asset", "list", "--search", "澳柯玛", "--json").json()["assets"]] == ["CL-001"]
    # Deployed in 2024 and never inspected since: long overdue.
    overdue = cli("asset", "list", "--overdue", "--json").json()
    assert [(r["tag"], r["overdue"]) for r in overdue["assets"]] == [("BG-001", True)]
    page = cli("asset", "list", "--limit", "1", "--offset", "1")
    assert page.out.splitlines()[0].split()[:3] == ["tag", "type", "status"] and "CL-001" in page.out
    assert "showing 1 of 2" in page.err
    assert cli("asset", "list", "--status", "lost").err == "no assets match\n"


def test_text_output_of_writes_is_the_event_id(cli: Cli, freezer: str, shops: tuple[str, str]) -> None:
    result = cli("asset", "deploy", "BG-001", shops[0])
    assert result.code == 0, result.err
    history = cli("asset", "show", "BG-001", "--json").json()["history"]
    assert result.out.strip() == history[0]["id"] and "deployed BG-001 at" in result.err


@pytest.mark.parametrize(
    ("argv", "code", "start"),
    [
        (("asset", "deploy", "NOPE-1", "{shop}"), 1, "error: tag: no asset with tag 'NOPE-1'"),
        (("asset", "show", "NOPE-1"), 1, "error: tag: no asset with tag 'NOPE-1'"),
        (("asset", "add", "tag=bg-001", "type=freezer"), 2, "error: tag: BG-001 is already the tag of another unit"),
        (("asset", "add", "tag=X 1", "type=freezer"), 2, "error: tag: 'X 1' may hold only"),
        (("asset", "add", "tag=X-1"), 2, "error: type: is required"),
        (("asset", "add", "tag=X-1", "type=fridge"), 2, "error: type: 'fridge' is not one of"),
        (("asset", "move", "BG-001", "{shop}"), 2, "error: tag: BG-001 is in_stock; only a deployed unit can be moved"),
        (("asset", "retrieve", "BG-001"), 2, "error: tag: BG-001 is not at a customer"),
        (("asset", "repair", "BG-001", "--done"), 2, "error: tag: BG-001 is in_stock, not in repair"),
        (("asset", "deploy", "BG-001", "C-NOBODY"), 1, "error: customer: no customer with id or code 'C-NOBODY'"),
        (("asset", "deploy", "BG-001", "{shop}", "--deposit", "-5"), 2, "error: deposit: must be at least 0"),
        (("asset", "deploy", "BG-001", "{shop}", "--date", "2999-01-01"), 2, "error: date: 2999-01-01 is in the future"),
        (("asset", "list", "--status", "gone"), 2, "error: status: 'gone' is not one of"),
    ],
)
def test_refusals_name_the_field_and_write_nothing(
    cli: Cli, freezer: str, shops: tuple[str, str], supervisor_folder: Path, argv: tuple[str, ...], code: int,
    start: str,
) -> None:
    before = written(supervisor_folder)
    result = cli(*(word.replace("{shop}", shops[0]) for word in argv))
    assert (result.code, len(result.err_lines)) == (code, 1), result.err
    assert result.err.startswith(start), result.err
    assert result.out == ""
    assert written(supervisor_folder) == before


@pytest.mark.parametrize(
    ("extra", "start"),
    [
        (("share_percent=101",), "error: share_percent: must be at most 100"),
        (("share_percent=-1",), "error: share_percent: must be at least 0"),
        (("colour=red",), "error: colour: unknown field"),
        (("date=2999-01-01",), "error: date: 2999-01-01 is in the future"),
    ],
)
def test_bad_inspection_writes_nothing(
    cli: Cli, freezer: str, shops: tuple[str, str], supervisor_folder: Path, tmp_path: Path,
    extra: tuple[str, ...], start: str,
) -> None:
    deployed(cli, shops[0])
    photo = tmp_path / "ok.png"
    photo.write_bytes(PNG)
    base = [a for a in INSPECTION if a.split("=")[0] not in {e.split("=")[0] for e in extra}]
    before = written(supervisor_folder)
    result = cli("asset", "inspect", "BG-001", *base, *extra, "--photo", str(photo))
    assert (result.code, len(result.err_lines)) == (2, 1) and result.err.startswith(start), result.err
    assert written(supervisor_folder) == before


def test_a_photo_that_is_not_an_image_is_refused(
    cli: Cli, freezer: str, shops: tuple[str, str], supervisor_folder: Path, tmp_path: Path
) -> None:
    deployed(cli, shops[0])
    good, bad = tmp_path / "ok.png", tmp_path / "notes.txt"
    good.write_bytes(PNG)
    bad.write_text("not a picture", encoding="utf-8")
    before = written(supervisor_folder)
    result = cli("asset", "inspect", "BG-001", *INSPECTION, "--photo", str(good), "--photo", str(bad))
    assert result.code == 2 and len(result.err_lines) == 1
    assert result.err.startswith("error: photos: ") and "is not a JPEG, PNG, WebP or HEIC image" in result.err
    missing = cli("asset", "inspect", "BG-001", *INSPECTION, "--photo", str(tmp_path / "gone.png"))
    assert missing.code == 2 and missing.err.startswith("error: photos: ") and "cannot be read" in missing.err
    assert written(supervisor_folder) == before


def test_missing_inspection_fields_are_all_named(cli: Cli, freezer: str, shops: tuple[str, str]) -> None:
    deployed(cli, shops[0])
    result = cli("asset", "inspect", "BG-001", "clean=yes")
    assert result.code == 2 and len(result.err_lines) == 1
    assert result.err.startswith("error: display_ok: is required (also wrong: share_percent, condition)")


def test_a_rep_may_not_register_units(cli: Cli, rep_folder: Path) -> None:
    before = written(rep_folder)
    result = cli("asset", "add", "tag=BG-9", "type=freezer")
    assert (result.code, len(result.err_lines)) == (1, 1)
    assert result.err.startswith("error: tag: only a supervisor or administrator may register units")
    assert written(rep_folder) == before


def test_usage_errors(cli: Cli, supervisor_folder: Path) -> None:
    no_equals = cli("asset", "add", "tag")
    assert no_equals.code == 2 and no_equals.err.startswith("error: tag: expected FIELD=VALUE")
    missing = cli("asset", "deploy", "BG-001")
    assert missing.code == 2 and len(missing.err_lines) == 1
