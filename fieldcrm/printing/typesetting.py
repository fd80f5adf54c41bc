"""Measuring, wrapping and drawing mixed Chinese/Latin text, fast enough for a thousand cards.

reportlab's Paragraph parses markup and re-measures text on every layout pass;
with per-run font switches (needed because the CJK font has no Latin glyphs)
a thousand customer cards took minutes. Here every character's font and width
is looked up once per process and cached, lines are broken greedily (Chinese
may break between any two characters, Latin only at spaces, and closing
punctuation never starts a line), and text is written as PDF operators
directly (``TextOps``), a whole grid in one text object.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Literal

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from fieldcrm.printing import fonts

Align = Literal["left", "center", "right"]

# Attached to the character before them, so they never begin a line.
CLOSING = frozenset("，。、；：？！）】」』》〉〕％…,.;:?!)]}%")
# Attached to the character after them, so they never end a line.
OPENING = frozenset("（【「『《〈〔")
FAUX_BOLD_STROKE = 0.035  # of the font size: CJK has no bold face, so bold CJK is filled and stroked


class Typesetter:
    """Per-character font choice and widths, cached; one instance per process (``typesetter()``).

    The tables map a character to its font, to the character actually drawn
    (a replacement when no font has it) and to its width at 1 pt, separately
    for regular and bold; they only grow, so readers on other threads never
    see a half-made entry.
    """

    def __init__(self) -> None:
        self.fonts = fonts.register_fonts()
        self._font: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._drawn: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._width: tuple[dict[str, float], dict[str, float]] = ({}, {})
        self._lock = threading.Lock()

    def _learn(self, text: str, bold: bool) -> None:
        latin = fonts.LATIN_BOLD if bold else fonts.LATIN
        with self._lock:
            for char in set(text) - self._width[bold].keys():
                code = ord(char)
                if code in self.fonts.latin:
                    font, drawn = latin, char
                elif code in self.fonts.cjk:
                    font, drawn = fonts.CJK, char
                else:
                    font, drawn = latin, fonts.REPLACEMENT
                self._font[bold][char] = font
                self._drawn[bold][char] = drawn
                self._width[bold][char] = pdfmetrics.stringWidth(drawn, font, 1.0)

    def _widths(self, text: str, bold: bool) -> list[float]:
        table = self._width[bold]
        try:
            return [table[c] for c in text]
        except KeyError:
            self._learn(text, bold)
            return [table[c] for c in text]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(self._widths(text, bold)) * size

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """``text`` as (font, characters) runs, unprintable characters replaced."""
        self._widths(text, bold)
        font_of, drawn = self._font[bold], self._drawn[bold]
        result: list[tuple[str, str]] = []
        start, current = 0, font_of[text[0]] if text else ""
        for index, char in enumerate(text):
            font = font_of[char]
            if font != current:
                result.append((current, "".join(drawn[c] for c in text[start:index])))
                start, current = index, font
        if text:
            result.append((current, "".join(drawn[c] for c in text[start:])))
        return result

    def wrap(self, text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
        """The lines ``text`` takes in ``max_width`` points; explicit newlines are kept, blank lines too."""
        limit = max_width / size
        if "\n" not in text and "\r" not in text and sum(self._widths(text, bold)) <= limit:
            return [text]
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, limit, bold))
        return lines

    def _wrap_paragraph(self, paragraph: str, limit: float, bold: bool) -> list[str]:
        """Greedy filling in 1-pt units; a token wider than the line is broken between characters."""
        widths = self._width[bold]
        self._widths(paragraph, bold)
        if sum(widths[c] for c in paragraph) <= limit:
            return [paragraph]
        lines: list[str] = []
        line, line_width = "", 0.0
        space, space_width = "", 0.0
        for token in _tokens(paragraph):
            if token[0].isspace():
                if line:
                    space, space_width = " ", widths[" "] if " " in widths else self.width(" ", 1.0, bold)
                continue
            token_width = sum(widths[c] for c in token)
            if line and line_width + space_width + token_width <= limit:
                line, line_width = line + space + token, line_width + space_width + token_width
            else:
                if line:
                    lines.append(line)
                line, line_width = "", 0.0
                if token_width <= limit:
                    line, line_width = token, token_width
                else:
                    for char in token:
                        if line and line_width + widths[char] > limit:
                            lines.append(line)
                            line, line_width = "", 0.0
                        line, line_width = line + char, line_width + widths[char]
            space, space_width = "", 0.0
        lines.append(line)
        return lines

    def draw(
        self, canvas: Canvas, x: float, y: float, lines: list[str], size: float, leading: float,
        bold: bool = False, align: Align = "left", width: float = 0.0,
    ) -> None:
        """Draw ``lines`` with the first baseline at ``y``; ``width`` is the box for centre/right alignment."""
        text = TextOps(canvas, self)
        text.add(x, y, lines, size, leading, bold, align, width)
        text.emit()

    def encode(self, canvas: Canvas, line: str, bold: bool) -> tuple[tuple[str, str, str], ...]:
        """``line`` as (font, subset resource name, escaped bytes) pieces, cached per document.

        Subsets are reportlab's (``splitString`` assigns each character a
        slot in a subset of the document for good), so embedding and text
        extraction work as for any reportlab text; the cache lives on the
        canvas because subset slots belong to that one document.
        """
        cache: dict[tuple[str, bool], tuple[tuple[str, str, str], ...]] = \
            canvas.__dict__.setdefault("fieldcrm_encoded", {})
        found = cache.get((line, bold))
        if found is None:
            doc = canvas._doc  # reportlab's own text object reads the document the same way
            pieces = []
            for font_name, chars in self.runs(line, bold):
                font = pdfmetrics.getFont(font_name)
                for subset, encoded in font.splitString(chars, doc):
                    pieces.append((font_name, font.getSubsetInternalName(subset, doc), escapePDF(encoded)))
            found = cache[(line, bold)] = tuple(pieces)
        return found


class TextOps:
    """The operators of one text object (BT … ET), collected from many cells and drawn at once.

    Written here rather than through reportlab's text object, whose
    pure-Python number formatting and per-call font bookkeeping took most of
    a thousand-card print; one text object per grid also saves repeating
    the font selection cell after cell.
    """

    def __init__(self, canvas: Canvas, typesetter: Typesetter) -> None:
        self.canvas = canvas
        self.ts = typesetter
        self.ops: list[str] = []
        self._font = ("", 0.0)  # subset resource and size in force
        self._faux_bold = False  # text render mode 2 (fill and stroke) is on
        self._stroked = False

    def add(
        self, x: float, y: float, lines: list[str], size: float, leading: float,
        bold: bool = False, align: Align = "left", width: float = 0.0,
    ) -> None:
        """Lines with the first baseline at ``y``; ``width`` is the box for centre/right alignment."""
        ops = self.ops
        for number, line in enumerate(lines):
            if not line:
                continue
            start = x
            if align != "left":
                spare = width - self.ts.width(line, size, bold)
                start = x + (spare / 2 if align == "center" else spare)
            ops.append(f"1 0 0 1 {start:.2f} {y - number * leading:.2f} Tm")
            for font_name, resource, escaped in self.ts.encode(self.canvas, line, bold):
                faux_bold = bold and font_name == fonts.CJK
                if faux_bold != self._faux_bold:
                    ops.append(f"{size * FAUX_BOLD_STROKE:.3f} w 2 Tr" if faux_bold else "0 Tr")
                    self._faux_bold = faux_bold
                    self._stroked = self._stroked or faux_bold
                if (resource, size) != self._font:
                    ops.append(f"{resource} {size:.2f} Tf")
                    self._font = (resource, size)
                ops.append(f"({escaped}) Tj")

    def emit(self) -> None:
        if not self.ops:
            return
        ops = ["BT", *self.ops, "0 Tr", "ET"] if self._faux_bold else ["BT", *self.ops, "ET"]
        if self._stroked:  # the stroke width set for faux bold must not outlive the text
            ops = ["q", *ops, "Q"]
        self.canvas.addLiteral("\n".join(ops))


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tokens(paragraph: str) -> list[str]:
    """Spaces, single wide characters (with their opening/closing punctuation) and Latin words."""
    tokens: list[str] = []
    i, n = 0, len(paragraph)
    while i < n:
        char = paragraph[i]
        j = i + 1
        if char.isspace():
            while j < n and paragraph[j].isspace():
                j += 1
            tokens.append(paragraph[i:j])
            i = j
            continue
        if char in OPENING or _is_wide(char):
            while char in OPENING and j < n:
                char = paragraph[j]
                j += 1
        else:
            while j < n and not paragraph[j].isspace() and not _is_wide(paragraph[j]) and paragraph[j] not in OPENING:
                j += 1
        while j < n and paragraph[j] in CLOSING:
            j += 1
        tokens.append(paragraph[i:j])
        i = j
    return tokens


_instance: Typesetter | None = None
_instance_lock = threading.Lock()


def typesetter() -> Typesetter:
    """The process's typesetter (fonts registered on first use)."""
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = Typesetter()
        return _instance
