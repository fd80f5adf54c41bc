"""A unit's window and its action dialogs, used as a user would: fill the form, press the button, read the history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm.ui.assets import action_dialog
from fieldcrm.ui.assets.action_dialog import ActionDialog
from fieldcrm.ui.assets.asset_window import AssetWindow, open_asset
from fieldcrm.ui.assets.context import AssetContext
from tests.ui.conftest import Prompts
from tests.ui.helpers import type_text


def history(window: AssetWindow) -> list[str]:
    model = window.history.events
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def counts(context: AssetContext) -> tuple[int, int]:
    row = context.workspace.db.execute("SELECT (SELECT count(*) FROM asset_events), (SELECT count(*) FROM change)")
    return tuple(row.fetchone())  # type: ignore[return-value]


def stored_files(context: AssetContext) -> list[Path]:
    folder = context.workspace.attachments
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def opened(qtbot: QtBot, context: AssetContext, tag: str) -> AssetWindow:
    window = open_asset(context, tag, None)
    qtbot.addWidget(window)
    return window


def action(qtbot: QtBot, window: AssetWindow, key: str) -> ActionDialog:
    window.buttons[key].click()
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


# The completer's popup asks the offscreen platform for things it cannot do, and says so.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))")
def test_deploy_through_the_dialog(
    qtbot: QtBot, context: AssetContext, fleet: dict[str, Any], shops: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    window = opened(qtbot, context, "BG-002")
    assert history(window) == ["Received into stock"]
    dialog = action(qtbot, window, "deploy")
    assert dialog.customer is not None
    type_text(qtbot, dialog.customer, "李四")
    suggestions = dialog.customer.completer().model()
    assert suggestions.index(0, 0).data() == f"{shops[1]['code']} 李四便利店"
    dialog.customer.setText(suggestions.index(0, 0).data())
    type_text(qtbot, dialog.form.widget("deposit"), "-5")
    before = counts(context)
    dialog.ok_button.click()
    assert dialog.form.error("deposit") == "Deposit taken: must be at least 0"
    assert counts(context) == before
    dialog.form.set_text("deposit", "250")
    dialog.form.set_text("agreement", "AG-9")
    dialog.ok_button.click()
    assert not dialog.isVisible() and dialog.result_value is not None
    assert history(window) == ["Deployed to customer", "Received into stock"]
    assert window.fields["status"].text() == "Deployed"
    assert "李四便利店" in window.fields["location"].text() and "250.00" in window.fields["placement"].text()


def test_an_unknown_customer_is_said_in_the_dialog(qtbot: QtBot, context: AssetContext, fleet: dict[str, Any]) -> None:
    window = opened(qtbot, context, "BG-002")
    dialog = action(qtbot, window, "deploy")
    assert dialog.customer is not None
    dialog.customer.setText("C-NOBODY")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error("action") == "customer: no customer with id or code 'C-NOBODY'"


def test_inspect_with_photos_and_a_photo_not_yet_received(
    qtbot: QtBot, context: AssetContext, fleet: dict[str, Any], photo: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = opened(qtbot, context, "BG-001")
    dialog = action(qtbot, window, "inspect")
    assert dialog.photos is not None
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(action_dialog, "pick_photos", lambda parent: [str(photo), str(text_file)])
    dialog.photos.add_button.click()
    assert dialog.photos.paths() == [str(photo), str(text_file)]
    for name, text in (("clean", "yes"), ("display_ok", "no"), ("condition", "working")):
        dialog.form.set_text(name, text)
    type_text(qtbot, dialog.form.widget("share_percent"), "101")
    before = counts(context)
    dialog.ok_button.click()
    assert dialog.form.error("share_percent") == "Share of our products (%): must be at most 100"
    dialog.form.set_text("share_percent", "20")
    dialog.ok_button.click()
    assert dialog.error("photos").endswith("is not a JPEG, PNG, WebP or HEIC image")
    assert counts(context) == before and stored_files(context) == []
    dialog.photos.list.setCurrentRow(1)
    dialog.photos.remove_button.click()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert history(window)[0] == "Inspected"
    assert window.photos.texts() == ["Photo 1"] and not window.photos.item(0).icon().isNull()
    assert window.fields["flags"].text() == "Display not as agreed, Low share of our products"

    [stored] = stored_files(context)
    stored.unlink()  # as on a laptop that has the event from sync but not yet the file
    window.reload()
    assert window.photos.texts() == ["photo not yet received"]


def test_retrieve_shows_the_deposit_to_refund(
    qtbot: QtBot, context: AssetContext, fleet: dict[str, Any], answers: Prompts
) -> None:
    window = opened(qtbot, context, "BG-001")
    dialog = action(qtbot, window, "retrieve")
    assert dialog.intro.text().startswith("Deposit to refund: 300.00 yuan to ")
    assert dialog.intro.text().endswith("张三超市.")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert answers.infos and answers.infos[-1].startswith("Refund 300.00 yuan to ")
    assert window.fields["status"].text() == "In stock" and window.fields["placement"].text() == ""
    assert history(window)[0] == "Retrieved to stock"


def test_repair_then_done_then_write_off(qtbot: QtBot, context: AssetContext, fleet: dict[str, Any]) -> None:
    window = opened(qtbot, context, "BG-001")
    dialog = action(qtbot, window, "repair")
    dialog.form.set_text("notes", "压缩机不制冷")
    dialog.ok_button.click()
    assert window.fields["status"].text() == "In repair" and "done" in window.buttons["repair"].text()
    action(qtbot, window, "repair").ok_button.click()
    assert history(window)[:2] == ["Repair done", "Repair requested"]
    assert window.buttons["write_off"].isVisible()
    dialog = action(qtbot, window, "write_off")
    dialog.ok_button.click()
    assert dialog.form.error("reason") == "Reason: is required"
    dialog.form.set_text("reason", "damaged")
    dialog.ok_button.click()
    assert window.fields["status"].text() == "Retired"
    assert not any(button.isEnabled() for button in window.buttons.values())
