"""Two laptops exchanging records directly, to make real conflicts and clock warnings for the page."""

from __future__ import annotations

import time

from fieldcrm.domain.customers import CustomerService
from fieldcrm.sync.clock import set_wall_clock
from fieldcrm.sync.merge import apply_incoming
from fieldcrm.sync.outbox import collect_outgoing
from fieldcrm.sync.roles import Author
from fieldcrm.workspace import Workspace

DAY_S = 86_400.0
TERRITORY = "西湖区"  # both reps keep only this territory's cards


def send(sender: Workspace, receiver: Workspace) -> None:
    me = sender.require_identity()
    author = Author(me.user_name, me.role, me.territory, me.site_id)
    apply_incoming(receiver.db, collect_outgoing(sender.db, 0), author)


def run_ahead(workspace: Workspace, seconds: float) -> None:
    """Make a laptop's clock run ``seconds`` ahead, so its edits win races deterministically."""
    set_wall_clock(workspace.db, lambda: time.time() + seconds)


def city_conflict(mine: Workspace, other: Workspace) -> str:
    """Both laptops change one card's city without seeing each other; the other's 温州 wins over 宁波."""
    card = CustomerService(mine).create({"name": "张三超市", "city": "杭州", "territory": TERRITORY})
    send(mine, other)
    run_ahead(other, 10)  # ahead, but far below the clock-warning limit
    CustomerService(mine).update(card["id"], {"city": "宁波"})
    CustomerService(other).update(card["id"], {"city": "温州"})
    send(other, mine)
    return str(card["id"])


def deleted_while_edited(mine: Workspace, other: Workspace) -> str:
    """``mine`` deletes a card while the other laptop adds a phone number it has not seen."""
    card = CustomerService(mine).create({"name": "李四商行", "territory": TERRITORY})
    send(mine, other)
    CustomerService(other).update(card["id"], {"phones": "13912345678"})
    CustomerService(mine).delete(card["id"])
    send(other, mine)
    return str(card["id"])


def fast_clock_warning(supervisor: Workspace, fast: Workspace) -> None:
    """A laptop a day ahead sends a change; the supervisor's laptop flags its clock."""
    run_ahead(fast, DAY_S)
    CustomerService(fast).create({"name": "王五超市", "territory": TERRITORY})
    send(fast, supervisor)
