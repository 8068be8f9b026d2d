"""The window for a nurse in a hurry, driven as she would: the start page at a given clock,
one click on a contact card, the sections on Alt+1 ... Alt+6, F1, Ctrl+Q, the menu, status
messages that go, the reading pane's measure and "Om kilden"."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.windows.contactcard import OPEN, contact_status
from desktop.windows.sections import CONTACTS, GUIDE, SEARCH, START
from index.handbook import Handbook
from tests.conftest import WindowFactory

SUNDAY_NIGHT = datetime(2026, 11, 29, 3, 0)
MONDAY_NOON = datetime(2026, 11, 23, 12, 0)
SUNDAY_EVENING = datetime(2026, 11, 29, 22, 30)


def open_help_lines(handbook: Handbook, at: datetime) -> list[str]:
    """What the contact list itself says is open at ``at``: the start page must agree."""
    return [
        c.id
        for c in handbook.store.contacts()
        if c.category in ("hjelpetelefon", "organisasjon")
        and any(
            (hours := c.channel_hours(ch)) is not None and hours.is_open(at)
            for ch in c.channels
            if ch.type == "telefon"
        )
    ]


def test_start_page_lists_the_help_lines_open_at_the_clock(
    qtbot: QtBot, make_window: WindowFactory, handbook: Handbook
) -> None:
    for clock in (SUNDAY_NIGHT, MONDAY_NOON, SUNDAY_EVENING):
        window = make_window(clock=lambda c=clock: c)
        assert window.section == START
        page = window.start_page
        assert page is not None and window.pages.currentWidget() is page
        shown = page.card_ids()[: len(open_help_lines(handbook, clock))]
        assert shown == open_help_lines(handbook, clock)
        assert "kirkens-sos" in shown  # around the clock
        assert ("leve" in shown) == (clock == MONDAY_NOON)  # weekdays 09-15
        window.close()
    card = page.cards[0]
    assert card.number_label.text() and card.copy_button.isVisibleTo(card)
    assert card.status.text().startswith(("Døgnåpen", "Åpen nå"))


def test_a_card_says_until_when_or_from_when(handbook: Handbook) -> None:
    leve = handbook.store.contact("leve")
    state, text = contact_status(leve, MONDAY_NOON)
    assert state == OPEN and text == "Åpen nå · stenger kl. 15:00"
    state, text = contact_status(leve, datetime(2026, 11, 27, 22, 30))  # Friday night
    assert text == "Stengt nå · åpner mandag kl. 09:00"
    state, text = contact_status(leve, datetime(2026, 11, 23, 22, 30))  # Monday night
    assert text == "Stengt nå · åpner i morgen kl. 09:00"


def test_one_click_on_a_card_opens_the_contact_everywhere(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(clock=lambda: SUNDAY_NIGHT)
    page = window.start_page
    assert page is not None
    card = next(c for c in page.cards if c.contact_id == "kirkens-sos")
    qtbot.mouseClick(card.name, Qt.MouseButton.LeftButton)
    assert window.current == "kirkens-sos"
    assert window.section == CONTACTS  # where the contact belongs, its list beside it
    assert "22 40 00 40" in window.reader.plain_text()

    # The contact list: one click, not a double click, and the pane follows at once.
    panel = window.contacts
    for contact_id in ("brann", "kirkens-sos", "mental-helse-hjelpetelefonen"):
        if contact_id not in panel.shown_ids():
            continue
        listed = panel.card(contact_id)
        assert listed is not None
        qtbot.mouseClick(listed, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
        assert window.current == contact_id
        assert panel.chosen() == contact_id

    # A search hit: the same card, with its number.
    window.search_field.setText("kirkens sos")
    qtbot.waitUntil(lambda: "kirkens-sos" in window.results.hit_ids(), timeout=5000)
    window.open("leve")
    hit = next(
        w
        for r in range(window.results.list.count())
        if (w := window.results.list.itemWidget(window.results.list.item(r))) is not None
        and getattr(w, "contact_id", "") == "kirkens-sos"
    )
    assert hit.number_label.text() == "22 40 00 40"
    qtbot.mouseClick(hit, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert window.current == "kirkens-sos"


def test_kopier_answers_next_to_the_button(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.windows import a11y

    said: list[str] = []
    real = a11y.announce
    monkeypatch.setattr(a11y, "announce", lambda w, text: (said.append(text), real(w, text)))
    window = make_window(clock=lambda: SUNDAY_NIGHT)
    assert window.start_page is not None
    card = next(c for c in window.start_page.cards if c.contact_id == "kirkens-sos")
    qtbot.waitUntil(card.isVisible, timeout=2000)  # Qt shows a new card on its next turn
    QGuiApplication.clipboard().clear()
    said.clear()  # the status line's own sentences so far
    qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "22 40 00 40"
    assert card.confirm.text() == "Kopiert" and card.confirm.isVisible()
    assert said == ["Kopiert"]  # and a screen reader says it
    assert window.current is None  # copying is not opening


def test_every_section_is_one_shortcut_away_and_always_in_view(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    names = window.sections.names()
    assert names == ["Start", "Veiledning", "Kontakter", "Sjekklister", "Bokmerker", "Historikk"]
    for number in range(6):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + number), Qt.KeyboardModifier.AltModifier)
        assert window.section == number
        assert window.sections.currentRow() == number
    assert window.sections.verticalScrollBar().maximum() == 0  # nothing behind scrolling
    for row in range(6):
        rect = window.sections.visualItemRect(window.sections.item(row))
        assert window.sections.viewport().rect().contains(rect)
    # A narrow window (half a 1280 screen) keeps every section, as icons with their names.
    window.resize(620, 600)
    qtbot.waitUntil(lambda: window.sections.compact, timeout=2000)
    assert window.sections.names() == names
    assert window.minimumSizeHint().width() <= 640


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no raise, no grab
def test_help_quit_and_the_menu(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog.isVisible()
    shown = {label.text() for label in dialog.tabs.widget(0).findChildren(QLabel)}
    assert {"Ctrl+Q", "F1", "Alt+3", "Avslutt", "Gå til Kontakter"} <= shown
    assert dialog.tabs.tabText(1) == "Om Handbok"
    dialog.close()

    window.actions_.open_menu()
    menu = window.actions_.menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    top_left = window.mapFromGlobal(menu.pos())
    assert top_left.x() >= 0 and top_left.x() + menu.width() <= window.width()
    menu.close()

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_status_messages_clear_when_the_user_moves_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.open("finnes-ikke")
    assert "Fant ikke" in window.status_label.text()
    window.show_section(GUIDE)
    assert window.status_label.text() == ""
    window.open("finnes-ikke")
    assert "Fant ikke" in window.status_label.text()
    window.open("leve")
    assert window.status_label.text() == ""


def test_reading_keeps_a_measure_and_folds_the_source_notes(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.resize(1900, 900)
    window.open("samarbeid-om-selvorganisert-selvhjelp")
    QApplication.processEvents()
    browser = window.reader.browser
    frame = browser.document().rootFrame().frameFormat()
    column = browser.viewport().width() - frame.leftMargin() - frame.rightMargin()
    per_char = browser.fontMetrics().horizontalAdvance("x" * 100) / 100
    assert 55 <= column / per_char <= 95  # about 75 characters of ordinary text

    text = window.reader.plain_text()
    assert "Utgiver er antatt" not in text and "Redaksjonell merknad" not in text
    assert "Se oversikt over landets frivilligsentraler her. (merknad)" in text
    assert "Om kilden" in text
    window._link_clicked(QUrl("omkilden:samarbeid-om-selvorganisert-selvhjelp"))
    assert "Utgiver er antatt" in window.reader.plain_text()
    window._link_clicked(
        QUrl("omkilden:samarbeid-om-selvorganisert-selvhjelp%23frivilligsentralene")
    )
    assert "Lenken til oversikten er falt bort" in window.reader.plain_text()
    html = window.reader.html
    assert 'href=""' not in html and "href='#'" not in html  # no dead links


def test_start_page_offers_runs_in_progress_and_what_was_read(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.open("leve")
    window.open("starte-selvhjelpsgruppe")
    view = window.checklist_view
    assert view is not None
    first = next(iter(view.boxes.values()))
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)  # the first tick starts a run
    window.show_section(START)
    qtbot.wait(10)  # the page built before is deleted on the event loop's next turn
    page = window.start_page
    assert page is not None
    buttons = {b.accessibleName(): b for b in page.findChildren(QPushButton) if b.isVisibleTo(page)}
    run = next(name for name in buttons if "1 av" in name)
    assert run.startswith("Starte")  # the checklist's title, the run and its progress
    assert any(name.startswith("LEVE") for name in buttons)  # read last
    window.open("kirkens-sos")
    window.show_section(START)
    qtbot.wait(10)
    buttons = {b.accessibleName(): b for b in page.findChildren(QPushButton) if b.isVisibleTo(page)}
    buttons[run].click()
    assert window.current == "starte-selvhjelpsgruppe"
    assert window.pages.currentWidget() is view and first.isChecked()


def test_an_emptied_search_goes_back_where_the_user_was(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.search_field.setText("kirkens")
    assert window.section == SEARCH and window.panel_stack.isVisible()
    window.search_field.clear()
    assert window.section == START and window.pages.currentWidget() is window.start_page
    window.search_field.setText("kirkens sos")
    qtbot.waitUntil(lambda: "kirkens-sos" in window.results.hit_ids(), timeout=5000)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # opens the best hit
    assert window.current == "kirkens-sos"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.section == CONTACTS and "22 40 00 40" in window.reader.plain_text()
