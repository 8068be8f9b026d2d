"""Colour and text size from the platform (EN 301 549 11.7): every colour pair the program shows
reads at WCAG 2.1's 4.5:1 (text) and 3:1 (focus ring) in light, dark and high-contrast
schemes, the window follows a scheme change while it runs, and the system's font size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.windows import theme
from tests.conftest import WindowFactory
from tests.qtwalk import Recorder, bokmaal

__all__ = ["bokmaal"]  # the fixture, used by name below

WINDOWS = Path(__file__).resolve().parents[1] / "desktop" / "windows"


def test_wcag_ratio_is_computed_as_the_standard_says() -> None:
    assert theme.contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#8a1c1c", "#ffffff") == theme.contrast("#ffffff", "#8a1c1c")


@pytest.mark.parametrize("scheme", sorted(theme.SCHEMES))
def test_every_colour_pair_reads_in_every_scheme(scheme: str) -> None:
    contrast_wanted = theme.SCHEMES[scheme][0]
    colours = theme.derive(theme.scheme_palette(scheme), contrast_wanted)
    short = [
        f"{what}: {fore} on {back} {theme.contrast(fore, back):.2f}:1"
        for what, fore, back, minimum in colours.pairs()
        if theme.contrast(fore, back) < minimum
    ]
    assert short == []


def test_high_contrast_takes_the_systems_colours() -> None:
    colours = theme.derive(theme.scheme_palette("Windows high contrast Desert"), True)
    assert (colours.bar, colours.on_bar) == ("#fffaef", "#3d3d3d")
    assert colours.details == colours.on_base  # no grey of the program's own


def test_no_window_names_a_colour_of_its_own() -> None:
    """Colours come from the theme only: a colour written in a window would not follow a
    dark or high-contrast scheme (printing, under desktop/documents, keeps paper colours)."""
    colour = re.compile(r"#[0-9a-fA-F]{3,6}\b|\bcolor\s*:", re.IGNORECASE)
    written = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(WINDOWS.glob("*.py"))
        if path.name != "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if colour.search(line) and "theme." not in line
    ]
    assert written == []


def test_the_window_follows_a_dark_scheme_while_it_runs(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory, qapp: QApplication
) -> None:
    window = make_window()
    window.open("starte-selvhjelpsgruppe")
    assert window.checklist_view is not None
    # a checklist item's help text, in the details colour
    marked = [w for w in theme.theme().marked if shiboken6.isValid(w)]
    help_label = next(w for w in marked if window.isAncestorOf(w))
    window.open("kirkens-sos")
    palette = theme.scheme_palette("Windows 11 dark")
    before = qapp.palette()
    try:
        qapp.setPalette(palette)
        qtbot.waitUntil(lambda: theme.current().base == "#2b2b2b", timeout=2000)
        css = window.reader.browser.document().defaultStyleSheet()
        assert f"body {{ color: {theme.current().on_base}; }}" in css
        assert "Kirkens SOS" in window.reader.plain_text()  # the page was shown again
        text = help_label.palette().color(QPalette.ColorRole.WindowText)
        window_bg = palette.color(QPalette.ColorRole.Window)
        assert theme.contrast(text, window_bg) >= theme.TEXT_MINIMUM
        bar = window.emergency.palette()
        bar_text = bar.color(QPalette.ColorRole.ButtonText)
        assert theme.contrast(bar_text, bar.color(QPalette.ColorRole.Window)) >= 4.5
    finally:
        qapp.setPalette(before)
        theme.theme().refresh()


def test_search_group_headers_are_not_pale(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()
    window.search_field.setText("selvhjelp")
    qtbot.waitUntil(lambda: bool(window.results.hit_ids()), timeout=5000)
    results = window.results.list
    header = results.item(0)
    assert not header.data(0x0100)  # a heading, not a hit
    base = results.palette().color(QPalette.ColorRole.Base)
    assert theme.contrast(header.foreground().color(), base) >= theme.TEXT_MINIMUM


def test_the_systems_font_size_is_followed(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory, qapp: QApplication
) -> None:
    before = qapp.font()
    try:
        bigger = QFont(before)
        bigger.setPointSizeF(before.pointSizeF() + 6)
        qapp.setFont(bigger)
        window = make_window()
        assert window.reader.browser.font().pointSizeF() == bigger.pointSizeF()
        assert window.emergency.buttons[0].font().pointSizeF() == bigger.pointSizeF()
        qtbot.keyClick(window, ord("+"), modifier=_ctrl())  # one step larger, on top of it
        largest = QFont(bigger)
        largest.setPointSizeF(bigger.pointSizeF() + 3)
        qapp.setFont(largest)  # the system's size changes while the program runs
        qtbot.waitUntil(
            lambda: window.reader.browser.font().pointSizeF() == largest.pointSizeF() + 1,
            timeout=2000,
        )
    finally:
        qapp.setFont(before)


def _ctrl() -> object:
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier


def test_colours_are_written_as_colours() -> None:
    for field in theme.Colours.__dataclass_fields__:
        if field != "high_contrast":
            assert QColor(getattr(theme.current(), field)).isValid(), field
