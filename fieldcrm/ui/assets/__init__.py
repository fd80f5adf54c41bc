"""The Assets page, an asset's own window, its action dialogs and the customer card's Assets tab (冰柜管理)."""
