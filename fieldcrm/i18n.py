"""Translation markers usable outside Qt.

Domain code must not import Qt, yet its user-visible strings (field labels,
enum labels, validation messages) have to reach Qt Linguist. `pyside6-lupdate`
collects any call named ``QT_TRANSLATE_NOOP(context, text)``, so this module
defines one that returns the text unchanged; the UI translates it later with
``QCoreApplication.translate(context, text)``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    del context
    return text
