"""Building a demo workspace: one call that fills a workspace with a believable sales territory.

The CLI's ``fieldcrm demo`` and the benchmarks go through ``build_demo``. Each kind of data (customers now; visits, assets and
routes later) draws from its own random stream derived from the seed, so
adding a new kind never changes the customers an existing seed produces.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from fieldcrm.demo import customers as customer_cards
from fieldcrm.demo.draw import stream
from fieldcrm.domain.classifications import Role
from fieldcrm.storage import search
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

DEMO_OWNER = "演示主管"
# Dates on demo cards are relative to this day, not to the clock, so a seed
# always gives the same cards; pass ``today`` to make a demo look fresh.
DEMO_TODAY = date(2026, 9, 30)

Progress = Callable[[int, int], None]


def build_demo(
    workspace: Workspace,
    *,
    customers: int = 300,
    seed: int = 1,
    progress: Progress | None = None,
    today: date = DEMO_TODAY,
) -> None:
    """Fill ``workspace`` with ``customers`` demo customer cards in Hangzhou.

    A workspace without an owner becomes the supervisor 演示主管's, who may
    see every field. A rep's workspace gets cards only in the rep's own
    territory. Content is the same for the same seed; ids and codes are
    real ones (unique per run), so two demo workspaces never clash in sync.
    ``progress(done, total)`` is called after each batch written. The
    search index is merged at the end, as after any bulk load.
    """
    if workspace.identity is None:
        workspace.initialise(DEMO_OWNER, Role.SUPERVISOR, None)
    identity = workspace.require_identity()
    maker = customer_cards.CardMaker(
        stream(seed, "customers"), customer_cards.Territory.for_identity(identity), today, seed
    )
    customer_cards.write(workspace, maker, customers, progress)
    with write_transaction(workspace.db):
        search.optimise(workspace.db)
