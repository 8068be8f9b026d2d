"""The main window: search field and actions on top, the red bar, the section list on the
left (Start, Veiledning, Kontakter, Sjekklister, Bokmerker, Historikk), the section's panel,
and the page: the start page, the reading pane or a checklist.

Start-up order matters (docs/architecture.md: the first window within 1.5x of a bare one).
The constructor builds only what the first frame shows; the panels and the start page
follow right after the first paint (``build_panels``), the icons after that, and ``attach``
hands over the opened content once the loader thread has imported Whoosh and opened it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translate
from desktop.safetext import PlainLabel
from desktop.windows import (
    a11y,
    contentview,
    mainpanels,
    regions,
    screenfit,
    theme,
    windowstate,
)
from desktop.windows.emergency import EmergencyStrip
from desktop.windows.navigation import Navigator
from desktop.windows.sections import CHECKLISTS, CONTACTS, GUIDE, SEARCH, START
from desktop.windows.sidepanel import COMPACT_BELOW, SectionList
from desktop.windows.textsize import TextSize
from desktop.windows.toolbar import WindowActions
from index.errors import HandbokError

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from desktop.windows.background import Background
    from desktop.windows.checklist import ChecklistView
    from desktop.windows.composer import Composer
    from desktop.windows.contentview import LocalPreview
    from desktop.windows.dialogs import DialogService
    from desktop.windows.helpdialog import HelpDialog
    from desktop.windows.library import Library
    from desktop.windows.localcontacts import LocalContactActions
    from desktop.windows.reader import ReaderView
    from desktop.windows.searching import SearchController
    from desktop.windows.sidepanel import SidePanels
    from desktop.windows.startpage import StartPage
    from index.handbook import Handbook
    from index.search.searcher import SearchResult
    from index.userdata.store import UserData

APP_TITLE = "Handbok"
SECTION_OF_KIND = {"article": GUIDE, "contact": CONTACTS, "checklist": CHECKLISTS}
PANEL_WIDTH = 340
PANEL_FLOOR = 240  # the side panel's least width, whatever it shows (_fit_panel raises it)


class MainWindow(QMainWindow):
    def __init__(
        self,
        userdata: UserData | None,
        dialogs: DialogService | None = None,
        clock: Callable[[], datetime] = datetime.now,
        remembered: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.userdata = userdata
        # Without ``userdata`` yet (at start it is opened after the first frame): what the
        # window remembers of its size, place and text size (index/userdata/remembered.py).
        self.remembered = dict(remembered or {})
        self._dialogs = dialogs
        self.clock = clock
        self.handbook: Handbook | None = None
        self.search_controller: SearchController | None = None
        self.panels: SidePanels | None = None
        self.start_page: StartPage | None = None
        self.library: Library | None = None
        self.checklist_view: ChecklistView | None = None
        self.local_contacts: LocalContactActions | None = None
        self.composer: Composer | None = None
        self.help_dialog: HelpDialog | None = None
        # The staff's own contacts, read off this thread (contentview.py): the thread, what
        # the start page shows of them, and whether they changed since it was read.
        self.background: Background | None = None
        self.local_preview: LocalPreview | None = None
        self.local_changed = False
        self.navigator = Navigator()
        self.current: str | None = None  # the id of what the reading pane shows
        self.current_title = ""
        self.last_terms: tuple[str, ...] = ()
        self.section = START
        self.setWindowTitle(APP_TITLE)
        self.setObjectName("main")
        self.text_size = TextSize(self)
        self._build()
        self._restore_settings()
        self._watching = False  # the application's events: ``watch_application``

    @property
    def dialogs(self) -> DialogService:
        if self._dialogs is None:
            from desktop.windows.dialogs import DialogService

            self._dialogs = DialogService(self)
        return self._dialogs

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(
            self.tr("Søk i veiledning, kontakter og sjekklister (Ctrl+K)")
        )
        self.search_field.setAccessibleName(self.tr("Søk"))
        self.search_field.setMinimumWidth(160)
        self.search_field.textChanged.connect(self._query_changed)
        self.search_field.returnPressed.connect(self._open_first_result)
        self.actions_ = WindowActions(self, self.search_field)
        self.back_action, self.forward_action = self.actions_.back, self.actions_.forward
        self.bookmark_action = self.actions_.bookmark
        self.print_action, self.handout_action = self.actions_.print, self.actions_.handout
        self.toolbar = self.actions_.toolbar
        self.addToolBar(self.toolbar)

        self.emergency = EmergencyStrip(self)
        self.emergency.open_requested.connect(self._open_from_bar)
        self.sections = SectionList(self)
        self.sections.chosen.connect(self.show_section)
        self.panel_stack = QStackedWidget(self)
        self.panel_stack.setAccessibleName(self.tr("Sidepanel"))
        self.panel_stack.setMinimumWidth(PANEL_FLOOR)
        # The first frame shows a sentence where the page will be; the reading pane (its
        # first QTextBrowser costs 15 ms) follows with the panels (``reader``).
        self._reader: ReaderView | None = None
        self.pages = QStackedWidget(self)
        # Centred by stretches, not an alignment flag: nothing in the first frame names one of
        # the Qt namespace's enums, which cost 40 ms to make (PlainLabel says more).
        opening = QWidget(self.pages)
        self.opening_label = PlainLabel(self.tr("Åpner innholdet …"), opening)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.opening_label)
        row.addStretch(1)
        column = QVBoxLayout(opening)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.pages.addWidget(opening)

        # Horizontal, and by keyword: a positional parent is weighed against the overload that
        # takes an orientation first, which makes the Qt namespace's enums (40 ms).
        self.splitter = QSplitter(parent=self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.panel_stack)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([PANEL_WIDTH, 800])
        self.splitter.setChildrenCollapsible(False)
        self.panel_width = PANEL_WIDTH  # remembered as a number: the panel hides on Start
        self.splitter.splitterMoved.connect(self._panel_moved)
        a11y.name_splitter(
            self.splitter,
            self.tr("Sidepanel og lesefelt"),
            self.tr("Skillelinje mellom sidepanel og lesefelt"),
        )

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.emergency)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sections)
        body.addWidget(self.splitter, 1)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.status_label = a11y.SpokenLabel(self)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.statusBar().addWidget(self.status_label, 1)
        # "Åpen nå" follows the clock: the start page, when it shows, every minute.
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self._clock_ticked)
        self._minute.start()
        self.status_label.setText(self.tr("Åpner innholdet …"))
        self.sections.select(START)
        self.panel_stack.hide()
        self._update_navigation()

    def finish_first_frame(self) -> None:
        """What the first frame does without: the search field's clear button (it appears
        once something is typed; its icon costs 6 ms to load), and what names one of the Qt
        namespace's enums (40 ms to make): the red bar's one Tab stop, the section list's
        scroll bar policy and names, and the platform's word on high contrast. Idempotent:
        the panels call it too, for a window made without ``desktop.app``."""
        self.emergency.finish_first_frame()
        self.sections.finish_first_frame()
        theme.theme().refresh()  # the platform's own word on high contrast (theme.py)
        if not self.search_field.isClearButtonEnabled():
            self.search_field.setClearButtonEnabled(True)
            a11y.name_clear_button(self.search_field, self.tr("Tøm søkefeltet"))

    def set_userdata(self, userdata: UserData | None) -> None:
        """The user's data, opened after the first frame; before the panels are built (their
        bookmarks, history and checklist runs come from it)."""
        assert self.panels is None, "the panels read the user's data as they are built"
        self.userdata = userdata
        self._update_navigation()

    def watch_application(self) -> None:
        """Every dialog clamped to its screen as it is shown, and the mouse's side buttons,
        through a filter on the application's events. Installed with the panels, after the
        first frame: a Python filter there sees every event of every object, and the first
        event of an object of a class PySide6 has not made yet (the window's private
        QWidgetWindow) makes it create all its classes at once (25 ms)."""
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self.search_field.installEventFilter(self)  # Down and Escape (no keys before)
            self._watching = True

    def build_panels(self) -> SidePanels:
        """The panels and the start page. The app calls this just after the first frame is
        on screen; it is idempotent, so ``attach`` and the panel properties may call it too."""
        return mainpanels.build(self)

    def apply_icons(self) -> None:
        mainpanels.apply_icons(self)

    @property
    def reader(self) -> ReaderView:
        """The reading pane, made the first time it is needed (just after the first frame)."""
        if self._reader is None:
            from desktop.windows.reader import ReaderView

            reader = self._reader = ReaderView(self)
            reader.link_clicked.connect(self._link_clicked)
            self.pages.insertWidget(1, reader)
            reader.show_html(self._choose_html())
        return self._reader

    # Panels by name, for the window's own code and for tests.
    @property
    def results(self) -> Any:
        return self.build_panels().results

    @property
    def contacts(self) -> Any:
        return self.build_panels().contacts

    @property
    def bookmarks(self) -> Any:
        return self.build_panels().bookmarks

    @property
    def history(self) -> Any:
        return self.build_panels().history

    # --- sections ------------------------------------------------------------------------

    def show_section(self, section: int, focus_panel: bool = False) -> None:
        """One of the six sections, or SEARCH for the search results. ``focus_panel``: put
        the keyboard in the section's list (Alt+1 ... Alt+6); arrow keys in the section list
        leave it there, so the next arrow goes on to the next section."""
        panels = self.build_panels()
        self.clear_status()
        self.section = section
        self.sections.select(section if section != SEARCH else None)
        if section == START:
            self.panel_stack.hide()
            self.refresh_start_page()
            assert self.start_page is not None
            self.pages.setCurrentWidget(self.start_page)
            if focus_panel:
                self.focus_region(self.start_page)
            return
        self.panel_stack.setCurrentIndex(section)
        if self.panel_stack.isHidden():
            self.panel_stack.show()
            rest = max(self.splitter.width() - self.panel_width, 200)
            self.splitter.setSizes([self.panel_width, rest])
        if self.pages.currentWidget() is self.start_page:
            self.pages.setCurrentWidget(self.reader)
            if self.current is None:
                self.reader.show_html(self._choose_html())
        if section == SEARCH:
            return
        if section == CONTACTS:
            panels.contacts.refresh()  # "åpen nå" follows the clock
        elif self.library is not None:
            self.library.refresh()
            self.library.refresh_history()
        if focus_panel:
            widget = self.panel_stack.currentWidget()
            focus = getattr(widget, "list", None)
            if isinstance(focus, QWidget):
                focus.setFocus()
            elif widget is not None:
                widget.setFocus()

    def _clock_ticked(self) -> None:
        focus = QApplication.focusWidget()
        page = self.start_page
        # Not while the keyboard is on the page: rebuilding it would take the focus away.
        held = focus is not None and page is not None and page.isAncestorOf(focus)
        if self.section == START and page is not None and not held:
            self.refresh_start_page()

    def refresh_start_page(self) -> None:
        contentview.refresh_start_page(self)

    # --- content arrives ------------------------------------------------------------------

    def attach(self, handbook: Handbook, controller: SearchController) -> None:
        contentview.attach(self, handbook, controller)

    def _contact_or_none(self, ident: str) -> Any:
        try:
            return self.handbook.store.contact(ident) if self.handbook else None
        except HandbokError:
            return None

    def update_content(self) -> None:
        from desktop.windows.contentupdate import update_from_file

        update_from_file(self.dialogs)

    def about_content(self) -> None:
        from desktop.windows.contentupdate import about_content

        about_content(self.dialogs)

    def _choose_html(self) -> str:
        return (
            "<h1>Handbok</h1><p>"
            + self.tr(
                "Velg fra listen til venstre, eller skriv i søkefeltet øverst (Ctrl+K). "
                "Startsiden (Alt+1) viser hjelpetelefonene som er åpne nå."
            )
            + "</p>"
        )

    def show_content_failure(self, sentence: str) -> None:
        """The content could not be opened: say so where the text would be, keep running."""
        contentview.show_content_failure(self, sentence)

    # --- searching -----------------------------------------------------------------------

    def _query_changed(self, text: str) -> None:
        if not text.strip():
            self.results.show_hint()
            if self.section == SEARCH:
                self.show_section(self._after_search())
            return
        if self.section != SEARCH:
            self._before_search = (self.section, self.current)
            self.show_section(SEARCH)
        if self.search_controller is not None:
            self.search_controller.search(text)

    _before_search: tuple[int, str | None] = (START, None)

    def _after_search(self) -> int:
        """Where an emptied search field goes back to: where the user was, or, when a hit
        was opened, the section of what is open now (its list beside it)."""
        section, opened = self._before_search
        if self.current is not None and self.current != opened and self.handbook is not None:
            return SECTION_OF_KIND.get(self.handbook.store.kind_of(self.current) or "", GUIDE)
        return section

    def show_results(self, result: SearchResult) -> None:
        if result.text != self.search_field.text():
            return  # typed on since: a newer result is on its way
        self.last_terms = result.terms
        self.results.show_result(result)

    def _open_first_result(self) -> None:
        ids = self.results.hit_ids()
        if ids:
            self._open_from_results(ids[0])

    def _open_from_results(self, target: str) -> None:
        self.open(target, terms=self.last_terms)

    def _open_from_bar(self, target: str) -> None:
        """A number on the red bar: its contact, with the focus on it (its "Kopier" is the
        next Tab), when the number was chosen from the keyboard."""
        focus = QApplication.focusWidget()
        keyboard = focus is not None and self.emergency.isAncestorOf(focus)
        if self.open(target) and keyboard:
            self.focus_region(self.pages.currentWidget())

    # --- moving between the window's areas (F6, Shift+F6) ---------------------------------

    def regions(self) -> list[QWidget]:
        """The window's areas in reading order: toolbar, red bar, sections, side panel,
        content."""
        return regions.regions(self)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab follows reading order, area by area, however late a panel's widgets were
        made (Qt's own order is the order widgets were created in)."""
        return regions.tab(self, next) or super().focusNextPrevChild(next)

    def next_region(self, step: int) -> None:
        regions.next_region(self, step)

    def focus_region(self, region: QWidget | None) -> bool:
        return regions.focus_region(region)

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    # --- opening things ------------------------------------------------------------------

    def open(self, target: str, terms: tuple[str, ...] = (), record: bool = True) -> bool:
        """Show an article, section, contact, checklist or checklist item by its id."""
        if self.handbook is None:
            return False
        kind = self.handbook.store.kind_of(target)
        if kind is None:
            self.show_problem(self.tr("Fant ikke «{id}» i innholdet.").format(id=target))
            return False
        self.clear_status()
        if self.section == START:  # from the start page, to the list the item belongs to
            self.show_section(SECTION_OF_KIND.get(kind, GUIDE))
        try:
            from desktop.windows import opening

            title = opening.show(self, target, kind, terms)
        except HandbokError as error:
            self.show_problem(error.message(translate))
            return False
        self.current, self.current_title = target, title
        # Qt adds the program's name itself ("Frisklivssentral — Handbok").
        self.setWindowTitle(title)
        if record:
            self.navigator.visit(target)
            if self.library is not None:
                self.library.record(target, kind, title)
        self._update_navigation()
        return True

    def open_run(self, checklist_id: str, run_id: int) -> None:
        """A checklist run in progress, from the start page."""
        if self.open(checklist_id) and self.checklist_view is not None and self.handbook:
            self.checklist_view.show_checklist(self.handbook.store.checklist(checklist_id), run_id)

    def _link_clicked(self, url: QUrl) -> None:
        from desktop.windows import opening  # links, printing, help: after the first frame

        opening.follow_link(self, url)

    def go_back(self) -> None:
        target = self.navigator.back()
        if target:
            self.open(target, record=False)

    def go_forward(self) -> None:
        target = self.navigator.forward()
        if target:
            self.open(target, record=False)

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self.navigator.can_go_back())
        self.forward_action.setEnabled(self.navigator.can_go_forward())
        marked = bool(self.library and self.current and self.library.is_bookmarked(self.current))
        self.actions_.show_bookmarked(marked)
        self.bookmark_action.setEnabled(self.current is not None and self.userdata is not None)

    def toggle_bookmark(self) -> None:
        if self.library is None or self.current is None or self.handbook is None:
            return
        kind = self.handbook.store.kind_of(self.current) or "article"
        self.library.toggle(self.current, kind, self.current_title)
        self._update_navigation()

    # --- printing, the handout, help -----------------------------------------------------

    def print_current(self) -> None:
        """Ctrl+P: what the reading pane shows, in a clean print layout."""
        from desktop.windows import opening

        opening.print_current(self)

    def print_contact_list(self) -> None:
        from desktop.windows import opening

        opening.print_contact_list(self)

    def open_composer(self) -> None:
        from desktop.windows import opening

        opening.open_composer(self)

    def show_help(self, about: bool = False) -> None:
        """F1: the shortcuts; "Om Handbok" with the version and the licences."""
        from desktop.windows import opening

        opening.show_help(self, about)

    # --- small helpers -------------------------------------------------------------------

    def find_in_page(self) -> None:
        if self.pages.currentWidget() is self.reader:
            self.reader.open_find()

    def find_next(self) -> None:
        if self.reader.find_field.text():
            self.reader.find_next()
        else:
            self.find_in_page()

    def show_problem(self, sentence: str) -> None:
        """A sentence that stays until the user moves on (opens something, changes section,
        searches)."""
        self.status_label.setText(sentence)

    def clear_status(self) -> None:
        self.status_label.clear()

    def _restore_settings(self) -> None:
        windowstate.restore(self)

    def _panel_moved(self, _position: int, _index: int) -> None:
        if self.panel_stack.isVisible():
            self.panel_width = self.splitter.sizes()[0]

    def save_settings(self) -> None:
        windowstate.save(self)

    # --- events --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is not self and isinstance(watched, QWidget):
            if watched.isWindow() and watched.windowType() in (
                QtCore.Qt.WindowType.Dialog,
                QtCore.Qt.WindowType.Window,
            ):
                screenfit.clamp(watched)  # every dialog inside the screen it opens on
        elif kind == QEvent.Type.MouseButtonPress and self.isActiveWindow():
            button = getattr(event, "button", lambda: None)()
            if button == QtCore.Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == QtCore.Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        elif kind == QEvent.Type.LayoutRequest and watched is self.panel_stack:
            self._fit_panel()
        elif watched is self.search_field and kind == QEvent.Type.KeyPress:
            key = getattr(event, "key", lambda: None)()
            if key == QtCore.Qt.Key.Key_Down:
                self.show_section(SEARCH)
                self.results.focus_results()
                return True
            if key == QtCore.Qt.Key.Key_Escape:
                self.search_field.clear()
                return True
        return super().eventFilter(watched, event)

    def _fit_panel(self) -> None:
        """The side panel at least as wide as its widest panel needs. Its floor is an explicit
        minimum, and an explicit minimum hides the panels' own: at a larger text size the
        contact list's buttons ("Ny lokal kontakt …") and filters were cut off. So the floor
        follows what the panels need, and the splitter widens the panel to it."""
        layout = self.panel_stack.layout()
        need = max(PANEL_FLOOR, layout.minimumSize().width() if layout is not None else 0)
        if self.panel_stack.minimumWidth() != need:
            self.panel_stack.setMinimumWidth(need)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.sections.set_compact(self.width() < COMPACT_BELOW)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        if self.search_controller is not None:
            self.search_controller.stop()
        if self.background is not None:
            self.background.stop()
        self._minute.stop()  # nothing to keep up once closed (its content may be closed too)
        if self.text_size.steps:  # the next window (a test's) starts from the system's size
            self.text_size.blockSignals(True)  # ... and the user's choice stays saved
            self.text_size.set(0)
        super().closeEvent(event)
