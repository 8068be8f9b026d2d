"""The side panel's simple lists: the guidance with its table of contents, the checklists,
bookmarks and history. Each asks for an item with ``open_requested(id)``."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.safetext import tooltip
from desktop.windows import theme
from index.content.model import Article, Checklist
from index.userdata.store import Bookmark, HistoryEntry

ID_ROLE = Qt.ItemDataRole.UserRole


class GuidePanel(QTreeWidget):
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setHeaderLabels([self.tr("Veiledning")])  # read out even when hidden: not "1"
        # A long title wraps in the narrow panel, as the other lists do, rather than ending
        # in "…". A tree measures its rows without their width, hence the delegate.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        self._laid_out_width = -1
        self.setAccessibleName(self.tr("Veiledning med innholdsfortegnelse"))
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def set_articles(self, articles: list[Article]) -> None:
        self.clear()
        for article in articles:
            top = QTreeWidgetItem([article.title])
            top.setData(0, ID_ROLE, article.id)
            top.setToolTip(0, tooltip(article.summary))
            for section in article.sections:
                child = QTreeWidgetItem([section.heading])
                child.setData(0, ID_ROLE, section.id)
                top.addChild(child)
            self.addTopLevelItem(top)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, ID_ROLE)
        if target:
            self.open_requested.emit(str(target))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:  # rows wrap anew
            self._laid_out_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights for the text wrapped in the width its row has (the view's, less the
    indentation of its depth), which QTreeView does not give the delegate by itself."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.viewport().width() - self.tree.indentation() * depth
        wrapped = QStyleOptionViewItem(option)
        self.initStyleOption(wrapped, index)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        wrapped.rect = QRect(0, 0, max(width, 40), 10_000)  # a valid rect, or it never wraps
        style = self.tree.style()
        return style.sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, wrapped, QSize(), self.tree
        )


class ChecklistsPanel(QListWidget):
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sjekklister"))
        self.setWordWrap(True)
        self.setSpacing(3)  # a wrapped title is told from the next
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def set_checklists(self, checklists: list[Checklist]) -> None:
        self.clear()
        for checklist in checklists:
            item = QListWidgetItem(checklist.title)
            item.setData(ID_ROLE, checklist.id)
            item.setToolTip(tooltip(checklist.intro))
            self.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(ID_ROLE)))


class _ButtonsAndList(QWidget):
    open_requested = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName(name)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # an entry of two lines is told from the next
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)  # one click opens, as everywhere
        self.buttons = QHBoxLayout()
        self.more_buttons = QHBoxLayout()  # a second row: the panel fits half a small screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.buttons)
        layout.addLayout(self.more_buttons)

    def add_button(self, text: str, name: str, second_row: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        (self.more_buttons if second_row else self.buttons).addWidget(button)
        return button

    def current_target(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item and item.data(ID_ROLE) else None

    def targets(self) -> list[str]:
        return [
            str(self.list.item(r).data(ID_ROLE))
            for r in range(self.list.count())
            if self.list.item(r).data(ID_ROLE)
        ]

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.open_requested.emit(str(item.data(ID_ROLE)))

    def _empty(self, text: str) -> None:
        item = QListWidgetItem(text)
        theme.plain_row(item)
        self.list.addItem(item)


class BookmarksPanel(_ButtonsAndList):
    """The window wires the buttons; this shows the bookmarks and knows which one is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bokmerker"), parent)
        self.open_button = self.add_button(self.tr("Åpne"), self.tr("Åpne bokmerket"))
        self.note_button = self.add_button(self.tr("Notat …"), self.tr("Rediger notatet"))
        self.delete_button = self.add_button(self.tr("Slett"), self.tr("Slett bokmerket"))
        self.export_button = self.add_button(
            self.tr("Eksporter …"), self.tr("Eksporter bokmerker"), second_row=True
        )
        self.import_button = self.add_button(
            self.tr("Importer …"), self.tr("Importer bokmerker"), second_row=True
        )
        self.open_button.clicked.connect(self._open_current)

    def set_bookmarks(self, bookmarks: list[Bookmark], exists: set[str]) -> None:
        self.list.clear()
        for bookmark in bookmarks:
            lines = [bookmark.title]
            if bookmark.target not in exists:
                lines[0] += "  " + self.tr("(finnes ikke lenger i innholdet)")
            if bookmark.note:
                lines.append(bookmark.note)
            item = QListWidgetItem("\n".join(lines))
            item.setData(ID_ROLE, bookmark.target)
            item.setToolTip(tooltip(bookmark.note or bookmark.title))
            self.list.addItem(item)
        if not bookmarks:
            self._empty(self.tr("Ingen bokmerker ennå. Trykk Ctrl+D for å merke det du leser."))

    def _open_current(self) -> None:
        target = self.current_target()
        if target:
            self.open_requested.emit(target)


class HistoryPanel(_ButtonsAndList):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Historikk"), parent)
        self.clear_button = self.add_button(self.tr("Tøm historikken"), self.tr("Tøm historikken"))

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.list.clear()
        for entry in entries:
            when = entry.opened.astimezone().strftime("%d.%m. %H:%M")
            item = QListWidgetItem(f"{entry.title}\n{when}")
            item.setData(ID_ROLE, entry.target)
            self.list.addItem(item)
        if not entries:
            self._empty(self.tr("Historikken er tom."))
