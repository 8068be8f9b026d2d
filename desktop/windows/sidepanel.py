"""The side panel's tabs: search results, guidance, contacts, checklists, bookmarks, history.

Built right after the window is first painted (its widgets are not needed for the first
frame, and creating them costs start-up time)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QTabWidget

from desktop.windows.contacts import ContactsPanel
from desktop.windows.lists import BookmarksPanel, ChecklistsPanel, GuidePanel, HistoryPanel
from desktop.windows.results import ResultsPanel
from desktop.windows.sections import TAB_GUIDE


def fill(tabs: QTabWidget, clock: Callable[[], datetime]) -> SidePanels:
    panels = SidePanels(tabs, clock)
    for widget, title in (
        (panels.results, tabs.tr("Søk")),
        (panels.guide, tabs.tr("Veiledning")),
        (panels.contacts, tabs.tr("Kontakter")),
        (panels.checklists, tabs.tr("Sjekklister")),
        (panels.bookmarks, tabs.tr("Bokmerker")),
        (panels.history, tabs.tr("Historikk")),
    ):
        tabs.addTab(widget, title)
    tabs.setCurrentIndex(TAB_GUIDE)
    return panels


class SidePanels:
    """The panel widgets, created inside ``tabs``."""

    def __init__(self, tabs: QTabWidget, clock: Callable[[], datetime]) -> None:
        self.results = ResultsPanel(tabs)
        self.guide = GuidePanel(tabs)
        self.contacts = ContactsPanel(tabs, clock=clock)
        self.checklists = ChecklistsPanel(tabs)
        self.bookmarks = BookmarksPanel(tabs)
        self.history = HistoryPanel(tabs)
