"""Sync: change capture, the hybrid logical clock, merge and the file-share exchange.

Works on storage only; never imports Qt.
"""
