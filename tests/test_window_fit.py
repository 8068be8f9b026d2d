"""Every window the program opens fits a 1280x720 laptop screen (its taskbar included), and a
size remembered from a bigger screen is brought inside the screen it opens on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.windows import screenfit
from desktop.windows.helpdialog import HelpDialog
from desktop.windows.mainwindow import MainWindow
from index.userdata.store import UserData
from tests.conftest import WindowFactory
from tests.qtwalk import each_dialog

# A 1280x720 screen less a 40 px Windows taskbar: what a window may use, frame included.
LAPTOP = QRect(0, 0, 1280, 680)
QT_NOTICES = ("This plugin does not support", "QPageSetupDialog")


def fits(widget: QWidget, area: QRect = LAPTOP) -> list[str]:
    """What keeps ``widget`` from lying inside ``area``, once clamped there as the program
    clamps every window it shows."""
    most = screenfit.largest_size(widget, area)
    problems = []
    least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if least.width() > most.width() or least.height() > most.height():
        problems.append(f"needs at least {least.width()}x{least.height()}")
    screenfit.clamp(widget, area)
    extra = screenfit.frame_extra(widget)
    outer = QRect(widget.x(), widget.y(), widget.width() + extra.width(), widget.height())
    outer.setHeight(widget.height() + extra.height())
    if not area.contains(outer):
        problems.append(f"lies at {outer.x()},{outer.y()} {outer.width()}x{outer.height()}")
    return problems


@pytest.mark.qt_log_ignore(*QT_NOTICES)
def test_every_dialog_fits_a_1280x720_screen(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    window.open("kirkens-sos")
    problems: dict[str, list[str]] = {}

    def look(title: str, dialog: QWidget) -> None:
        found = fits(dialog)
        if found:
            problems[title] = found

    seen = each_dialog(window, tmp_path, look)
    help_dialog = HelpDialog(window.actions_.shortcuts, "Font Awesome", window)
    help_dialog.show()
    look("Hjelp og hurtigtaster", help_dialog)
    help_dialog.close()
    look("Handbok", window)
    assert len(seen) >= 10 and "Ny lokal kontakt" in seen
    assert problems == {}


def test_a_remembered_size_is_clamped_to_the_screen(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    # A window saved on a 1920x1080 screen, maximal and low on it.
    big = MainWindow(None)
    big.setGeometry(1500, 900, 1900, 1040)
    geometry = bytes(big.saveGeometry().toBase64().data()).decode()
    big.deleteLater()
    userdata = UserData.open(data_dir)
    userdata.settings.set("window.geometry", geometry)
    userdata.close()
    window = make_window()
    area = screenfit.available_area(window)
    frame = window.frameGeometry()
    assert area.contains(QRect(window.pos(), frame.size())), (frame, area)


def test_a_first_start_fills_a_small_screen(qtbot: QtBot) -> None:
    window = MainWindow(None)  # no saved geometry: the default, on the test's 800x800 screen
    qtbot.addWidget(window)
    area = screenfit.available_area(window)
    assert area.width() < screenfit.DEFAULT.width()
    assert window.size() == screenfit.largest_size(window, area)
    assert area.contains(QRect(window.pos(), window.size()))


def test_long_guidance_titles_wrap_in_the_narrow_panel(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.windows.sections import GUIDE

    window = make_window()
    window.resize(1264, 681)
    window.show_section(GUIDE)
    tree = window.build_panels().guide
    QApplication.processEvents()
    qtbot.wait(50)
    line = tree.fontMetrics().height()

    def rows() -> list[tuple[str, int, int]]:
        """(title, row height, room for its text) of every article."""
        room = tree.viewport().width() - tree.indentation()
        found = []
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            found.append((item.text(0), tree.visualItemRect(item).height(), room))
        return found

    # A title wider than its row has room for takes two lines or more, not an ellipsis.
    long = [(t, h) for t, h, room in rows() if tree.fontMetrics().horizontalAdvance(t) > room]
    assert long, rows()  # the shipped content has such titles at this width
    assert all(height >= 2 * line for _title, height in long), long
    # Wider, the same rows go back to one line.
    window.resize(1900, 1000)
    window.splitter.setSizes([900, 1000])
    QApplication.processEvents()
    qtbot.waitUntil(
        lambda: all(
            h < 2 * line
            for t, h, room in rows()
            if tree.fontMetrics().horizontalAdvance(t) < room - 20
        ),
        timeout=2000,
    )


def test_a_checklist_keeps_a_measure_on_a_wide_screen(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.windows.checklist import MEASURE, SAMPLE

    window = make_window()
    window.resize(1900, 1000)
    window.open("samarbeid-med-frivillige-organisasjoner")
    view = window.checklist_view
    assert view is not None and window.pages.currentWidget() is view
    QApplication.processEvents()
    per_char = view.fontMetrics().horizontalAdvance(SAMPLE) / len(SAMPLE)
    # Its items, the progress and the run in one column of about MEASURE characters, centred.
    assert view.width() > 1.4 * MEASURE * per_char
    assert MEASURE * per_char <= view.column.width() <= MEASURE * per_char + 80
    middle = view.column.geometry().center().x()
    assert abs(middle - view.rect().center().x()) <= 2
    assert view.progress.width() <= view.column.width()
    # Narrower than that (half a small screen, beside the panel), the column is the view's
    # whole width, and the view is not held wider.
    window.resize(900, 681)
    QApplication.processEvents()
    assert view.width() < view.column.maximumWidth()
    assert view.column.width() >= view.width() - 2 * 12
