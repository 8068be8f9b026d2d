"""The start page: what a nurse with a patient in the room needs first. The help lines that
are open now, as contact cards; the municipality's own contacts; "Skriv til pasienten"; the
checklist runs in progress; what was read last and the bookmarks.

It shows what the window hands it (``show_now``), at the window's clock, so a test can ask
what is open at 22:30 on a Sunday without waiting for one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import grouped, tr
from desktop.windows import pagebody
from desktop.windows.contactcard import (
    OPEN,
    ContactCard,
    ScaledLabel,
    contact_status,
    main_channel,
)
from index.content.model import Contact

CARD_WIDTH = 290  # a card's width in a row of cards, at the standard text size
LINKS_SHOWN = 5
LOCAL_SHOWN = 12  # the municipality's own contacts as cards on the start page
HEADING_SCALE = 1.25


@dataclass(frozen=True)
class Link:
    """Something to go back to: a page read, a bookmark, a checklist run."""

    target: str
    title: str
    detail: str = ""
    run_id: int | None = None


LINE_CATEGORIES = ("hjelpetelefon", "organisasjon")


def open_lines(contacts: Sequence[Contact], now: datetime) -> list[Contact]:
    """The help lines, and the organisations' phones, open at ``now``, in the contact list's
    order (the emergency numbers have the red bar to themselves)."""
    return [
        c
        for c in contacts
        if c.category in LINE_CATEGORIES
        and main_channel(c) is not None
        and contact_status(c, now)[0] == OPEN
    ]


class StartPage(QScrollArea):
    open_requested = Signal(str)
    run_requested = Signal(str, int)  # checklist id, run id
    handout_requested = Signal()
    contacts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startpage")
        self.setAccessibleName(tr("Startside"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_icon: object = None
        self.handout_icon: object = None
        self.handout_button: QPushButton | None = None
        self.cards: list[ContactCard] = []
        self._grids: list[tuple[QGridLayout, list[ContactCard]]] = []
        self._columns = 0
        self.body: QWidget
        self.layout_: QVBoxLayout
        self.show_waiting()  # makes the first body

    # --- what is shown -------------------------------------------------------------------

    def show_waiting(self, sentence: str = "") -> None:
        self._clear()
        self.layout_.addWidget(self._heading(tr("Handbok")))
        self.layout_.addWidget(_text(sentence or tr("Åpner innholdet …")))
        self.layout_.addStretch(1)
        pagebody.show(self, self.body)

    def show_now(
        self,
        now: datetime,
        contacts: Sequence[Contact],
        local: Sequence[Contact] = (),
        runs: Sequence[Link] = (),
        recent: Sequence[Link] = (),
        bookmarks: Sequence[Link] = (),
        local_total: int | None = None,
        reading: bool = False,
    ) -> None:
        """``local``: the first of the municipality's own contacts (``local_total`` of them
        in all, when that is more); ``reading`` while they are still being read."""
        self._clear()
        lines = open_lines(contacts, now)
        self.layout_.addWidget(
            self._heading(tr("Åpne hjelpetelefoner nå, kl. {clock}").format(clock=f"{now:%H:%M}"))
        )
        if lines:
            self._cards(lines, now)
        else:
            self.layout_.addWidget(
                _text(tr("Ingen av hjelpetelefonene i kontaktlisten er åpne nå."))
            )
        all_contacts = QPushButton(tr("Alle kontakter (Alt+3)"), self.body)
        all_contacts.clicked.connect(self.contacts_requested)
        self.layout_.addLayout(_row(all_contacts))

        self.layout_.addWidget(self._heading(tr("Kommunens egne kontakter")))
        total = max(local_total or 0, len(local))
        if local:
            # A card is a widget: the first few here, all of them under Kontakter (a
            # municipality may import its whole list, 100,000 contacts).
            shown = list(local[:LOCAL_SHOWN])
            self._cards(shown, now)
            if total > len(shown):
                self.layout_.addWidget(
                    _text(
                        tr("… og {count} til under Kontakter (Alt+3).").format(
                            count=grouped(total - len(shown))
                        )
                    )
                )
        elif reading:
            self.layout_.addWidget(_text(tr("Henter kommunens egne kontakter …")))
        else:
            self.layout_.addWidget(
                _text(
                    tr(
                        "Kommunen har ikke lagt inn egne kontakter ennå. Under Kontakter kan "
                        "du legge inn for eksempel frivilligsentralen og legevakten."
                    )
                )
            )

        self.layout_.addWidget(self._heading(tr("Til pasienten")))
        handout = QPushButton(tr("Skriv til pasienten …"), self.body)
        handout.setObjectName("handout")
        handout.setToolTip(tr("Et ark med numrene og rådene pasienten trenger (Ctrl+Shift+P)"))
        handout.clicked.connect(self.handout_requested)
        # The one thing to do for the patient: a button that stands out, at any text size.
        handout.setStyleSheet("font-weight: 600; padding: 6px 16px;")
        if isinstance(self.handout_icon, QIcon):
            handout.setIcon(self.handout_icon)
        self.handout_button = handout
        self.layout_.addLayout(_row(handout))

        if runs:
            self.layout_.addWidget(self._heading(tr("Sjekklister i arbeid")))
            self._links(self.layout_, runs)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for title, links, empty in (
            (tr("Sist lest"), recent, tr("Det du åpner, kommer her.")),
            (tr("Bokmerker"), bookmarks, tr("Ingen bokmerker ennå (Ctrl+D).")),
        ):
            column = QVBoxLayout()
            column.addWidget(self._heading(title))
            if links:
                self._links(column, links)
            else:
                column.addWidget(_text(empty))
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.layout_.addLayout(columns)
        self.layout_.addStretch(1)
        self._arrange(force=True)
        pagebody.show(self, self.body)  # at the same place: it is refreshed every minute

    def set_icons(self, copy: object, handout: object) -> None:
        self.card_icon, self.handout_icon = copy, handout
        for card in self.cards:
            card.set_icon(copy)
        if self.handout_button is not None and isinstance(handout, QIcon):
            self.handout_button.setIcon(handout)

    def card_ids(self) -> list[str]:
        return [card.contact_id for card in self.cards]

    # --- building ------------------------------------------------------------------------

    def _clear(self) -> None:
        self.cards, self._grids = [], []
        self.handout_button = None
        # A new body each time, the old one deleted whole (pagebody: taking the rows out of
        # a layout that stays leaked layout items and left PySide wrappers behind, issue 15).
        self.body, self.layout_ = self._new_body()

    def _new_body(self) -> tuple[QWidget, QVBoxLayout]:
        body, layout = pagebody.begin(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        return body, layout

    def _heading(self, text: str) -> QLabel:
        heading = ScaledLabel(text, HEADING_SCALE, self.body, bold=True)
        heading.setContentsMargins(0, 10, 0, 2)
        heading.setWordWrap(True)
        return heading

    def _cards(self, contacts: list[Contact], now: datetime) -> None:
        grid = QGridLayout()
        grid.setSpacing(8)
        cards = []
        for contact in contacts:
            card = ContactCard(contact, now, self.body)
            card.set_icon(self.card_icon)
            card.open_requested.connect(self.open_requested)
            cards.append(card)
        self.cards += cards
        self._grids.append((grid, cards))
        self.layout_.addLayout(grid)

    def _links(self, layout: QVBoxLayout, links: Sequence[Link]) -> None:
        for link in list(links)[:LINKS_SHOWN]:
            text = link.title + (f" · {link.detail}" if link.detail else "")
            button = QPushButton(text.replace("&", "&&"), self.body)  # plain text, no mnemonic
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 2px 4px;")
            button.setAccessibleName(text)
            if link.run_id is not None:
                run = link.run_id
                button.clicked.connect(
                    lambda _c=False, t=link.target, r=run: self.run_requested.emit(t, r)
                )
            else:
                button.clicked.connect(lambda _c=False, t=link.target: self.open_requested.emit(t))
            layout.addWidget(button)

    def _arrange(self, force: bool = False) -> None:
        """As many cards a row as the width holds at the current text size."""
        scale = max(self.fontMetrics().averageCharWidth() / 7.0, 1.0)
        width = self.viewport().width() - 32
        columns = max(1, int(width // (CARD_WIDTH * scale)))
        if columns == self._columns and not force:
            return
        self._columns = columns
        for grid, cards in self._grids:
            for card in cards:
                # Frees the card's layout item: safe as no Python code ever sees a grid's
                # items (each grid was empty when it was added; pagebody, issue 15).
                grid.removeWidget(card)
            for n, card in enumerate(cards):
                grid.addWidget(card, n // columns, n % columns)
            for column in range(max(columns, grid.columnCount())):
                grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()


def _text(sentence: str) -> QLabel:
    label = QLabel(sentence)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
