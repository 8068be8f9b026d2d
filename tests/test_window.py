"""The desktop reader, driven like a user would: real window, real store, real user data."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import ContentLoader, open_userdata
from desktop.windows.mainwindow import MainWindow
from desktop.windows.sections import CONTACTS
from index.userdata.store import UserData
from tests.conftest import WindowFactory

SECTION = "samarbeid-om-selvorganisert-selvhjelp#frisklivssentralene"
SUNDAY_NIGHT = datetime(2026, 11, 29, 3, 0)


def close(window: MainWindow) -> None:
    window.close()
    if window.userdata is not None:
        window.userdata.close()


def search(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    qtbot.waitUntil(
        lambda: window.results.result is not None and window.results.result.text == text,
        timeout=5000,
    )
    return window.results.hit_ids()


def test_type_open_bookmark_and_find_it_after_restart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window("Lokalt kontaktpunkt for selvhjelp")
    assert SECTION in search(qtbot, window, "frisklivssentralene")[:3]

    # Down arrow into the results, Enter on the section.
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    results = window.results.list
    while results.currentItem().data(Qt.ItemDataRole.UserRole) != SECTION:
        qtbot.keyClick(results, Qt.Key.Key_Down)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.current == SECTION
    # Qt puts the program's name after it: "... – Frisklivssentralene — Handbok".
    assert window.windowTitle() == "Samarbeid om selvorganisert selvhjelp – Frisklivssentralene"
    assert "Frisklivssentralene er en annen viktig samarbeidspartner" in window.reader.plain_text()
    # The matched words are highlighted in the opened section.
    assert (
        'class="hit"' in window.reader.browser.toHtml()
        or "ffe45c" in window.reader.browser.toHtml()
    )

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmark_action.text() == "Bokmerket"
    close(window)

    again = make_window()
    marks = again.userdata.bookmarks.list()  # type: ignore[union-attr]
    assert [(b.target, b.note) for b in marks] == [(SECTION, "Lokalt kontaktpunkt for selvhjelp")]
    assert again.bookmarks.targets() == [SECTION]
    again.bookmarks.list.setCurrentRow(0)
    again.bookmarks.open_button.click()
    assert again.current == SECTION


def test_latest_query_wins_while_typing(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    for text in ("k", "ki", "kir", "kirk", "kirke", "kirkens sos"):
        window.search_field.setText(text)
    qtbot.waitUntil(
        lambda: window.results.result is not None and window.results.result.text == "kirkens sos",
        timeout=5000,
    )
    qtbot.wait(200)  # any stale result arriving now must be dropped
    assert window.results.result.text == "kirkens sos"
    assert window.results.hit_ids()[0] == "kirkens-sos"


def test_typo_shows_suggestion_and_escape_returns_to_field(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    search(qtbot, window, "selvhjelpsgrupe")
    assert "selvhjelpsgruppe" in window.results.status.text()
    window.results.focus_results()
    qtbot.keyClick(window.results.list, Qt.Key.Key_Escape)
    assert window.search_field.hasFocus()
    search(qtbot, window, "xyzzy")
    assert "Ingen treff for «xyzzy»" in window.results.status.text()
    assert window.results.hit_ids() == []


def test_checklist_ticks_and_notes_survive_a_restart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.open("starte-selvhjelpsgruppe")
    view = window.checklist_view
    assert view is not None and window.pages.currentWidget() is view
    items = list(view.boxes)
    # No run yet: the field says what starts one, not nothing.
    assert view.run_choice.count() == 0
    assert view.run_choice.placeholderText() == "Ingen ennå: den første haken starter en"
    qtbot.mouseClick(view.boxes[items[0]], Qt.MouseButton.LeftButton)  # first tick starts a run
    assert view.boxes[items[0]].isChecked()
    assert view.run_choice.currentText().startswith("Gjennomgang ")
    qtbot.mouseClick(view.boxes[items[2]], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.notes[items[1]], "Avklart med frivilligsentralen")
    assert view.progress.value() == 2
    close(window)

    again = make_window("Gruppe for pårørende")
    again.open("starte-selvhjelpsgruppe")
    view = again.checklist_view
    assert view is not None
    assert [view.boxes[i].isChecked() for i in items[:3]] == [True, False, True]
    assert view.notes[items[1]].text() == "Avklart med frivilligsentralen"
    assert view.progress.format() == f"2 av {len(items)} punkter"

    # A second, named run starts empty, and the first is still there.
    view.new_run.click()
    assert view.run_choice.currentText() == "Gruppe for pårørende"
    assert not any(box.isChecked() for box in view.boxes.values())
    assert view.run_choice.count() == 2
    view.run_choice.setCurrentIndex(0)
    assert view.boxes[items[0]].isChecked()


def test_contact_filters(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(clock=lambda: SUNDAY_NIGHT)
    window.show_section(CONTACTS)
    panel = window.contacts
    everyone = panel.shown_ids()
    assert "kirkens-sos" in everyone and "napha" in everyone

    panel.audience.setCurrentIndex(panel.audience.findData("barn og unge"))
    young = panel.shown_ids()
    assert "alarmtelefonen-barn-og-unge" in young and "napha" not in young

    panel.audience.setCurrentIndex(0)
    panel.open_now.setChecked(True)
    open_at_night = panel.shown_ids()
    assert {"kirkens-sos", "mental-helse-hjelpetelefonen", "medisinsk-nodtelefon"} <= set(
        open_at_night
    )
    assert "leve" not in open_at_night  # weekdays 09-15

    panel.open_now.setChecked(False)
    panel.category.setCurrentIndex(panel.category.findData("kompetansesenter"))
    panel.region.setCurrentIndex(panel.region.findData("vest"))
    assert panel.shown_ids() == ["rvts-vest"]
    panel.channel.setCurrentIndex(panel.channel.findData("sms"))
    assert panel.shown_ids() == []

    panel.category.setCurrentIndex(0)
    panel.region.setCurrentIndex(0)
    panel.channel.setCurrentIndex(0)
    panel.list.setCurrentRow(everyone.index("kirkens-sos"))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.current == "kirkens-sos"
    text = window.reader.plain_text()
    assert "22 40 00 40" in text and "døgnåpen" in text and "Åpen nå" in text


def test_copy_number_with_one_click_says_so_beside_it(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication

    from desktop.windows import a11y

    said: list[str] = []
    real = a11y.announce
    monkeypatch.setattr(a11y, "announce", lambda w, text: (said.append(text), real(w, text)))

    window = make_window()
    window.resize(1200, 700)
    window.open("leve")
    links = window.reader.links
    copies = [b for b, _first, _last in links.buttons if b.url.scheme() == "kopier"]
    assert len(copies) == 2  # the e-mail address and the phone
    assert not links.confirm.isVisible()
    # A real click on the second "Kopier".
    second = copies[1]
    QGuiApplication.clipboard().clear()
    said.clear()  # the status line's own sentences so far
    qtbot.mouseClick(
        window.reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=second.geometry().center()
    )
    value = QUrl.fromPercentEncoding(second.url.toString()[len("kopier:") :].encode())
    assert QGuiApplication.clipboard().text() == value
    confirm = links.confirm
    assert confirm.isVisible() and confirm.text() == "Kopiert"
    assert said == ["Kopiert"]  # a screen reader hears it, as it heard the status line
    # Beside the link it used: on its line, right after it, and inside the pane.
    assert confirm.geometry().left() >= second.geometry().right()
    assert confirm.geometry().left() - second.geometry().right() < 20
    assert abs(confirm.geometry().center().y() - second.geometry().center().y()) <= 2
    assert confirm.geometry().right() <= window.reader.browser.viewport().width()
    assert window.status_label.text() == ""
    # ... and it goes when the user moves on.
    window.open("kirkens-sos")
    assert not confirm.isVisible()


def test_back_forward_and_internal_links(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.open("samarbeid-frivillige-organisasjoner")
    window._link_clicked(QUrl("kontakt:kirkens-sos"))
    assert window.current == "kirkens-sos"
    window.open("leve")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == "kirkens-sos"
    window.go_back()
    assert window.current == "samarbeid-frivillige-organisasjoner"
    assert not window.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current == "kirkens-sos"
    window.go_forward()
    assert window.current == "leve"
    assert not window.forward_action.isEnabled()
    history = [e.target for e in window.userdata.history.list()]  # type: ignore[union-attr]
    assert history[:3] == ["leve", "kirkens-sos", "samarbeid-frivillige-organisasjoner"]


def test_mouse_back_button(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.open("leve")
    window.open("napha")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.mouseClick(
        window.reader.browser.viewport(), Qt.MouseButton.BackButton, pos=QPoint(20, 20)
    )
    assert window.current == "leve"


def test_text_size_reaches_the_whole_window_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.show_section(CONTACTS)
    panel = window.contacts
    card = panel.card("kirkens-sos")
    assert card is not None
    base = window.reader.browser.font().pointSizeF()
    lists = panel.list.font().pointSizeF(), window.sections.font().pointSizeF()
    number, row = (
        card.number_label.font().pointSizeF(),
        panel.list.visualItemRect(panel.list.item(0)).height(),
    )
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    # Qt hands the new size to every widget through its event queue.
    qtbot.waitUntil(lambda: window.reader.browser.font().pointSizeF() == base + 2, timeout=2000)
    assert (panel.list.font().pointSizeF(), window.sections.font().pointSizeF()) == (
        lists[0] + 2,
        lists[1] + 2,
    )
    card = panel.card("kirkens-sos")
    assert card is not None and card.number_label.font().pointSizeF() > number
    qtbot.waitUntil(
        lambda: panel.list.visualItemRect(panel.list.item(0)).height() > row, timeout=2000
    )
    window.splitter.moveSplitter(300, 1)  # as the user drags it
    sizes = window.splitter.sizes()
    close(window)
    again = make_window()
    assert again.text_size.steps == 2
    qtbot.waitUntil(lambda: again.reader.browser.font().pointSizeF() == base + 2, timeout=2000)
    again.show_section(CONTACTS)  # the start page has no side panel
    qtbot.waitUntil(lambda: again.splitter.sizes()[0] == sizes[0], timeout=2000)
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.text_size.steps == 0
    qtbot.waitUntil(lambda: again.reader.browser.font().pointSizeF() == base, timeout=2000)


def test_find_in_page(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.open("samarbeid-om-selvorganisert-selvhjelp")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.find_bar.isVisible() and window.reader.find_field.hasFocus()
    qtbot.keyClicks(window.reader.find_field, "lokaler")
    assert window.reader.browser.textCursor().selectedText().lower() == "lokaler"
    first = window.reader.browser.textCursor().position()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.reader.browser.textCursor().position() != first
    window.reader.find_field.setText("finnes-ikke-her")
    assert window.reader.find_status.text() == "Ikke funnet"


def test_export_and_reimport_bookmarks(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    exported = tmp_path / "bokmerker.json"
    window = make_window("", exported)
    window.open("kirkens-sos")
    window.toggle_bookmark()
    window.library.export()  # type: ignore[union-attr]
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert [b["target"] for b in data["bookmarks"]] == ["kirkens-sos"]
    # Delete it, import the file twice: back once, no duplicates.
    window.dialogs.answers.extend([True, exported, exported])  # type: ignore[attr-defined]
    window.bookmarks.list.setCurrentRow(0)
    window.library.delete_chosen()  # type: ignore[union-attr]
    assert window.bookmarks.targets() == []
    window.library.import_file()  # type: ignore[union-attr]
    window.library.import_file()  # type: ignore[union-attr]
    assert window.bookmarks.targets() == ["kirkens-sos"]
    informs = [m for t, m in window.dialogs.shown if t == "Importer bokmerker" and "nye" in m]  # type: ignore[attr-defined]
    assert informs == [
        "1 nye, 0 oppdatert, 0 fantes fra før.",
        "0 nye, 0 oppdatert, 1 fantes fra før.",
    ]


def test_bookmark_to_vanished_content_is_shown_not_dropped(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    userdata = UserData.open(data_dir)
    userdata.bookmarks.add("gammel-artikkel#borte", "article", "En gammel artikkel", "viktig")
    userdata.close()
    window = make_window()
    assert window.bookmarks.targets() == ["gammel-artikkel#borte"]
    assert "finnes ikke lenger" in window.bookmarks.list.item(0).text()
    window.bookmarks.list.setCurrentRow(0)
    window.bookmarks.open_button.click()
    assert "Fant ikke" in window.status_label.text()


def test_old_content_gets_a_polite_notice(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.open("samarbeid-frivillige-organisasjoner")  # sist faglig oppdatert 2017
    assert "for mer enn tre år siden" in window.reader.plain_text()
    window.open("kommunal-handlingsplan-selvmord-selvskading")  # no date in the source
    assert "Kilden oppgir ikke når teksten sist ble faglig oppdatert" in window.reader.plain_text()


def test_every_control_has_an_accessible_name(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.open("starte-selvhjelpsgruppe")
    kinds = (QLineEdit, QComboBox, QListWidget, QTreeWidget, QTextBrowser, QAbstractButton)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds)
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and w.objectName() not in ("qt_spinbox_lineedit",)
        and w.isVisibleTo(window)
    ]
    assert unnamed == []


def test_emergency_strip_numbers_come_from_the_contact_list(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    shown = " · ".join(window.emergency.numbers())
    for number in ("113", "116 117", "116 123", "22 40 00 40", "116 111"):
        assert number in shown
    assert "800 33 321" not in shown  # hours not confirmed: not claimed to be open around the clock
    window.emergency.open_requested.emit("legevakt")
    assert window.current == "legevakt"


def test_damaged_user_data_is_moved_aside_with_a_sentence(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "userdata.sqlite3").write_bytes(b"not a database at all" * 50)
    userdata, notice = open_userdata(data_dir)
    assert userdata is not None
    assert "var skadet" in notice and "tatt vare på" in notice
    assert any(p.name.startswith("userdata.sqlite3.damaged-") for p in data_dir.iterdir())
    userdata.close()


def test_content_loader_opens_the_store_off_the_gui_thread(qtbot: QtBot, store_dir: Path) -> None:
    loader = ContentLoader(store_dir, build=False)
    with qtbot.waitSignal(loader.loaded, timeout=10_000) as signal:
        loader.start()
    loader.wait()
    handbook = signal.args[0]
    assert handbook.searcher.search("leve").hits
    handbook.close()


def test_content_loader_opens_the_local_layer_too_for_the_window_to_use(
    qtbot: QtBot, store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.local.draft import ChannelDraft, ContactDraft

    monkeypatch.setenv("HANDBOK_KOMMUNE_DIR", str(tmp_path / "ingen"))
    loader = ContentLoader(store_dir, build=False, local_dir=tmp_path / "data")
    with qtbot.waitSignal(loader.loaded, timeout=10_000) as signal:
        loader.start()
    loader.wait()
    handbook = signal.args[0]
    try:
        assert loader.local_notices == [] and handbook.layer is not None
        local = handbook.layer.local
        assert local is not None and local.path == tmp_path / "data" / "lokalt.sqlite3"
        # Opened on the loader's thread, written and read on this one.
        draft = ContactDraft(
            "Legevakten i Testby", "nødnummer", channels=(ChannelDraft("telefon", "62 00 00 02"),)
        )  # a fictional number: tests only
        saved = local.contacts.add(draft)
        assert handbook.store.contact(saved.id).name == "Legevakten i Testby"
    finally:
        handbook.close()


def test_content_loader_reports_a_missing_store(qtbot: QtBot, tmp_path: Path) -> None:
    loader = ContentLoader(tmp_path / "nowhere", build=False)
    with qtbot.waitSignal(loader.failed, timeout=10_000) as signal:
        loader.start()
    loader.wait()
    assert "Fant ikke innholdsdatabasen" in signal.args[0]


def test_rename_and_delete_checklist_runs(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window("Gruppe A", "Gruppe A – Hamar", True)
    window.open("samarbeid-med-kommunen-om-selvhjelp")
    view = window.checklist_view
    assert view is not None
    view.new_run.click()
    first = next(iter(view.boxes))
    view.boxes[first].setChecked(True)
    view.rename_run.click()
    assert view.run_choice.currentText() == "Gruppe A – Hamar"
    runs = window.userdata.runs.list("samarbeid-med-kommunen-om-selvhjelp")  # type: ignore[union-attr]
    assert [r.name for r in runs] == ["Gruppe A – Hamar"]
    view.delete_run.click()  # confirmed
    assert view.run_choice.count() == 0
    assert window.userdata.runs.list("samarbeid-med-kommunen-om-selvhjelp") == []  # type: ignore[union-attr]
    assert not view.boxes[first].isChecked()


def test_clear_history(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(False, True)
    window.open("leve")
    window.open("napha")
    assert window.history.targets() == ["napha", "leve"]
    window.history.clear_button.click()  # declined
    assert window.history.targets() == ["napha", "leve"]
    window.history.clear_button.click()  # confirmed
    assert window.history.targets() == []
    assert window.userdata.history.list() == []  # type: ignore[union-attr]


def test_opening_a_checklist_item_scrolls_to_it(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.resize(1000, 500)
    window.open("samarbeid-med-kommunen-om-selvhjelp#distriktskontor")  # the last item
    view = window.checklist_view
    assert view is not None and window.pages.currentWidget() is view
    box = view.boxes["samarbeid-med-kommunen-om-selvhjelp#distriktskontor"]
    qtbot.waitUntil(lambda: view.scroll_area.verticalScrollBar().value() > 0, timeout=2000)
    top = box.mapTo(view.scroll_area.viewport(), box.rect().topLeft()).y()
    assert 0 <= top < view.scroll_area.viewport().height()


def _shown_snippets(window: MainWindow) -> dict[str, str]:
    """What each guidance hit in the results list shows, as the user reads it."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLabel

    shown: dict[str, str] = {}
    rows = window.results.list
    for row in range(rows.count()):
        item = rows.item(row)
        widget = rows.itemWidget(item)
        if isinstance(widget, QLabel) and item.data(Qt.ItemDataRole.UserRole):
            document = QTextDocument()
            document.setHtml(widget.text())
            shown[str(item.data(Qt.ItemDataRole.UserRole))] = document.toPlainText()
    return shown


def test_snippets_quote_the_guidance_not_the_editorial_notes(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    # "Se oversikt over distriktskontorene her." is followed in the content by an editorial
    # note about the lost link; the snippet quotes the guidance around the word only.
    section = "samarbeid-om-selvorganisert-selvhjelp#distriktskontorene"
    assert section in search(qtbot, window, "distriktskontorene")
    snippet = _shown_snippets(window)[section]
    assert "distriktskontorene" in snippet.lower()
    assert "Redaksjonell" not in snippet and "Lenken til oversikten" not in snippet
    # Words only a note has still find its section (the reader has the note under "Om
    # kilden"), but no hit quotes one.
    hits = search(qtbot, window, "redaksjonell merknad")
    assert hits
    shown = _shown_snippets(window)
    assert shown and all("merknad" not in text.lower() for text in shown.values())


def test_the_chosen_hit_keeps_its_colours_and_is_framed(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtGui import QPalette

    from desktop.windows import theme
    from desktop.windows.results import HitLabel

    window = make_window()
    search(qtbot, window, "frisklivssentralene")
    rows = window.results.list
    hits = [r for r in range(rows.count()) if isinstance(rows.itemWidget(rows.item(r)), HitLabel)]
    first = rows.itemWidget(rows.item(hits[0]))
    assert isinstance(first, HitLabel)
    rows.setCurrentRow(hits[0])
    assert first.chosen
    # What is painted where the snippet stands is the base its details colour is measured
    # on (the list's blue highlight under grey text read at about 2:1), framed in the
    # highlight colour.
    image = first.grab().toImage()
    base = first.palette().color(QPalette.ColorRole.Base)
    highlight = first.palette().color(QPalette.ColorRole.Highlight)
    inside = [
        image.pixelColor(x, y)
        for x in range(6, image.width() - 6, 3)
        for y in range(6, image.height() - 6, 3)
    ]
    assert highlight not in inside and inside.count(base) > len(inside) / 2
    assert image.pixelColor(1, image.height() // 2) == highlight
    colours = theme.current()
    assert theme.contrast(colours.details, base.name()) >= 4.5
    rows.setCurrentRow(hits[1])
    assert not first.chosen
    image = first.grab().toImage()
    assert image.pixelColor(1, image.height() // 2) == base


def test_the_first_section_opens_at_the_top_under_one_title(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.resize(1200, 650)
    article = window.handbook.store.article("samarbeid-om-selvorganisert-selvhjelp")  # type: ignore[union-attr]
    intro, later = article.sections[0], article.sections[3]
    assert intro.heading == article.title  # the content says the title twice
    window.open(intro.id)
    assert window.windowTitle() == article.title
    assert window.reader.browser.verticalScrollBar().value() == 0
    window.open(later.id)
    assert window.windowTitle() == f"{article.title} – {later.heading}"
    assert window.reader.browser.verticalScrollBar().value() > 0
