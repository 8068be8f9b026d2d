"""One pagination model for everything printed: PDF files, the printer and the preview.

What is printed is a list of units laid out once, in layout units (device pixels at
``LAYOUT_DPI``), and cut into pages once; every output paints those same pages, scaled to its
own resolution. So the preview shows the page breaks the printer and the PDF get.

A unit never breaks across pages unless it is taller than a whole page; then it breaks only
at its cuts (line boundaries), and each part is painted once, where it stands, so the text
layer holds nothing that is not seen. A unit can ask to stay with the one after it (a heading
with at least the first two lines of what follows). A page ends early only when the next unit
does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter, QTextCursor, QTextDocument

# 720 dots per inch is ten per point: every size given in whole or tenth points is a whole
# number of pixels, so a 14 pt body is 14 pt in the PDF, not 13.92 (300 dpi rounds it down).
LAYOUT_DPI = 720
MM = LAYOUT_DPI / 25.4
POINT = LAYOUT_DPI / 72


@cache
def layout_device() -> QPagedPaintDevice:
    """The device every document is laid out for: a PDF writer at ``LAYOUT_DPI`` that never
    writes (its buffer is never painted), so fonts measure the same for every output."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    _kept.append(buffer)
    return writer


_kept: list[object] = []


class Unit:
    """Something placed on a page as a whole. Subclasses paint themselves."""

    height: float = 0.0
    cuts: tuple[float, ...] = ()  # where it may break when taller than a page, ascending
    keep_with_next: bool = False
    space_before: float = 0.0  # dropped at the top of a page

    def paint(self, painter: QPainter, top: float, bottom: float) -> None:
        """Paint the part [top, bottom) of the unit with its top at the painter's origin."""
        raise NotImplementedError

    def plain_text(self, top: float, bottom: float) -> str:
        """The text of the part [top, bottom), lines joined by newlines: what a screen reader
        says for the preview, and what the PDF's text layer must hold, no more."""
        return ""

    def lead(self) -> float:
        """How much of this unit must stand under a heading kept with it: all of it, or its
        first two lines when it may break."""
        return self.cuts[0] if self.cuts else self.height


class DocumentUnit(Unit):
    """A QTextDocument laid out at its width; its cuts are line boundaries."""

    def __init__(
        self,
        doc: QTextDocument,
        *,
        keep_with_next: bool = False,
        space_before: float = 0.0,
        breakable: bool = False,
    ) -> None:
        self.doc = doc
        self.height = float(doc.documentLayout().documentSize().height())
        self.keep_with_next = keep_with_next
        self.space_before = space_before
        self.cuts = line_cuts(doc) if breakable else ()

    def paint(self, painter: QPainter, top: float, bottom: float) -> None:
        painter.save()
        painter.translate(0, -top)
        if top <= 0 and bottom >= self.height:
            self.doc.drawContents(painter)
        else:
            self._paint_part(painter, top, bottom)
        painter.restore()

    def _paint_part(self, painter: QPainter, top: float, bottom: float) -> None:
        """Only the lines in [top, bottom). Qt, given a clip, also draws the line above it in
        the same paragraph (clipped away on paper, but its text stays in the PDF's text layer),
        so the paragraph cut at ``top`` is drawn line by line here."""
        layout = self.doc.documentLayout()
        start = top
        block = self.doc.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            lines = block.layout()
            if rect.top() < top < rect.bottom() and lines is not None:
                for n in range(lines.lineCount()):
                    line = lines.lineAt(n)
                    if top <= rect.top() + line.y() < bottom:
                        line.draw(painter, rect.topLeft())
                start = rect.bottom()
                break
            block = block.next()
        if start < bottom:
            clip = QRectF(0, start + 0.5, self.doc.textWidth(), bottom - start - 1)
            self.doc.drawContents(painter, clip)

    def plain_text(self, top: float, bottom: float) -> str:
        return document_text(self.doc, top, bottom)


def document_text(doc: QTextDocument, top: float = 0.0, bottom: float = float("inf")) -> str:
    """The lines of ``doc`` whose top lies in [top, bottom), one a line."""
    layout = doc.documentLayout()
    lines: list[str] = []
    block = doc.begin()
    while block.isValid():
        text_layout = block.layout()
        origin = layout.blockBoundingRect(block).top()
        text = block.text()
        for n in range(text_layout.lineCount() if text_layout is not None else 0):
            line = text_layout.lineAt(n)
            if top <= origin + line.y() < bottom:
                lines.append(text[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return "\n".join(line.replace(LINE_BREAK, "").strip() for line in lines)


LINE_BREAK = "\u2028"


def line_cuts(doc: QTextDocument) -> tuple[float, ...]:
    """Where a document may break: between lines, never after a heading's last line, never
    leaving one line of a paragraph alone, never inside a table."""
    layout = doc.documentLayout()
    cuts: list[float] = []
    after_heading = False
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        count = lines.lineCount() if lines is not None else 0
        if count and not _in_table(doc, block.position()):
            top = layout.blockBoundingRect(block).top()
            if not after_heading:
                cuts.append(top + lines.lineAt(0).y())
            if block.blockFormat().headingLevel() == 0:
                cuts += [top + lines.lineAt(n).y() for n in range(2, count - 1)]
            after_heading = block.blockFormat().headingLevel() > 0
        block = block.next()
    return tuple(sorted(c for c in set(cuts) if c > 0))


def _in_table(doc: QTextDocument, position: int) -> bool:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    return cursor.currentTable() is not None


@dataclass(frozen=True)
class Slice:
    """A unit, or the part [top, bottom) of it, standing at ``y`` in the page's body."""

    unit: Unit
    top: float
    bottom: float
    y: float


@dataclass
class Page:
    slices: list[Slice] = field(default_factory=list)


def paginate(units: Sequence[Unit], body_height: float) -> list[Page]:
    """Greedy: each unit goes where the last one ended, or to a new page when it (with what it
    keeps with) does not fit. A unit taller than a page is cut at its cuts."""
    pages = [Page()]
    y = 0.0
    for index, unit in enumerate(units):
        gap = unit.space_before if y > 0 else 0.0
        need = _group_height(units, index)
        # A unit that may break (a long paragraph) fills the page and goes on on the next;
        # anything else (a heading with its lead, a contact, an item) moves whole.
        breaks_here = bool(unit.cuts) and not unit.keep_with_next
        if y > 0 and y + gap + need > body_height and need <= body_height and not breaks_here:
            pages.append(Page())
            y, gap = 0.0, 0.0
        top = 0.0
        while True:
            room = body_height - y - gap
            if unit.height - top <= room:
                pages[-1].slices.append(Slice(unit, top, unit.height, y + gap))
                y += gap + unit.height - top
                break
            fits = [c for c in unit.cuts if top < c <= top + room]
            if not fits and y > 0:
                pages.append(Page())
                y, gap = 0.0, 0.0
                continue
            # Nothing fits on an empty page: cut at the page's end rather than loop forever.
            cut = fits[-1] if fits else top + room
            pages[-1].slices.append(Slice(unit, top, cut, y + gap))
            pages.append(Page())
            top, y, gap = cut, 0.0, 0.0
    return pages if pages[-1].slices or len(pages) == 1 else pages[:-1]


def _group_height(units: Sequence[Unit], index: int) -> float:
    """A unit's height plus what it is kept with: a heading, the lead of what follows (and
    that one's, if it is a heading too)."""
    height = units[index].height
    while units[index].keep_with_next and index + 1 < len(units):
        index += 1
        following = units[index]
        height += following.space_before
        height += following.height if following.keep_with_next else following.lead()
    return height


def page_size(size_mm: tuple[float, float]) -> QSizeF:
    return QSizeF(size_mm[0] * MM, size_mm[1] * MM)
