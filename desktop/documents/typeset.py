"""Text for paper: the type scales for normal and large print, fonts without ligatures, and
paragraphs built as QTextDocuments through the cursor (text from files stays text, never
markup).

Ligatures are switched off in every font: a PDF viewer copies and searches the glyphs it is
given, and "fi" drawn as one glyph reads back as U+FB01, so "finner" would not be found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktop.documents.pages import POINT, layout_device
from desktop.safetext import SafeDocument

NO_LIGATURES = ("liga", "clig", "dlig", "hlig")
LINE_SEPARATOR = "\u2028"
# What must never be split over two lines: phone numbers as they are dialled (22 40 00 40,
# 116 123), e-mail and web addresses (kirkens-sos.no would otherwise break at its hyphen),
# opening hours (09:00–15:00).
WHOLE = re.compile(
    r"(?<!\d)\d{2,3}(?:[ \u00a0]\d{2,3})+(?!\d)"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s,;)»]*)?"
    r"|\d{1,2}:\d{2}[–-]\d{1,2}:\d{2}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TypeScale:
    """Sizes in points. Normal print: body 11 pt, nothing under 10 pt; large print: body
    14 pt or more, nothing under 12 pt (docs/architecture.md, "Handout layout")."""

    body: float
    title: float
    heading: float
    subheading: float
    number: float  # phone numbers, set so they cannot be misread
    small: float  # header, footer, sources, captions
    line_height: int  # percent of the font's height

    @property
    def gap(self) -> float:
        """The space between paragraphs, in layout units."""
        return self.body * POINT * 0.55


NORMAL = TypeScale(
    body=11, title=20, heading=14, subheading=12, number=14, small=10, line_height=135
)
LARGE = TypeScale(
    body=14, title=24, heading=17, subheading=15, number=17, small=12, line_height=150
)


def scale_for(large_print: bool) -> TypeScale:
    return LARGE if large_print else NORMAL


def font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """The system's font family at ``points``, with ligatures off."""
    made = QFont()
    made.setPointSizeF(points)
    made.setBold(bold)
    made.setItalic(italic)
    for tag in NO_LIGATURES:
        made.setFeature(QFont.Tag(tag), 0)
    return made


def text_width(text: str, points: float, *, bold: bool = False) -> float:
    """How wide ``text`` is on one line, in layout units."""
    return QFontMetricsF(font(points, bold=bold), layout_device()).horizontalAdvance(text)


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    points: float | None = None  # None: the paragraph's size


@dataclass(frozen=True)
class Para:
    """One paragraph. ``nowrap`` keeps it on one line: a number or an address never breaks."""

    runs: tuple[Run, ...]
    points: float
    heading: int = 0  # 1, 2, 3: a heading (kept with what follows)
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    indent: float = 0.0  # layout units, every line
    hang: float = 0.0  # layout units the first line starts left of the others
    nowrap: bool = False
    space_after: float = 0.0
    line_height: int = 135
    color: str = ""


@dataclass
class DocumentBuilder:
    width: float
    paras: list[Para] = field(default_factory=list)

    def add(self, para: Para) -> None:
        self.paras.append(para)

    def build(self) -> QTextDocument:
        return document(self.width, self.paras)


def document(width: float, paras: Sequence[Para]) -> QTextDocument:
    """The paragraphs laid out at ``width`` for the layout device."""
    doc = SafeDocument()  # plain text through the cursor; and should a name ever slip in, no load
    doc.documentLayout().setPaintDevice(layout_device())
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font(paras[0].points if paras else 11))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    cursor = QTextCursor(doc)
    for index, para in enumerate(paras):
        block = QTextBlockFormat()
        block.setAlignment(para.align)
        block.setLeftMargin(para.indent)
        block.setTextIndent(-para.hang)
        block.setBottomMargin(para.space_after)
        block.setNonBreakableLines(para.nowrap)
        block.setHeadingLevel(para.heading)
        block.setLineHeight(
            float(para.line_height), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        if index == 0:
            cursor.setBlockFormat(block)
        else:
            cursor.insertBlock(block)
        for run in para.runs:
            char = QTextCharFormat()
            char.setFont(
                font(
                    run.points or para.points, bold=run.bold or para.heading > 0, italic=run.italic
                )
            )
            if para.color:
                char.setForeground(QColor(para.color))
            cursor.insertText(run.text, char)
    doc.setTextWidth(width)
    keep_whole(doc)
    return doc


def keep_whole(doc: QTextDocument, rounds: int = 50) -> None:
    """Start a number or an address on a new line where a line break would split it.

    Qt breaks lines where Unicode allows (at a space, after a hyphen); a forced line break
    before the number moves it whole, and the text layer keeps plain spaces and hyphens."""
    for _ in range(rounds):
        doc.documentLayout().documentSize()  # lay out what the last change moved
        position = _split_whole(doc)
        if position is None:
            return
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.insertText(LINE_SEPARATOR)


def _split_whole(doc: QTextDocument) -> int | None:
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None and layout.lineCount() > 1:
            starts = [layout.lineAt(n).textStart() for n in range(1, layout.lineCount())]
            for match in WHOLE.finditer(block.text()):
                first, end = match.span()
                if any(first < start < end for start in starts) and first not in starts:
                    line = layout.lineForTextPosition(first)
                    if line.isValid() and line.textStart() < first:
                        return block.position() + first
        block = block.next()
    return None


def plain(text: str, points: float, **options: object) -> Para:
    """A paragraph of plain text."""
    return Para(runs=(Run(text),), points=points, **options)  # type: ignore[arg-type]


def one_line(doc: QTextDocument) -> bool:
    """Whether every paragraph of ``doc`` stands on one line."""
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None and layout.lineCount() > 1:
            return False
        block = block.next()
    return True
