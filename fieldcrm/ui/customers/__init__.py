"""The Customers page: the lazy list, its filters and the card editor."""
