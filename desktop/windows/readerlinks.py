"""The reading pane's links, for assistive technology.

Qt exposes a QTextBrowser to screen readers as one block of text: its links ("Kopier", web
addresses, other pages) have no accessible object of their own, so neither AT-SPI nor UI
Automation can list or press them. Each link therefore gets an invisible button of its own,
laid exactly over its words: named after them ("Kopier 22 40 00 40"), described by what it
does, pressable by a screen reader, and never in the way of the mouse or the keyboard (the
browser's own Tab through links and Enter stay as they are).

The layer knows where every link is, so it also says "Kopiert" right beside the "Kopier" that
was used (by the mouse, the keyboard or a screen reader), as the contact card does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QMouseEvent, QPaintEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextBrowser, QWidget

from desktop.i18n import tr
from desktop.windows import a11y

LIMIT = 400  # links on one page that get a button (a page has a few dozen)
CONFIRM_MS = 2500  # as long as the contact card's "Kopiert"
GAP = 8  # pixels between a link and its "Kopiert"


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

        # "Kopiert" beside the link that copied: which one the mouse released on, or the
        # screen reader pressed, is known only while that click is handled.
        self.confirm = QLabel(browser.viewport())
        self.confirm.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm.setAccessibleName(tr("Kopiert"))
        self.confirm.setBackgroundRole(QPalette.ColorRole.Base)
        self.confirm.setAutoFillBackground(True)  # legible over the text it may cover
        self.confirm.hide()
        self.confirmed: LinkButton | None = None  # the link the "Kopiert" is beside
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.timeout.connect(self.clear_confirm)
        self._pressed: LinkButton | None = None
        self._released_at: QPoint | None = None

    def rebuild(self) -> None:
        """After the browser was given a new page."""
        self.clear_confirm()
        for button, _first, _last in self.buttons:
            button.deleteLater()
        self.buttons = []
        viewport = self.browser.viewport()
        for href, text, first, last in _anchors(self.browser)[:LIMIT]:
            button = LinkButton(QUrl(href), text, viewport)
            button.clicked.connect(lambda _checked=False, b=button: self._press(b))
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
        self._place_confirm()

    def _press(self, button: LinkButton) -> None:
        self._pressed = button
        try:
            self.activate(button.url)
        finally:
            self._pressed = None

    def confirm_copied(self, url: QUrl) -> None:
        """Say "Kopiert" beside the link to ``url`` that was just used."""
        button = self._used(url.toString())
        if button is None:
            return
        self.confirmed = button
        self.confirm.setFont(self.browser.font())
        self.confirm.setText(tr("Kopiert"))
        self.confirm.adjustSize()
        self._place_confirm()
        self.confirm.show()
        self.confirm.raise_()
        self._confirm_timer.start(CONFIRM_MS)
        a11y.announce(self.confirm, tr("Kopiert"))  # what the status line used to say aloud

    def clear_confirm(self) -> None:
        self._confirm_timer.stop()
        self.confirm.hide()
        self.confirm.clear()
        self.confirmed = None

    def _used(self, href: str) -> LinkButton | None:
        """The link to ``href`` the user used: pressed by a screen reader, under the mouse
        that released, the one the keyboard is on, else the first on the page."""
        if self._pressed is not None and self._pressed.url.toString() == href:
            return self._pressed
        same = [(b, first, last) for b, first, last in self.buttons if b.url.toString() == href]
        if self._released_at is not None:
            for button, _first, _last in same:
                if button.geometry().contains(self._released_at):
                    return button
        cursor = self.browser.textCursor()
        if cursor.hasSelection():
            for button, first, last in same:
                if first <= cursor.selectionStart() < last:
                    return button
        return same[0][0] if same else None

    def _place_confirm(self) -> None:
        if self.confirmed is None:
            return
        link = self.confirmed.geometry()
        size = self.confirm.sizeHint()
        x = link.right() + GAP
        if x + size.width() > self.browser.viewport().width():  # no room right: left of it
            x = max(0, link.left() - GAP - size.width())
        y = link.center().y() - size.height() // 2
        self.confirm.setGeometry(x, y, size.width(), size.height())

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
        elif event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            # The browser emits anchorClicked while it handles this release, right after.
            self._released_at = event.position().toPoint()
            QTimer.singleShot(0, self._forget_release)
        return False

    def _forget_release(self) -> None:
        self._released_at = None


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
