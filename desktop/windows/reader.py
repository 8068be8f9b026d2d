"""The reading pane: rendered content, find in page (Ctrl+F, F3) and zoom (Ctrl +/-/0)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.render import CSS
from desktop.windows import a11y, theme
from desktop.windows.readerlinks import LinkLayer

ZOOM_MIN, ZOOM_MAX = -4, 12


class _Browser(QTextBrowser):
    """QTextBrowser claims Alt+Left/Right for a history of its own; the window's back and
    forward must win, as the browser never follows links itself here."""

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
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = _Browser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDefaultStyleSheet(theme.reader_css(theme.current(), CSS))
        self.browser.setAccessibleName(self.tr("Lesefelt"))
        self.browser.anchorClicked.connect(self.link_clicked)
        # Each link as an object of its own, which screen readers can list and press.
        self.links = LinkLayer(self.browser, self.link_clicked.emit)
        self.html = ""
        theme.theme().changed.connect(self._recolour)
        theme.theme().font_changed.connect(self._follow_system_font)
        self.base_font = self.browser.font().pointSizeF()
        self.zoom = 0

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

    def show_html(self, html: str, anchor: str | None = None) -> None:
        self.html = html
        self.browser.setHtml(html)
        self.links.rebuild()
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _recolour(self) -> None:
        """The colour scheme changed: the same page, where it was, in the new colours."""
        self.browser.document().setDefaultStyleSheet(theme.reader_css(theme.current(), CSS))
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.html)
        self.links.rebuild()
        self.browser.verticalScrollBar().setValue(position)

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

    # --- zoom ----------------------------------------------------------------------------

    def _follow_system_font(self) -> None:
        """The system's text size changed while the program runs: the zoom steps stay, on
        top of the new size."""
        self.base_font = QApplication.font(self.browser).pointSizeF()
        self._apply_zoom()

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        self._apply_zoom()
        self.zoom_changed.emit(self.zoom)

    def _apply_zoom(self) -> None:
        font = self.browser.font()
        font.setPointSizeF(max(6.0, self.base_font + self.zoom))
        self.browser.setFont(font)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)
