"""The main window once the content has arrived (or failed to): the panels filled, the
municipality's own contacts wired in, the start page kept up to date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import tr, translate
from desktop.windows.sections import START
from index.errors import HandbokError

if TYPE_CHECKING:
    from desktop.windows.mainwindow import MainWindow
    from desktop.windows.searching import SearchController
    from index.content.model import Contact
    from index.handbook import Handbook
    from index.local.layer import LocalLayer


START_KEY = "start-page"
LINES_SHOWN = 12  # the staff's own help lines open now, of each kind, on the start page


@dataclass(frozen=True)
class LocalPreview:
    """What the start page shows of the staff's own contacts, read on the background thread:
    the first of them and how many there are, and those of them that may be open now."""

    contacts: tuple[Contact, ...]
    total: int
    open_lines: tuple[Contact, ...]
    minute: datetime


def read_preview(layer: LocalLayer, now: datetime) -> LocalPreview:
    from desktop.windows.startpage import LINE_CATEGORIES, LOCAL_SHOWN
    from index.local.listing import ContactFilter

    first = layer.page([], ContactFilter(), now, LOCAL_SHOWN)
    lines = [
        contact
        for category in LINE_CATEGORIES
        for contact in layer.page(
            [], ContactFilter(category, open_now=True), now, LINES_SHOWN
        ).contacts
    ]
    return LocalPreview(first.contacts, first.total, tuple(lines), _minute(now))


def _minute(now: datetime) -> datetime:
    return now.replace(second=0, microsecond=0)


def refresh_start_page(window: MainWindow) -> None:
    """The start page from what is at hand; the staff's own contacts as last read, read again
    on the background thread when they changed or the minute did ("åpen nå")."""
    if window.start_page is None or window.handbook is None:
        return
    from desktop.windows import startlinks

    handbook, now = window.handbook, window.clock()
    layer = handbook.layer
    deployed = list(layer.deployed_contacts()) if layer is not None else []
    preview = window.local_preview
    reading = layer is not None and layer.listing is not None and window.background is not None
    stale = preview is None or window.local_changed or preview.minute != _minute(now)
    if layer is not None and window.background is not None and reading and stale:
        window.local_changed = False
        window.background.ask(START_KEY, lambda: read_preview(layer, now))
    own_lines = preview.open_lines if preview is not None else ()
    lines = list({c.id: c for c in (*handbook.national_contacts(), *deployed, *own_lines)}.values())
    window.start_page.show_now(
        now,
        lines,
        preview.contacts if preview is not None else deployed,
        *startlinks.links(window.userdata, handbook.store, window.show_problem),
        local_total=preview.total if preview is not None else None,
        reading=reading and preview is None,
    )


def _answered(window: MainWindow, key: str, result: object) -> None:
    if key == START_KEY and isinstance(result, LocalPreview):
        window.local_preview = result
        if window.section == START:
            refresh_start_page(window)


def attach(window: MainWindow, handbook: Handbook, controller: SearchController) -> None:
    panels = window.build_panels()
    window.handbook = handbook
    window.search_controller = controller
    controller.results_ready.connect(window.show_results)
    controller.failed.connect(lambda error: window.show_problem(_sentence(error)))
    # Only the contacts at hand here (tens): the staff's own may be 100,000, and are read
    # a page at a time on the background thread.
    contacts = handbook.national_contacts()
    window.emergency.set_contacts(contacts)
    panels.guide.set_articles(handbook.store.articles())
    panels.checklists.set_checklists(handbook.store.checklists())
    panels.results.contact_for = window._contact_or_none
    if window.library is not None:
        window.library.refresh()
    if handbook.layer is not None:
        from desktop.windows.background import Background

        layer = handbook.layer
        background = window.background = Background(window, _log_folder(layer))
        background.answered.connect(lambda key, result: _answered(window, key, result))
        panels.contacts.set_contacts(contacts, layer.page, background)
        if layer.local is not None:
            attach_local(window, layer)
    else:
        panels.contacts.set_contacts(contacts)
    window.status_label.setText("")
    window.reader.show_html(window._choose_html())
    window.refresh_start_page()
    if window.search_field.text().strip():
        window._query_changed(window.search_field.text())


def _log_folder(layer: LocalLayer) -> Path | None:
    return layer.local.path.parent if layer.local is not None else None


def attach_local(window: MainWindow, layer: LocalLayer) -> None:
    from desktop.windows.localcontacts import LocalContactActions

    panel = window.contacts
    actions = window.local_contacts = LocalContactActions(
        layer, window.dialogs, changed=lambda: local_changed(window), report=window.show_problem
    )
    panel.local_buttons.show()
    panel.new_requested.connect(actions.new)
    panel.edit_requested.connect(actions.edit)
    panel.delete_requested.connect(actions.delete)
    panel.import_requested.connect(actions.import_csv)
    panel.export_requested.connect(actions.export_csv)


def local_changed(window: MainWindow) -> None:
    """A local contact was saved, changed or imported: the list and the start page are read
    again (on the background thread); the red bar never holds a local contact."""
    if window.handbook is not None:
        window.contacts.refresh()
        window.local_changed = True
        window.refresh_start_page()


def show_content_failure(window: MainWindow, sentence: str) -> None:
    """The content could not be opened: say so where the text would be, keep running."""
    window.status_label.setText(sentence)
    text = " ".join(
        (
            window.tr("Innholdet kunne ikke åpnes."),
            sentence,
            window.tr("Bokmerker og historikk er likevel tilgjengelige."),
        )
    )
    window.build_panels()
    if window.start_page is not None:
        window.start_page.show_waiting(text)
    window.reader.show_text("Handbok", text)


def _sentence(error: object) -> str:
    if isinstance(error, HandbokError):
        return error.message(translate)
    return tr("Søket feilet. Prøv et annet ord.")
