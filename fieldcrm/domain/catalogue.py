"""The product catalogue: what reps can order and its list price.

Only supervisors change it (prices are company policy); the same rule is
registered for sync so an edit from a rep laptop is refused on every replica.
SKUs are stored upper-case and kept unique by the service, not by an index,
because two supervisors may add products offline and a UNIQUE constraint would
make the second one fail to sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ulid import ULID

from fieldcrm.domain.validation import money_to_json
from fieldcrm.domain.visit_fields import PRODUCT_FIELDS_BY_NAME, parse_record
from fieldcrm.errors import FieldError, NotFound, PermissionDenied
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import orders as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.visits import insert_row, update_row
from fieldcrm.workspace import Workspace

MSG_SUPERVISORS_ONLY = _N("Errors", "catalogue: only a supervisor may change the product catalogue")
MSG_SKU_TAKEN = _N("Errors", "{field}: SKU {value} is already in the catalogue")
MSG_NOT_FOUND = _N("Errors", "product: no product with id or SKU '{id}'")


@dataclass(frozen=True)
class Product:
    id: str
    code: str
    name: str
    category: str | None
    unit: str | None
    price: int  # fen
    active: bool

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Product":
        return cls(
            row["id"], row["code"], row["name"], row["category"], row["unit"], int(row["price"] or 0),
            row["active"] != 0,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "sku": self.code, "name": self.name, "category": self.category, "unit": self.unit,
            "price": money_to_json(self.price), "active": self.active,
        }


class CatalogueService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.db = workspace.db

    def _require_supervisor(self) -> None:
        if not self.workspace.require_identity().is_supervisor:
            raise PermissionDenied(MSG_SUPERVISORS_ONLY)

    def add(self, raw: Mapping[str, Any]) -> Product:
        """A new product, active unless said otherwise."""
        self._require_supervisor()
        values = parse_record(PRODUCT_FIELDS_BY_NAME, raw, creating=True)
        values["code"] = values["code"].upper()
        values["active"] = 1 if values.get("active") is None else values["active"]
        product_id = str(ULID())
        with write_transaction(self.db):
            if store.sku_taken(self.db, values["code"], None):
                raise FieldError("code", MSG_SKU_TAKEN, value=values["code"])
            insert_row(self.db, "products", {"id": product_id, "deleted": 0, **values})
        return self.get(product_id)

    def update(self, sku_or_id: str, raw: Mapping[str, Any]) -> list[str]:
        """Change name, price, unit, category or whether it can still be ordered."""
        self._require_supervisor()
        product = self.get(sku_or_id)
        values = parse_record(PRODUCT_FIELDS_BY_NAME, raw, creating=False)
        if "code" in values:
            values["code"] = values["code"].upper()
        if values.get("active") is None:
            values.pop("active", None)
        with write_transaction(self.db):
            current = store.get_product(self.db, product.id)
            assert current is not None
            changed = {k: v for k, v in values.items() if current[k] != v}
            if "code" in changed and store.sku_taken(self.db, changed["code"], product.id):
                raise FieldError("code", MSG_SKU_TAKEN, value=changed["code"])
            update_row(self.db, "products", product.id, changed)
        return list(changed)

    def get(self, sku_or_id: str) -> Product:
        found = store.find_product(self.db, str(sku_or_id).strip())
        row = store.get_product(self.db, found) if found else None
        if row is None:
            raise NotFound(MSG_NOT_FOUND, id=sku_or_id)
        return Product.from_row(row)

    def list(self, active_only: bool = True, search: str = "") -> list[Product]:
        """By category then SKU; ``search`` matches SKU, name or category."""
        return [Product.from_row(r) for r in store.list_products(self.db, active_only=active_only, text=search)]
