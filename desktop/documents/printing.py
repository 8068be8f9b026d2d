"""Paged output for anything the program prints: handouts, articles, contacts, checklists.

Pages are laid out once (``lay_out``) on the model in ``pages``, with a header and a footer
that says "Side x av y" and the date printed, and then painted as they are on any output: a
PDF file, the printer, or an image for the preview.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from desktop.documents.pages import (
    LAYOUT_DPI,
    MM,
    DocumentUnit,
    Page,
    Unit,
    document_text,
    layout_device,
    paginate,
)
from desktop.documents.pdfinfo import PdfInfo, with_info
from desktop.documents.typeset import NORMAL, Para, Run, TypeScale, document, font
from desktop.i18n import tr
from desktop.safetext import SafeDocument, load_image


@dataclass(frozen=True)
class Paper:
    name: str
    size_mm: tuple[float, float]
    margins_mm: tuple[float, float, float, float]  # left, top, right, bottom
    page_id: QPageSize.PageSizeId

    @property
    def size(self) -> QSizeF:
        return QSizeF(self.size_mm[0] * MM, self.size_mm[1] * MM)


PAPERS = {
    "A4": Paper("A4", (210, 297), (18, 14, 18, 14), QPageSize.PageSizeId.A4),
    "A5": Paper("A5", (148, 210), (13, 11, 13, 11), QPageSize.PageSizeId.A5),
}
INK = QColor("#000000")
DECOR_INK = QColor("#3a3a3a")  # header and footer: quieter than the text, still 10:1


def paper(name: str) -> Paper:
    return PAPERS.get(name, PAPERS["A4"])


@dataclass(frozen=True)
class Decor:
    """What stands on every page around the text."""

    header_left: str
    header_right: str
    footer_left: str
    font_points: float = NORMAL.small  # what a patient may be handed: nothing under 10 pt
    logo: Path | None = None  # the municipality's, from kommune.yaml: left of the header text


@dataclass(frozen=True)
class Frame:
    """Where the header, the body and the footer stand on every page, in layout units. The
    header and footer are documents laid out like the body, so they print and preview alike."""

    left: float
    width: float
    body_top: float
    body_height: float
    header: tuple[tuple[QPointF, QTextDocument], ...]
    footer: tuple[QPointF, QTextDocument]
    footer_top: float
    rules: tuple[float, float]  # the lines under the header and over the footer
    logo: QImage | None
    logo_box: QRectF
    points: float


@dataclass
class Paged:
    """A document cut into pages, ready to paint on any output."""

    paper: Paper
    decor: Decor
    frame: Frame
    pages: list[Page]

    @property
    def count(self) -> int:
        return len(self.pages)


def lay_out(paper_name: str, decor: Decor, units: Callable[[float], list[Unit]]) -> Paged:
    """``units`` makes what is printed for a body this wide; it is then cut into pages."""
    chosen = paper(paper_name)
    frame = _frame(chosen, decor)
    return Paged(chosen, decor, frame, paginate(units(frame.width), frame.body_height))


def _line(text: str, points: float, width: float, align: Qt.AlignmentFlag) -> QTextDocument:
    para = Para(runs=(Run(text),), points=points, align=align, nowrap=True, color=DECOR_INK.name())
    return document(width, [para])


def _frame(chosen: Paper, decor: Decor) -> Frame:
    left, top, right, bottom = (m * MM for m in chosen.margins_mm)
    width = chosen.size.width() - left - right
    points = decor.font_points
    metrics = QFontMetricsF(font(points), layout_device())
    line = metrics.height()
    logo = load_image(decor.logo)  # PNG, JPEG, GIF or BMP: an SVG could name other files
    logo_box = QRectF()
    if not logo.isNull():  # an image that cannot be read so is left out
        height = line * 2.4
        logo_width = min(height * logo.width() / max(logo.height(), 1), 40 * MM)
        logo_box = QRectF(left, top, logo_width, height)
    x = left + (logo_box.width() + line if not logo.isNull() else 0)
    room = left + width - x
    elide = Qt.TextElideMode.ElideRight
    head_left = metrics.elidedText(decor.header_left, elide, room)
    head_right = metrics.elidedText(decor.header_right, elide, room)
    wide = metrics.horizontalAdvance(head_left) + metrics.horizontalAdvance(head_right)
    lines = _line(head_left, points, room, Qt.AlignmentFlag.AlignLeft)
    height = lines.size().height()
    header: list[tuple[QPointF, QTextDocument]] = [(QPointF(x, top), lines)]
    if wide + 6 * MM <= room:
        header.append(
            (QPointF(x, top), _line(head_right, points, room, Qt.AlignmentFlag.AlignRight))
        )
        rows = 1
    else:  # side by side they would touch: the title goes under the municipality's name
        header.append(
            (QPointF(x, top + height), _line(head_right, points, room, Qt.AlignmentFlag.AlignLeft))
        )
        rows = 2
    header_bottom = top + max(rows * height, logo_box.height())
    rule_top = header_bottom + line * 0.4
    body_top = rule_top + line * 1.1
    footer_top = chosen.size.height() - bottom - height
    rule_bottom = footer_top - line * 0.4
    footer = (
        QPointF(left, footer_top),
        _line(decor.footer_left, points, width, Qt.AlignmentFlag.AlignLeft),
    )
    return Frame(
        left=left,
        width=width,
        body_top=body_top,
        body_height=rule_bottom - line * 0.9 - body_top,
        header=tuple(header),
        footer=footer,
        footer_top=footer_top,
        rules=(rule_top, rule_bottom),
        logo=None if logo.isNull() else logo,
        logo_box=logo_box,
        points=points,
    )


def draw_page(paged: Paged, index: int, painter: QPainter) -> None:
    """Page ``index`` in layout units, the paper's corner at the painter's origin. Painted in
    reading order (header, body, footer), which is the order of the PDF's text layer: what
    copy and paste and a screen reader give."""
    frame = paged.frame
    number = tr("Side {page} av {pages}").format(page=index + 1, pages=paged.count)
    footer = [
        frame.footer,
        (
            QPointF(frame.left, frame.footer_top),
            _line(number, frame.points, frame.width, Qt.AlignmentFlag.AlignRight),
        ),
    ]
    painter.save()
    # Without this hint Qt stores images in a PDF as JPEG, and a blurred QR code may not read.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    if frame.logo is not None:
        painter.drawImage(frame.logo_box, frame.logo)
    _draw_docs(painter, frame.header)
    painter.setPen(QPen(QColor("#9a9a9a"), 0.2 * MM))
    for y in frame.rules:
        painter.drawLine(QPointF(frame.left, y), QPointF(frame.left + frame.width, y))
    painter.setPen(INK)  # text without a colour of its own is drawn in the pen's
    for piece in paged.pages[index].slices:
        painter.save()
        painter.translate(frame.left, frame.body_top + piece.y)
        piece.unit.paint(painter, piece.top, piece.bottom)
        painter.restore()
    _draw_docs(painter, footer)
    painter.restore()


def _draw_docs(painter: QPainter, docs: Sequence[tuple[QPointF, QTextDocument]]) -> None:
    for point, doc in docs:
        painter.save()
        painter.translate(point)
        doc.drawContents(painter)
        painter.restore()


def page_text(paged: Paged, index: int) -> str:
    """What page ``index`` says, top to bottom: header, body, footer."""
    frame = paged.frame
    parts = [document_text(doc) for _point, doc in frame.header]
    parts += [s.unit.plain_text(s.top, s.bottom) for s in paged.pages[index].slices]
    parts.append(document_text(frame.footer[1]))
    parts.append(tr("Side {page} av {pages}").format(page=index + 1, pages=paged.count))
    return "\n".join(p for p in parts if p)


def paint_pages(paged: Paged, device: QPagedPaintDevice) -> int:
    """Every page onto a printer (or any paged device), scaled to its resolution."""
    device.setPageSize(QPageSize(paged.paper.page_id))
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(tr("Kunne ikke starte utskriften."))
    try:
        # A printer that cannot print to the paper's edge starts its paint area inside it.
        origin = device.pageLayout().paintRectPixels(device.logicalDpiX()).topLeft()
        painter.translate(-origin.x(), -origin.y())
        scale = device.logicalDpiX() / LAYOUT_DPI
        painter.scale(scale, device.logicalDpiY() / LAYOUT_DPI)
        for index in range(paged.count):
            if index:
                device.newPage()
            draw_page(paged, index, painter)
    finally:
        painter.end()
    return paged.count


def write_paged_pdf(paged: Paged, path: Path, info: PdfInfo) -> int:
    """A PDF with real, selectable text, written whole or not at all."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setTitle(info.title)
    writer.setAuthor(info.author)
    writer.setCreator(info.creator)
    paint_pages(paged, writer)
    del writer  # finishes the file
    _write_whole(path, with_info(bytes(buffer.data().data()), info))
    return paged.count


def _write_whole(path: Path, data: bytes) -> None:
    """Beside the target, then moved into place: never half a PDF under the user's name.
    (Not a private temporary file: the PDF gets the permissions any saved file gets.)"""
    partial = path.with_name(f".{path.name}.part")
    try:
        with partial.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def page_image(paged: Paged, index: int, scale: float) -> QImage:
    """Page ``index`` as an image, ``scale`` image pixels per layout unit: for the preview."""
    size = paged.paper.size
    image = QImage(
        max(1, round(size.width() * scale)),
        max(1, round(size.height() * scale)),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    draw_page(paged, index, painter)
    painter.end()
    return image


# --- a page of the reader (article, contact, checklist), printed from Ctrl+P ---------------


def set_paper(device: QPagedPaintDevice, paper_name: str) -> None:
    device.setPageSize(QPageSize(paper(paper_name).page_id))


def lay_out_document(
    build: Callable[[QPagedPaintDevice], QTextDocument], paper_name: str, decor: Decor
) -> Paged:
    def units(width: float) -> list[Unit]:
        doc = build(layout_device())
        doc.setTextWidth(width)
        return [DocumentUnit(doc, breakable=True)]

    return lay_out(paper_name, decor, units)


def paint(
    build: Callable[[QPagedPaintDevice], QTextDocument], device: QPagedPaintDevice, decor: Decor
) -> int:
    """Lay the document out and paint every page on ``device``; returns the page count."""
    name = next(
        (p.name for p in PAPERS.values() if device.pageLayout().pageSize().id() == p.page_id),
        "A4",
    )
    return paint_pages(lay_out_document(build, name, decor), device)


def write_pdf(
    build: Callable[[QPagedPaintDevice], QTextDocument],
    path: Path,
    paper_name: str,
    decor: Decor,
    title: str,
) -> int:
    info = PdfInfo(title=title, author="Handbok", subject=title)
    return write_paged_pdf(lay_out_document(build, paper_name, decor), path, info)


def page_document(page: str, device: QPagedPaintDevice, scale: TypeScale = NORMAL) -> QTextDocument:
    """A page of the reader (article, contact, checklist) laid out for paper, in the
    handout's type scale (so details are 10 pt, not the reader's "small" of 8.8)."""
    from desktop.documents.render import SCREEN_SIZES, css

    doc = SafeDocument()  # loads no image or style sheet a file's text may name
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(font(scale.body))
    # Headings keep their keywords (Qt sizes an <h1> by its level, whatever points it is
    # given): 1.5 and 1.2 times the body, as on screen.
    sizes = {**SCREEN_SIZES, "number": f"{scale.number}pt", "details": f"{scale.small}pt"}
    doc.setDefaultStyleSheet(css(sizes))
    doc.setHtml(page)
    return doc
