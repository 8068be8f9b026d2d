"""What a screen reader and a keyboard user meet, read through QAccessible (the tree AT-SPI
and UI Automation both bridge): every control named in bokmål, the red bar's numbers readable
and pressable, the reader's links exposed, focus always seen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.windows import theme
from desktop.windows.mainwindow import MainWindow
from tests.conftest import WindowFactory
from tests.qtwalk import Recorder, bokmaal, each_dialog, english_names, unnamed, walk

__all__ = ["bokmaal"]  # the fixture, used by name below

QT_NOTICES = ("This plugin does not support", "QPageSetupDialog")


def press(widget: QWidget) -> None:
    """What a screen reader's "activate" does: the press action of the accessible object."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    actions = face.actionInterface()
    assert actions is not None and actions.pressAction() in actions.actionNames()
    actions.doAction(actions.pressAction())


def test_every_control_of_the_main_window_has_a_norwegian_name(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()
    window.search_field.setText("kirkens")  # the field's clear button is shown
    qtbot.waitUntil(lambda: bool(window.results.hit_ids()), timeout=5000)
    problems: dict[str, list[str]] = {}
    for target in (
        "kirkens-sos",
        "samarbeid-om-selvorganisert-selvhjelp",
        "starte-selvhjelpsgruppe",
    ):
        window.open(target)
        window.reader.open_find()
        window.reader.find_field.setText("finnes-ikke")  # "Ikke funnet" in the find bar
        for index in range(7):  # the six sections and the search results
            window.show_section(index)
            QApplication.processEvents()
            found = unnamed(window) + english_names(window)
            if found:
                problems[f"{target}, section {index}"] = found
    assert problems == {}
    names = {n.name for n in walk(window)}
    assert {"Tøm søkefeltet", "Sidepanel og lesefelt"} <= names
    guide = window.build_panels().guide
    header = QAccessible.queryAccessibleInterface(guide).child(0)
    assert header.role() == QAccessible.Role.ColumnHeader
    assert header.text(QAccessible.Text.Name) == "Veiledning"  # AT-SPI read it out as "1"


@pytest.mark.qt_log_ignore(*QT_NOTICES)
def test_every_control_of_every_dialog_has_a_norwegian_name(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    window.open("kirkens-sos")
    problems: dict[str, list[str]] = {}

    def look(title: str, dialog: QWidget) -> None:
        found = unnamed(dialog) + english_names(dialog)
        if found:
            problems[title] = found

    seen = each_dialog(window, tmp_path, look)
    assert len(seen) >= 10
    assert problems == {}


def test_the_walk_finds_a_control_without_a_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    QVBoxLayout(box).addWidget(QLineEdit(box))
    box.show()
    assert len(unnamed(box)) == 1


def test_red_bar_numbers_are_read_and_pressed(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    bar = window.emergency
    read = {n.name for n in walk(bar) if n.role in ("Button", "PushButton")}
    for number in ("113", "116 117", "22 40 00 40", "116 123", "116 111"):
        assert any(name.startswith(number + " ") for name in read), number
    assert "113 Medisinsk nødtelefon" in read
    mental = next(b for b in bar.buttons if b.number == "116 123")
    press(mental)  # Qt animates the press: the click follows a moment later
    qtbot.waitUntil(lambda: window.current == "mental-helse-hjelpetelefonen", timeout=2000)


def tab_cycle(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    """The controls Tab visits from the search field until it is back there."""
    window.focus_search()
    stops: list[QWidget] = []
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is window.search_field:
            return stops
        stops.append(focus)
    raise AssertionError(f"Tab never came back to the search field: {stops[-5:]}")


def test_red_bar_is_one_tab_stop_with_arrow_keys_inside(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    bar = window.emergency
    stops = tab_cycle(qtbot, window)
    on_bar = [w for w in stops if bar.isAncestorOf(w)]
    assert len(on_bar) == 1 and on_bar[0] is bar.buttons[0]
    bar.buttons[0].setFocus()
    qtbot.keyClick(bar.buttons[0], Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert QApplication.focusWidget() is bar.buttons[2]
    qtbot.keyClick(bar.buttons[2], Qt.Key.Key_End)
    assert QApplication.focusWidget() is bar.buttons[-1]
    qtbot.keyClick(bar.buttons[-1], Qt.Key.Key_Right)  # round to the first
    assert QApplication.focusWidget() is bar.buttons[0]
    qtbot.keyClick(bar.buttons[0], Qt.Key.Key_Left)
    last = bar.buttons[-1]
    assert QApplication.focusWidget() is last
    # Tab leaves the bar; Shift+Tab comes back to the number last visited.
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert not bar.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is last
    qtbot.keyClick(last, Qt.Key.Key_Return)
    assert window.current == last.contact_id


def test_reader_links_are_exposed_and_pressable(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.open("kirkens-sos")
    links = {n.name: n for n in walk(window.reader) if n.role in ("Button", "PushButton")}
    assert "Kopier 22 40 00 40" in links
    assert any("kirkens" in name.lower() and "Åpner" in n.description for name, n in links.items())
    button = next(
        b for b, _f, _l in window.reader.links.buttons if "22 40 00 40" in b.accessibleName()
    )
    # It lies over the link's words, inside the reading pane, and lets the mouse through.
    view = window.reader.browser.viewport().rect()
    assert view.contains(button.geometry().center())
    assert button.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    QGuiApplication.clipboard().clear()
    press(button)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "22 40 00 40", timeout=2000)


def ring_pixels(window: MainWindow, widget: QWidget) -> tuple[list[QColor], QColor]:
    """The colours just outside ``widget`` where the ring is drawn, and the background."""
    image: QImage = window.grab().toImage()
    top_left = widget.mapTo(window, QPoint(0, 0))
    gap = theme.RING_GAP
    y = top_left.y() + widget.height() // 2
    x0 = top_left.x() - gap - theme.RING_WIDTH  # the ring's outer edge, left of the widget
    ring = [image.pixelColor(x0 + i, y) for i in range(theme.RING_WIDTH)]
    return ring, image.pixelColor(x0 - 2, y)


def test_focus_is_seen_on_every_kind_of_control(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()
    window.open("starte-selvhjelpsgruppe")
    assert window.checklist_view is not None
    box = next(iter(window.checklist_view.boxes.values()))
    controls = [window.search_field, window.emergency.buttons[1], box]
    for control in controls:
        control.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        ring, behind = ring_pixels(window, control)
        for pixel in ring:  # RING_WIDTH pixels wide, each standing out from what is behind
            assert theme.contrast(pixel, behind) >= theme.FOCUS_MINIMUM, (control, pixel.name())


def test_tab_follows_reading_order(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.open("kirkens-sos")
    regions = window.regions()  # toolbar, red bar, sections, side panel, content
    stops = tab_cycle(qtbot, window)
    areas = [next(i for i, r in enumerate(regions) if r is w or r.isAncestorOf(w)) for w in stops]
    assert areas == sorted(areas)
    assert set(areas) == {0, 1, 2, 3, 4}
