"""Printing's own words, marked for Qt Linguist (context "Printing").

Field and choice names come from the domain's own labels (contexts
"CustomerField", "VisitField", "AssetField", "Choice"); only what exists on
paper alone (column heads, signature boxes, titles) is declared here.
"""

from __future__ import annotations

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N

PAGE_OF = _N("Printing", "Page {page} of {pages}")

# Titles
VISIT_SHEET = _N("Printing", "Visit sheet")
CUSTOMER_CARD = _N("Printing", "Customer card")
INSPECTION_SHEET = _N("Printing", "Asset inspection sheet")
DAILY_REPORT = _N("Printing", "Daily report")

# Header facts
REP = _N("Printing", "Rep")
ROUTE = _N("Printing", "Route")
TERRITORY = _N("Printing", "Territory")
DATE = _N("Printing", "Date")
AS_OF = _N("Printing", "As of")
STOPS = _N("Printing", "Stops")
UNITS = _N("Printing", "Units")

# Visit sheet
CUSTOMER = _N("Printing", "Customer")
ADDRESS = _N("Printing", "Address")
CONTACT = _N("Printing", "Contact")
ASSETS = _N("Printing", "Assets")
LAST_VISIT = _N("Printing", "Last visit")
NEVER_VISITED = _N("Printing", "never")
BALANCE = _N("Printing", "Balance")
CREDIT = _N("Printing", "Credit")
OVER_LIMIT = _N("Printing", "over limit")
OVERDUE_30 = _N("Printing", "overdue 30+ days")
INSPECTION_DUE = _N("Printing", "inspection due")
VISIT_CODE = _N("Printing", "Visit code")
ARRIVAL_TIME = _N("Printing", "Arrival time")
ORDER = _N("Printing", "Order")
ASSETS_CLEAN_WORKING = _N("Printing", "Assets clean and working")
AMOUNT_COLLECTED = _N("Printing", "Amount collected")
NOTES = _N("Printing", "Notes")
CUSTOMER_SIGNATURE = _N("Printing", "Customer's signature")
SUPERVISOR_SIGNATURE = _N("Printing", "Supervisor's signature")
REP_SIGNATURE = _N("Printing", "Rep's signature")
SIGNED_ON = _N("Printing", "Date signed")
YES = _N("Printing", "yes")
NO = _N("Printing", "no")
NONE = _N("Printing", "none")

# Customer card
CODE = _N("Printing", "Code")
RETIRED = _N("Printing", "Retired")
ASSETS_HERE = _N("Printing", "Assets at this customer")
TAG = _N("Printing", "Tag")
TYPE = _N("Printing", "Type")
BRAND_MODEL = _N("Printing", "Brand and model")
PLACED_ON = _N("Printing", "Placed on")
AGREEMENT = _N("Printing", "Agreement")
DEPOSIT_HELD = _N("Printing", "Deposit held")
LAST_CHECKED = _N("Printing", "Last checked")
DUE_ON = _N("Printing", "Inspection due on")
LAST_VISITS = _N("Printing", "Last visits")
PURPOSE = _N("Printing", "Purpose")
STATUS = _N("Printing", "Status")
OUTCOME = _N("Printing", "Outcome")
ORDERED = _N("Printing", "Ordered")
COLLECTED = _N("Printing", "Collected")
RECEIVABLES = _N("Printing", "Receivables")
OUTSTANDING = _N("Printing", "Outstanding")
OPEN_ORDERS = _N("Printing", "Orders not yet delivered")
CREDIT_LIMIT = _N("Printing", "Credit limit")
CREDIT_LEFT = _N("Printing", "Credit left")
NO_LIMIT = _N("Printing", "no limit")
OPEN_DEBTS = _N("Printing", "Open debts")
KIND = _N("Printing", "Kind")
AMOUNT = _N("Printing", "Amount")
STILL_OPEN = _N("Printing", "Still open")
AGE_DAYS = _N("Printing", "Age (days)")
DEBT_ORDER = _N("Printing", "Delivered order")
DEBT_INVOICE = _N("Printing", "Invoice")
RECENT_PAYMENTS = _N("Printing", "Recent payments")
METHOD = _N("Printing", "Method")

# Inspection sheet
UNIT = _N("Printing", "Unit")
OVERDUE = _N("Printing", "overdue")
NOT_YET_CHECKED = _N("Printing", "not yet checked")
INSPECTED_BY = _N("Printing", "Inspected by")

# Daily report
SUBMITTED = _N("Printing", "Submitted")
VERSION = _N("Printing", "Version")
REMARKS = _N("Printing", "Remarks")
CUSTOMERS_VISITED = _N("Printing", "Customers visited")
VISITS_DONE = _N("Printing", "Visits done")
VISITS_MISSED = _N("Printing", "Visits missed")
VISITS_PLANNED = _N("Printing", "Still planned")
ORDERS_COUNT = _N("Printing", "Orders")
ORDERS_AMOUNT = _N("Printing", "Orders amount")
VISITS = _N("Printing", "Visits")
CHECK_IN_OUT = _N("Printing", "In - out")
NEXT = _N("Printing", "Next action")
MISSED_VISITS = _N("Printing", "Missed visits")
REASON = _N("Printing", "Reason")
PLANNED_VISITS = _N("Printing", "Planned, not visited")
ORDERS = _N("Printing", "Orders taken")
CREDIT_REVIEW = _N("Printing", "credit review")
COLLECTIONS = _N("Printing", "Collections")
COMPLAINTS = _N("Printing", "Complaints")
HANDLING = _N("Printing", "Handling")
MARKET = _N("Printing", "Market information")
COMPETITOR_PRODUCTS = _N("Printing", "Competitor products")
COMPETITOR_PRICES = _N("Printing", "Competitor prices")
COMPETITOR_PROMOTIONS = _N("Printing", "Competitor promotions")
URGENT = _N("Printing", "Urgent reports")
CATEGORY = _N("Printing", "Category")
REPORTED_AT = _N("Printing", "Reported at")


def all_labels() -> dict[str, str]:
    """Every constant of this module, by name (for the translation coverage test)."""
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)}
