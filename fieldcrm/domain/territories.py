"""The territory tree: districts (分区) hold areas (片区), areas hold zones (小区); customers belong to zones.

Each level sits exactly one below its parent, so a zone always has an area
above it. The area is the unit one rep's laptop keeps: a customer put in a
zone gets ``zone_id`` (the exact link) and its card's ``territory`` text set
to the zone's *area* name, which is what sync scopes customers by and what a
rep's workspace names as its territory. Putting the zone's own name there
would take every card off the rep's laptop the moment it was zoned.

Names are unique across the tree, so a name typed on the command line or a
card's ``territory`` text points at one node. Only supervisors change the
tree, since it decides what each laptop keeps; anyone may put a customer in
a zone, as anyone may edit a card's territory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ulid import ULID

from fieldcrm.domain.route_values import Level, parse_choice, parse_name, parse_person
from fieldcrm.errors import FieldError, NotFound, PermissionDenied
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import territories as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

MSG_NO_TERRITORY = _N("Errors", "{field}: no territory with id or name '{value}'")
MSG_AMBIGUOUS = _N("Errors", "{field}: '{value}' names {count} territories; use the id")
MSG_NAME_TAKEN = _N("Errors", "{field}: a territory named '{value}' already exists")
MSG_NEEDS_PARENT = _N("Errors", "{field}: a {level} goes under a {parent_level}; name its parent")
MSG_WRONG_LEVEL = _N("Errors", "{field}: under the {parent_level} '{parent}' only a {child_level} can go, not a {level}")
MSG_NO_CHILDREN = _N("Errors", "{field}: '{value}' is a zone; zones have no territories under them")
MSG_NOT_A_ZONE = _N("Errors", "{field}: '{value}' is a {level}; customers belong to zones")
MSG_SUPERVISORS_ONLY = _N("Errors", "territory: only a supervisor may change the territory tree")
MSG_NO_CUSTOMER = _N("Errors", "{field}: no customer with id or code '{value}'")
MSG_RETIRED_CUSTOMER = _N("Errors", "{field}: customer {value} is retired")
MSG_GIVEN_TWICE = _N("Errors", "{field}: {value} is given twice")


@dataclass(frozen=True)
class Territory:
    id: str
    name: str
    level: Level
    parent_id: str | None
    manager: str | None


@dataclass(frozen=True)
class TerritoryNode:
    """A node of ``TerritoryService.tree()``, with counts over its whole subtree."""

    id: str
    name: str
    level: Level
    parent_id: str | None
    manager: str | None
    customers: int
    routes: int
    children: tuple["TerritoryNode", ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "level": self.level.value, "manager": self.manager,
            "customers": self.customers, "routes": self.routes,
            "children": [child.to_json() for child in self.children],
        }


def _territory(row: dict[str, Any]) -> Territory:
    levels = {level.value: level for level in Level}
    return Territory(row["id"], row["name"], levels.get(row["level"], Level.ZONE), row["parent_id"], row["manager"])


def customer_ids(db: Any, raw_ids: Iterable[str], field: str = "customer") -> list[str]:
    """Resolve ids or codes of live customers, refusing unknown, retired and repeated ones.

    Shared with the route services, so every list of customers is checked the
    same way before anything is written.
    """
    found: list[str] = []
    for raw in raw_ids:
        text = str(raw).strip()
        customer_id = store.find_customer(db, text) if text else None
        if customer_id is None:
            raise NotFound(MSG_NO_CUSTOMER, field=field, value=raw)
        if customer_id in found:
            raise FieldError(field, MSG_GIVEN_TWICE, value=raw)
        found.append(customer_id)
    refs = store.customer_refs(db, found)
    for customer_id in found:
        if refs[customer_id]["deleted"]:
            raise FieldError(field, MSG_RETIRED_CUSTOMER, value=refs[customer_id]["code"] or customer_id)
    return found


class TerritoryService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.db = workspace.db

    # -- reading ---------------------------------------------------------------

    def _nodes(self) -> dict[str, Territory]:
        return {row["id"]: _territory(row) for row in store.live_nodes(self.db)}

    def resolve(self, id_or_name: str, field: str = "territory") -> str:
        """The id of the live node with this id or (unique) name."""
        text = " ".join(str(id_or_name).split())
        if text and store.get_node(self.db, text) is not None:
            return text
        named = store.node_ids_named(self.db, text) if text else []
        if len(named) > 1:
            raise FieldError(field, MSG_AMBIGUOUS, value=id_or_name, count=len(named))
        if not named:
            raise NotFound(MSG_NO_TERRITORY, field=field, value=id_or_name)
        return named[0]

    def get(self, id_or_name: str, field: str = "territory") -> Territory:
        row = store.get_node(self.db, self.resolve(id_or_name, field))
        assert row is not None
        return _territory(row)

    def tree(self) -> list[TerritoryNode]:
        """Every live node under its parent, by name; a node whose parent is gone is shown as a root.

        ``customers`` and ``routes`` count the whole subtree, which is what the
        tree on the Routes page shows next to each node.
        """
        nodes = self._nodes()
        children: dict[str | None, list[Territory]] = {}
        for node in nodes.values():
            parent = node.parent_id if node.parent_id in nodes else None
            children.setdefault(parent, []).append(node)
        customers, routes = store.customer_counts(self.db), store.route_counts(self.db)

        def build(node: Territory) -> TerritoryNode:
            below = tuple(build(child) for child in children.get(node.id, []))
            return TerritoryNode(
                node.id, node.name, node.level, node.parent_id, node.manager,
                customers.get(node.id, 0) + sum(c.customers for c in below),
                routes.get(node.id, 0) + sum(c.routes for c in below),
                below,
            )

        return [build(root) for root in children.get(None, [])]

    def subtree(self, node_id: str) -> list[str]:
        """The node and every node under it, top down."""
        nodes = self._nodes()
        found, frontier = [node_id], [node_id]
        while frontier:
            frontier = [n.id for n in nodes.values() if n.parent_id in frontier and n.id not in found]
            found += frontier
        return found

    def scope_name(self, node_id: str) -> str | None:
        """The territory text for rows under this node: its area's name (see the module docstring).

        A district has no area above it and a node cut off from the tree by
        sync may have none either; they use their own name.
        """
        nodes = self._nodes()
        node = nodes.get(node_id)
        start = node
        while node is not None and node.level is not Level.AREA:
            node = nodes.get(node.parent_id) if node.parent_id else None
        chosen = node or start
        return chosen.name if chosen else None

    def customers(self, node_id: str) -> list[dict[str, Any]]:
        """Live customers in the zones under ``node_id``, in the order they were entered."""
        return store.customers_in_zones(self.db, self.subtree(node_id))

    # -- writing ---------------------------------------------------------------

    def add(
        self, name: str, *, level: str | None = None, parent: str | None = None, manager: str | None = None,
    ) -> Territory:
        """Add a node; its level defaults to one below its parent's (a district without a parent)."""
        if not self.workspace.require_identity().is_supervisor:
            raise PermissionDenied(MSG_SUPERVISORS_ONLY)
        clean_name = parse_name("name", name)
        wanted = parse_choice("level", level, Level) if level is not None else None
        above = self.get(parent, "parent") if parent is not None and str(parent).strip() else None
        chosen = self._check_level(wanted, above)
        values = {
            "id": str(ULID()), "deleted": 0, "name": clean_name, "level": chosen.value,
            "parent_id": above.id if above else None, "manager": parse_person("manager", manager),
        }
        with write_transaction(self.db):
            if store.node_ids_named(self.db, clean_name):
                raise FieldError("name", MSG_NAME_TAKEN, value=clean_name)
            store.insert_row(self.db, "territories", values)
        return _territory(values)

    @staticmethod
    def _check_level(wanted: Level | None, above: Territory | None) -> Level:
        if above is None:
            if wanted not in (None, Level.DISTRICT):
                parent_level = list(Level)[list(Level).index(wanted) - 1]
                raise FieldError("parent", MSG_NEEDS_PARENT, level=wanted.value, parent_level=parent_level.value)
            return Level.DISTRICT
        child = above.level.below
        if child is None:
            raise FieldError("parent", MSG_NO_CHILDREN, value=above.name)
        if wanted is not None and wanted is not child:
            raise FieldError(
                "level", MSG_WRONG_LEVEL, parent_level=above.level.value, parent=above.name,
                child_level=child.value, level=wanted.value,
            )
        return child

    def assign(self, zone: str, customers: Iterable[str]) -> list[str]:
        """Put customers in a zone: their ``zone_id`` and card ``territory`` (the area's name).

        Returns the ids of the customers whose card changed. Routes they are
        on stay as they are.
        """
        target = self.get(zone, "zone")
        if target.level is not Level.ZONE:
            raise FieldError("zone", MSG_NOT_A_ZONE, value=target.name, level=target.level.value)
        ids = customer_ids(self.db, customers)
        territory = self.scope_name(target.id)
        changed = []
        with write_transaction(self.db):
            refs = store.customer_refs(self.db, ids)
            for customer_id in ids:
                current = refs[customer_id]
                wanted = {"zone_id": target.id, "territory": territory}
                update = {k: v for k, v in wanted.items() if current[k] != v}
                if update:
                    store.set_card_fields(self.db, customer_id, update)
                    changed.append(customer_id)
        return changed
