"""What can be added to a handout, grouped and searchable: contacts, guidance (by article,
marked as written for staff) and checklists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.safetext import tooltip
from index.content.model import HandoutBlock
from index.handout import written_for_staff
from index.store.database import ContentStore

IDENT = Qt.ItemDataRole.UserRole


class ContentPicker(QWidget):
    """``chosen`` carries the id of what the user picked (Enter or a double click)."""

    chosen = Signal(str)

    def __init__(self, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Søk i innhold som kan legges til"))
        self.search.setPlaceholderText(self.tr("Søk: kontakt, avsnitt eller sjekkliste"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Innhold som kan legges til"))
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self._fill(store)

    def _fill(self, store: ContentStore) -> None:
        staff = self.tr("for fagfolk")
        contacts = self._group(self.tr("Kontakter"))
        for contact in store.contacts():
            label = contact.name
            if written_for_staff(HandoutBlock("contact", id=contact.id), store):
                label = f"{label} ({staff})"
            self._item(contacts, label, contact.id)
        guidance = self._group(self.tr("Veiledning (skrevet for fagfolk)"))
        for article in store.articles():
            parent = self._item(guidance, article.title, article.id)
            for section in article.sections:
                self._item(parent, section.heading, section.id)
        checklists = self._group(self.tr("Sjekklister"))
        for checklist in store.checklists():
            self._item(checklists, checklist.title, checklist.id)
        for group in (contacts, checklists):
            group.setExpanded(True)

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _item(self, parent: QTreeWidgetItem, label: str, ident: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [label])
        item.setData(0, IDENT, ident)
        item.setToolTip(0, tooltip(label))
        return item

    def current(self) -> str | None:
        item = self.tree.currentItem()
        ident = item.data(0, IDENT) if item is not None else None
        return str(ident) if ident else None

    def select(self, ident: str) -> bool:
        """Make ``ident`` the current item (for the keyboard and for tests)."""
        for item in self._items():
            if item.data(0, IDENT) == ident:
                self.tree.setCurrentItem(item)
                return True
        return False

    def label_of(self, ident: str) -> str | None:
        return next((i.text(0) for i in self._items() if i.data(0, IDENT) == ident), None)

    def visible_ids(self) -> list[str]:
        return [
            str(i.data(0, IDENT)) for i in self._items() if i.data(0, IDENT) and not i.isHidden()
        ]

    def filter(self, text: str) -> None:
        """Show what matches every word typed, with the groups and articles it stands in."""
        words = text.casefold().split()
        for item in _children(self.tree.invisibleRootItem()):
            self._show(item, words, False)

    def _show(self, item: QTreeWidgetItem, words: list[str], parent_matches: bool) -> bool:
        label = item.text(0).casefold()
        matches = parent_matches or (bool(words) and all(w in label for w in words))
        if item.data(0, IDENT) is None:
            matches = False  # a group's own name is no match
        any_child = False
        for child in _children(item):
            any_child |= self._show(child, words, matches)
        visible = not words or matches or any_child
        item.setHidden(not visible)
        if words and any_child:
            item.setExpanded(True)
        return visible

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = _children(self.tree.invisibleRootItem())
        while stack:
            item = stack.pop(0)
            found.append(item)
            stack[:0] = _children(item)
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        ident = item.data(0, IDENT)
        if ident:
            self.chosen.emit(str(ident))


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]
