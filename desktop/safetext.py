"""Text from files in Qt's widgets: never markup, never a file load, never a stray link.

Qt reads a string as rich text whenever it looks like HTML (labels, tooltips, message boxes),
and rich text loads what its images and style sheets name: ``<img src="file:///dev/zero">``
in a contact's region or a pack's file name would read a local file, or never stop reading
one. So every widget that can show text from a file gets it through this module
(docs/architecture.md, "Text from files is data"), and tests/test_untrusted_rules.py keeps it
that way:

- ``PlainLabel`` and ``plain_label``: labels and status lines that show their text as it is;
- ``tooltip``: the text as escaped HTML, the only form a tooltip can be given;
- message boxes and questions: desktop/windows/dialogs.py builds them in plain text, with
  ``visible`` text;
- ``SafeDocument`` and ``SafeBrowser``: a text document (reading pane, print, handout) that
  loads no resource at all beyond those the program added to it itself (a handout's QR codes);
- ``open_external``: the one call that hands a link to the system, after the allow-list in
  ``index.untrusted.external_link``;
- ``load_image``: a logo read as PNG, JPEG, GIF or BMP only: an SVG can name other files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

from index.untrusted import external_link, visible

if TYPE_CHECKING:  # links, images and the system's browser come after the first frame
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

__all__ = [
    "PlainLabel", "RichLabel", "SafeBrowser", "SafeDocument", "escaped", "load_image",
    "only_bold", "open_external", "plain_label", "tooltip", "visible",
]  # fmt: skip

TOOLTIP_LIMIT = 600  # characters: a tooltip is a hint, not a page
# Formats Qt reads without following references to other files or the network.
IMAGE_FORMATS = frozenset({b"png", b"jpeg", b"jpg", b"gif", b"bmp"})
IMAGE_SIDE_LIMIT = 4000  # pixels: a logo is printed 15 mm high


# --- labels, tooltips, message boxes ---------------------------------------------------------


class PlainLabel(QLabel):
    """A label whose text is always shown as it is, whatever it looks like.

    Qt reads a label's text as markup only when it holds a "<" (or "&lt;") on its first line
    (``Qt::mightBeRichText``), so a text without "<" and "&" shows as it is in any format.
    The label turns to plain text the first time such a text comes, and stays so; not in
    the constructor, as naming the format is the first use of the Qt namespace, whose 93
    enums cost 40 ms before the first frame (the status line is a PlainLabel)."""

    def __init__(self, text: str | QWidget = "", parent: QWidget | None = None) -> None:
        if isinstance(text, QWidget):  # QLabel(parent), as QLabel itself allows
            parent, text = text, ""
        super().__init__(parent)
        self.plain = False  # True once the format is PlainText
        self.setText(text)

    def setText(self, text: str) -> None:
        shown = visible(text)
        if not self.plain and ("<" in shown or "&" in shown):
            self.make_plain()
        super().setText(shown)

    def make_plain(self) -> None:
        from PySide6.QtCore import Qt

        self.setTextFormat(Qt.TextFormat.PlainText)
        self.plain = True


def plain_label(text: str = "", parent: QWidget | None = None) -> PlainLabel:
    return PlainLabel(text, parent)


class RichLabel(QLabel):
    """A label for HTML the program builds itself, every piece of file text in it passed
    through ``escaped`` (or ``only_bold`` for a search snippet). A QLabel's rich text loads
    images like any document, so nothing else may be given to it."""

    def __init__(self, html_text: str = "", parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: PlainLabel's docstring says why

        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(html_text)


def escaped(text: str) -> str:
    """Text for a place that takes HTML: escaped, its control characters written out, and a
    Windows line break (CR LF, from a CSV file) one line break."""
    return _html_escape(visible(text.replace("\r\n", "\n").replace("\r", "\n")))


def _html_escape(text: str) -> str:
    """``html.escape(text)``, the same five replacements in the same order: the html
    module's entity tables cost 2 ms to load, before the first frame (its red bar's
    tooltips)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")


def tooltip(text: str) -> str:
    """``text`` as a tooltip: Qt reads tooltips as rich text when they look like it, so this
    always gives escaped HTML, with line breaks kept, cut to TOOLTIP_LIMIT characters."""
    text = text.strip()
    if not text:
        return ""
    if len(text) > TOOLTIP_LIMIT:
        text = text[:TOOLTIP_LIMIT] + "…"
    return f"<p style='white-space:pre-wrap'>{escaped(text)}</p>"


_ALLOWED_TAG = re.compile(r"<(?!/?b>)")


def only_bold(fragment: str) -> str:
    """An HTML fragment that should be escaped text with ``<b>`` marks (a search snippet):
    every other ``<`` is escaped, so whatever went wrong upstream, no other tag survives."""
    return _ALLOWED_TAG.sub("&lt;", fragment)


# --- documents that load nothing ---------------------------------------------------------------


def _refused(kind: int) -> Any:
    """What a refused resource is: an empty image or an empty style sheet. Anything null would
    make Qt try the file itself."""
    if kind == QTextDocument.ResourceType.ImageResource.value:
        from PySide6.QtGui import QImage

        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(0)
        return image
    return ""


class SafeDocument(QTextDocument):
    """A QTextDocument that loads no resource: ``<img>``, style sheets and ``@import`` get
    nothing, whatever they name (file:, UNC, relative paths, data:, qrc:). Resources the
    program adds itself with ``addResource`` are found before this is asked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []  # what was asked for and not loaded, for diagnosis

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        from PySide6.QtCore import QUrl

        self.refused.append((name.toString() if isinstance(name, QUrl) else name)[:200])
        return _refused(int(kind))


class SafeBrowser(QTextBrowser):
    """A read-only text view over a SafeDocument that follows no link by itself: every click
    arrives as ``anchorClicked`` for the window to decide (internal scheme, or the allow-list
    in ``open_external``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(SafeDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return _refused(int(kind))


# --- links and images --------------------------------------------------------------------------


def open_external(url: QUrl | str) -> bool:
    """Open a web page or a mail program for a link the user clicked, if the allow-list lets
    it through (http or https with a host name, or mailto one address). False otherwise."""
    from PySide6.QtCore import QUrl

    written = (
        url.toString(QUrl.ComponentFormattingOption.FullyEncoded) if isinstance(url, QUrl) else url
    )
    if not external_link(written):
        return False
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl(written)))


def load_image(path: Path | None) -> QImage:
    """A logo from a file, or a null image: only the raster formats in IMAGE_FORMATS, decided
    from the bytes, not the name, and no larger than IMAGE_SIDE_LIMIT on a side."""
    from PySide6.QtGui import QImage, QImageReader

    if path is None:
        return QImage()
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    if bytes(reader.format().data()).lower() not in IMAGE_FORMATS:
        return QImage()
    size = reader.size()
    if not size.isValid() or max(size.width(), size.height()) > IMAGE_SIDE_LIMIT:
        return QImage()
    image = reader.read()
    return image if not image.isNull() else QImage()
