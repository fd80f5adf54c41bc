"""The few building blocks every document is made of: a ruled grid, a block of text, a page mark.

They replace reportlab's Table and Paragraph for speed (see ``typesetting``):
a grid lays out each cell once per width and splits between rows, repeating
its header rows on the next page; a row taller than a page (a customer's
20,000-character notes) is split between lines instead of failing the layout.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence, Union

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable

from fieldcrm.printing.typesetting import Align, TextOps, typesetter

SHADE = 0.9  # grey of label and header cells
RULE = 0.5  # line width of grid rules
MIN_SPLIT_LINES = 4  # a row is split between pages only when it is at least this tall
HEADING_ROOM = 75  # points a heading needs below it: itself and about three rows


@dataclass(frozen=True)
class Cell:
    """One cell of a grid.

    ``lines`` is the least height in lines: room left to write by hand on paper.
    ``boxes`` draws a tick box before each label instead of text ("clean: [] yes [] no").
    ``heading`` is printed in bold above ``text``, in the same cell.
    ``painter`` draws into the cell's box (x, y, width, height) after its text: a QR code.
    """

    text: str = ""
    heading: str = ""
    bold: bool = False
    align: Align = "left"
    span: int = 1
    shade: bool = False
    lines: int = 1
    boxes: tuple[str, ...] = ()
    painter: Callable[[Canvas, float, float, float, float], None] | None = None


CellLike = Union[str, Cell]


def label(text: str, span: int = 1) -> Cell:
    return Cell(text, shade=True, span=span)


def blank(lines: int = 1, span: int = 1) -> Cell:
    return Cell("", lines=lines, span=span)


@dataclass(frozen=True)
class _CellLayout:
    cell: Cell
    x: float
    width: float
    lines: tuple[str, ...]
    heading_lines: int  # the first lines, which are the heading


@dataclass(frozen=True)
class _RowLayout:
    cells: tuple[_CellLayout, ...]
    height: float
    line_count: int


class Grid(Flowable):
    """Rows of cells under ruled lines; ``columns`` are fractions of the available width."""

    def __init__(
        self, columns: Sequence[float], rows: Sequence[Sequence[CellLike]], *, header_rows: int = 0,
        size: float = 8.5, padding: float = 2.5, ruled: bool = True,
    ) -> None:
        super().__init__()
        total = sum(columns)
        self.columns = tuple(c / total for c in columns)
        self.rows = [tuple(Cell(c) if isinstance(c, str) else c for c in row) for row in rows]
        self.header_rows = header_rows
        self.size = size
        self.leading = size * 1.3
        self.padding = padding
        self.ruled = ruled
        self._layout: tuple[float, list[_RowLayout]] | None = None
        for row in self.rows:
            if sum(c.span for c in row) != len(self.columns):
                raise ValueError(f"row spans {sum(c.span for c in row)} of {len(self.columns)} columns")

    def _rows_for(self, width: float) -> list[_RowLayout]:
        if self._layout is None or self._layout[0] != width:
            self._layout = (width, [self._lay_out_row(row, width) for row in self.rows])
        return self._layout[1]

    def _lay_out_row(self, row: tuple[Cell, ...], width: float) -> _RowLayout:
        ts = typesetter()
        cells = []
        column, x = 0, 0.0
        line_count = 1
        for cell in row:
            cell_width = sum(self.columns[column:column + cell.span]) * width
            inner = cell_width - 2 * self.padding
            heading = ts.wrap(cell.heading, inner, self.size, bold=True) if cell.heading else []
            if cell.boxes:
                body = [" ".join(cell.boxes)]
            elif cell.text or not heading:
                body = ts.wrap(cell.text, inner, self.size, cell.bold)
            else:
                body = []
            lines = (*heading, *body)
            line_count = max(line_count, len(lines), cell.lines)
            cells.append(_CellLayout(cell, x, cell_width, lines, len(heading)))
            column += cell.span
            x += cell_width
        return _RowLayout(tuple(cells), line_count * self.leading + 2 * self.padding, line_count)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        self.width = availWidth
        self.height = sum(r.height for r in self._rows_for(availWidth))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        rows = self._rows_for(availWidth)
        head = rows[:self.header_rows]
        room = availHeight - sum(r.height for r in head)
        used, count = 0.0, self.header_rows
        while count < len(rows) and used + rows[count].height <= room:
            used += rows[count].height
            count += 1
        if count < len(rows) and count == self.header_rows:
            return self._split_row(rows[count], room - used, count)
        if count == self.header_rows or count == len(rows):
            return []
        return [self._part(self.rows[:count]), self._part([*self.rows[:self.header_rows], *self.rows[count:]])]

    def _split_row(self, row: _RowLayout, room: float, index: int) -> list[Flowable]:
        """A tall first row is cut between lines; a short one moves whole to the next page."""
        fit = int((room - 2 * self.padding) // self.leading)
        if row.line_count < MIN_SPLIT_LINES or fit < 2:
            return []
        cells = list(zip(self.rows[index], row.cells))
        first = tuple(c if c.boxes else _cut(c, lay, 0, fit) for c, lay in cells)
        rest = tuple(_cut(c, lay, fit, len(lay.lines)) if not c.boxes else replace(c, boxes=(), text="")
                     for c, lay in cells)
        head = self.rows[:self.header_rows]
        return [self._part([*head, first]), self._part([*head, rest, *self.rows[index + 1:]])]

    def _part(self, rows: Sequence[tuple[Cell, ...]]) -> "Grid":
        return Grid(self.columns, rows, header_rows=self.header_rows, size=self.size, padding=self.padding,
                    ruled=self.ruled)

    def draw(self) -> None:
        """Shading and rules as literal path operators (see ``TextOps`` for why), then all text at once."""
        canvas: Canvas = self.canv
        ts = typesetter()
        rows = self._rows_for(self.width)
        shading: list[str] = []
        rules: list[str] = []
        top = self.height
        for number, row in enumerate(rows):
            bottom = top - row.height
            for lay in row.cells:
                box = f"{lay.x:.2f} {bottom:.2f} {lay.width:.2f} {row.height:.2f} re"
                if lay.cell.shade or number < self.header_rows:
                    shading.append(box)
                if self.ruled:
                    rules.append(box)
            top = bottom
        if shading:
            canvas.addLiteral(f"q {SHADE} g\n" + "\n".join(shading) + "\nf Q")
        if rules:
            canvas.addLiteral(f"q {RULE} w 0 G\n" + "\n".join(rules) + "\nS Q")
        text = TextOps(canvas, ts)
        painters = []
        top = self.height
        for number, row in enumerate(rows):
            bottom = top - row.height
            header = number < self.header_rows
            baseline = top - self.padding - self.size
            for lay in row.cells:
                inner = lay.width - 2 * self.padding
                if lay.cell.boxes:
                    self._add_boxes(text, canvas, lay, baseline)
                else:
                    split = lay.heading_lines
                    text.add(lay.x + self.padding, baseline, list(lay.lines[:split]), self.size, self.leading,
                             bold=True, align=lay.cell.align, width=inner)
                    text.add(lay.x + self.padding, baseline - split * self.leading, list(lay.lines[split:]),
                             self.size, self.leading, bold=lay.cell.bold or header, align=lay.cell.align,
                             width=inner)
                if lay.cell.painter is not None:
                    painters.append((lay.cell.painter, lay.x, bottom, lay.width, row.height))
            top = bottom
        text.emit()
        for painter, *area in painters:
            painter(canvas, *area)

    def _add_boxes(self, text: TextOps, canvas: Canvas, lay: _CellLayout, baseline: float) -> None:
        """Tick boxes (drawn now, as paths) with their labels (added to the grid's text)."""
        box = self.size * 0.85
        x = lay.x + self.padding
        squares = []
        for label_text in lay.cell.boxes:
            squares.append(f"{x:.2f} {baseline - 1:.2f} {box:.2f} {box:.2f} re")
            x += box + 2
            text.add(x, baseline, [label_text], self.size, self.leading)
            x += typesetter().width(label_text, self.size) + 6
        canvas.addLiteral(f"q {RULE} w 0 G\n" + "\n".join(squares) + "\nS Q")


def _cut(cell: Cell, lay: _CellLayout, start: int, stop: int) -> Cell:
    """The cell holding only lines ``start:stop`` of its layout, heading lines still bold."""
    heading_end = min(max(lay.heading_lines, start), stop)
    return replace(
        cell, heading="\n".join(lay.lines[start:heading_end]), text="\n".join(lay.lines[heading_end:stop]),
        lines=max(1, cell.lines - start) if start else 1, painter=cell.painter if not start else None,
    )


class TextBlock(Flowable):
    """Wrapped text (a title, remarks); splits between lines."""

    def __init__(
        self, text: str, *, size: float = 9.0, bold: bool = False, align: Align = "left",
        space_before: float = 0.0, space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.leading = size * 1.3
        self.bold = bold
        self.align = align
        self.space_before = space_before
        self.space_after = space_after
        self._lines: tuple[float, list[str]] | None = None

    def _wrapped(self, width: float) -> list[str]:
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, typesetter().wrap(self.text, width, self.size, self.bold))
        return self._lines[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        self.width = availWidth
        self.height = len(self._wrapped(availWidth)) * self.leading + self.space_before + self.space_after
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        lines = self._wrapped(availWidth)
        fit = int((availHeight - self.space_before) // self.leading)
        if fit < 1 or fit >= len(lines):
            return []
        return [
            TextBlock("\n".join(lines[:fit]), size=self.size, bold=self.bold, align=self.align,
                      space_before=self.space_before),
            TextBlock("\n".join(lines[fit:]), size=self.size, bold=self.bold, align=self.align,
                      space_after=self.space_after),
        ]

    def draw(self) -> None:
        baseline = self.height - self.space_before - self.size
        typesetter().draw(self.canv, 0, baseline, self._wrapped(self.width), self.size, self.leading,
                          bold=self.bold, align=self.align, width=self.width)


def heading(text: str) -> list[Flowable]:
    """A section title, moved to the next page with what follows unless a few lines fit under it."""
    block = TextBlock(text, size=10.5, bold=True, space_before=7, space_after=2)
    return [CondPageBreak(HEADING_ROOM), block]


class Mark(Flowable):
    """Takes no room; calls ``action(canvas)`` where it lands: a new section, a progress tick."""

    def __init__(self, action: Callable[[Canvas], None]) -> None:
        super().__init__()
        self.action = action
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return 0, 0

    def draw(self) -> None:
        self.action(self.canv)
