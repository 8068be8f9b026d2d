"""The sections of the window, always all in view: a vertical list with icon and label (Start,
Veiledning, Kontakter, Sjekklister, Bokmerker, Historikk, Alt+1 ... Alt+6), and the panel
that belongs to each, in one stack beside it (the search results are one more panel).

The section list is part of the first frame (six rows cost nothing); the panels are built
right after the window is first painted (``fill``), as creating them costs start-up time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from desktop.i18n import tr
from desktop.windows.sections import ICONS

if TYPE_CHECKING:  # the icons come after the first frame; QIcon's enums cost 1 ms
    from PySide6.QtGui import QIcon

COMPACT_BELOW = 900  # window width under which the list shows icons only


def section_names() -> tuple[str, ...]:
    return (
        tr("Start"),
        tr("Veiledning"),
        tr("Kontakter"),
        tr("Sjekklister"),
        tr("Bokmerker"),
        tr("Historikk"),
    )


class SectionList(QListWidget):
    """``chosen(section)`` when the user picks a section by mouse or arrow keys."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sections")
        self.setAccessibleName(tr("Deler av Handbok"))
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setIconSize(QSize(18, 18))
        self.setSpacing(2)
        self.compact = False
        self._names = section_names()
        for number, name in enumerate(self._names, start=1):
            item = QListWidgetItem(name)
            item.setToolTip(f"{name} (Alt+{number})")
            self.addItem(item)
        self.currentRowChanged.connect(self._row_changed)
        self._fit()

    def finish_first_frame(self) -> None:
        """What the first frame does without, as each is one of the Qt namespace's enums (40
        ms to make): never a scroll bar (the list is sized to its rows), and each row's name
        for screen readers apart from its text, which goes when the list is compact."""
        policy, role = QtCore.Qt.ScrollBarPolicy, QtCore.Qt.ItemDataRole.AccessibleTextRole
        self.setHorizontalScrollBarPolicy(policy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(policy.ScrollBarAlwaysOff)
        for row, name in enumerate(self._names):
            self.item(row).setData(role, name)

    def names(self) -> list[str]:
        return list(self._names)

    def select(self, section: int | None) -> None:
        """Show ``section`` as the current one (None: none, while search results show)
        without announcing it as the user's choice."""
        self.blockSignals(True)
        if section is None:
            self.clearSelection()
            self.setCurrentRow(-1)
        else:
            self.setCurrentRow(section)
        self.blockSignals(False)

    def set_icons(self, icon_for: Callable[[str], QIcon]) -> None:
        for row, role in enumerate(ICONS):
            self.item(row).setIcon(icon_for(role))
        self._fit()

    def set_compact(self, compact: bool) -> None:
        """Icons only (a narrow window), or icon and label; the names stay for screen
        readers and tooltips either way."""
        if compact == self.compact:
            return
        self.compact = compact  # the names for screen readers follow the first frame
        for row, name in enumerate(self.names()):
            self.item(row).setText("" if compact else name)
        self._fit()

    def _fit(self) -> None:
        # As wide as the longest label and as tall as all rows: never a scroll bar.
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 12
        self.setFixedWidth(max(width, self.iconSize().width() + 24))
        rows = sum(self.sizeHintForRow(r) + 2 * self.spacing() for r in range(self.count()))
        self.setMinimumHeight(rows + 2 * self.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.chosen.emit(row)


def fill(stack: QStackedWidget, clock: Callable[[], datetime]) -> SidePanels:
    """The panels, in ``stack`` at the index of their section; ``SEARCH`` last."""
    panels = SidePanels(stack, clock)
    placeholder = QWidget(stack)  # Start has no panel: the start page fills the window
    for widget in (
        placeholder,
        panels.guide,
        panels.contacts,
        panels.checklists,
        panels.bookmarks,
        panels.history,
        panels.results,
    ):
        stack.addWidget(widget)
    return panels


class SidePanels:
    """The panel widgets, created inside ``stack``."""

    def __init__(self, stack: QStackedWidget, clock: Callable[[], datetime]) -> None:
        from desktop.windows.contacts import ContactsPanel
        from desktop.windows.lists import BookmarksPanel, ChecklistsPanel, GuidePanel, HistoryPanel
        from desktop.windows.results import ResultsPanel

        self.results = ResultsPanel(stack, clock=clock)
        self.guide = GuidePanel(stack)
        self.contacts = ContactsPanel(stack, clock=clock)
        self.checklists = ChecklistsPanel(stack)
        self.bookmarks = BookmarksPanel(stack)
        self.history = HistoryPanel(stack)
