"""Every value an asset (冰柜, cooler, rack…) and its events carry, declared once.

The same ``FieldSpec`` machinery as the customer card is used, so the CLI's
``FIELD=VALUE`` parsing, the GUI forms and the error messages ("share_percent:
must be at most 100") behave exactly like customer fields. Each form (register
a unit, deploy, inspect, write off, settings) has its own small tuple so a
form shows only what it asks for.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from fieldcrm.domain.classifications import Choice
from fieldcrm.domain.customer_fields import FieldSpec, Kind, Section
from fieldcrm.domain.validation import MSG_REQUIRED, MSG_UNKNOWN_FIELD, parse_value
from fieldcrm.errors import FieldError, ValidationErrors
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N


class AssetType(Choice):
    FREEZER = "freezer", _N("Choice", "Freezer")
    COOLER = "cooler", _N("Choice", "Cooler")
    DISPLAY_RACK = "display_rack", _N("Choice", "Display rack")
    SIGNAGE = "signage", _N("Choice", "Signage")
    OTHER = "other", _N("Choice", "Other")


class AssetStatus(Choice):
    IN_STOCK = "in_stock", _N("Choice", "In stock")
    DEPLOYED = "deployed", _N("Choice", "Deployed")
    IN_REPAIR = "in_repair", _N("Choice", "In repair")
    RETIRED = "retired", _N("Choice", "Retired")
    LOST = "lost", _N("Choice", "Lost", "an asset that cannot be found")


class EventKind(Choice):
    ADD = "add", _N("Choice", "Received into stock")
    DEPLOY = "deploy", _N("Choice", "Deployed to customer")
    INSPECT = "inspect", _N("Choice", "Inspected")
    REPAIR_REQUEST = "repair_request", _N("Choice", "Repair requested")
    REPAIR_DONE = "repair_done", _N("Choice", "Repair done")
    MOVE = "move", _N("Choice", "Moved to another customer")
    RETRIEVE = "retrieve", _N("Choice", "Retrieved to stock")
    WRITE_OFF = "write_off", _N("Choice", "Written off")
    CORRECT = "correct", _N("Choice", "Location corrected after review")


class YesNo(Choice):
    YES = "yes", _N("Choice", "Yes")
    NO = "no", _N("Choice", "No")


class Condition(Choice):
    WORKING = "working", _N("Choice", "Working")
    FAULTY = "faulty", _N("Choice", "Faulty")


class WriteOffReason(Choice):
    LOST = "lost", _N("Choice", "Lost", "an asset that cannot be found")
    DAMAGED = "damaged", _N("Choice", "Damaged beyond repair")


class FlagReason(Choice):
    """Why a supervisor should look at a unit after its latest inspection."""

    FAULTY = "faulty", _N("Choice", "Faulty")
    UNCLEAN = "unclean", _N("Choice", "Not clean")
    DISPLAY = "display", _N("Choice", "Display not as agreed")
    LOW_SHARE = "low_share", _N("Choice", "Low share of our products")


B, N = Section.BASIC, Section.NOTES

TAG = FieldSpec("tag", Kind.TEXT, B, _N("AssetField", "Tag number"), required=True, max_length=40)
WAREHOUSE = FieldSpec("warehouse", Kind.TEXT, B, _N("AssetField", "Warehouse"), max_length=60)
NOTES = FieldSpec("notes", Kind.LONGTEXT, N, _N("AssetField", "Notes"), max_length=4000)
DATE = FieldSpec("date", Kind.DATE, B, _N("AssetField", "Date"))

# Registering a unit (supervisor or admin). ``warehouse`` is where it is received and
# ``date`` the day (today unless given), so an existing fleet can be entered with its history.
ASSET_FIELDS: tuple[FieldSpec, ...] = (
    TAG,
    FieldSpec("serial_number", Kind.TEXT, B, _N("AssetField", "Serial number"), max_length=60),
    FieldSpec("type", Kind.CHOICE, B, _N("AssetField", "Type"), choices=AssetType, required=True),
    FieldSpec("brand", Kind.TEXT, B, _N("AssetField", "Brand"), max_length=40),
    FieldSpec("model", Kind.TEXT, B, _N("AssetField", "Model"), max_length=60),
    FieldSpec("capacity_litres", Kind.INT, B, _N("AssetField", "Capacity (litres)"), minimum=0, maximum=100_000),
    FieldSpec("purchase_date", Kind.DATE, B, _N("AssetField", "Purchase date")),
    FieldSpec("purchase_cost", Kind.MONEY, B, _N("AssetField", "Purchase cost"), minimum=0),
    WAREHOUSE,
    FieldSpec("date", Kind.DATE, B, _N("AssetField", "Received on")),
    NOTES,
)

# The register's own columns: on a replica only a supervisor's site may change them.
ASSET_SUPERVISOR_ONLY_FIELDS: frozenset[str] = frozenset(
    f.name for f in ASSET_FIELDS if f.name not in ("warehouse", "date", "notes")
)

PLACEMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("agreement", Kind.TEXT, B, _N("AssetField", "Agreement number"), max_length=60),
    FieldSpec("deposit", Kind.MONEY, B, _N("AssetField", "Deposit taken"), minimum=0),
    DATE,
)

INSPECTION_FIELDS: tuple[FieldSpec, ...] = (
    DATE,
    FieldSpec("clean", Kind.CHOICE, B, _N("AssetField", "Clean"), choices=YesNo, required=True),
    FieldSpec("display_ok", Kind.CHOICE, B, _N("AssetField", "Display as agreed"), choices=YesNo, required=True),
    FieldSpec(
        "share_percent", Kind.INT, B, _N("AssetField", "Share of our products (%)"),
        minimum=0, maximum=100, required=True,
    ),
    # Whole degrees: what a rep reads off the unit's thermometer; racks have none.
    FieldSpec("temperature", Kind.INT, B, _N("AssetField", "Temperature (°C)"), minimum=-40, maximum=40),
    FieldSpec("condition", Kind.CHOICE, B, _N("AssetField", "Working or faulty"), choices=Condition, required=True),
    NOTES,
)

# An inspection made as part of a visit takes the visit's date.
VISIT_INSPECTION_FIELDS: tuple[FieldSpec, ...] = tuple(s for s in INSPECTION_FIELDS if s is not DATE)

REPAIR_FIELDS: tuple[FieldSpec, ...] = (DATE, NOTES)

WRITE_OFF_FIELDS: tuple[FieldSpec, ...] = (
    DATE,
    FieldSpec("reason", Kind.CHOICE, B, _N("AssetField", "Reason"), choices=WriteOffReason, required=True),
    NOTES,
)

RETRIEVE_FIELDS: tuple[FieldSpec, ...] = (DATE, WAREHOUSE)

SETTINGS_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "inspection_interval_days", Kind.INT, B, _N("AssetField", "Inspect every (days)"),
        minimum=1, maximum=366, required=True,
    ),
    FieldSpec(
        "low_share_percent", Kind.INT, B, _N("AssetField", "Flag a share below (%)"),
        minimum=0, maximum=100, required=True,
    ),
    FieldSpec("default_warehouse", Kind.TEXT, B, _N("AssetField", "Default warehouse"), required=True, max_length=60),
)

MSG_BAD_TAG = _N("Errors", "{field}: '{value}' may hold only letters, digits and - _ . /")
_TAG_OK = re.compile(r"^[A-Z0-9][A-Z0-9._/\-]*$")


def normalise_tag(raw: Any) -> str:
    """Tags are printed in capitals; ``fz-001`` typed on a laptop finds ``FZ-001``."""
    tag = str(parse_value(TAG, raw)).upper()
    if not _TAG_OK.match(tag):
        raise FieldError(TAG.name, MSG_BAD_TAG, value=raw)
    return tag


def parse_form(specs: tuple[FieldSpec, ...], raw: Mapping[str, Any], *, creating: bool = True) -> dict[str, Any]:
    """Parse one form's values, collecting every bad field before refusing.

    The customer-only ``validation.parse_fields`` is bound to the card's fields;
    this is the same loop over the given form, so errors read identically.
    """
    by_name = {s.name: s for s in specs}
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, value in raw.items():
        spec = by_name.get(name)
        if spec is None:
            errors.append(FieldError(name, MSG_UNKNOWN_FIELD))
            continue
        try:
            values[name] = normalise_tag(value) if spec is TAG else parse_value(spec, value)
        except FieldError as error:
            errors.append(error)
    if creating:
        for spec in specs:
            if spec.required and spec.name not in raw:
                errors.append(FieldError(spec.name, MSG_REQUIRED))
    if errors:
        raise ValidationErrors(errors)
    return values
