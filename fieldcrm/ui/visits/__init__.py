"""The visit log in the desktop app: the visit form, the card's Visits tab and the Visits page."""
