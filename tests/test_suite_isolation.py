"""The suite keeps to its own config folder: Qt's file dialog state never reaches the real
~/.config, whose QtProject.conf other runs and other people share (a test once flaked on it)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import WindowFactory
from tests.isolation import SUITE_HOME


def _stamp(path: Path) -> tuple[int, int] | None:
    return (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else None


def test_file_dialog_state_lands_in_the_suites_own_folder(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    real = Path.home() / ".config" / "QtProject.conf"
    before = _stamp(real)
    window = make_window()
    dialog = window.dialogs.file_dialog("Importer bokmerker", "JSON (*.json)")
    dialog.setDirectory(str(tmp_path))
    dialog.show()
    QApplication.processEvents()
    dialog.close()
    shiboken6.delete(dialog)  # Qt's own dialog writes its state when it is destroyed
    own = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
    assert own.is_relative_to(SUITE_HOME)
    assert str(tmp_path) in own.read_text(encoding="utf-8")  # the dialog's last folder
    assert _stamp(real) == before
