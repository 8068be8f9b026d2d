"""The contact list with filters: category, audience, channel, region and "åpen nå". Each
contact is a contact card; one click (or Enter) opens it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.render import contact_is_stale, open_status
from desktop.i18n import label
from desktop.windows.cardlist import ID_ROLE, CardList
from desktop.windows.contactcard import ContactCard
from index.content.model import AUDIENCES, CATEGORIES, CHANNEL_TYPES, Contact

SHOWN = 100  # contact cards in the list at most (a card costs ~2 ms); a line says how many more


class ContactsPanel(QWidget):
    """``open_requested(contact id)`` on a click or Enter."""

    open_requested = Signal(str)
    print_requested = Signal()
    new_requested = Signal()
    edit_requested = Signal(object)  # the chosen contact's id, or None
    delete_requested = Signal(object)
    import_requested = Signal()
    export_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.contacts: list[Contact] = []
        self.category = self._combo(self.tr("Alle kategorier"), CATEGORIES, self.tr("Kategori"))
        self.audience = self._combo(self.tr("Alle målgrupper"), AUDIENCES, self.tr("Målgruppe"))
        self.channel = self._combo(self.tr("Alle kanaler"), CHANNEL_TYPES, self.tr("Kanal"))
        self.region = self._combo(self.tr("Alle områder"), (), self.tr("Område"))
        self.open_now = QCheckBox(self.tr("Bare de som er åpne nå"), self)
        self.open_now.setAccessibleName(self.tr("Bare åpne nå"))
        self.open_now.toggled.connect(self.refresh)
        self.list = CardList(self)
        self.list.setAccessibleName(self.tr("Kontakter"))
        self.list.open_requested.connect(self.open_requested)
        self.card_icon: object = None  # the copy icon, once the window has its icons

        # Two filters a row: each says what it filters by in its first choice ("Alle
        # kategorier"), so the panel stays short on a 720 px screen.
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for n, combo in enumerate((self.category, self.audience, self.channel, self.region)):
            filters.addWidget(combo, n // 2, n % 2)
        self.print_button = QPushButton(self.tr("Skriv ut listen"), self)
        self.print_button.setAccessibleName(self.tr("Skriv ut kontaktlisten"))
        self.print_button.clicked.connect(self.print_requested)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_now, 1)
        open_row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(open_row)
        layout.addWidget(self.list, 1)
        # The municipality's own contacts (hidden until the local layer is there).
        self.local_buttons = QWidget(self)
        rows = QVBoxLayout(self.local_buttons)
        rows.setContentsMargins(0, 0, 0, 0)
        edits, files = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(edits)
        rows.addLayout(files)
        new = self._local_button(self.tr("Ny lokal kontakt …"), edits)
        new.clicked.connect(self.new_requested)
        edit = self._local_button(self.tr("Rediger …"), edits)
        edit.clicked.connect(lambda: self.edit_requested.emit(self.chosen()))
        delete = self._local_button(self.tr("Slett"), edits)
        delete.clicked.connect(lambda: self.delete_requested.emit(self.chosen()))
        self._local_button(self.tr("Importer CSV …"), files).clicked.connect(self.import_requested)
        self._local_button(self.tr("Eksporter CSV …"), files).clicked.connect(self.export_requested)
        self.local_buttons.hide()
        layout.addWidget(self.local_buttons)

    def _combo(self, everything: str, values: tuple[str, ...], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(label(value), value)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.contacts = list(contacts)
        current = self.region.currentData()
        self.region.blockSignals(True)
        while self.region.count() > 1:
            self.region.removeItem(1)
        for region in sorted({c.region for c in contacts}):
            self.region.addItem(label(region), region)
        index = self.region.findData(current)
        self.region.setCurrentIndex(max(index, 0))
        self.region.blockSignals(False)
        self.refresh()

    def matching(self) -> list[Contact]:
        now = self.clock()
        category, audience = self.category.currentData(), self.audience.currentData()
        channel, region = self.channel.currentData(), self.region.currentData()
        found = []
        for contact in self.contacts:
            if category and contact.category != category:
                continue
            if audience and audience not in contact.audience:
                continue
            if channel and not any(c.type == channel for c in contact.channels):
                continue
            if region and contact.region != region:
                continue
            if self.open_now.isChecked() and open_status(contact, now)[0] != "open":
                continue
            found.append(contact)
        return found

    def refresh(self) -> None:
        chosen = self.chosen()
        self.list.clear()
        now = self.clock()
        found = self.matching()
        # A card is a widget: a municipality's whole list (100,000) as cards would hold the
        # window for minutes. The first SHOWN are shown; the filters and search find the rest.
        for contact in found[:SHOWN]:
            stale = contact_is_stale(contact, now.date())
            note = self.tr("Kontrollert for over ett år siden") if stale else ""
            card = ContactCard(contact, now, self.list, dense=True, note=note)
            card.set_icon(self.card_icon)
            card.open_requested.connect(self.list.open_id)
            item = self.list.add_row(contact.id, card, card.accessibleName())
            if contact.id == chosen:
                self.list.setCurrentItem(item)
        if len(found) > SHOWN:
            self.list.add_text(
                self.tr(
                    "Viser {shown} av {count} kontakter. Velg kategori eller område, eller søk, "
                    "for å finne de andre."
                ).format(shown=SHOWN, count=len(found))
            )
        if not self.list.count():
            self.list.add_text(self.tr("Ingen kontakter passer til filtrene."))

    def _local_button(self, text: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self.local_buttons)
        button.setAccessibleName(text.rstrip(" …"))
        row.addWidget(button)
        return button

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item and item.data(ID_ROLE) else None

    def shown_ids(self) -> list[str]:
        return self.list.ids()

    def card(self, contact_id: str) -> ContactCard | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == contact_id:
                widget = self.list.itemWidget(item)
                return widget if isinstance(widget, ContactCard) else None
        return None
