"""The reading pane: rendered content at a readable measure, find in page (Ctrl+F, F3).

Lines hold about 75 characters at any window width (MEASURE): on a wide window the text
stands in a centred column. Its size is the window's text size (desktop/textsize.py), so it
starts from the system's font; headings and details scale with it (render.CSS)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.render import CSS
from desktop.safetext import SafeBrowser
from desktop.windows import a11y, theme
from desktop.windows.readerlinks import LinkLayer

MEASURE = 75  # characters a line
SIDE = 16  # pixels at least on either side of the text
# Ordinary Norwegian text, to find how wide a character is on average in the current font.
SAMPLE = "Frivilligsentralene kan være et sted der selvhjelpsgrupper kan låne lokaler."


class _Browser(SafeBrowser):
    """It loads no resource and follows no link by itself (SafeBrowser). QTextBrowser claims
    Alt+Left/Right for a history of its own; the window's back and forward must win, as the
    browser never follows links itself here."""

    def fit_measure(self) -> None:
        """Side margins that leave lines of about MEASURE characters, centred."""
        metrics = self.fontMetrics()
        per_char = metrics.horizontalAdvance(SAMPLE) / len(SAMPLE)
        width = self.viewport().width()
        side = max(SIDE, int((width - MEASURE * per_char) / 2))
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_measure()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_measure()

    def event(self, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and _window_key(event)
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _window_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)


def _window_key(event: QKeyEvent) -> bool:
    return event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
    )


class ReaderView(QWidget):
    """``link_clicked(QUrl)`` for every link: the window decides what each one does."""

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = _Browser(self)
        self.browser.document().setDefaultStyleSheet(theme.reader_css(theme.current(), CSS))
        self.browser.setAccessibleName(self.tr("Lesefelt"))
        self.browser.anchorClicked.connect(self.link_clicked)
        # Each link as an object of its own, which screen readers can list and press.
        self.links = LinkLayer(self.browser, self.link_clicked.emit)
        self.html = ""
        theme.theme().changed.connect(self._recolour)
        self.unfolded: set[str] = set()  # whose "Om kilden" the user opened

        self.find_bar = QWidget(self)
        self.find_field = QLineEdit(self.find_bar)
        self.find_field.setPlaceholderText(self.tr("Finn på siden"))
        self.find_field.setAccessibleName(self.tr("Finn på siden"))
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textChanged.connect(lambda _text: self.find_next(restart=True))
        self.find_status = QLabel(self.find_bar)
        self.find_status.hide()  # shown with "Ikke funnet" only: never an empty label
        next_button = QPushButton(self.tr("Neste"), self.find_bar)
        next_button.setAccessibleName(self.tr("Finn neste"))
        next_button.clicked.connect(lambda: self.find_next())
        close = QPushButton(self.tr("Lukk"), self.find_bar)
        close.setAccessibleName(self.tr("Lukk søk på siden"))
        close.clicked.connect(self.close_find)
        bar = QHBoxLayout(self.find_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.find_field, next_button, self.find_status, close):
            bar.addWidget(widget)
        self.find_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)

    # --- content -------------------------------------------------------------------------

    def show_html(self, page: str, anchor: str | None = None, keep_place: bool = False) -> None:
        """``keep_place``: the same page again (a note unfolded): stay where the reader is."""
        place = self.browser.verticalScrollBar().value()
        self.html = page
        self.browser.setHtml(page)
        self.browser.fit_measure()
        self.links.rebuild()
        if keep_place:
            self.browser.verticalScrollBar().setValue(place)
        elif anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _recolour(self) -> None:
        """The colour scheme changed: the same page, where it was, in the new colours."""
        self.browser.document().setDefaultStyleSheet(theme.reader_css(theme.current(), CSS))
        self.show_html(self.html, keep_place=True)

    def show_text(self, title: str, sentence: str) -> None:
        """A title and a sentence, both plain text (a sentence may quote a file's name)."""
        self.show_html(f"<h1>{html.escape(title)}</h1><p>{html.escape(sentence)}</p>")

    def toggle_about_source(self, key: str) -> None:
        self.unfolded ^= {key}

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    # --- find in page --------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        self._say("")
        self.browser.setFocus()

    def find_next(self, restart: bool = False) -> bool:
        text = self.find_field.text()
        if not text:
            self._say("")
            return False
        if not self.find_bar.isVisible():
            self.find_bar.show()
        if restart:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        found = self.browser.find(text)
        if not found:  # wrap around to the top once
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            found = self.browser.find(text, QTextDocument.FindFlag(0))
        self._say("" if found else self.tr("Ikke funnet"))
        return found

    def _say(self, text: str) -> None:
        self.find_status.setText(text)
        self.find_status.setVisible(bool(text))
        a11y.announce(self.find_status, text)  # the focus stays in the field: say it

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.close_find()
            return
        super().keyPressEvent(event)
