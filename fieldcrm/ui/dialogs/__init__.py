"""Dialogs shown before the main window exists (first start, workspace problems)."""
