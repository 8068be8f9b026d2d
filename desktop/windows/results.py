"""The search results list: grouped by kind, snippets with the matched words in bold."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.windows import theme

if TYPE_CHECKING:  # Whoosh is imported after the window is shown, never before
    from index.search.searcher import SearchHit, SearchResult

ID_ROLE = Qt.ItemDataRole.UserRole


class ResultsPanel(QWidget):
    """Shows a SearchResult. ``open_requested(id)`` on Enter or click; Escape asks for the
    search field back (``escape_pressed``)."""

    open_requested = Signal(str)
    escape_pressed = Signal()
    suggestion_picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName(self.tr("Søkestatus"))
        self.status.linkActivated.connect(self._suggestion_clicked)
        self.list = _ResultList(self)
        self.list.setAccessibleName(self.tr("Søketreff"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
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

    def show_result(self, result: SearchResult) -> None:
        self.result = result
        self.list.clear()
        lines = []
        if result.suggestion:
            lines.append(
                self.tr("Mente du: {suggestion}?").format(
                    suggestion=f'<a href="suggest">{html.escape(result.suggestion)}</a>'
                )
            )
        if not result.hits:
            lines.append(
                self.tr(
                    "Ingen treff for «{query}». Prøv et annet ord, eller sjekk stavingen."
                ).format(query=html.escape(result.text.strip()))
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
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE):
                return row
        return None

    def hit_ids(self) -> list[str]:
        return [
            str(self.list.item(r).data(ID_ROLE))
            for r in range(self.list.count())
            if self.list.item(r).data(ID_ROLE)
        ]

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
        header = QListWidgetItem(self._group_title(kind))
        theme.plain_row(header)
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        self.list.addItem(header)
        for hit in hits:
            item = QListWidgetItem()
            item.setData(ID_ROLE, hit.id)
            title = hit.title if not hit.parent_title else f"{hit.title} – {hit.parent_title}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            item.setToolTip(title)
            label = QLabel(
                f"<b>{html.escape(title)}</b><br>"
                f"<span style='color:{theme.current().details}'>{hit.snippet}</span>"
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(6, 4, 6, 4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.list.addItem(item)
            self.list.setItemWidget(item, label)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Word-wrapped rows are as tall as their text at the list's current width."""
        width = max(self.list.viewport().width() - 4, 120)
        for row in range(self.list.count()):
            item = self.list.item(row)
            label = self.list.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(ID_ROLE)
        if target:
            self.open_requested.emit(str(target))

    def _suggestion_clicked(self, _link: str) -> None:
        if self.result and self.result.suggestion:
            self.suggestion_picked.emit(self.result.suggestion)


class _ResultList(QListWidget):
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(event)
