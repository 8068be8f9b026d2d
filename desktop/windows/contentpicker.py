"""What can be added to a handout, grouped and searchable: contacts, guidance (by article,
marked as written for staff) and checklists.

The staff's own contacts are searched, not listed: a municipality may have 100,000 of them,
and listing them took seconds. What is typed is searched in the local contacts file on a
background thread (``background.py``), and the best of them join the contacts at hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.safetext import tooltip
from index.content.model import Contact, HandoutBlock
from index.handout import written_for_staff
from index.store.database import ContentStore

if TYPE_CHECKING:
    from desktop.windows.background import Background
    from index.local.layer import LocalLayer

IDENT = Qt.ItemDataRole.UserRole
OWN = Qt.ItemDataRole.UserRole + 1  # a staff's own contact, found by the search
OWN_SHOWN = 30  # the staff's own contacts a search adds, best first
OWN_KEY = "picker"


class ContentPicker(QWidget):
    """``chosen`` carries the id of what the user picked (Enter or a double click)."""

    chosen = Signal(str)

    def __init__(
        self, store: ContentStore, parent: QWidget | None = None, layer: LocalLayer | None = None
    ) -> None:
        super().__init__(parent)
        self.layer = layer if layer is not None and layer.local is not None else None
        self.background: Background | None = None
        self.own_hint: QTreeWidgetItem | None = None
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
        from index.local.layer import LayeredStore

        staff = self.tr("for fagfolk")
        self.contacts = contacts = self._group(self.tr("Kontakter"))
        at_hand = store.contacts_at_hand() if isinstance(store, LayeredStore) else store.contacts()
        for contact in at_hand:
            label = contact.name
            if written_for_staff(HandoutBlock("contact", id=contact.id), store):
                label = f"{label} ({staff})"
            self._item(contacts, label, contact.id)
        if self.layer is not None:
            from desktop.windows.background import Background

            assert self.layer.local is not None
            self.background = Background(self, self.layer.local.path.parent)
            self.background.answered.connect(self._own_found)
            self.background.failed.connect(
                lambda _key: self._set_own(
                    [], self.tr("Kommunens egne kontakter kunne ikke søkes i nå.")
                )
            )
            self.own_hint = self._hint(
                self.tr("Skriv i søkefeltet for å finne kommunens egne kontakter.")
            )
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

    def _hint(self, text: str) -> QTreeWidgetItem:
        """A line under Kontakter that is no choice: how to find the staff's own."""
        item = QTreeWidgetItem(self.contacts, [text])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setData(0, OWN, True)
        return item

    def filter(self, text: str) -> None:
        """Show what matches every word typed, with the groups and articles it stands in;
        and search the staff's own contacts for it."""
        words = text.casefold().split()
        for item in _children(self.tree.invisibleRootItem()):
            self._show(item, words, False)
        layer, background = self.layer, self.background
        if layer is not None and background is not None and words:
            background.ask(OWN_KEY, lambda: (text, layer.find_own(text, OWN_SHOWN)))
        elif not words:
            self._set_own([], self.tr("Skriv i søkefeltet for å finne kommunens egne kontakter."))

    def searching(self) -> bool:
        """Whether a search of the staff's own contacts is still to answer (for tests)."""
        return self.background is not None and self.background.busy()

    def _own_found(self, key: str, result: object) -> None:
        if key != OWN_KEY or not isinstance(result, tuple):
            return
        text, found = cast("tuple[str, list[Contact]]", result)
        if text != self.search.text():
            return  # typed on since: the answer for the newer text is on its way
        self._set_own(found, "" if found else self.tr("Ingen av kommunens egne kontakter passer."))

    def _set_own(self, found: list[Contact], hint: str) -> None:
        for item in _children(self.contacts):
            if item.data(0, OWN):
                self.contacts.removeChild(item)
        self.own_hint = self._hint(hint) if hint and self.layer is not None else None
        staff = self.tr("for fagfolk")
        for contact in found:
            label = contact.name
            if set(contact.audience) <= {"fagfolk"}:  # as written_for_staff says
                label = f"{label} ({staff})"
            self._item(self.contacts, label, contact.id).setData(0, OWN, True)
        if found:
            self.contacts.setHidden(False)
            self.contacts.setExpanded(True)

    def _show(self, item: QTreeWidgetItem, words: list[str], parent_matches: bool) -> bool:
        if item.data(0, OWN):  # found by the search (or a hint): shown while it is there
            item.setHidden(False)
            return item.data(0, IDENT) is not None
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
