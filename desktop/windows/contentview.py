"""The main window once the content has arrived (or failed to): the panels filled, the
municipality's own contacts wired in, the start page kept up to date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.i18n import tr, translate
from index.errors import HandbokError

if TYPE_CHECKING:
    from desktop.windows.mainwindow import MainWindow
    from desktop.windows.searching import SearchController
    from index.handbook import Handbook
    from index.local.layer import LocalLayer


def refresh_start_page(window: MainWindow) -> None:
    if window.start_page is None or window.handbook is None:
        return
    from desktop.windows import startlinks

    layer = window.handbook.layer
    local = layer.contacts() if layer is not None else []
    window.start_page.show_now(
        window.clock(),
        window.handbook.store.contacts(),
        local,
        *startlinks.links(window.userdata, window.handbook.store, window.show_problem),
    )


def attach(window: MainWindow, handbook: Handbook, controller: SearchController) -> None:
    panels = window.build_panels()
    window.handbook = handbook
    window.search_controller = controller
    controller.results_ready.connect(window.show_results)
    controller.failed.connect(lambda error: window.show_problem(_sentence(error)))
    contacts = handbook.store.contacts()
    window.emergency.set_contacts(contacts)
    panels.guide.set_articles(handbook.store.articles())
    panels.contacts.set_contacts(contacts)
    panels.checklists.set_checklists(handbook.store.checklists())
    panels.results.contact_for = window._contact_or_none
    if window.library is not None:
        window.library.refresh()
    if handbook.layer is not None and handbook.layer.local is not None:
        attach_local(window, handbook.layer)
    window.status_label.setText("")
    window.reader.show_html(window._choose_html())
    window.refresh_start_page()
    if window.search_field.text().strip():
        window._query_changed(window.search_field.text())


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
    if window.handbook is not None:
        contacts = window.handbook.store.contacts()
        window.contacts.set_contacts(contacts)
        window.emergency.set_contacts(contacts)
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
