"""The aging of every customer at once agrees with each customer's own aging and open debts.

The all-customer aging sums debts per age bucket in one grouped query; the
allocation rule itself is written per debt in ``storage.receivables.open_debts``.
On random ledgers (same-day debts, zero amounts, deleted and undelivered
rows, debts and payments after the as-of day) the two must give the same
figures to the fen.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcrm.domain.receivables import BUCKETS, AgingRow
from fieldcrm.storage.visits import insert_row
from tests.visits.helpers import Services, applying

AS_OF = date(2024, 6, 30)
CUSTOMERS = 4
KINDS = ("delivered", "delivered_undated", "placed", "invoice", "deleted_invoice", "payment", "deleted_payment")

entries = st.lists(
    st.tuples(
        st.integers(0, CUSTOMERS - 1),
        st.sampled_from(KINDS),
        st.one_of(  # age on AS_OF in days, often on a bucket's edge; negative: after AS_OF
            st.sampled_from((0, 29, 30, 59, 60, 89, 90)), st.integers(-5, 150),
        ),
        st.integers(0, 12).map(lambda n: n * 500),  # few distinct amounts: ties and fully paid customers
    ),
    max_size=40,
)


def write_ledger(svc: Services, customers: list[str], ledger: list[tuple[int, str, int, int]]) -> None:
    """Replace every order, invoice and payment with ``ledger``, written the way sync applies rows."""
    with applying(svc.db):
        for table in ("orders", "invoices", "payments"):
            svc.db.execute(f"DELETE FROM {table}")
        for n, (who, kind, age, amount) in enumerate(ledger):
            day = (AS_OF - timedelta(days=age)).isoformat()
            common = {"id": f"01PROPERTY{n:016d}", "code": f"X-{n}", "customer_id": customers[who]}
            if kind in ("payment", "deleted_payment"):
                insert_row(svc.db, "payments", {
                    **common, "deleted": int(kind == "deleted_payment"), "paid_on": day, "amount": amount,
                })
            elif kind in ("invoice", "deleted_invoice"):
                insert_row(svc.db, "invoices", {
                    **common, "deleted": int(kind == "deleted_invoice"), "invoice_date": day, "amount": amount,
                })
            else:
                ordered = (AS_OF - timedelta(days=age + 2)).isoformat() if kind == "delivered" else day
                insert_row(svc.db, "orders", {
                    **common, "deleted": 0, "order_date": ordered, "total": amount,
                    "status": "placed" if kind == "placed" else "delivered",
                    "delivered_on": day if kind == "delivered" else None,
                })


def per_debt_row(svc: Services, customer_id: str, as_of: date) -> AgingRow:
    """A customer's aging built from the per-debt allocation (``open_debts``) and the balance."""
    amounts = dict.fromkeys(BUCKETS, 0)
    for debt in svc.receivables.open_debts(customer_id, today=as_of):
        amounts[debt.bucket] += debt.open
    card = svc.customers.get(customer_id)
    aged = (amounts["current"], amounts["days_30"], amounts["days_60"], amounts["days_90_plus"])
    credit = max(0, -svc.receivables.balance(customer_id, today=as_of).outstanding)
    return AgingRow(customer_id, card["code"], card["name"], aged, credit)


@pytest.fixture
def customers(svc: Services) -> list[str]:
    """Made once per test: every example rewrites the ledger of the same customers."""
    return [svc.customers.create({"name": f"客户{n}"})["id"] for n in range(CUSTOMERS)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ledger=entries, days_later=st.sampled_from((0, 0, 1, 30, -1)))
def test_all_customer_aging_is_each_customers_aging(
    svc: Services, customers: list[str], ledger: list[tuple[int, str, int, int]], days_later: int,
) -> None:
    write_ledger(svc, customers, ledger)
    as_of = AS_OF + timedelta(days=days_later)

    everyone = svc.receivables.aging(today=as_of)

    singles = [svc.receivables.aging(cid, today=as_of).rows[0] for cid in customers]
    assert singles == [per_debt_row(svc, cid, as_of) for cid in customers]
    owing = sorted(
        (row for row in sorted(singles, key=lambda r: r.customer_id or "") if row.outstanding or row.credit),
        key=lambda r: (-r.outstanding, r.customer_code or ""),
    )
    assert list(everyone.rows) == owing
    assert everyone.total.buckets == tuple(sum(r.buckets[i] for r in singles) for i in range(len(BUCKETS)))
    assert everyone.total.credit == sum(r.credit for r in singles)
