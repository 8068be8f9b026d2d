"""The parts of the main window made just after the first frame: the section panels,
the start page, bookmarks and history, the checklist view, and then the icons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop.windows.sections import CONTACTS, START

if TYPE_CHECKING:
    from desktop.windows.mainwindow import MainWindow
    from desktop.windows.sidepanel import SidePanels


def build(window: MainWindow) -> SidePanels:
    """The panels and the start page. The app calls this just after the first frame is
    on screen; it is idempotent, so ``attach`` and the panel properties may call it too."""
    if window.panels is not None:
        return window.panels
    window.watch_application()
    window.finish_first_frame()
    from desktop.windows import sidepanel
    from desktop.windows.checklist import ChecklistView
    from desktop.windows.library import Library
    from desktop.windows.startpage import StartPage

    panels = window.panels = sidepanel.fill(window.panel_stack, window.clock)
    window.reader  # noqa: B018  (made now, with the panels)
    panels.results.open_requested.connect(window._open_from_results)
    panels.results.escape_pressed.connect(window.focus_search)
    panels.results.suggestion_picked.connect(window.search_field.setText)
    for panel in (panels.guide, panels.contacts, panels.checklists, panels.bookmarks):
        panel.open_requested.connect(window.open)
    panels.history.open_requested.connect(window.open)
    panels.contacts.print_requested.connect(window.print_contact_list)
    window.start_page = StartPage(window)
    window.start_page.open_requested.connect(window.open)
    window.start_page.run_requested.connect(window.open_run)
    window.start_page.handout_requested.connect(window.open_composer)
    window.start_page.contacts_requested.connect(lambda: window.show_section(CONTACTS))
    window.pages.addWidget(window.start_page)
    if window.userdata is not None:
        window.library = Library(
            window.userdata,
            window.dialogs,
            panels.bookmarks,
            panels.history,
            exists=lambda target: bool(window.handbook and window.handbook.store.kind_of(target)),
            report=window.show_problem,
        )
        window.checklist_view = ChecklistView(window.userdata.runs, window.dialogs, window)
        window.checklist_view.error.connect(window.show_problem)
        window.pages.addWidget(window.checklist_view)
        window.library.refresh()
        window.library.refresh_history()
    if window.section == START:
        window.pages.setCurrentWidget(window.start_page)
    QTimer.singleShot(0, window.apply_icons)  # qtawesome costs a tenth of a second
    return panels


def apply_icons(window: MainWindow) -> None:
    try:
        from desktop.windows import icons

        icons.icon("start")
    except Exception:  # a missing icon font costs the icons, never the window
        import logging

        logging.getLogger("handbok").exception("the icon font could not be loaded")
        return
    window.actions_.set_icons(icons.icon)
    window.sections.set_icons(icons.icon)
    copy = icons.icon("copy")
    panels = window.build_panels()
    panels.contacts.card_icon = panels.results.card_icon = copy
    for card in panels.contacts.findChildren(QWidget, "contactcard"):
        card.set_icon(copy)  # type: ignore[attr-defined]
    if window.start_page is not None:
        window.start_page.set_icons(copy, icons.icon("handout"))
    window._update_navigation()
