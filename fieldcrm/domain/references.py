"""References between synced records, checked by the services because SQL can't.

Synced tables carry no FOREIGN KEYs (a visit may arrive before its customer),
so every write that names a customer, visit or product checks it here and
refuses with a FieldError naming the field the user typed it into.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import sqlite_utils

from fieldcrm.errors import FieldError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import visits as visit_store

Clock = Callable[[], datetime]

MSG_NO_CUSTOMER = _N("Errors", "{field}: no customer with id or code '{value}'")
MSG_RETIRED_CUSTOMER = _N("Errors", "{field}: customer {value} is retired")
MSG_NO_VISIT = _N("Errors", "{field}: no visit with id or code '{value}'")
MSG_OTHER_CUSTOMER = _N("Errors", "{field}: visit {value} was at another customer")


@dataclass(frozen=True)
class CustomerRef:
    """What the visit-log services need to know about a customer."""

    id: str
    code: str | None
    name: str | None
    territory: str | None
    rep: str | None
    grade: str | None
    credit_limit: int | None


def customer(db: sqlite_utils.Database, id_or_code: str, field: str = "customer") -> CustomerRef:
    text = str(id_or_code).strip()
    card = visit_store.customer_ref(db, text) if text else None
    if card is None:
        raise FieldError(field, MSG_NO_CUSTOMER, value=id_or_code)
    if card["deleted"]:
        raise FieldError(field, MSG_RETIRED_CUSTOMER, value=card["code"] or card["id"])
    return CustomerRef(
        card["id"], card["code"], card["name"], card["territory"], card["rep"], card["grade"], card["credit_limit"]
    )


def visit_at(db: sqlite_utils.Database, id_or_code: str, customer_id: str, field: str = "visit") -> dict[str, object]:
    """A live visit at ``customer_id``: orders and payments taken at a visit belong to its customer."""
    text = str(id_or_code).strip()
    found = visit_store.find_id(db, "visits", text) if text else None
    visit = visit_store.get(db, found) if found else None
    if visit is None or visit["deleted"]:
        raise FieldError(field, MSG_NO_VISIT, value=id_or_code)
    if visit["customer_id"] != customer_id:
        raise FieldError(field, MSG_OTHER_CUSTOMER, value=visit["code"])
    return visit
