"""The Qt layer: it shows what the domain and storage own and never holds SQL.

Everything user-visible is translated here; domain strings arrive marked with
QT_TRANSLATE_NOOP and are translated through ``fieldcrm.ui.i18n``.
"""
