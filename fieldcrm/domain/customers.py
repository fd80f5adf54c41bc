"""Customer cards: create, edit, retire, find, with the role rules applied.

Every write is one transaction; capture triggers record each changed field in
that same transaction, which is what sync and the card's history read.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from ulid import ULID

from fieldcrm.domain.customer_fields import FILTERABLE_FIELDS, SUPERVISOR_ONLY_FIELDS
from fieldcrm.domain.validation import parse_fields
from fieldcrm.errors import FieldError, NotFound, PermissionDenied, ValidationErrors
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import customers as store
from fieldcrm.storage.customers import CustomerQuery, HistoryRow
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.identity import next_customer_code
from fieldcrm.workspace import Workspace

MSG_NOT_FOUND = _N("Errors", "customer: no customer with id or code '{id}'")
MSG_SUPERVISOR_ONLY = _N("Errors", "{field}: only a supervisor may change this field")
MSG_BAD_FILTER = _N("Errors", "{field}: cannot filter by this field")


class CustomerService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.db = workspace.db

    def _check_role(self, fields: Mapping[str, Any]) -> None:
        identity = self.workspace.require_identity()
        if identity.is_supervisor:
            return
        for name in fields:
            if name in SUPERVISOR_ONLY_FIELDS:
                raise PermissionDenied(MSG_SUPERVISOR_ONLY, field=name)

    def resolve(self, id_or_code: str) -> str:
        found = store.find_id(self.db, id_or_code.strip())
        if found is None:
            raise NotFound(MSG_NOT_FOUND, id=id_or_code)
        return found

    def create(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Validate and store a new card; returns it with its id and code."""
        values = parse_fields(raw, creating=True)
        self._check_role({k: v for k, v in values.items() if v is not None})
        identity = self.workspace.require_identity()
        customer_id = str(ULID())
        with write_transaction(self.db):
            code = next_customer_code(self.db, identity)
            store.insert(self.db, {"id": customer_id, "code": code, "deleted": 0, **values})
        return self.get(customer_id)

    def update(self, id_or_code: str, raw: Mapping[str, Any]) -> list[str]:
        """Apply edits; returns the names of the fields that actually changed."""
        customer_id = self.resolve(id_or_code)
        values = parse_fields(raw, creating=False)
        with write_transaction(self.db):
            current = store.get(self.db, customer_id)
            assert current is not None
            changed = {k: v for k, v in values.items() if current[k] != v}
            self._check_role(changed)
            store.update(self.db, customer_id, changed)
        return list(changed)

    def delete(self, id_or_code: str) -> None:
        """Retire a card (a tombstone that syncs); its data stays and can be restored."""
        self._set_deleted(id_or_code, 1)

    def restore(self, id_or_code: str) -> None:
        self._set_deleted(id_or_code, 0)

    def _set_deleted(self, id_or_code: str, flag: int) -> None:
        customer_id = self.resolve(id_or_code)
        with write_transaction(self.db):
            store.update(self.db, customer_id, {"deleted": flag})

    def get(self, id_or_code: str) -> dict[str, Any]:
        customer_id = self.resolve(id_or_code)
        card = store.get(self.db, customer_id)
        assert card is not None
        return card

    def page(self, query: CustomerQuery, offset: int, limit: int) -> list[dict[str, Any]]:
        return store.page(self.db, query, offset, limit)

    def count(self, query: CustomerQuery) -> int:
        return store.count(self.db, query)

    def iter_cards(self, query: CustomerQuery) -> Iterator[dict[str, Any]]:
        return store.iter_cards(self.db, query)

    def history(self, id_or_code: str) -> list[HistoryRow]:
        return store.history(self.db, self.resolve(id_or_code))

    def distinct_values(self, field_name: str) -> list[str]:
        return store.distinct_values(self.db, field_name)


def parse_filters(raw: Mapping[str, str]) -> dict[str, str]:
    """Check list filters the way card values are checked, so a typo names the field."""
    errors: list[FieldError] = []
    for name in raw:
        if name not in FILTERABLE_FIELDS:
            errors.append(FieldError(name, MSG_BAD_FILTER))
    if errors:
        raise ValidationErrors(errors)
    parsed = parse_fields(raw, creating=False)
    return {k: v for k, v in parsed.items() if v is not None}


__all__ = ["CustomerQuery", "CustomerService", "HistoryRow", "parse_filters"]
