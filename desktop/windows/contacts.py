"""The contact list with filters: category, audience, channel, region and "åpen nå". Each
contact is a contact card; one click (or Enter) opens it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.render import contact_is_stale
from desktop.i18n import grouped, label
from desktop.windows.cardlist import ID_ROLE, CardList
from desktop.windows.contactcard import ContactCard
from index.content.model import AUDIENCES, CATEGORIES, CHANNEL_TYPES, Contact

if TYPE_CHECKING:
    from desktop.windows.background import Background
    from index.local.listing import ContactFilter, ContactPage

    # The layer's page: (the contacts at hand, the filters, now, how many) -> ContactPage.
    PageSource = Callable[[list[Contact], ContactFilter, datetime, int], ContactPage]

SHOWN = 100  # contact cards in the list at most (a card costs ~2 ms); a line says how many more
LIST_KEY = "contact-list"
CARDS_AT_ONCE = 8  # cards drawn in one turn of the event loop (~16 ms); the rest in the next


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
        self.source: PageSource | None = None
        self.background: Background | None = None
        self.page: ContactPage | None = None  # what the list shows
        self.pending = False  # a page asked for, or being drawn, and not all there yet
        self._rest: list[Contact] = []  # the page's contacts still to be drawn
        self._at_once = CARDS_AT_ONCE
        self._keep: str | None = None  # the chosen contact, kept chosen when it is redrawn
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.timeout.connect(self._fill_more)
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

    def set_contacts(
        self,
        contacts: list[Contact],
        source: PageSource | None = None,
        background: Background | None = None,
    ) -> None:
        """The contacts at hand (the content's own, tens), and where the rest come from:
        the local layer's pages (the staff's own contacts, any number of them), asked for on
        ``background``'s thread. Without a source the list is the contacts at hand."""
        self.contacts = list(contacts)
        if background is not None and background is not self.background:
            background.answered.connect(self._answered)
            background.failed.connect(self._failed)
        self.source, self.background = source, background
        self.refresh()

    def chosen_filter(self) -> ContactFilter:
        from index.local.listing import ContactFilter

        return ContactFilter(
            category=self.category.currentData(),
            audience=self.audience.currentData(),
            channel=self.channel.currentData(),
            region=self.region.currentData(),
            open_now=self.open_now.isChecked(),
        )

    def refresh(self) -> None:
        """Show the contacts that pass the filters: at once for the contacts at hand, from
        the background thread when there is a layer (``pending`` until it answers)."""
        from index.local.listing import page

        now, chosen = self.clock(), self.chosen_filter()
        if self.source is None or self.background is None:
            self._show(page(self.contacts, None, chosen, now, SHOWN), at_once=SHOWN)
            return
        source, national = self.source, list(self.contacts)
        self.pending = True
        self._fill_timer.stop()
        if self.page is None:
            self.list.clear()
            self.list.add_text(self.tr("Henter kontaktene …"))
        self.background.ask(LIST_KEY, lambda: source(national, chosen, now, SHOWN))

    def _answered(self, key: str, result: object) -> None:
        if key == LIST_KEY:
            self._show(cast("ContactPage", result))

    def _failed(self, key: str) -> None:
        if key == LIST_KEY:
            self.pending = False
            self._fill_timer.stop()
            self.list.clear()
            self.list.add_text(self.tr("Kontaktlisten kunne ikke leses. Søk finner dem likevel."))

    def _show(self, found: ContactPage, at_once: int = CARDS_AT_ONCE) -> None:
        """The page as cards: ``at_once`` in this turn of the event loop, the rest in the
        turns after it (a card costs about 2 ms: 100 at once held the window 0.2 s)."""
        self.page = found
        self.pending = True
        self._set_regions(found.regions)
        self._keep = self.chosen()
        self.list.clear()
        self._rest = list(found.contacts)
        self._at_once = at_once
        self._fill_more()

    def _fill_more(self) -> None:
        now = self.clock()
        made, self._rest = self._rest[: self._at_once], self._rest[self._at_once :]
        for contact in made:
            stale = contact_is_stale(contact, now.date())
            note = self.tr("Kontrollert for over ett år siden") if stale else ""
            card = ContactCard(contact, now, self.list, dense=True, note=note)
            card.set_icon(self.card_icon)
            card.open_requested.connect(self.list.open_id)
            item = self.list.add_row(contact.id, card, card.accessibleName())
            if contact.id == self._keep:
                self.list.setCurrentItem(item)
        if self._rest:
            self._fill_timer.start()
            return
        found = self.page
        assert found is not None
        # A card is a widget: a municipality's whole list (100,000) as cards would hold the
        # window for minutes. The first SHOWN are shown; the filters and search find the rest.
        if found.total > len(found.contacts):
            self.list.add_text(
                self.tr(
                    "Viser {shown} av {count} kontakter – velg kategori eller område, eller "
                    "søk, for å finne flere."
                ).format(shown=len(found.contacts), count=grouped(found.total))
            )
        if not self.list.count():
            self.list.add_text(self.tr("Ingen kontakter passer til filtrene."))
        self.pending = False

    def _set_regions(self, regions: Sequence[str]) -> None:
        """The region filter's choices, the chosen one kept."""
        have = [self.region.itemData(i) for i in range(1, self.region.count())]
        if have == list(regions):
            return
        current = self.region.currentData()
        self.region.blockSignals(True)
        while self.region.count() > 1:
            self.region.removeItem(1)
        for region in regions:
            self.region.addItem(label(region), region)
        self.region.setCurrentIndex(max(self.region.findData(current), 0))
        self.region.blockSignals(False)

    def shown_contacts(self) -> list[Contact]:
        """What the list shows now (the contact list printed is this)."""
        return list(self.page.contacts) if self.page is not None else []

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
