"""Qt's own strings in bokmål: every dialog the program shows, opened and read.

The PySide6 wheel has no bokmål for Qt itself, so the program ships resources/i18n/qtbase_nb.ts.
These tests open each dialog (button boxes, the file dialog with its question before saving
over a file, print preview, the print dialog, the composer), the main window and the text
fields' context menus, and fail on any English word shown and on any Qt string that was looked
up without a bokmål translation, so a Qt upgrade that adds strings is caught here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import WindowFactory
from tests.qtwalk import Recorder, bokmaal, each_dialog, english_texts, is_english, plain

__all__ = ["bokmaal"]  # the fixture, used by name below

QT_NOTICES = ("This plugin does not support", "QPageSetupDialog")


@pytest.mark.qt_log_ignore(*QT_NOTICES)
def test_every_dialog_shows_qt_in_bokmaal(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    window.open("kirkens-sos")
    english: dict[str, list[str]] = {}

    def look(title: str, dialog: QWidget) -> None:
        found = english_texts(dialog)
        if found:
            english[title] = found

    seen = each_dialog(window, tmp_path, look)
    assert "Filen finnes fra før" in seen  # the file dialog's question was reached and read
    assert "Forhåndsvisning" in seen and "Skriv ut" in seen
    assert english == {}
    assert bokmaal.untranslated() == []


def test_main_window_and_context_menus_in_bokmaal(
    qtbot: QtBot, bokmaal: Recorder, make_window: WindowFactory
) -> None:
    window = make_window()
    window.open("kirkens-sos")
    window.resize(700, 600)  # narrow: the side panel's tabs scroll, with their arrow buttons
    assert english_texts(window) == []
    window.search_field.setText("hjelp")
    menus = [
        window.search_field.createStandardContextMenu(),
        window.reader.browser.createStandardContextMenu(QPoint(5, 5)),
    ]
    # An action's text carries its shortcut after a tab: "Kopier\tCtrl+C".
    shown = [plain(a.text().split("\t")[0]) for menu in menus for a in menu.actions() if a.text()]
    assert "Kopier" in shown and "Merk alt" in shown
    assert [text for text in shown if is_english(text)] == []
    assert bokmaal.untranslated() == []


def test_qt_translation_is_loaded_like_the_programs_own() -> None:
    from desktop.translations import build
    from index.resources import resource_path

    assert build() == 0
    assert resource_path("i18n", "qtbase_nb.qm").exists()  # build.py ships every .qm
