"""Paged output for anything the program prints: handouts, articles, contacts, checklists.

One paginator paints a QTextDocument onto any paged device (QPdfWriter for PDF files,
QPrinter for the system print dialog and its preview), with a header, a footer that says
"Side x av y" and the date printed, and no heading stranded at the bottom of a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop.i18n import tr

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}
MARGINS_MM = QMarginsF(18, 14, 18, 14)
PDF_RESOLUTION = 300


@dataclass(frozen=True)
class Decor:
    """What stands on every page around the text."""

    header_left: str
    header_right: str
    footer_left: str
    font_points: float = 9.0
    logo: Path | None = None  # the municipality's, from kommune.yaml: left of the header text


def set_paper(device: QPagedPaintDevice, paper: str) -> None:
    device.setPageSize(QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4)))
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


def paint(
    build: Callable[[QPagedPaintDevice], QTextDocument], device: QPagedPaintDevice, decor: Decor
) -> int:
    """Lay the document out for ``device`` and paint every page; returns the page count."""
    doc = build(device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(tr("Kunne ikke starte utskriften."))
    try:
        return _paint_pages(doc, device, painter, decor)
    finally:
        painter.end()


def _paint_pages(
    doc: QTextDocument, device: QPagedPaintDevice, painter: QPainter, decor: Decor
) -> int:
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    small = QFont(doc.defaultFont())
    small.setPointSizeF(decor.font_points)
    painter.setFont(small)
    line = painter.fontMetrics().height()
    header, footer = line * 2, line * 2
    logo = QImage(str(decor.logo)) if decor.logo else QImage()
    logo_box = QRectF()
    if not logo.isNull():  # an image Qt cannot read (an SVG without its plugin) is left out
        height = line * 2.5
        logo_box = QRectF(0, 0, height * logo.width() / max(logo.height(), 1), height)
        header = int(height + line)
    body = QRectF(0, 0, area.width(), area.height() - header - footer)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    keep_headings_with_next(doc, body.height())
    pages = doc.pageCount()
    for page in range(pages):
        if page:
            device.newPage()
        painter.setPen(Qt.GlobalColor.darkGray)
        top = QRectF(0, 0, area.width(), line)
        if not logo.isNull():
            painter.drawImage(logo_box, logo)
            top = QRectF(logo_box.width() + line, 0, area.width() - logo_box.width() - line, line)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft, decor.header_left)
        painter.drawText(top, Qt.AlignmentFlag.AlignRight, decor.header_right)
        bottom = QRectF(0, area.height() - line, area.width(), line)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, decor.footer_left)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignRight,
            tr("Side {page} av {pages}").format(page=page + 1, pages=pages),
        )
        painter.save()
        painter.translate(0, header - page * body.height())
        doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
        painter.restore()
    return pages


def keep_headings_with_next(doc: QTextDocument, page_height: float, rounds: int = 20) -> None:
    """Move a heading to the next page when what follows it would start there."""
    layout = doc.documentLayout()
    for _ in range(rounds):
        moved = False
        block = doc.begin()
        while block.isValid():
            following = block.next()
            if block.blockFormat().headingLevel() > 0 and following.isValid():
                here = int(_first_line_top(layout, block) // page_height)
                there = int(_first_line_top(layout, following) // page_height)
                policy = block.blockFormat().pageBreakPolicy()
                if there > here and not policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    fmt = block.blockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).setBlockFormat(fmt)
                    # Lay the whole document out again: the incremental relayout after a
                    # format change leaves later blocks where they were, and they get lost.
                    doc.markContentsDirty(0, doc.characterCount())
                    moved = True
                    break
            block = following
        if not moved:
            return


def page_document(page: str, device: QPagedPaintDevice) -> QTextDocument:
    """A page of the reader (article, contact, checklist) laid out for paper."""
    from desktop.documents.render import CSS

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setPointSizeF(11.0)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(CSS)
    doc.setHtml(page)
    return doc


def _first_line_top(layout: Any, block: Any) -> float:
    """Where a block's first line stands. Pagination can push the first line of a paragraph
    to the next page while the block itself still begins on this one."""
    top = float(layout.blockBoundingRect(block).top())
    lines = block.layout()
    if lines is not None and lines.lineCount() > 0:
        top += lines.lineAt(0).y()
    return top


def write_pdf(
    build: Callable[[QPagedPaintDevice], QTextDocument],
    path: Path,
    paper: str,
    decor: Decor,
    title: str,
) -> int:
    """A PDF with real, selectable text; written beside the target, then moved into place."""
    partial = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Handbok")
    set_paper(writer, paper)
    try:
        pages = paint(build, writer, decor)
        del writer  # closes the file
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return pages
