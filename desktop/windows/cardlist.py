"""A list whose rows are widgets (contact cards, search hits with snippets): rows as tall as
their wrapped text at the list's width, following the window's text size; one click or Enter
on a row opens it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.windows import theme

ID_ROLE = Qt.ItemDataRole.UserRole


class CardList(QListWidget):
    """``open_requested(id)`` on a click, Enter, or a click on a row's own widget (which
    connects its own signal to ``open_id``); ``escape_pressed`` on Escape."""

    open_requested = Signal(str)
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setSpacing(2)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self.fit_rows)
        self.currentItemChanged.connect(self._current_changed)

    def add_row(self, ident: str, widget: QWidget, accessible: str) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(ID_ROLE, ident)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)
        self.addItem(item)
        self.setItemWidget(item, widget)
        self._fit(item, widget)
        return item

    def add_text(self, text: str, bold: bool = False) -> QListWidgetItem:
        """A row that is not a choice: a group heading, or "nothing matches"."""
        item = QListWidgetItem(text)
        theme.plain_row(item)  # not a choice, yet read at full contrast
        if bold:
            font = QFont()  # only the weight: the size follows the list's, and the user's
            font.setBold(True)
            item.setFont(font)
        self.addItem(item)
        return item

    def ids(self) -> list[str]:
        return [
            str(self.item(r).data(ID_ROLE))
            for r in range(self.count())
            if self.item(r).data(ID_ROLE)
        ]

    def first_row(self) -> int | None:
        return next((r for r in range(self.count()) if self.item(r).data(ID_ROLE)), None)

    def open_id(self, ident: str) -> None:
        """A row's widget was clicked: make it the current row too, then open it."""
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == ident:
                self.setCurrentRow(row)
                break
        self.open_requested.emit(ident)

    def fit_rows(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            widget = self.itemWidget(item)
            if widget is not None:
                self._fit(item, widget)

    def _fit(self, item: QListWidgetItem, widget: QWidget) -> None:
        width = max(self.viewport().width() - 2 * self.spacing() - 2, 120)
        height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
        item.setSizeHint(QSize(width, height if height > 0 else widget.sizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._refit.start(0)  # once the rows' own labels have taken the new size

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(event)

    def _current_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        """A row's own widget covers the selection colour: it shows the choice itself."""
        for item, chosen in ((previous, False), (current, True)):
            widget = self.itemWidget(item) if item is not None else None
            if widget is not None and hasattr(widget, "set_chosen"):
                widget.set_chosen(chosen)

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.open_requested.emit(str(item.data(ID_ROLE)))
