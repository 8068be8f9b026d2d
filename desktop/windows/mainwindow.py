"""The main window: search field on top, side panel, reading pane, emergency strip.

Start-up order matters (docs/architecture.md: the first window within 1.5x of a bare one).
The constructor builds only what the first frame shows; the side panels follow right after the
first paint (``build_panels``), and ``attach`` hands over the opened content once the loader
thread has imported Whoosh and opened the index.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents import render
from desktop.i18n import translate
from desktop.windows import a11y
from desktop.windows.emergency import EmergencyStrip
from desktop.windows.navigation import Navigator
from desktop.windows.reader import ReaderView
from desktop.windows.sections import (
    TAB_BOOKMARKS,
    TAB_SEARCH,
)
from index.errors import HandbokError

if TYPE_CHECKING:
    from desktop.windows.checklist import ChecklistView
    from desktop.windows.dialogs import DialogService
    from desktop.windows.library import Library
    from desktop.windows.searching import SearchController
    from desktop.windows.sidepanel import SidePanels
    from index.handbook import Handbook
    from index.search.searcher import SearchResult
    from index.userdata.store import UserData

APP_TITLE = "Handbok"


class MainWindow(QMainWindow):
    def __init__(
        self,
        userdata: UserData | None,
        dialogs: DialogService | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__()
        self.userdata = userdata
        self._dialogs = dialogs
        self.clock = clock
        self.handbook: Handbook | None = None
        self.search_controller: SearchController | None = None
        self.panels: SidePanels | None = None
        self.library: Library | None = None
        self.checklist_view: ChecklistView | None = None
        self.navigator = Navigator()
        self.current: str | None = None  # the id of what the reading pane shows
        self.current_title = ""
        self.last_terms: tuple[str, ...] = ()
        self.setWindowTitle(APP_TITLE)
        self.setObjectName("main")
        self._build()
        self._restore_settings()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

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
        self.search_field.setClearButtonEnabled(True)
        a11y.name_clear_button(self.search_field, self.tr("Tøm søkefeltet"))
        self.search_field.textChanged.connect(self._query_changed)
        self.search_field.returnPressed.connect(self._open_first_result)
        self.search_field.installEventFilter(self)

        self.back_action = self._action(self.tr("Tilbake"), "Alt+Left", self.go_back)
        self.forward_action = self._action(self.tr("Fram"), "Alt+Right", self.go_forward)
        self.bookmark_action = self._action(self.tr("☆ Bokmerke"), "Ctrl+D", self.toggle_bookmark)
        self.bookmark_action.setToolTip(self.tr("Legg til eller fjern bokmerke (Ctrl+D)"))
        self.print_action = self._action(self.tr("Skriv ut"), "Ctrl+P", self.print_current)
        self.handout_action = self._action(
            self.tr("Skriv til pasienten …"), "Ctrl+Shift+P", self.open_composer
        )
        for name, keys, slot in (
            (self.tr("Søk"), ("Ctrl+K", "Ctrl+L"), self.focus_search),
            (self.tr("Finn på siden"), ("Ctrl+F",), self._find),
            (self.tr("Finn neste"), ("F3",), self._find_next),
            (self.tr("Større tekst"), ("Ctrl++", "Ctrl+="), self._zoom_in),
            (self.tr("Mindre tekst"), ("Ctrl+-",), self._zoom_out),
            (self.tr("Vanlig tekststørrelse"), ("Ctrl+0",), self._zoom_reset),
            (self.tr("Neste område"), ("F6",), lambda: self.next_region(+1)),
            (self.tr("Forrige område"), ("Shift+F6",), lambda: self.next_region(-1)),
        ):
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)

        toolbar = self.toolbar = QToolBar(self.tr("Verktøylinje"), self)
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addWidget(self.search_field)
        toolbar.addAction(self.bookmark_action)
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.handout_action)
        self.update_action = QAction(self.tr("Oppdater innhold fra fil …"), self)
        self.update_action.triggered.connect(self.update_content)
        self.about_action = QAction(self.tr("Om innholdet …"), self)
        self.about_action.triggered.connect(self.about_content)
        more = self.more_button = QToolButton(toolbar)
        more.setText(self.tr("Mer"))
        more.setAccessibleName(self.tr("Flere valg"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        menu.addAction(self.update_action)
        menu.addAction(self.about_action)
        more.setMenu(menu)
        toolbar.addWidget(more)
        self.addToolBar(toolbar)

        self.emergency = EmergencyStrip(self)
        self.emergency.open_requested.connect(self._open_from_bar)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Sidepanel"))
        self.tabs.tabBar().setExpanding(False)
        self.tabs.setMinimumWidth(300)
        self.reader = ReaderView(self)
        self.reader.link_clicked.connect(self._link_clicked)
        self.reader.zoom_changed.connect(lambda z: self._save_setting("reader.zoom", str(z)))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.reader)

        self.splitter = QSplitter(self)  # horizontal; touching Qt's enums here costs 20 ms
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([450, 750])
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
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status_label = a11y.SpokenLabel(self)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.statusBar().addWidget(self.status_label, 1)
        self.status_label.setText(self.tr("Åpner innholdet …"))
        self.reader.show_html("<h1>Handbok</h1><p>" + self.tr("Åpner innholdet …") + "</p>")
        self._update_navigation()

    def build_panels(self) -> SidePanels:
        """The side panel's widgets. The app calls this just after the first frame is on
        screen; it is idempotent, so ``attach`` and the panel properties may call it too."""
        if self.panels is not None:
            return self.panels
        from desktop.windows import sidepanel
        from desktop.windows.checklist import ChecklistView
        from desktop.windows.library import Library

        panels = self.panels = sidepanel.fill(self.tabs, self.clock)
        panels.results.open_requested.connect(self._open_from_results)
        panels.results.escape_pressed.connect(self.focus_search)
        panels.results.suggestion_picked.connect(self.search_field.setText)
        for panel in (panels.guide, panels.contacts, panels.checklists, panels.bookmarks):
            panel.open_requested.connect(self.open)
        panels.history.open_requested.connect(self.open)
        panels.contacts.print_requested.connect(self.print_contact_list)
        self.tabs.currentChanged.connect(self._tab_changed)
        if self.userdata is not None:
            self.library = Library(
                self.userdata,
                self.dialogs,
                panels.bookmarks,
                panels.history,
                exists=lambda target: bool(self.handbook and self.handbook.store.kind_of(target)),
                report=self.show_problem,
            )
            self.checklist_view = ChecklistView(self.userdata.runs, self.dialogs, self)
            self.checklist_view.error.connect(self.show_problem)
            self.pages.addWidget(self.checklist_view)
            self.library.refresh()
            self.library.refresh_history()
        return panels

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

    def _action(self, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({native})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- content arrives ------------------------------------------------------------------

    def attach(self, handbook: Handbook, controller: SearchController) -> None:
        panels = self.build_panels()
        self.handbook = handbook
        self.search_controller = controller
        controller.results_ready.connect(self.show_results)
        controller.failed.connect(lambda error: self.show_problem(_sentence(error)))
        contacts = handbook.store.contacts()
        self.emergency.set_contacts(contacts)
        panels.guide.set_articles(handbook.store.articles())
        panels.contacts.set_contacts(contacts)
        panels.checklists.set_checklists(handbook.store.checklists())
        if self.library is not None:
            self.library.refresh()
        if handbook.layer is not None and handbook.layer.local is not None:
            self._attach_local(handbook.layer)
        self.status_label.setText("")
        self.reader.show_html(self._welcome_html())
        if self.search_field.text().strip():
            self._query_changed(self.search_field.text())

    def _attach_local(self, layer: Any) -> None:
        from desktop.windows.localcontacts import LocalContactActions

        panel = self.contacts
        self.local_contacts = LocalContactActions(
            layer, self.dialogs, changed=self._local_changed, report=self.show_problem
        )
        panel.local_buttons.show()
        panel.new_requested.connect(self.local_contacts.new)
        panel.edit_requested.connect(self.local_contacts.edit)
        panel.delete_requested.connect(self.local_contacts.delete)
        panel.import_requested.connect(self.local_contacts.import_csv)
        panel.export_requested.connect(self.local_contacts.export_csv)

    def add_local_note(self, section_id: str) -> None:
        """A note for this section, shown to everyone who uses this PC ("Hos oss: ...")."""
        layer = self.handbook.layer if self.handbook else None
        if layer is None or layer.local is None:
            return
        text = self.dialogs.ask_text(
            self.tr("Lokalt notat"), self.tr("Notat til avsnittet (for eksempel hvem dere ringer):")
        )
        if not text or not text.strip():
            return
        try:
            layer.add_note(section_id, text.strip())
        except HandbokError as error:
            self.show_problem(error.message(translate))
            return
        if self.current:
            self.open(self.current, record=False)

    def delete_local_note(self, note_id: int) -> None:
        layer = self.handbook.layer if self.handbook else None
        if layer is None or not self.dialogs.confirm(
            self.tr("Lokalt notat"), self.tr("Vil du slette notatet?")
        ):
            return
        try:
            layer.delete_note(note_id)
        except HandbokError as error:
            self.show_problem(error.message(translate))
        if self.current:
            self.open(self.current, record=False)

    def _local_changed(self) -> None:
        if self.handbook is not None:
            contacts = self.handbook.store.contacts()
            self.contacts.set_contacts(contacts)
            self.emergency.set_contacts(contacts)

    def update_content(self) -> None:
        from desktop.windows.contentupdate import update_from_file

        update_from_file(self.dialogs)

    def about_content(self) -> None:
        from desktop.windows.contentupdate import about_content

        about_content(self.dialogs)

    def _welcome_html(self) -> str:
        return (
            "<h1>Handbok</h1><p>"
            + self.tr(
                "Skriv i søkefeltet øverst (Ctrl+K), eller velg fra listene til venstre: "
                "veiledning, kontakter, sjekklister, bokmerker og historikk."
            )
            + "</p><p>"
            + self.tr("Nødnumrene og de døgnåpne hjelpetelefonene står alltid i den røde linjen.")
            + "</p>"
        )

    def show_content_failure(self, sentence: str) -> None:
        """The content could not be opened: say so where the text would be, keep running."""
        self.status_label.setText(sentence)
        self.reader.show_html(
            "<h1>Handbok</h1><p>"
            + self.tr("Innholdet kunne ikke åpnes.")
            + f"</p><p>{sentence}</p><p>"
            + self.tr("Bokmerker og historikk er likevel tilgjengelige.")
            + "</p>"
        )

    # --- searching -----------------------------------------------------------------------

    def _query_changed(self, text: str) -> None:
        if not text.strip():
            self.results.show_hint()
            return
        self.tabs.setCurrentIndex(TAB_SEARCH)
        if self.search_controller is not None:
            self.search_controller.search(text)

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
        """The window's areas in reading order: toolbar, red bar, side panel, content."""
        side = self.splitter.widget(0)
        return [self.toolbar, self.emergency, *([side] if side else []), self.pages]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab follows reading order, area by area, however late a panel's widgets were
        made (Qt's own order is the order widgets were created in)."""
        stops = a11y.tab_stops(self, self.regions())
        focus = QApplication.focusWidget()
        if focus not in stops:
            return super().focusNextPrevChild(next)
        target = stops[(stops.index(focus) + (1 if next else -1)) % len(stops)]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def next_region(self, step: int) -> None:
        regions = [self.search_field, *self.regions()[1:]]
        focus = QApplication.focusWidget()
        here = next(
            (
                i
                for i, r in enumerate(regions)
                if focus is not None and (focus is r or r.isAncestorOf(focus))
            ),
            -1,
        )
        for k in range(1, len(regions) + 1):
            if self.focus_region(regions[(here + step * k) % len(regions)]):
                return

    def focus_region(self, region: QWidget | None) -> bool:
        stop = a11y.first_stop(region) if region is not None else None
        if stop is None:
            return False
        stop.setFocus(Qt.FocusReason.TabFocusReason)
        return True

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
        try:
            title = self._show(target, kind, terms)
        except HandbokError as error:
            self.show_problem(error.message(translate))
            return False
        self.current, self.current_title = target, title
        self.setWindowTitle(f"{APP_TITLE} – {title}")
        if record:
            self.navigator.visit(target)
            if self.library is not None:
                self.library.record(target, kind, title)
        self._update_navigation()
        return True

    def _show(self, target: str, kind: str, terms: tuple[str, ...]) -> str:
        assert self.handbook is not None
        store = self.handbook.store
        if kind == "article":
            article_id, _, anchor = target.partition("#")
            article = store.article(article_id)
            matcher = self.handbook.searcher.matcher(terms) if terms else None
            layer = self.handbook.layer
            notes = layer.notes_for if layer is not None and layer.local is not None else None
            html = render.article_html(
                article, anchor or None, matcher, self.clock().date(), notes=notes
            )
            self.reader.show_html(html, anchor or None)
            self.pages.setCurrentWidget(self.reader)
            section = article.section(anchor) if anchor else None
            return f"{article.title} – {section.heading}" if section else article.title
        if kind == "contact":
            contact = store.contact(target)
            self.reader.show_html(render.contact_html(contact, self.clock()))
            self.pages.setCurrentWidget(self.reader)
            return str(contact.name)
        checklist = store.checklist(target.partition("#")[0])
        self.build_panels()
        if self.checklist_view is None:
            self.reader.show_html(render.checklist_html(checklist))
            self.pages.setCurrentWidget(self.reader)
        else:
            self.checklist_view.show_checklist(checklist)
            self.pages.setCurrentWidget(self.checklist_view)
            if "#" in target:
                self.checklist_view.focus_item(target)
        return str(checklist.title)

    def _link_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        rest = QUrl.fromPercentEncoding(url.toString()[len(scheme) + 1 :].encode())
        if scheme in ("kontakt", "sjekkliste", "artikkel"):
            self.open(rest)
        elif scheme == "lokalnotat":
            self.add_local_note(rest)
        elif scheme == "slettnotat" and rest.isdigit():
            self.delete_local_note(int(rest))
        elif scheme == "kopier":
            QGuiApplication.clipboard().setText(rest)
            self.status_label.setText(self.tr("Kopiert: {value}").format(value=rest))
        elif scheme in ("http", "https", "mailto"):
            # Only on the user's click, and only in the system browser or mail program.
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.reader.browser.scrollToAnchor(url.fragment())

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
        self.bookmark_action.setText(self.tr("★ Bokmerket") if marked else self.tr("☆ Bokmerke"))
        self.bookmark_action.setEnabled(self.current is not None and self.userdata is not None)

    def toggle_bookmark(self) -> None:
        if self.library is None or self.current is None or self.handbook is None:
            return
        kind = self.handbook.store.kind_of(self.current) or "article"
        self.library.toggle(self.current, kind, self.current_title)
        self._update_navigation()

    # --- printing ------------------------------------------------------------------------

    def print_current(self) -> None:
        """Ctrl+P: what the reading pane shows, in a clean print layout."""
        if self.handbook is None or self.current is None:
            return
        store, target = self.handbook.store, self.current
        kind = store.kind_of(target)
        now = self.clock()
        if kind == "article" and "#" in target:
            article, section = store.section(target)
            page = render.section_html(article, section.anchor, now.date())
        elif kind == "article":
            page = render.article_html(store.article(target), today=now.date())
        elif kind == "contact":
            page = render.contact_html(store.contact(target), now, printing=True)
        else:
            checklist = store.checklist(target.partition("#")[0])
            ticks, notes = self.checklist_view.marks() if self.checklist_view else ({}, {})
            page = render.checklist_html(checklist, ticks, notes)
        self._print_page(page, self.current_title)

    def print_contact_list(self) -> None:
        shown = self.contacts.matching()
        title = self.tr("Kontakter")
        self._print_page(render.contact_list_html(shown, self.clock(), title), title)

    def _print_page(self, page: str, title: str) -> None:
        from desktop.documents.printing import Decor, page_document

        printed = self.clock().strftime("%d.%m.%Y")
        decor = Decor(
            "Handbok", title, self.tr("Skrevet ut {date} fra Handbok").format(date=printed)
        )
        self.dialogs.print_preview(lambda device: page_document(page, device), decor, "A4")

    def open_composer(self) -> None:
        if self.handbook is None:
            return
        from desktop.windows.composer import Composer

        self.composer = Composer(
            self.handbook.store,
            self.userdata,
            self.dialogs,
            self,
            current=self.current,
            layer=self.handbook.layer,
        )
        self.composer.show()

    # --- small helpers -------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == TAB_BOOKMARKS and self.library is not None:
            self.library.refresh()

    def _find(self) -> None:
        if self.pages.currentWidget() is self.reader:
            self.reader.open_find()

    def _find_next(self) -> None:
        if self.reader.find_field.text():
            self.reader.find_next()
        else:
            self._find()

    def _zoom_in(self) -> None:
        self.reader.zoom_in()

    def _zoom_out(self) -> None:
        self.reader.zoom_out()

    def _zoom_reset(self) -> None:
        self.reader.zoom_reset()

    def show_problem(self, sentence: str) -> None:
        self.status_label.setText(sentence)

    def _save_setting(self, key: str, value: str) -> None:
        if self.userdata is None:
            return
        try:
            self.userdata.settings.set(key, value)
        except HandbokError as error:
            self.show_problem(error.message(translate))

    def _setting(self, key: str) -> str | None:
        if self.userdata is None:
            return None
        try:
            return self.userdata.settings.get(key)
        except HandbokError:
            return None  # a missing setting only means the default look

    def _restore_settings(self) -> None:
        zoom = self._setting("reader.zoom")
        if zoom and zoom.lstrip("-").isdigit():
            self.reader.set_zoom(int(zoom))
        geometry = self._setting("window.geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        else:
            self.resize(1200, 760)
        splitter = self._setting("window.splitter")
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode()))

    def save_settings(self) -> None:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self._save_setting("window.geometry", geometry)
        splitter = bytes(self.splitter.saveState().toBase64().data()).decode()
        self._save_setting("window.splitter", splitter)

    # --- events --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and self.isActiveWindow():
            button = getattr(event, "button", lambda: None)()
            if button == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            key = getattr(event, "key", lambda: None)()
            if key == Qt.Key.Key_Down:
                self.tabs.setCurrentIndex(TAB_SEARCH)
                self.results.focus_results()
                return True
            if key == Qt.Key.Key_Escape:
                self.search_field.clear()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.search_controller is not None:
            self.search_controller.stop()
        super().closeEvent(event)


def _sentence(error: object) -> str:
    if isinstance(error, HandbokError):
        return error.message(translate)
    from desktop.i18n import tr

    return tr("Søket feilet. Prøv et annet ord.")
