"""Translation markers usable outside Qt.

Domain code must not import Qt, yet its user-visible strings (field labels,
enum labels, validation messages) have to reach Qt Linguist. `pyside6-lupdate`
collects any call named ``QT_TRANSLATE_NOOP(context, text)``, so this module
defines one that returns the text unchanged; the UI translates it later with
``QCoreApplication.translate(context, text)``.

A third argument tells homonyms apart, as Qt's disambiguation does: "Lost"
is a customer who stopped buying (流失) but a freezer nobody can find (丢失).
The returned text then carries it (``disambiguation(text)``) to whoever
translates it.
"""

from __future__ import annotations


class _Disambiguated(str):
    """A marked text with the disambiguation lupdate recorded beside it."""

    disambiguation: str


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None) -> str:  # noqa: N802 - lupdate's name
    """Mark ``text`` for translation in ``context`` and return it (carrying ``disambiguation``, if any)."""
    del context
    if disambiguation is None:
        return text
    marked = _Disambiguated(text)
    marked.disambiguation = disambiguation
    return marked


def disambiguation(text: str) -> str | None:
    """The disambiguation a marked text was given, for ``translate(context, text, disambiguation)``."""
    return getattr(text, "disambiguation", None)
