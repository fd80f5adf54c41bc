"""Domain model: what a customer card is, its classifications and the rules for its values.

Nothing here imports Qt or touches the database.
"""
