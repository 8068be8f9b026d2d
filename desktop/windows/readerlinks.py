"""The reading pane's links, for assistive technology.

Qt exposes a QTextBrowser to screen readers as one block of text: its links ("Kopier", web
addresses, other pages) have no accessible object of their own, so neither AT-SPI nor UI
Automation can list or press them. Each link therefore gets an invisible button of its own,
laid exactly over its words: named after them ("Kopier 22 40 00 40"), described by what it
does, pressable by a screen reader, and never in the way of the mouse or the keyboard (the
browser's own Tab through links and Enter stay as they are).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QPaintEvent, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QTextBrowser, QWidget

from desktop.i18n import tr

LIMIT = 400  # links on one page that get a button (a page has a few dozen)


class LinkButton(QAbstractButton):
    """Over one link's words; draws nothing, lets every click through to the text."""

    def __init__(self, url: QUrl, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.url = url
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setText(text)
        name, description = describe(url, text)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)

    def paintEvent(self, event: QPaintEvent) -> None:
        pass


def describe(url: QUrl, text: str) -> tuple[str, str]:
    """The name a screen reader reads for a link, and what pressing it does."""
    scheme = url.scheme()
    rest = QUrl.fromPercentEncoding(url.toString()[len(scheme) + 1 :].encode())
    if scheme == "kopier":
        return (
            tr("{label} {value}").format(label=text, value=rest),
            tr("Kopierer {value}").format(value=rest),
        )
    if scheme in ("http", "https"):
        return text, tr("Lenke. Åpner {address} i nettleseren").format(address=url.toString())
    if scheme == "mailto":
        return text, tr("Lenke. Skriver e-post til {address}").format(address=rest)
    if scheme == "lokalnotat":
        return text, tr("Legger til et notat for dette avsnittet")
    if scheme == "slettnotat":
        return text, tr("Sletter notatet")
    return text, tr("Lenke. Viser det i Handbok")


class LinkLayer(QObject):
    """Keeps one LinkButton over every link the browser shows, in place as it scrolls."""

    def __init__(self, browser: QTextBrowser, activate: Callable[[QUrl], None]) -> None:
        super().__init__(browser)
        self.browser = browser
        self.activate = activate
        self.buttons: list[tuple[LinkButton, int, int]] = []  # button, first, last position
        self._placing = QTimer(self)
        self._placing.setSingleShot(True)
        self._placing.setInterval(0)
        self._placing.timeout.connect(self.place)
        browser.verticalScrollBar().valueChanged.connect(self._later)
        browser.horizontalScrollBar().valueChanged.connect(self._later)
        browser.document().documentLayout().documentSizeChanged.connect(self._later)
        browser.viewport().installEventFilter(self)

    def rebuild(self) -> None:
        """After the browser was given a new page."""
        for button, _first, _last in self.buttons:
            button.deleteLater()
        self.buttons = []
        viewport = self.browser.viewport()
        for href, text, first, last in _anchors(self.browser)[:LIMIT]:
            button = LinkButton(QUrl(href), text, viewport)
            button.clicked.connect(lambda _checked=False, b=button: self.activate(b.url))
            self.buttons.append((button, first, last))
        self.place()
        for button, _first, _last in self.buttons:
            button.show()

    def names(self) -> list[str]:
        return [button.accessibleName() for button, _f, _l in self.buttons]

    def _later(self, *_args: object) -> None:
        self._placing.start()

    def place(self) -> None:
        for button, first, last in self.buttons:
            button.setGeometry(self._rect(first, last))

    def _rect(self, first: int, last: int) -> QRect:
        start = self.browser.cursorRect(_cursor(self.browser, first))
        end = self.browser.cursorRect(_cursor(self.browser, last))
        if end.top() == start.top():  # one line
            return QRect(start.topLeft(), end.bottomRight()).normalized()
        # wrapped: the first line's part, to the right edge of the text
        right = self.browser.viewport().width()
        return QRect(start.left(), start.top(), max(right - start.left(), 1), start.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._later()
        return False


def _cursor(browser: QTextBrowser, position: int) -> QTextCursor:
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    return cursor


def _anchors(browser: QTextBrowser) -> list[tuple[str, str, int, int]]:
    """Every link in the document: (href, its words, first and last position)."""
    found: list[tuple[str, str, int, int]] = []
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fragment.isValid() and fmt.isAnchor() and fmt.anchorHref():
                href, first = fmt.anchorHref(), fragment.position()
                last = first + fragment.length()
                if found and found[-1][0] == href and found[-1][3] == first:  # one link, styled
                    previous = found.pop()
                    found.append((href, previous[1] + fragment.text(), previous[2], last))
                else:
                    found.append((href, fragment.text(), first, last))
            iterator += 1
        block = block.next()
    return [(href, text.strip(), first, last) for href, text, first, last in found if text.strip()]
