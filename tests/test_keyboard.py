"""The main tasks by keyboard alone: every step a key press on whatever has the focus, as a
nurse without a mouse (or with a screen reader) would do them. No widget is clicked or set."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.windows.mainwindow import MainWindow
from tests.conftest import WindowFactory
from tests.qtwalk import Recorder, bokmaal

__all__ = ["bokmaal"]  # the fixture, used by name below

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(
    qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focus(), which, modifier)


def tab_to(qtbot: QtBot, wanted: object, most: int = 30) -> int:
    """Press Tab until ``wanted(focus)`` holds; returns how many presses it took."""
    for presses in range(1, most + 1):
        key(qtbot, K.Key_Tab)
        if wanted(focus()):  # type: ignore[operator]
            return presses
    raise AssertionError(f"not reached in {most} Tab presses; focus on {focus()!r}")


def to_section(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """The section ``name``, by F6 to the section list and the arrow keys."""
    for _ in range(5):
        if focus() is window.sections:
            break
        key(qtbot, K.Key_F6)
    assert focus() is window.sections
    for _ in range(window.sections.count()):
        if window.sections.names()[window.sections.currentRow()] == name:
            return
        key(qtbot, K.Key_Down)
    raise AssertionError(f"no section {name!r}")


def test_find_a_help_line_open_now_and_copy_its_number(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()  # Monday noon
    key(qtbot, K.Key_K, CTRL)
    assert focus() is window.search_field
    to_section(qtbot, window, "Kontakter")
    panel = window.contacts
    tab_to(qtbot, lambda w: w is panel.category)
    for _ in range(panel.category.count()):  # the arrow keys walk the combo box's choices
        if panel.category.currentData() == "hjelpetelefon":
            break
        key(qtbot, K.Key_Down)
    assert panel.category.currentData() == "hjelpetelefon"
    tab_to(qtbot, lambda w: w is panel.open_now)
    key(qtbot, K.Key_Space)
    assert panel.open_now.isChecked()
    tab_to(qtbot, lambda w: w is panel.list)
    key(qtbot, K.Key_Down)
    chosen = panel.chosen()
    assert chosen is not None
    key(qtbot, K.Key_Return)
    assert window.current == chosen
    contact = window.handbook.store.contact(chosen)  # type: ignore[union-attr]
    assert contact.category == "hjelpetelefon"
    assert "Åpen nå" in window.reader.plain_text()

    # F6 to the contact card; its first link is "Kopier" beside the number.
    key(qtbot, K.Key_F6)
    assert focus() is window.reader.browser
    QGuiApplication.clipboard().clear()
    presses = tab_to(qtbot, lambda w: "kopier:" in _link_under_cursor(window), most=4)
    assert presses == 1
    key(qtbot, K.Key_Return)
    number = next(c.value for c in contact.channels if c.type == "telefon")
    assert QGuiApplication.clipboard().text() == number
    # "Kopiert" beside the link the keyboard is on (the first "Kopier", the phone's).
    links = window.reader.links
    first_copy = next(b for b, _f, _l in links.buttons if b.url.scheme() == "kopier")
    assert links.confirm.isVisible() and links.confirmed is first_copy


def _link_under_cursor(window: MainWindow) -> str:
    cursor = window.reader.browser.textCursor()
    return cursor.charFormat().anchorHref() if cursor.hasSelection() else ""


def test_red_bar_number_to_its_copy_button(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()
    key(qtbot, K.Key_K, CTRL)
    key(qtbot, K.Key_F6)  # the red bar
    assert window.emergency.isAncestorOf(focus())
    for _ in range(len(window.emergency.buttons)):
        if "116 123" in focus().accessibleName():
            break
        key(qtbot, K.Key_Right)
    key(qtbot, K.Key_Return)  # opens the contact and takes the focus there
    assert window.current == "mental-helse-hjelpetelefonen"
    assert focus() is window.reader.browser
    QGuiApplication.clipboard().clear()
    tab_to(qtbot, lambda w: "kopier:" in _link_under_cursor(window), most=1)
    key(qtbot, K.Key_Return)
    assert QGuiApplication.clipboard().text() == "116 123"


def test_tick_a_checklist_item_and_write_a_note(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()
    key(qtbot, K.Key_K, CTRL)
    to_section(qtbot, window, "Sjekklister")
    checklists = window.build_panels().checklists
    tab_to(qtbot, lambda w: w is checklists)
    key(qtbot, K.Key_Down)
    key(qtbot, K.Key_Return)
    view = window.checklist_view
    assert view is not None and window.pages.currentWidget() is view
    key(qtbot, K.Key_F6)
    assert view.isAncestorOf(focus())
    first_item, first_box = next(iter(view.boxes.items()))
    tab_to(qtbot, lambda w: w is first_box)
    key(qtbot, K.Key_Space)
    assert first_box.isChecked()
    key(qtbot, K.Key_Tab)
    assert focus() is view.notes[first_item]
    qtbot.keyClicks(focus(), "Avklart med frivilligsentralen")
    run = view.current_run()
    assert run is not None
    saved = window.userdata.runs.state(run)  # type: ignore[union-attr]
    assert saved[first_item].ticked and saved[first_item].note == "Avklart med frivilligsentralen"


def test_space_does_not_tick_a_box_out_of_sight(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()
    window.resize(1000, 500)
    window.open("starte-selvhjelpsgruppe")
    view = window.checklist_view
    assert view is not None
    last = list(view.boxes.values())[-1]
    view.scroll_area.verticalScrollBar().setValue(0)
    last.setFocus(Qt.FocusReason.OtherFocusReason)  # focus that scrolled out of sight
    view.scroll_area.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    assert not last.seen()  # type: ignore[attr-defined]
    key(qtbot, K.Key_Space)
    assert not last.isChecked()  # the first Space shows the box ...
    assert last.seen()  # type: ignore[attr-defined]
    key(qtbot, K.Key_Space)
    assert last.isChecked()  # ... the next one ticks it


def test_make_and_save_a_handout(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory, tmp_path: Path
) -> None:
    out = tmp_path / "til-pasienten.pdf"
    window = make_window(out)
    key(qtbot, K.Key_K, CTRL)
    key(qtbot, K.Key_P, CTRL | SHIFT)
    composer = window.composer
    qtbot.waitUntil(composer.isVisible, timeout=3000)
    composer.activateWindow()
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and QApplication.focusWidget().window() is composer
        ),
        timeout=3000,
    )
    assert isinstance(focus(), QComboBox | QWidget)
    # The template: the first choice is the composer's first stop; another by arrow key.
    tab_to(qtbot, lambda w: w is composer.template_choice)
    key(qtbot, K.Key_Down)
    assert composer.template_choice.currentIndex() == 1
    tab_to(qtbot, lambda w: w is composer.large)
    key(qtbot, K.Key_Space)
    assert isinstance(focus(), QCheckBox) and composer.large.isChecked()
    tab_to(qtbot, lambda w: isinstance(w, QPushButton) and w.text().startswith("Lagre som PDF"))
    key(qtbot, K.Key_Space)
    assert out.exists()
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert composer.handout.title.split()[0] in text
