"""The search results list: grouped by kind; a contact as its contact card (number, open now),
the rest as a title with a snippet, the matched words in bold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.safetext import RichLabel, escaped, only_bold, tooltip
from desktop.windows import theme
from desktop.windows.cardlist import CardList
from desktop.windows.contactcard import ContactCard, draw_chosen_frame
from index.content.model import Contact

if TYPE_CHECKING:  # Whoosh is imported after the window is shown, never before
    from index.search.searcher import SearchHit, SearchResult


class ResultsPanel(QWidget):
    """Shows a SearchResult. ``open_requested(id)`` on Enter or click; Escape asks for the
    search field back (``escape_pressed``)."""

    open_requested = Signal(str)
    escape_pressed = Signal()
    suggestion_picked = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        # The window hands over how to find a hit's contact once the content is open.
        self.contact_for: Callable[[str], Contact | None] = lambda _id: None
        self.card_icon: object = None
        self.status = RichLabel(parent=self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Søkestatus"))
        self.status.linkActivated.connect(self._suggestion_clicked)
        self.list = CardList(self)
        self.list.setAccessibleName(self.tr("Søketreff"))
        self.list.open_requested.connect(self.open_requested)
        self.list.escape_pressed.connect(self.escape_pressed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self.result: SearchResult | None = None
        self.show_hint()

    def show_hint(self) -> None:
        self.result = None
        self.list.clear()
        self.status.setText(
            self.tr("Skriv hva du leter etter: et tema, en organisasjon, et telefonnummer.")
        )
        self.status.show()

    def show_result(self, result: SearchResult) -> None:
        self.result = result
        self.list.clear()
        lines = []
        if result.suggestion:
            lines.append(
                self.tr("Mente du: {suggestion}?").format(
                    suggestion=f'<a href="suggest">{escaped(result.suggestion)}</a>'
                )
            )
        if not result.hits:
            lines.append(
                self.tr(
                    "Ingen treff for «{query}». Prøv et annet ord, eller sjekk stavingen."
                ).format(query=escaped(result.text.strip()))
            )
        elif result.fuzzy:
            lines.append(self.tr("Ingen eksakte treff. Viser treff med lignende ord."))
        elif result.relaxed:
            lines.append(self.tr("Ingen treff med alle ordene. Viser treff med noen av dem."))
        self.status.setText("<br>".join(lines))
        self.status.setVisible(bool(lines))
        # Grouped by kind, the group holding the best hit first, so Enter opens the best hit.
        kinds = list(dict.fromkeys(h.kind for h in result.hits))
        for kind in kinds:
            self._add_group(kind, [h for h in result.hits if h.kind == kind])
        first = self.first_hit_row()
        if first is not None:
            self.list.setCurrentRow(first)

    def first_hit_row(self) -> int | None:
        return self.list.first_row()

    def hit_ids(self) -> list[str]:
        return self.list.ids()

    def focus_results(self) -> None:
        self.list.setFocus()
        if self.list.currentRow() < 0 and (first := self.first_hit_row()) is not None:
            self.list.setCurrentRow(first)

    def _group_title(self, kind: str) -> str:
        return {
            "contact": self.tr("Kontakter"),
            "article": self.tr("Veiledning"),
            "checklist": self.tr("Sjekklister"),
        }[kind]

    def _add_group(self, kind: str, hits: list[SearchHit]) -> None:
        self.list.add_text(self._group_title(kind), bold=True)
        now = self.clock()
        for hit in hits:
            contact = self.contact_for(hit.id) if kind == "contact" else None
            if contact is not None:
                # The hit carries its main number; the contact says until when it is open.
                card = ContactCard(contact, now, self.list, dense=True, number=hit.phone or None)
                card.set_icon(self.card_icon)
                card.open_requested.connect(self.list.open_id)
                self.list.add_row(hit.id, card, card.accessibleName())
                continue
            title = hit.title if not hit.parent_title else f"{hit.title} – {hit.parent_title}"
            label = HitLabel(title, hit.snippet)
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            item = self.list.add_row(hit.id, label, title)
            item.setToolTip(tooltip(title))

    def _suggestion_clicked(self, _link: str) -> None:
        if self.result and self.result.suggestion:
            self.suggestion_picked.emit(self.result.suggestion)


class HitLabel(RichLabel):
    """A guidance or checklist hit: its title, and its snippet in the details colour. Like a
    contact card it keeps the base background its colours are measured on (grey on the
    list's blue highlight did not read) and shows the current row as a frame."""

    def __init__(self, title: str, snippet: str) -> None:
        # The snippet is the search's own HTML: escaped text with <b> around matches, and
        # only_bold makes sure of it.
        super().__init__(
            f"<b>{escaped(title)}</b><br>"
            f"<span style='color:{theme.current().details}'>{only_bold(snippet)}</span>"
        )
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.chosen = False

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.chosen:
            draw_chosen_frame(self)
