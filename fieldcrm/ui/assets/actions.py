"""Opening the dialog of each asset action for one unit, with its form, wording and service call.

Every caller (the Assets page, an asset's window, the customer card's tab,
the review list) opens actions through here, so an action reads and behaves
the same wherever it is started. Each function opens its dialog window-modal
without blocking and returns it; the dialog announces the write itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldcrm.domain.asset_fields import (
    ASSET_FIELDS,
    INSPECTION_FIELDS,
    NOTES,
    PLACEMENT_FIELDS,
    REPAIR_FIELDS,
    RETRIEVE_FIELDS,
    WAREHOUSE,
    WRITE_OFF_FIELDS,
    AssetStatus,
)
from fieldcrm.ui import prompts
from fieldcrm.ui.assets import texts
from fieldcrm.ui.assets.action_dialog import ActionDialog
from fieldcrm.ui.assets.context import AssetContext

Unit = dict[str, Any]  # as AssetService.show returns it



def _open(dialog: ActionDialog) -> ActionDialog:
    dialog.open()
    return dialog


def _deposit_note(unit: Unit) -> str:
    """What a unit leaving its customer means for money: the deposit to pay back, or none."""
    placed = unit.get("placement")
    held = placed["deposit_held"] if placed else 0
    if not held:
        return QCoreApplication.translate("AssetActions", "No deposit is held for {tag}.").format(tag=unit["tag"])
    return QCoreApplication.translate("AssetActions", "Deposit to refund: {amount} yuan to {customer}.").format(
        amount=texts.money(held), customer=texts.place(unit["location"])
    )


def register(context: AssetContext, parent: QWidget) -> ActionDialog:
    """A new unit received into a warehouse (supervisors; the service refuses others)."""
    return _open(ActionDialog(
        context, title=QCoreApplication.translate("AssetActions", "New unit"), action=QCoreApplication.translate("AssetActions", "&Register"), specs=ASSET_FIELDS,
        submit=lambda d: context.assets.add(d.form.values()), parent=parent,
    ))


def deploy(context: AssetContext, unit: Unit, parent: QWidget, customer: str = "") -> ActionDialog:
    tag = unit["tag"]
    dialog = ActionDialog(
        context, title=QCoreApplication.translate("AssetActions", "Deploy {tag}").format(tag=tag), action=QCoreApplication.translate("AssetActions", "&Deploy"), specs=PLACEMENT_FIELDS,
        with_customer=True, parent=parent,
        submit=lambda d: context.assets.deploy(tag, _customer(d), **d.form.values()),
    )
    if customer and dialog.customer is not None:
        dialog.customer.setText(customer)
    return _open(dialog)


def move(context: AssetContext, unit: Unit, parent: QWidget) -> ActionDialog:
    tag = unit["tag"]
    return _open(ActionDialog(
        context, title=QCoreApplication.translate("AssetActions", "Move {tag} to another customer").format(tag=tag), action=QCoreApplication.translate("AssetActions", "&Move"),
        specs=PLACEMENT_FIELDS, with_customer=True, intro=_deposit_note(unit), parent=parent,
        submit=lambda d: _refunded(parent, context.assets.move(tag, _customer(d), **d.form.values())),
    ))


def retrieve(context: AssetContext, unit: Unit, parent: QWidget) -> ActionDialog:
    tag = unit["tag"]
    return _open(ActionDialog(
        context, title=QCoreApplication.translate("AssetActions", "Retrieve {tag}").format(tag=tag), action=QCoreApplication.translate("AssetActions", "&Retrieve"), specs=RETRIEVE_FIELDS,
        intro=_deposit_note(unit), parent=parent,
        submit=lambda d: _refunded(parent, context.assets.retrieve(tag, **d.form.values())),
    ))


def inspect(context: AssetContext, unit: Unit, parent: QWidget) -> ActionDialog:
    tag = unit["tag"]
    return _open(ActionDialog(
        context, title=QCoreApplication.translate("AssetActions", "Inspect {tag}").format(tag=tag), action=QCoreApplication.translate("AssetActions", "&Save inspection"),
        specs=INSPECTION_FIELDS, with_photos=True, parent=parent,
        submit=lambda d: context.assets.inspect(tag, d.form.values(), photos=d.photos.paths() if d.photos else []),
    ))


def repair(context: AssetContext, unit: Unit, parent: QWidget) -> ActionDialog:
    """A unit in repair can only come back from it; any other is sent to repair."""
    tag = unit["tag"]
    if unit["status"] == AssetStatus.IN_REPAIR.value:
        title, action, call = QCoreApplication.translate("AssetActions", "Repair of {tag} done"), QCoreApplication.translate("AssetActions", "Repair &done"), context.assets.repair_done
    else:
        title, action, call = QCoreApplication.translate("AssetActions", "Send {tag} to repair"), QCoreApplication.translate("AssetActions", "&Request repair"), context.assets.repair_request
    return _open(ActionDialog(
        context, title=title.format(tag=tag), action=action, specs=REPAIR_FIELDS, parent=parent,
        submit=lambda d: call(tag, **d.form.values()),
    ))


def write_off(context: AssetContext, unit: Unit, parent: QWidget) -> ActionDialog:
    tag = unit["tag"]
    return _open(ActionDialog(
        context, title=QCoreApplication.translate("AssetActions", "Write off {tag}").format(tag=tag), action=QCoreApplication.translate("AssetActions", "&Write off"), specs=WRITE_OFF_FIELDS,
        intro=QCoreApplication.translate("AssetActions", "A unit written off stays in the records but nothing more can happen to it."), parent=parent,
        submit=lambda d: context.assets.write_off(tag, **_reason(d.form.values())),
    ))


def correct(context: AssetContext, asset_id: str, parent: QWidget, *, tag: str) -> ActionDialog:
    """Settle a unit from the review list (by id: its tag may be shared) where it really is."""
    return _open(ActionDialog(
        context, title=QCoreApplication.translate("AssetActions", "Correct the location of {tag}").format(tag=tag), action=QCoreApplication.translate("AssetActions", "&Correct"),
        specs=(WAREHOUSE, NOTES), with_customer=True, parent=parent,
        intro=QCoreApplication.translate("AssetActions", "Give the customer where the unit is, or leave it empty and give the warehouse."),
        submit=lambda d: context.assets.correct(
            asset_id, customer_id=_customer(d) or None, warehouse=d.form.values().get("warehouse"),
            notes=d.form.values().get("notes"),
        ),
    ))


def _customer(dialog: ActionDialog) -> str:
    return dialog.customer.customer() if dialog.customer is not None else ""


def _reason(values: dict[str, str]) -> dict[str, str]:
    """``reason`` is a positional argument of write_off: blank goes in as "" so the service names it."""
    return {"reason": "", **values}


def _refunded(parent: QWidget, event: dict[str, Any]) -> dict[str, Any]:
    """After a unit left a customer: say which deposit to pay back, so it is not forgotten."""
    refund = event.get("refund") or 0
    if refund:
        prompts.show_info(parent, QCoreApplication.translate("AssetActions", "Refund the deposit"), QCoreApplication.translate("AssetActions", "Refund {amount} yuan to {customer}.").format(
            amount=texts.money(refund), customer=texts.place(event.get("refund_to"))))
    return event
