"""Every marked string in the code reached the catalogue, plural ones as plurals.

lupdate's Python parser silently skips some calls (a ``QCoreApplication.translate``
whose count is an expression) and records others without plural forms (a
count that is not a literal), so a string can show in English on the Chinese
page while ``update_translations.py --check`` is content. This test reads the
sources with Python's own parser instead and compares.
"""

from __future__ import annotations

import ast
from pathlib import Path

from fieldcrm.i18n_catalogue import live_messages

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "fieldcrm_zh_CN.ts"
MARKERS = frozenset({"_N", "QT_TRANSLATE_NOOP"})

Key = tuple[str, str, str | None]  # context, source, disambiguation


def catalogue() -> dict[Key, bool]:
    """Every live message, and whether it has plural forms."""
    return {(m.context, m.source, m.comment): m.plural for m in live_messages(CATALOGUE)}


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Marked(ast.NodeVisitor):
    """(key, counted, line) of every translation call with literal texts: tr, translate, the markers."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[tuple[Key, bool, int]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast API
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast API
        texts = [_text(arg) for arg in node.args]
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" and self.classes and texts and texts[0] is not None:
            key = (self.classes[-1], texts[0], (texts[1] or None) if len(texts) > 1 else None)
            self.found.append((key, len(texts) >= 3, node.lineno))
        elif (
            isinstance(func, ast.Attribute) and func.attr == "translate"
            and isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication"
            and len(texts) >= 2 and texts[0] is not None and texts[1] is not None
        ):
            key = (texts[0], texts[1], (texts[2] or None) if len(texts) > 2 else None)
            self.found.append((key, len(texts) >= 4, node.lineno))
        elif isinstance(func, ast.Name) and func.id in MARKERS and len(texts) >= 2 and None not in texts[:2]:
            key = (str(texts[0]), str(texts[1]), texts[2] if len(texts) > 2 else None)
            self.found.append((key, False, node.lineno))
        self.generic_visit(node)


def test_every_marked_string_is_in_the_catalogue_with_its_plural_forms() -> None:
    known = catalogue()
    missing, not_plural = [], []
    for path in sorted((ROOT / "fieldcrm").rglob("*.py")):
        marked = _Marked()
        marked.visit(ast.parse(path.read_text(encoding="utf-8")))
        where = path.relative_to(ROOT)
        for key, counted, line in marked.found:
            if key not in known:
                missing.append(f"{where}:{line} {key}")
            elif counted and not known[key]:
                not_plural.append(f"{where}:{line} {key}")
    assert missing == [], "lupdate did not extract these"
    assert not_plural == [], "extracted without plural forms: use self.tr(text, '', count) in a QObject"
