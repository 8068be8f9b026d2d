"""What the window does with an item: show it in the right page, print it, note on it.

Kept apart from the window's layout so that each stays short; every function takes the
window and works through its public parts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication

from desktop import safetext
from desktop.i18n import tr, translate
from index.errors import HandbokError

# The main window, which imports this module: typed loosely so that the two do not import
# each other (tests/test_layering.py).
MainWindow = Any


def show(window: MainWindow, target: str, kind: str, terms: tuple[str, ...]) -> str:
    """Put ``target`` on the page that shows its kind; returns its title."""
    from desktop.documents import render  # the model and its parsers: not at first

    assert window.handbook is not None
    store = window.handbook.store
    reader = window.reader
    if kind == "article":
        article_id, _, anchor = target.partition("#")
        article = store.article(article_id)
        matcher = window.handbook.searcher.matcher(terms) if terms else None
        layer = window.handbook.layer
        notes = layer.notes_for if layer is not None and layer.local is not None else None
        html = render.article_html(
            article,
            anchor or None,
            matcher,
            window.clock().date(),
            notes=notes,
            unfolded=reader.unfolded,
        )
        section = article.section(anchor) if anchor else None
        # The first section starts under the article's title: the page from its top, and
        # its heading (often the title again) not said twice.
        first = section is not None and section.position == 0
        place = None if first else anchor or None
        reader.show_html(html, place, keep_place=target == window.current)
        window.pages.setCurrentWidget(reader)
        if section is None or section.heading == article.title:
            return str(article.title)
        return f"{article.title} – {section.heading}"
    if kind == "contact":
        contact = store.contact(target)
        reader.show_html(render.contact_html(contact, window.clock()))
        window.pages.setCurrentWidget(reader)
        return str(contact.name)
    checklist = store.checklist(target.partition("#")[0])
    window.build_panels()
    view = window.checklist_view
    if view is None:
        reader.show_html(render.checklist_html(checklist))
        window.pages.setCurrentWidget(reader)
    else:
        view.show_checklist(checklist)
        window.pages.setCurrentWidget(view)
        if "#" in target:
            view.focus_item(target)
    return str(checklist.title)


def add_local_note(window: MainWindow, section_id: str) -> None:
    """A note for this section, shown to everyone who uses this PC ("Hos oss: ...")."""
    layer = window.handbook.layer if window.handbook else None
    if layer is None or layer.local is None:
        return
    text = window.dialogs.ask_text(
        tr("Lokalt notat"), tr("Notat til avsnittet (for eksempel hvem dere ringer):")
    )
    if not text or not text.strip():
        return
    try:
        layer.add_note(section_id, text.strip())
    except HandbokError as error:
        window.show_problem(error.message(translate))
        return
    if window.current:
        window.open(window.current, record=False)


def delete_local_note(window: MainWindow, note_id: int) -> None:
    layer = window.handbook.layer if window.handbook else None
    if layer is None or not window.dialogs.confirm(
        tr("Lokalt notat"), tr("Vil du slette notatet?")
    ):
        return
    try:
        layer.delete_note(note_id)
    except HandbokError as error:
        window.show_problem(error.message(translate))
    if window.current:
        window.open(window.current, record=False)


def print_current(window: MainWindow) -> None:
    """Ctrl+P: what the reading pane shows, in a clean print layout."""
    from desktop.documents import render  # the model and its parsers: not at first

    if window.handbook is None or window.current is None:
        return
    store, target = window.handbook.store, window.current
    kind = store.kind_of(target)
    now = window.clock()
    if kind == "article" and "#" in target:
        article, section = store.section(target)
        page = render.section_html(article, section.anchor, now.date())
    elif kind == "article":
        page = render.article_html(store.article(target), today=now.date(), unfolded=None)
    elif kind == "contact":
        page = render.contact_html(store.contact(target), now, printing=True)
    else:
        checklist = store.checklist(target.partition("#")[0])
        view = window.checklist_view
        ticks, notes = view.marks() if view else ({}, {})
        page = render.checklist_html(checklist, ticks, notes)
    print_page(window, page, window.current_title)


def print_contact_list(window: MainWindow) -> None:
    from desktop.documents import render  # the model and its parsers: not at first

    shown = window.contacts.shown_contacts()
    title = tr("Kontakter")
    print_page(window, render.contact_list_html(shown, window.clock(), title), title)


def print_page(window: MainWindow, page: str, title: str) -> None:
    from desktop.documents.printing import Decor, page_document

    printed = window.clock().strftime("%d.%m.%Y")
    decor = Decor("Handbok", title, tr("Skrevet ut {date} fra Handbok").format(date=printed))
    window.dialogs.print_preview(lambda device: page_document(page, device), decor, "A4")


def follow_link(window: MainWindow, url: QUrl) -> None:
    scheme = url.scheme()
    rest = QUrl.fromPercentEncoding(url.toString()[len(scheme) + 1 :].encode())
    if scheme in ("kontakt", "sjekkliste", "artikkel"):
        window.open(rest)
    elif scheme == "lokalnotat":
        from desktop.windows import opening

        opening.add_local_note(window, rest)
    elif scheme == "slettnotat" and rest.isdigit():
        from desktop.windows import opening

        opening.delete_local_note(window, int(rest))
    elif scheme == "omkilden":
        window.reader.toggle_about_source(rest)
        if window.current:
            window.open(window.current, terms=window.last_terms, record=False)
    elif scheme == "kopier":
        QGuiApplication.clipboard().setText(rest)
        window.reader.links.confirm_copied(url)  # beside the link, as on a contact card
    elif url.hasFragment() and not url.toString().partition("#")[0]:
        window.reader.browser.scrollToAnchor(url.fragment())
    elif not safetext.open_external(url):
        # Only on the user's click, only in the system browser or mail program, and only
        # what the allow-list lets through: file:, smb:, javascript: and the like never.
        window.show_problem(
            window.tr("Lenken ble ikke åpnet: Handbok åpner bare nettsider og e-postadresser.")
        )


def open_composer(window: MainWindow) -> None:
    if window.handbook is None:
        return
    from desktop.windows.composer import Composer

    window.composer = Composer(
        window.handbook.store,
        window.userdata,
        window.dialogs,
        window,
        current=window.current,
        layer=window.handbook.layer,
    )
    window.composer.show()


def show_help(window: MainWindow, about: bool = False) -> None:
    """F1: the shortcuts; "Om Handbok" with the version and the licences."""
    from desktop.windows import icons
    from desktop.windows.helpdialog import HelpDialog

    window.help_dialog = HelpDialog(window.actions_.shortcuts, icons.LICENCE, window)
    if about:
        window.help_dialog.show_about()
    window.help_dialog.show()
